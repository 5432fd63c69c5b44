#include "sunat_sign.h"
#include "xmlsec_config.h"

#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/xmlerror.h>
#include <libxml/globals.h>
#include <xmlsec/openssl/app.h>
#include <xmlsec/openssl/crypto.h>
#include <xmlsec/openssl/evp.h>
#include <xmlsec/openssl/x509.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#define EXT_NS "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"
#define DSIG_NS "http://www.w3.org/2000/09/xmldsig#"

struct sunat_key {
    xmlSecKeyPtr key;
    /* Only for sunat_key_certificate_info, which formats certificate fields through OpenSSL BIOs. */
    pthread_mutex_t lock;
};

/* ---------------------------------------------------------------------------------------------
 * Error capture. libxml2's handlers are per thread and xmlsec's callback is process-wide, so both
 * write into a thread-local buffer that each public call points at its caller's `err`.
 * ------------------------------------------------------------------------------------------- */

typedef struct {
    char *buf;
    size_t len;
} err_sink;

static _Thread_local err_sink tl_sink;

static void sink_append(const char *text) {
    if (tl_sink.buf == NULL || tl_sink.len == 0 || text == NULL || *text == '\0') return;
    size_t used = strlen(tl_sink.buf);
    if (used + 1 >= tl_sink.len) return;
    if (used > 0) {
        snprintf(tl_sink.buf + used, tl_sink.len - used, "; ");
        used = strlen(tl_sink.buf);
    }
    snprintf(tl_sink.buf + used, tl_sink.len - used, "%s", text);
    /* libxml2 messages end in a newline: keep the message on one line. */
    size_t end = strlen(tl_sink.buf);
    while (end > 0 && (tl_sink.buf[end - 1] == '\n' || tl_sink.buf[end - 1] == '\r' || tl_sink.buf[end - 1] == ' ')) {
        tl_sink.buf[--end] = '\0';
    }
}

static void sink_appendf(const char *fmt, ...) {
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    sink_append(line);
}

static void structured_error(void *ctx, xmlErrorPtr error) {
    (void)ctx;
    if (error == NULL) return;
    if (error->line > 0) sink_appendf("XML línea %d: %s", error->line, error->message ? error->message : "error");
    else sink_append(error->message ? error->message : "error XML");
}

static void generic_error(void *ctx, const char *msg, ...) {
    (void)ctx;
    char line[512];
    va_list ap;
    va_start(ap, msg);
    vsnprintf(line, sizeof line, msg, ap);
    va_end(ap);
    sink_append(line);
}

static void xmlsec_error(const char *file, int line, const char *func, const char *object,
                         const char *subject, int reason, const char *msg) {
    (void)file; (void)line; (void)object;
    const char *reason_text = NULL;
    for (xmlSecSize i = 0; i < XMLSEC_ERRORS_MAX_NUMBER && xmlSecErrorsGetMsg(i) != NULL; i++) {
        if (xmlSecErrorsGetCode(i) == reason) { reason_text = xmlSecErrorsGetMsg(i); break; }
    }
    sink_appendf("%s%s%s%s%s",
                 subject ? subject : (func ? func : "xmlsec"),
                 reason_text ? ": " : "", reason_text ? reason_text : "",
                 (msg && *msg) ? ": " : "", (msg && *msg) ? msg : "");
}

/* Saves the calling thread's libxml2 handlers (FoundationXML may use libxml2 on this thread too),
   installs ours and points the sink at the caller's buffer; scope_end puts everything back. */
typedef struct {
    err_sink saved_sink;
    xmlStructuredErrorFunc structured;
    void *structured_ctx;
    xmlGenericErrorFunc generic;
    void *generic_ctx;
} err_scope;

static void scope_begin(err_scope *s, char *err, size_t err_len) {
    s->saved_sink = tl_sink;
    s->structured = xmlStructuredError;
    s->structured_ctx = xmlStructuredErrorContext;
    s->generic = xmlGenericError;
    s->generic_ctx = xmlGenericErrorContext;
    if (err != NULL && err_len > 0) err[0] = '\0';
    tl_sink.buf = err;
    tl_sink.len = err_len;
    xmlSetStructuredErrorFunc(NULL, structured_error);
    xmlSetGenericErrorFunc(NULL, generic_error);
}

