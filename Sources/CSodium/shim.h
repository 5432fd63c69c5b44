#ifndef BYTEK_CSODIUM_SHIM_H
#define BYTEK_CSODIUM_SHIM_H
#include <sodium.h>

/* The INTERACTIVE Argon2id limits are macros; Swift sees these constants instead. */
static inline unsigned long long bytek_pwhash_opslimit(void) { return crypto_pwhash_OPSLIMIT_INTERACTIVE; }
static inline size_t bytek_pwhash_memlimit(void) { return crypto_pwhash_MEMLIMIT_INTERACTIVE; }
static inline size_t bytek_pwhash_strbytes(void) { return crypto_pwhash_STRBYTES; }
#endif
