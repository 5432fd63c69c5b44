#include "sunat_sign.h"
#include "xmlsec_config.h"

int sunat_sign_library_ok(void) { return xmlSecCheckVersion(); }
