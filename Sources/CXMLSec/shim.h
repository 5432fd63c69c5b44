#ifndef BYTEK_CXMLSEC_SHIM_H
#define BYTEK_CXMLSEC_SHIM_H
/* pkg-config's -D flags are dropped by SwiftPM; they change the ABI, so set them here
   (PLATFORM-NOTES.md §3). Only the C signing target (CSunatSign) includes this. */
#define XMLSEC_NO_SIZE_T 1
#define XMLSEC_CRYPTO_OPENSSL 1
#define XMLSEC_NO_CRYPTO_DYNAMIC_LOADING 1
#define XMLSEC_NO_GOST 1
#define XMLSEC_NO_GOST2012 1
#define XMLSEC_OPENSSL3_ENGINES 1
#define __XMLSEC_FUNCTION__ __func__
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/templates.h>
#include <xmlsec/crypto.h>
#include <xmlsec/errors.h>
#endif