static void scope_end(err_scope *s) {
    xmlSetStructuredErrorFunc(s->structured_ctx, s->structured);
    xmlSetGenericErrorFunc(s->generic_ctx, s->generic);
    tl_sink = s->saved_sink;
}

/* Puts `text` first in the message: the summary the user reads, then the library's details. */
static void fail_with(const char *text) {
    if (tl_sink.buf == NULL || tl_sink.len == 0) return;
    char details[1024];
    snprintf(details, sizeof details, "%s", tl_sink.buf);
    if (details[0] != '\0') snprintf(tl_sink.buf, tl_sink.len, "%s (%s)", text, details);
    else snprintf(tl_sink.buf, tl_sink.len, "%s", text);
}

/* ---------------------------------------------------------------------------------------------
 * One-time start-up.
 * ------------------------------------------------------------------------------------------- */

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static int init_status = -1;      /* written once inside pthread_once, read-only afterwards */
static char init_message[512];

static void do_init(void) {
    char err[sizeof init_message];
    err_scope scope;
    scope_begin(&scope, err, sizeof err);
    xmlInitParser();
    xmlSecErrorsSetCallback(xmlsec_error);
    if (xmlSecInit() < 0) {
        fail_with("no se pudo iniciar xmlsec");
    } else if (xmlSecCheckVersion() != 1) {
        fail_with("la versión de libxmlsec1 instalada no es compatible");
    } else if (xmlSecOpenSSLAppInit(NULL) < 0 || xmlSecOpenSSLInit() < 0) {
        fail_with("no se pudo iniciar el motor OpenSSL de xmlsec");
    } else {
        init_status = 0;
    }
    xmlSecErrorsSetCallback(xmlsec_error);
    snprintf(init_message, sizeof init_message, "%s", err);
    scope_end(&scope);
}

static int ensure_init(void) {
    pthread_once(&init_once, do_init);
    if (init_status != 0) sink_append(init_message);
    return init_status;
}

int sunat_sign_init(char *err, size_t err_len) {
    err_scope scope;
    scope_begin(&scope, err, err_len);
    int rc = ensure_init();
    scope_end(&scope);
    return rc;
}

/* ---------------------------------------------------------------------------------------------
 * Keys.
 * ------------------------------------------------------------------------------------------- */

static X509 *key_certificate(xmlSecKeyPtr key) {
    xmlSecKeyDataPtr x509 = xmlSecKeyGetData(key, xmlSecOpenSSLKeyDataX509Id);
    if (x509 == NULL) return NULL;
    X509 *cert = xmlSecOpenSSLKeyDataX509GetKeyCert(x509);
    if (cert == NULL && xmlSecOpenSSLKeyDataX509GetCertsSize(x509) > 0) cert = xmlSecOpenSSLKeyDataX509GetCert(x509, 0);
    return cert;
}

/* Takes ownership of `k`. Refuses keys that cannot sign or whose certificate is not theirs: such a key
   would produce signatures SUNAT rejects, so it is better to fail when the settings are loaded. */
