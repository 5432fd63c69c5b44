/*
 * A self-signed RSA certificate packed as PKCS#12, made with OpenSSL's libcrypto, for the demo and
 * tests: it lets a new installation sign documents for the local SUNAT emulator without a real
 * certificate. Production always uses the company's certificate from SUNAT's accepted authorities.
 */
#include "sunat_sign.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

static void collect_openssl_errors(const char *what, char *err, size_t err_len) {
    if (err == NULL || err_len == 0) { ERR_clear_error(); return; }
    size_t used = (size_t)snprintf(err, err_len, "%s", what);
    unsigned long code;
    while ((code = ERR_get_error()) != 0 && used + 3 < err_len) {
        char line[256];
        ERR_error_string_n(code, line, sizeof line);
        used += (size_t)snprintf(err + used, err_len - used, "; %s", line);
    }
}

int sunat_self_signed_pkcs12(const char *common_name, const char *organization, const char *password,
                             int valid_days, unsigned char **out, size_t *out_len, char *err, size_t err_len) {
    int rc = -1;
    EVP_PKEY *pkey = NULL;
    X509 *cert = NULL;
    PKCS12 *p12 = NULL;
    unsigned char *der = NULL;
    *out = NULL;
    *out_len = 0;
    ERR_clear_error();

    pkey = EVP_RSA_gen(2048);
    if (pkey == NULL) { collect_openssl_errors("no se pudo generar la clave RSA", err, err_len); goto done; }
    cert = X509_new();
    if (cert == NULL || X509_set_version(cert, 2) != 1) { collect_openssl_errors("X509_new", err, err_len); goto done; }
    ASN1_INTEGER_set(X509_get_serialNumber(cert), (long)time(NULL));
    X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert), (long)valid_days * 24 * 3600);
    X509_set_pubkey(cert, pkey);
    X509_NAME *name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "C", MBSTRING_UTF8, (const unsigned char *)"PE", -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, (const unsigned char *)organization, -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, (const unsigned char *)common_name, -1, -1, 0);
    X509_set_issuer_name(cert, name);
    if (X509_sign(cert, pkey, EVP_sha256()) <= 0) { collect_openssl_errors("no se pudo firmar el certificado", err, err_len); goto done; }

    p12 = PKCS12_create(password, common_name, pkey, cert, NULL, 0, 0, 0, 0, 0);
    if (p12 == NULL) { collect_openssl_errors("no se pudo crear el PKCS#12", err, err_len); goto done; }
    int len = i2d_PKCS12(p12, &der);
    if (len <= 0) { collect_openssl_errors("no se pudo codificar el PKCS#12", err, err_len); goto done; }
    *out = der;
    *out_len = (size_t)len;
    der = NULL;
    rc = 0;
done:
    OPENSSL_free(der);
    PKCS12_free(p12);
    X509_free(cert);
    EVP_PKEY_free(pkey);
    return rc;
}

void sunat_self_signed_free(unsigned char *bytes) { OPENSSL_free(bytes); }
