#ifndef BYTEK_COPENSSL_SHIM_H
#define BYTEK_COPENSSL_SHIM_H
#include <openssl/evp.h>
#endif