static sunat_key *wrap_key(xmlSecKeyPtr k) {
    if (k == NULL) {
        fail_with("no se pudo leer la clave privada (¿contraseña o formato incorrectos?)");
        return NULL;
    }
    if ((xmlSecKeyGetType(k) & xmlSecKeyDataTypePrivate) == 0) {
        xmlSecKeyDestroy(k);
        fail_with("el archivo no contiene una clave privada");
        return NULL;
    }
    X509 *cert = key_certificate(k);
    if (cert == NULL) {
        xmlSecKeyDestroy(k);
        fail_with("falta el certificado X.509 de la clave");
        return NULL;
    }
    EVP_PKEY *pkey = xmlSecOpenSSLEvpKeyDataGetEvp(xmlSecKeyGetValue(k));
    if (pkey == NULL || EVP_PKEY_get_base_id(pkey) != EVP_PKEY_RSA) {
        xmlSecKeyDestroy(k);
        fail_with("la clave no es RSA");
        return NULL;
    }
    if (X509_check_private_key(cert, pkey) != 1) {
        xmlSecKeyDestroy(k);
        fail_with("el certificado no corresponde a la clave privada");
        return NULL;
    }
    sunat_key *out = calloc(1, sizeof *out);
    if (out == NULL) {
        xmlSecKeyDestroy(k);
        fail_with("memoria insuficiente");
        return NULL;
    }
    out->key = k;
    pthread_mutex_init(&out->lock, NULL);
    return out;
}

/* An empty password, never NULL: with NULL, OpenSSL would prompt on the terminal for an encrypted key. */
static const char *pw(const char *password) { return password != NULL ? password : ""; }

sunat_key *sunat_key_load_pkcs12_file(const char *path, const char *password, char *err, size_t err_len) {
    err_scope scope;
    scope_begin(&scope, err, err_len);
    sunat_key *out = NULL;
    if (ensure_init() == 0) {
        if (path == NULL) fail_with("falta la ruta del certificado");
        else out = wrap_key(xmlSecOpenSSLAppPkcs12Load(path, pw(password), NULL, NULL));
    }
    scope_end(&scope);
    return out;
}

sunat_key *sunat_key_load_pkcs12_memory(const unsigned char *data, size_t len, const char *password,
                                        char *err, size_t err_len) {
    err_scope scope;
    scope_begin(&scope, err, err_len);
    sunat_key *out = NULL;
    if (ensure_init() == 0) {
        if (data == NULL || len == 0 || len > UINT_MAX) fail_with("el certificado PKCS#12 está vacío o es demasiado grande");
        else out = wrap_key(xmlSecOpenSSLAppPkcs12LoadMemory(data, (xmlSecSize)len, pw(password), NULL, NULL));
    }
    scope_end(&scope);
    return out;
}

sunat_key *sunat_key_load_pem_files(const char *key_path, const char *cert_path, const char *password,
                                    char *err, size_t err_len) {
    err_scope scope;
    scope_begin(&scope, err, err_len);
    sunat_key *out = NULL;
    if (ensure_init() == 0) {
        if (key_path == NULL || cert_path == NULL) {
            fail_with("faltan las rutas de la clave o del certificado");
        } else {
            xmlSecKeyPtr k = xmlSecOpenSSLAppKeyLoad(key_path, xmlSecKeyDataFormatPem, pw(password), NULL, NULL);
            if (k != NULL && xmlSecOpenSSLAppKeyCertLoad(k, cert_path, xmlSecKeyDataFormatPem) < 0) {
                xmlSecKeyDestroy(k);
                fail_with("no se pudo leer el certificado PEM");
            } else {
                out = wrap_key(k);
            }
        }
    }
    scope_end(&scope);
    return out;
}

sunat_key *sunat_key_load_pem_memory(const unsigned char *key_pem, size_t key_len,
                                     const unsigned char *cert_pem, size_t cert_len,
                                     const char *password, char *err, size_t err_len) {
    err_scope scope;
    scope_begin(&scope, err, err_len);
    sunat_key *out = NULL;
    if (ensure_init() == 0) {
        if (key_pem == NULL || cert_pem == NULL || key_len == 0 || cert_len == 0 || key_len > UINT_MAX || cert_len > UINT_MAX) {
            fail_with("la clave o el certificado PEM están vacíos");
        } else {
            xmlSecKeyPtr k = xmlSecOpenSSLAppKeyLoadMemory(key_pem, (xmlSecSize)key_len, xmlSecKeyDataFormatPem,
                                                           pw(password), NULL, NULL);
            if (k != NULL && xmlSecOpenSSLAppKeyCertLoadMemory(k, cert_pem, (xmlSecSize)cert_len, xmlSecKeyDataFormatPem) < 0) {
                xmlSecKeyDestroy(k);
                fail_with("no se pudo leer el certificado PEM");
            } else {
                out = wrap_key(k);
            }
        }
    }
    scope_end(&scope);
    return out;
}

