#ifndef BYTEK_SUNAT_SIGN_H
#define BYTEK_SUNAT_SIGN_H
#include <stddef.h>
/* Placeholder until the signer lands: returns the xmlsec version check (1 when usable). */
int sunat_sign_library_ok(void);
#endif
