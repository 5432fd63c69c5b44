#ifndef BYTEK_CXMLSEC_SHIM_H
#define BYTEK_CXMLSEC_SHIM_H
/* No Swift file imports this module: it gives the C signer (CSunatSign) xmlsec's include
   and link flags. The ABI defines and the headers are in CSunatSign/xmlsec_config.h. */
#include <xmlsec/version.h>
#endif
