#ifndef BYTEK_SUNAT_SIGN_H
#define BYTEK_SUNAT_SIGN_H
/*
 * Enveloped XML-DSig for SUNAT UBL 2.1 documents over libxmlsec1 (openssl backend).
 *
 * This header deliberately includes no libxml2/xmlsec header: Swift files that import Foundation
 * see only these plain C declarations, so libxml2's ICU types never meet Foundation's (PLATFORM-NOTES §3).
 *
 * Conventions:
 * - Every function that can fail takes `err`/`err_len`: on failure a NUL-terminated message (the
 *   libxml2/xmlsec/OpenSSL errors of this call, in order) is written there. Nothing is ever printed.
 * - All functions are safe to call from several threads at once; the one-time library start-up is
 *   done on first use under pthread_once.
 */
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Signature algorithm. The reference digest follows it (SHA-256 or SHA-1). */
typedef enum {
    SUNAT_SIGN_RSA_SHA256 = 0,
    SUNAT_SIGN_RSA_SHA1 = 1
} sunat_sign_algorithm;

/** A loaded private key with its X.509 certificate. Immutable after loading; share it freely. */
typedef struct sunat_key sunat_key;

/** Starts libxml2 + xmlsec + OpenSSL once per process. 0 on success, -1 with a message. Idempotent. */
int sunat_sign_init(char *err, size_t err_len);

/** PKCS#12 (.pfx/.p12) file with its password. NULL on failure. */
sunat_key *sunat_key_load_pkcs12_file(const char *path, const char *password, char *err, size_t err_len);
/** PKCS#12 bytes (e.g. decoded from an environment variable). NULL on failure. */
sunat_key *sunat_key_load_pkcs12_memory(const unsigned char *data, size_t len, const char *password,
                                        char *err, size_t err_len);
/** PEM private key file plus PEM certificate file. `password` may be NULL for an unencrypted key. */
sunat_key *sunat_key_load_pem_files(const char *key_path, const char *cert_path, const char *password,
                                    char *err, size_t err_len);
/** PEM private key bytes plus PEM certificate bytes. `password` may be NULL. */
sunat_key *sunat_key_load_pem_memory(const unsigned char *key_pem, size_t key_len,
                                     const unsigned char *cert_pem, size_t cert_len,
                                     const char *password, char *err, size_t err_len);
/** Releases a key. NULL is allowed. */
void sunat_key_free(sunat_key *key);

/**
 * Certificate facts for settings screens: the subject (RFC 2253, written into `subject`) and the
 * expiry as seconds since 1970 UTC. 0 on success, -1 with a message.
 */
int sunat_key_certificate_info(const sunat_key *key, char *subject, size_t subject_len,
                               long long *not_after, char *err, size_t err_len);

/**
 * Signs a UBL document. The ds:Signature (Id `signature_id`, "SignatureSP" when NULL) goes into the
 * FIRST root/ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent, which must hold no element yet.
 * Reference URI="", enveloped-signature transform, inclusive C14N, KeyInfo with X509Certificate only.
 * The document is parsed without network access and re-serialised as UTF-8 with its whitespace as is.
 *
 * On success returns 0, `*out` holds the signed bytes (release them with sunat_sign_free) and, when
 * `digest` is not NULL, the reference's DigestValue (base64) is copied there.
 * On failure returns -1, `*out` is NULL and `err` holds the message.
 */
int sunat_sign_xml(const unsigned char *xml, size_t xml_len, const sunat_key *key,
                   sunat_sign_algorithm algorithm, const char *signature_id,
                   unsigned char **out, size_t *out_len,
                   char *digest, size_t digest_len,
                   char *err, size_t err_len);

/** Releases bytes returned by sunat_sign_xml. NULL is allowed. */
void sunat_sign_free(void *bytes);

/** Copies the first ds:DigestValue of a signed document (trimmed) into `digest`. 0, or -1 with a message. */
int sunat_digest_value(const unsigned char *xml, size_t xml_len, char *digest, size_t digest_len,
                       char *err, size_t err_len);

/**
 * Verifies the first ds:Signature of a document with the public part of `key` (a self-check; the
 * independent judge is the xmlsec1 CLI). Only same-document references are followed.
 * Returns 1 when valid, 0 when the signature does not match (reason in `err`), -1 on error.
 */
int sunat_verify_xml(const unsigned char *xml, size_t xml_len, const sunat_key *key,
                     char *err, size_t err_len);


/**
 * A new RSA 2048 key and a self-signed X.509 certificate (SHA-256, C=PE, O=organization, CN=common_name)
 * valid for `valid_days`, as a DER PKCS#12 protected by `password`. For the demo and tests only.
 * 0 on success with *out (free with sunat_self_signed_free) and *out_len; -1 with a message.
 */
int sunat_self_signed_pkcs12(const char *common_name, const char *organization, const char *password,
                             int valid_days, unsigned char **out, size_t *out_len, char *err, size_t err_len);
void sunat_self_signed_free(unsigned char *bytes);

#ifdef __cplusplus
}
#endif
#endif