void sunat_key_free(sunat_key *key) {
    if (key == NULL) return;
    xmlSecKeyDestroy(key->key);
    pthread_mutex_destroy(&key->lock);
    free(key);
}

int sunat_key_certificate_info(const sunat_key *key, char *subject, size_t subject_len,
                               long long *not_after, char *err, size_t err_len) {
    err_scope scope;
    scope_begin(&scope, err, err_len);
    int rc = -1;
    if (key == NULL) {
        fail_with("no hay clave");
        scope_end(&scope);
        return -1;
    }
    sunat_key *k = (sunat_key *)key;
    pthread_mutex_lock(&k->lock);
    X509 *cert = key_certificate(k->key);
    if (cert == NULL) {
        fail_with("falta el certificado X.509 de la clave");
    } else {
        rc = 0;
        if (subject != NULL && subject_len > 0) {
            subject[0] = '\0';
            BIO *bio = BIO_new(BIO_s_mem());
            if (bio != NULL) {
                X509_NAME_print_ex(bio, X509_get_subject_name(cert), 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
                char *data = NULL;
                long n = BIO_get_mem_data(bio, &data);
                if (n > 0 && data != NULL) {
                    size_t len = (size_t)n < subject_len - 1 ? (size_t)n : subject_len - 1;
                    memcpy(subject, data, len);
                    subject[len] = '\0';
                }
                BIO_free(bio);
            }
        }
        if (not_after != NULL) {
            struct tm tm;
            memset(&tm, 0, sizeof tm);
            if (ASN1_TIME_to_tm(X509_get0_notAfter(cert), &tm) == 1) *not_after = (long long)timegm(&tm);
            else { rc = -1; fail_with("fecha de vencimiento ilegible"); }
        }
    }
    pthread_mutex_unlock(&k->lock);
    scope_end(&scope);
    return rc;
}

/* ---------------------------------------------------------------------------------------------
 * Documents.
 * ------------------------------------------------------------------------------------------- */

static xmlDocPtr parse(const unsigned char *xml, size_t xml_len) {
    if (xml == NULL || xml_len == 0) { fail_with("el documento está vacío"); return NULL; }
    if (xml_len > INT_MAX) { fail_with("el documento es demasiado grande"); return NULL; }
    /* NONET: never fetch anything while parsing; no NOBLANKS: whitespace is part of what is signed. */
    xmlDocPtr doc = xmlReadMemory((const char *)xml, (int)xml_len, NULL, NULL, XML_PARSE_NONET);
    if (doc == NULL) fail_with("el documento no es XML bien formado");
    else if (xmlDocGetRootElement(doc) == NULL) { xmlFreeDoc(doc); doc = NULL; fail_with("el documento no tiene elemento raíz"); }
    return doc;
}

static int is_element(xmlNodePtr n, const char *name, const char *ns) {
    return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
           xmlStrEqual(n->name, BAD_CAST name) && xmlStrEqual(n->ns->href, BAD_CAST ns);
}

static xmlNodePtr first_child_element(xmlNodePtr parent, const char *name, const char *ns) {
    for (xmlNodePtr c = parent ? parent->children : NULL; c != NULL; c = c->next) {
        if (is_element(c, name, ns)) return c;
    }
    return NULL;
}

static xmlNodePtr find_extension_content(xmlDocPtr doc) {
    xmlNodePtr exts = first_child_element(xmlDocGetRootElement(doc), "UBLExtensions", EXT_NS);
    xmlNodePtr ext = first_child_element(exts, "UBLExtension", EXT_NS);
    return first_child_element(ext, "ExtensionContent", EXT_NS);
}

static int copy_trimmed_content(xmlNodePtr node, char *out, size_t out_len) {
    xmlChar *text = xmlNodeGetContent(node);
    if (text == NULL) return -1;
    const char *s = (const char *)text;
    size_t len = strlen(s);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '\r' || s[len - 1] == '\t')) len--;
    while (len > 0 && (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t')) { s++; len--; }
    int rc = -1;
    if (len > 0 && len < out_len) {
        memcpy(out, s, len);
        out[len] = '\0';
        rc = 0;
    }
    xmlFree(text);
    return rc;
}

int sunat_sign_xml(const unsigned char *xml, size_t xml_len, const sunat_key *key,
                   sunat_sign_algorithm algorithm, const char *signature_id,
                   unsigned char **out, size_t *out_len,
                   char *digest, size_t digest_len,
                   char *err, size_t err_len) {
    err_scope scope;
    scope_begin(&scope, err, err_len);
    int rc = -1;
    xmlDocPtr doc = NULL;
    xmlSecDSigCtxPtr ctx = NULL;
    if (out != NULL) *out = NULL;
    if (out_len != NULL) *out_len = 0;
    if (digest != NULL && digest_len > 0) digest[0] = '\0';

    if (ensure_init() != 0) goto done;
    if (key == NULL || out == NULL || out_len == NULL) { fail_with("argumentos inválidos"); goto done; }
    if (algorithm != SUNAT_SIGN_RSA_SHA256 && algorithm != SUNAT_SIGN_RSA_SHA1) { fail_with("algoritmo de firma desconocido"); goto done; }
    if ((doc = parse(xml, xml_len)) == NULL) goto done;

    xmlNodePtr content = find_extension_content(doc);
    if (content == NULL) { fail_with("falta ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent"); goto done; }
    for (xmlNodePtr c = content->children; c != NULL; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) { fail_with("ext:ExtensionContent ya tiene contenido (¿documento ya firmado?)"); goto done; }
    }

    int sha1 = algorithm == SUNAT_SIGN_RSA_SHA1;
    xmlNodePtr sig = xmlSecTmplSignatureCreateNsPref(doc, xmlSecTransformInclC14NId,
                                                     sha1 ? xmlSecTransformRsaSha1Id : xmlSecTransformRsaSha256Id,
                                                     BAD_CAST (signature_id != NULL ? signature_id : "SignatureSP"),
                                                     BAD_CAST "ds");
    if (sig == NULL) { fail_with("no se pudo crear la plantilla de firma"); goto done; }
    if (xmlAddChild(content, sig) == NULL) { xmlFreeNode(sig); fail_with("no se pudo insertar la firma"); goto done; }
    xmlNodePtr ref = xmlSecTmplSignatureAddReference(sig, sha1 ? xmlSecTransformSha1Id : xmlSecTransformSha256Id,
                                                     NULL, BAD_CAST "", NULL);
    if (ref == NULL || xmlSecTmplReferenceAddTransform(ref, xmlSecTransformEnvelopedId) == NULL) {
        fail_with("no se pudo crear la referencia"); goto done;
    }
    /* Only X509Certificate: xmlsec 1.2.37 leaves an X509SubjectName template node empty. */
    xmlNodePtr keyInfo = xmlSecTmplSignatureEnsureKeyInfo(sig, NULL);
    xmlNodePtr x509 = keyInfo ? xmlSecTmplKeyInfoAddX509Data(keyInfo) : NULL;
    if (x509 == NULL || xmlSecTmplX509DataAddCertificate(x509) == NULL) { fail_with("no se pudo crear KeyInfo"); goto done; }

    if ((ctx = xmlSecDSigCtxCreate(NULL)) == NULL) { fail_with("no se pudo crear el contexto de firma"); goto done; }
    /* The shared key is lent, not copied: signing only reads it (the transform takes its own reference
       to the EVP_PKEY, which OpenSSL allows to sign from several threads), and copying it per document
       cost a third of a millisecond. It is taken back before the context is destroyed, which would free it. */
    ctx->signKey = (xmlSecKeyPtr)key->key;
    int signed_ok = xmlSecDSigCtxSign(ctx, sig);
    ctx->signKey = NULL;
    if (signed_ok < 0) { fail_with("falló la firma"); goto done; }

    if (digest != NULL && digest_len > 0) {
        xmlNodePtr dv = xmlSecFindNode(sig, BAD_CAST "DigestValue", BAD_CAST DSIG_NS);
        if (dv == NULL || copy_trimmed_content(dv, digest, digest_len) != 0) { fail_with("no se encontró DigestValue"); goto done; }
    }

    xmlChar *bytes = NULL;
    int size = 0;
    xmlDocDumpMemoryEnc(doc, &bytes, &size, "UTF-8");
    if (bytes == NULL || size <= 0) { if (bytes) xmlFree(bytes); fail_with("no se pudo serializar el documento firmado"); goto done; }
    *out = bytes;
    *out_len = (size_t)size;
    rc = 0;

done:
    if (ctx != NULL) xmlSecDSigCtxDestroy(ctx);
    if (doc != NULL) xmlFreeDoc(doc);
    if (rc == 0 && err != NULL && err_len > 0) err[0] = '\0';
    scope_end(&scope);
    return rc;
}

void sunat_sign_free(void *bytes) {
    if (bytes != NULL) xmlFree(bytes);
}

int sunat_digest_value(const unsigned char *xml, size_t xml_len, char *digest, size_t digest_len,
                       char *err, size_t err_len) {
    err_scope scope;
    scope_begin(&scope, err, err_len);
    int rc = -1;
    xmlDocPtr doc = NULL;
    if (ensure_init() != 0) goto done;
    if (digest == NULL || digest_len == 0) { fail_with("argumentos inválidos"); goto done; }
    if ((doc = parse(xml, xml_len)) == NULL) goto done;
    xmlNodePtr sig = xmlSecFindNode(xmlDocGetRootElement(doc), BAD_CAST "Signature", BAD_CAST DSIG_NS);
    xmlNodePtr dv = sig ? xmlSecFindNode(sig, BAD_CAST "DigestValue", BAD_CAST DSIG_NS) : NULL;
    if (dv == NULL || copy_trimmed_content(dv, digest, digest_len) != 0) { fail_with("el documento no tiene DigestValue"); goto done; }
    rc = 0;
done:
    if (doc != NULL) xmlFreeDoc(doc);
    scope_end(&scope);
    return rc;
}

int sunat_verify_xml(const unsigned char *xml, size_t xml_len, const sunat_key *key,
                     char *err, size_t err_len) {
    err_scope scope;
    scope_begin(&scope, err, err_len);
    int rc = -1;
    xmlDocPtr doc = NULL;
    xmlSecDSigCtxPtr ctx = NULL;
    if (ensure_init() != 0) goto done;
    if (key == NULL) { fail_with("no hay clave"); goto done; }
    if ((doc = parse(xml, xml_len)) == NULL) goto done;
    xmlNodePtr sig = xmlSecFindNode(xmlDocGetRootElement(doc), BAD_CAST "Signature", BAD_CAST DSIG_NS);
    if (sig == NULL) { fail_with("el documento no tiene ds:Signature"); goto done; }
    if ((ctx = xmlSecDSigCtxCreate(NULL)) == NULL) { fail_with("no se pudo crear el contexto de verificación"); goto done; }
    ctx->enabledReferenceUris = xmlSecTransformUriTypeEmpty | xmlSecTransformUriTypeSameDocument;
    ctx->signKey = key->key;
    int processed = xmlSecDSigCtxVerify(ctx, sig);
    ctx->signKey = NULL;
    if (processed < 0) { fail_with("no se pudo procesar la firma"); goto done; }
    if (ctx->status == xmlSecDSigStatusSucceeded) {
        rc = 1;
        if (err != NULL && err_len > 0) err[0] = '\0';
    } else {
        rc = 0;
        fail_with("la firma no corresponde al documento");
    }
done:
    if (ctx != NULL) xmlSecDSigCtxDestroy(ctx);
    if (doc != NULL) xmlFreeDoc(doc);
    scope_end(&scope);
    return rc;
}
