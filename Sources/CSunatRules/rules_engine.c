#include "sunat_rules.h"
#include "rules_internal.h"

#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>
#include <libxslt/documents.h>
#include <libxslt/extensions.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <libexslt/exslt.h>

#define DP_NS "http://www.datapower.com/extensions"
#define REGEXP_NS "http://exslt.org/regular-expressions"
#define FILE_NAME_VARIABLE "var://context/cpe/nombreArchivoEnviado"
#define FECHAS_REL "commons/cpe/datos/dat_fechas.xml"

/* S2: SUNAT's local:///commons/cpe/datos/dat_fechas.xml is not among the files it publishes; 20210401 is the
   value SUNAT's own SFS build hard-codes for datosCpeNodo (factoring rules are errors from that date). */
static const char FECHAS_XML[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><l><d id=\"factoring\" valor=\"20210401\"/></l>";

/* ---- process-wide state, all under `engine_lock` ------------------------------------------------ */

typedef struct compiled_sheet {
    char *folder;
    char *name;
    int collect_all;
    xsltStylesheetPtr style;
    struct compiled_sheet *next;
} compiled_sheet;

typedef struct cached_doc {
    char *key; /* folder + '\n' + URI as asked */
    xmlDocPtr doc;
    struct cached_doc *next;
} cached_doc;

static pthread_mutex_t engine_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t engine_once = PTHREAD_ONCE_INIT;
static compiled_sheet *sheets;
static cached_doc *docs;

/* What the thread inside the engine is doing (the loader and dp:variable read it). */
typedef struct {
    const char *folder;   /* canonical, no trailing slash */
    int collect_all;
    const char *file_name;
    rules_buf *errors;    /* compile-time messages */
} engine_call;

static _Thread_local engine_call *tl_call;

static xmlDocPtr engine_loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt, xsltLoadType type);
/* libxslt's own loader (documents.c keeps it static; xsltDocDefaultLoader points at it until replaced). */
static xsltDocLoaderFunc previous_loader;

static void engine_init(void) {
    xmlInitParser();
    exsltRegisterAll();
    previous_loader = xsltDocDefaultLoader;
    xsltSetLoaderFunc(engine_loader);
}

/* ---- messages ------------------------------------------------------------------------------------- */

/* Every call is one record (lxml makes one error-log entry of each), ended by 0x1E. xsl:message calls
   the handler with "%s" and the message, then "\n" alone when the message has none: that one is skipped. */
static void collect_record(void *ctx, const char *fmt, ...) {
    rules_buf *b = ctx;
    if (b == NULL || fmt == NULL || strcmp(fmt, "\n") == 0) return;
    char small[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof small) {
        rules_buf_append(b, small, (size_t)n);
    } else {
        char *big = malloc((size_t)n + 1);
        if (big == NULL) return;
        va_start(ap, fmt);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
        rules_buf_append(b, big, (size_t)n);
        free(big);
    }
    rules_buf_append(b, "\x1e", 1);
}

static void collect_structured(void *ctx, xmlErrorPtr e) {
    if (e == NULL || e->message == NULL) return;
    rules_buf *b = ctx;
    if (b == NULL) return;
    rules_buf_puts(b, e->message);
    rules_buf_append(b, "\x1e", 1);
}

/* libxml2's error handlers are per thread: point them at `messages` for one step, then put them back. */
typedef struct {
    xmlGenericErrorFunc generic;
    void *generic_ctx;
    xmlStructuredErrorFunc structured;
    void *structured_ctx;
} saved_handlers;

static void capture_begin(saved_handlers *saved, rules_buf *messages) {
    saved->generic = xmlGenericError;
    saved->generic_ctx = xmlGenericErrorContext;
    saved->structured = xmlStructuredError;
    saved->structured_ctx = xmlStructuredErrorContext;
    xmlSetGenericErrorFunc(messages, collect_record);
    xmlSetStructuredErrorFunc(messages, collect_structured);
}

static void capture_end(const saved_handlers *saved) {
    xmlSetGenericErrorFunc(saved->generic_ctx, saved->generic);
    xmlSetStructuredErrorFunc(saved->structured_ctx, saved->structured);
}

/* ---- S1: dp:variable ---------------------------------------------------------------------------- */

static void dp_variable(xmlXPathParserContextPtr ctxt, int nargs) {
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlChar *name = xmlXPathPopString(ctxt);
    const char *value = "";
    if (name != NULL && strcmp((const char *)name, FILE_NAME_VARIABLE) == 0 && tl_call != NULL && tl_call->file_name)
        value = tl_call->file_name;
    xmlFree(name);
    valuePush(ctxt, xmlXPathNewString((const xmlChar *)value));
}

/* ---- S2: URLs → files of the folder -------------------------------------------------------------- */

/* local:///X and file:///…/folder/X → the file; 1 for the absent dat_fechas.xml (served from memory);
   -1 for anything outside the folder. */
static int map_uri(const char *folder, const char *escaped_uri, char *path, size_t path_len) {
    char uri[3 * PATH_MAX];
    char *plain = xmlURIUnescapeString(escaped_uri, 0, NULL);
    snprintf(uri, sizeof uri, "%s", plain ? plain : escaped_uri);
    xmlFree(plain);
    const char *rel = NULL;
    if (strncmp(uri, "local:///", 9) == 0) {
        rel = uri + 9;
    } else if (strncmp(uri, "file://", 7) == 0) {
        const char *p = uri + 7;
        size_t fl = strlen(folder);
        if (strncmp(p, folder, fl) != 0 || p[fl] != '/') return -1;
        rel = p + fl + 1;
    } else {
        return -1;
    }
    if (strstr(rel, "..") != NULL) {
        /* libxslt resolves relative hrefs before asking; what is left must stay inside the folder */
        char joined[PATH_MAX], real[PATH_MAX];
        snprintf(joined, sizeof joined, "%s/%s", folder, rel);
        if (realpath(joined, real) == NULL) return -1;
        size_t fl = strlen(folder);
        if (strncmp(real, folder, fl) != 0 || real[fl] != '/') return -1;
        rel = real + fl + 1;
        if (strcmp(rel, FECHAS_REL) == 0) return 1;
        snprintf(path, path_len, "%s", real);
        return 0;
    }
    if (strcmp(rel, FECHAS_REL) == 0) return 1;
    snprintf(path, path_len, "%s/%s", folder, rel);
    return 0;
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    rules_buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (rules_buf_append(&b, chunk, n) != 0) { rules_buf_free(&b); fclose(f); return NULL; }
    }
    fclose(f);
    if (b.data == NULL) rules_buf_append(&b, "", 0);
    *len = b.len;
    return b.data;
}

/* file://PATH with the path escaped as a URI (spaces, accents), so libxslt resolves relative hrefs against it. */
static void file_url(const char *path, char *out, size_t out_len) {
    xmlChar *escaped = xmlURIEscapeStr((const xmlChar *)path, (const xmlChar *)"/");
    snprintf(out, out_len, "file://%s", escaped ? (const char *)escaped : path);
    xmlFree(escaped);
}

static const char *base_name_of(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* A stylesheet file: read, text shims, parsed (sharing libxslt's dictionary), S5, under file://PATH. */
static xmlDocPtr load_stylesheet_doc(const char *path, xmlDictPtr dict, int options, char *err, size_t err_len) {
    size_t len = 0;
    char *text = read_file(path, &len);
    if (text == NULL) {
        rules_set_err(err, err_len, "no se pudo leer %s", path);
        return NULL;
    }
    size_t patched_len = 0;
    char *patched = rules_patch_text(base_name_of(path), text, len, tl_call ? tl_call->collect_all : 0,
                                     &patched_len, err, err_len);
    free(text);
    if (patched == NULL) return NULL;
    xmlParserCtxtPtr pctxt = xmlCreateMemoryParserCtxt(patched, (int)patched_len);
    if (pctxt == NULL) {
        free(patched);
        rules_set_err(err, err_len, "sin memoria");
        return NULL;
    }
    if (dict != NULL) {
        if (pctxt->dict != NULL) xmlDictFree(pctxt->dict);
        pctxt->dict = dict;
        xmlDictReference(dict);
    }
    xmlCtxtUseOptions(pctxt, options);
    xmlParseDocument(pctxt);
    xmlDocPtr doc = pctxt->wellFormed ? pctxt->myDoc : NULL;
    if (doc == NULL && pctxt->myDoc != NULL) xmlFreeDoc(pctxt->myDoc);
    pctxt->myDoc = NULL;
    xmlFreeParserCtxt(pctxt);
    free(patched);
    if (doc == NULL) {
        rules_set_err(err, err_len, "%s no es XML válido", path);
        return NULL;
    }
    char url[3 * PATH_MAX + 16];
    file_url(path, url, sizeof url);
    if (doc->URL != NULL) xmlFree((xmlChar *)doc->URL);
    doc->URL = xmlStrdup((const xmlChar *)url);
    rules_rename_shadowed(doc);
    return doc;
}

/* A document read with document(): parsed once per process and handed back under the URI asked for, so
   libxslt's per-run document list finds it on the next lookup (cat_25.xml is 2.9 MB). */
static xmlDocPtr cached_document(const char *folder, const char *uri, const char *path, int fechas, int options) {
    size_t key_len = strlen(folder) + strlen(uri) + 2;
    char *key = malloc(key_len);
    if (key == NULL) return NULL;
    snprintf(key, key_len, "%s\n%s", folder, uri);
    for (cached_doc *d = docs; d != NULL; d = d->next) {
        if (strcmp(d->key, key) == 0) {
            free(key);
            return d->doc;
        }
    }
    xmlDocPtr doc = fechas ? xmlReadMemory(FECHAS_XML, (int)strlen(FECHAS_XML), uri, NULL, options | XML_PARSE_NONET)
                           : xmlReadFile(path, NULL, options | XML_PARSE_NONET);
    if (doc == NULL) {
        free(key);
        return NULL;
    }
    if (doc->URL != NULL) xmlFree((xmlChar *)doc->URL);
    doc->URL = xmlStrdup((const xmlChar *)uri);
    xmlXPathOrderDocElems(doc);
    cached_doc *d = calloc(1, sizeof *d);
    if (d == NULL) {
        xmlFreeDoc(doc);
        free(key);
        return NULL;
    }
    d->key = key;
    d->doc = doc;
    d->next = docs;
    docs = d;
    return doc;
}

static int is_cached(xmlDocPtr doc) {
    for (cached_doc *d = docs; d != NULL; d = d->next) if (d->doc == doc) return 1;
    return 0;
}

static xmlDocPtr engine_loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt, xsltLoadType type) {
    engine_call *call = tl_call;
    if (call == NULL) return previous_loader ? previous_loader(uri, dict, options, ctxt, type) : NULL; /* not ours (xmlsec…) */
    char path[PATH_MAX];
    int mapped = map_uri(call->folder, (const char *)uri, path, sizeof path);
    if (mapped < 0) {
        if (call->errors) {
            rules_buf_puts(call->errors, "recurso fuera de la carpeta de reglas: ");
            rules_buf_puts(call->errors, (const char *)uri);
            rules_buf_append(call->errors, "\x1e", 1);
        }
        return NULL;
    }
    if (type == XSLT_LOAD_STYLESHEET) {
        char err[512] = "";
        xmlDocPtr doc = load_stylesheet_doc(path, dict, options, err, sizeof err);
        if (doc == NULL && call->errors) {
            rules_buf_puts(call->errors, err);
            rules_buf_append(call->errors, "\x1e", 1);
        }
        return doc;
    }
    return cached_document(call->folder, (const char *)uri, path, mapped == 1, options);
}

/* ---- compiling ------------------------------------------------------------------------------------ */

static xsltStylesheetPtr compile_sheet(const char *folder, const char *name, int collect_all, char *err, size_t err_len) {
    for (compiled_sheet *s = sheets; s != NULL; s = s->next) {
        if (s->collect_all == collect_all && strcmp(s->folder, folder) == 0 && strcmp(s->name, name) == 0) return s->style;
    }
    if (strchr(name, '/') != NULL || strstr(name, "..") != NULL) {
        rules_set_err(err, err_len, "nombre de hoja de reglas inválido: %s", name);
        return NULL;
    }
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", folder, name);
    rules_buf messages = {0};
    engine_call call = { folder, collect_all, NULL, &messages };
    tl_call = &call;
    saved_handlers saved;
    capture_begin(&saved, &messages);
    xsltSetGenericErrorFunc(&messages, collect_record);

    xsltStylesheetPtr style = NULL;
    char load_err[512] = "";
    xmlDocPtr doc = load_stylesheet_doc(path, NULL, XSLT_PARSE_OPTIONS, load_err, sizeof load_err);
    if (doc != NULL) {
        style = xsltParseStylesheetDoc(doc); /* owns doc from here, also on failure */
        if (style != NULL && style->errors > 0) {
            xsltFreeStylesheet(style);
            style = NULL;
        }
    }

    xsltSetGenericErrorFunc(NULL, NULL);
    capture_end(&saved);
    tl_call = NULL;

    if (style == NULL) {
        if (load_err[0] != '\0') {
            rules_set_err(err, err_len, "%s", load_err);
        } else {
            for (size_t i = 0; i < messages.len; i++) if (messages.data[i] == '\x1e') messages.data[i] = ' ';
            rules_set_err(err, err_len, "no se pudo compilar %s: %.1500s", name, messages.data ? messages.data : "");
        }
        rules_buf_free(&messages);
        return NULL;
    }
    rules_buf_free(&messages);
    compiled_sheet *s = calloc(1, sizeof *s);
    if (s == NULL) return style; /* usable now, compiled again next time */
    s->folder = strdup(folder);
    s->name = strdup(name);
    s->collect_all = collect_all;
    s->style = style;
    s->next = sheets;
    sheets = s;
    return style;
}

static int canonical_folder(const char *folder, char *out, size_t out_len, char *err, size_t err_len) {
    char real[PATH_MAX];
    struct stat st;
    if (folder == NULL || realpath(folder, real) == NULL || stat(real, &st) != 0 || !S_ISDIR(st.st_mode)) {
        rules_set_err(err, err_len, "la carpeta de reglas de SUNAT no existe: %s", folder ? folder : "(ninguna)");
        return -1;
    }
    snprintf(out, out_len, "%s", real);
    return 0;
}

int sunat_rules_prepare(const char *folder, const char *stylesheet, int stop_at_first, char *err, size_t err_len) {
    pthread_once(&engine_once, engine_init);
    char dir[PATH_MAX];
    if (canonical_folder(folder, dir, sizeof dir, err, err_len) != 0) return -1;
    pthread_mutex_lock(&engine_lock);
    xsltStylesheetPtr style = compile_sheet(dir, stylesheet, !stop_at_first, err, err_len);
    pthread_mutex_unlock(&engine_lock);
    return style ? 0 : -1;
}

/* ---- running -------------------------------------------------------------------------------------- */

static const char *sheet_for(xmlDocPtr doc) {
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (root == NULL) return NULL;
    const char *name = (const char *)root->name;
    if (strcmp(name, "Invoice") == 0) {
        for (xmlNodePtr c = root->children; c != NULL; c = c->next) {
            if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "InvoiceTypeCode") == 0) {
                xmlChar *code = xmlNodeGetContent(c);
                int boleta = code != NULL && strcmp((const char *)code, "03") == 0;
                xmlFree(code);
                return boleta ? "ValidaExprRegBoleta-2.0.1.xsl" : "ValidaExprRegFactura-2.0.1.xsl";
            }
        }
        return "ValidaExprRegFactura-2.0.1.xsl";
    }
    if (strcmp(name, "CreditNote") == 0) return "ValidaExprRegNC-2.0.1.xsl";
    if (strcmp(name, "DebitNote") == 0) return "ValidaExprRegND-2.0.1.xsl";
    if (strcmp(name, "SummaryDocuments") == 0) return "ValidaExprRegSummary-1.1.0.xsl";
    if (strcmp(name, "VoidedDocuments") == 0) return "ValidaExprRegSummaryVoided-1.0.1.xsl";
    return NULL;
}

static int valid_file_name(const char *s) {
    if (s == NULL || *s == '\0' || strlen(s) > 200) return 0;
    for (; *s; s++) {
        char c = *s;
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '.' || c == '_'))
            return 0;
    }
    return 1;
}

int sunat_rules_check(const char *folder, const unsigned char *xml, size_t xml_len, const char *file_name,
                      const char *stylesheet, int stop_at_first, char **out, size_t *out_len,
                      char *used, size_t used_len, char *err, size_t err_len) {
    *out = NULL;
    *out_len = 0;
    if (used && used_len) used[0] = '\0';
    pthread_once(&engine_once, engine_init);
    if (!valid_file_name(file_name)) {
        rules_set_err(err, err_len, "nombre de archivo inválido para las reglas: %s", file_name ? file_name : "");
        return -1;
    }
    if (xml_len > INT_MAX) {
        rules_set_err(err, err_len, "documento demasiado grande");
        return -1;
    }
    char dir[PATH_MAX];
    if (canonical_folder(folder, dir, sizeof dir, err, err_len) != 0) return -1;

    pthread_mutex_lock(&engine_lock);
    rules_buf messages = {0};
    int status = -1;
    saved_handlers saved;
    capture_begin(&saved, &messages);
    xmlDocPtr doc = xmlReadMemory((const char *)xml, (int)xml_len, file_name, NULL, XML_PARSE_NONET);
    capture_end(&saved);
    if (doc == NULL) {
        for (size_t i = 0; i < messages.len; i++) if (messages.data[i] == '\x1e') messages.data[i] = ' ';
        rules_set_err(err, err_len, "el documento no es XML válido: %.800s", messages.data ? messages.data : "");
        goto done;
    }
    const char *name = stylesheet ? stylesheet : sheet_for(doc);
    if (name == NULL) {
        rules_set_err(err, err_len, "SUNAT no publica reglas para este tipo de documento");
        goto done;
    }
    if (used && used_len) snprintf(used, used_len, "%s", name);
    xsltStylesheetPtr style = compile_sheet(dir, name, !stop_at_first, err, err_len);
    if (style == NULL) goto done;

    messages.len = 0;
    if (messages.data) messages.data[0] = '\0';
    engine_call call = { dir, !stop_at_first, file_name, NULL };
    tl_call = &call;
    capture_begin(&saved, &messages);
    xsltSetGenericErrorFunc(&messages, collect_record); /* EXSLT and libxslt helpers that bypass ctxt->error */
    xsltTransformContextPtr ctxt = xsltNewTransformContext(style, doc);
    if (ctxt == NULL) {
        rules_set_err(err, err_len, "sin memoria");
    } else {
        xsltSetCtxtSecurityPrefs(NULL, ctxt);
        /* The catalogs already parsed go into the run's document list up front: document() finds them by
           URL without asking the loader, and libxslt does not re-number their nodes on each load. */
        size_t dir_len = strlen(dir);
        for (cached_doc *d = docs; d != NULL; d = d->next) {
            if (strncmp(d->key, dir, dir_len) != 0 || d->key[dir_len] != '\n') continue;
            xsltDocumentPtr entry = xsltNewDocument(ctxt, d->doc);
            if (entry != NULL) entry->main = 1;
        }
        xsltSetTransformErrorFunc(ctxt, &messages, collect_record);
        xsltRegisterExtFunction(ctxt, (const xmlChar *)"variable", (const xmlChar *)DP_NS, dp_variable);
        xsltRegisterExtFunction(ctxt, (const xmlChar *)"match", (const xmlChar *)REGEXP_NS, rules_regexp_xpath);
        char param[256];
        snprintf(param, sizeof param, "'%s'", file_name); /* the SFS builds declare it as xsl:param */
        const char *params[] = { "nombreArchivoEnviado", param, NULL };
        xmlDocPtr result = xsltApplyStylesheetUser(style, doc, params, NULL, NULL, ctxt);
        int stopped = ctxt->state == XSLT_STATE_STOPPED;
        if (result != NULL) xmlFreeDoc(result);
        /* the cached catalogs stay ours: xsltFreeDocuments frees only documents not marked main */
        for (xsltDocumentPtr d = ctxt->docList; d != NULL; d = d->next) {
            if (d->doc != NULL && is_cached(d->doc)) d->main = 1;
        }
        xsltFreeTransformContext(ctxt);
        if (result == NULL && !stopped) {
            for (size_t i = 0; i < messages.len; i++) if (messages.data[i] == '\x1e') messages.data[i] = ' ';
            rules_set_err(err, err_len, "las reglas de SUNAT fallaron al ejecutarse: %.1500s", messages.data ? messages.data : "");
        } else {
            status = stopped ? 1 : 0;
        }
    }
    xsltSetGenericErrorFunc(NULL, NULL);
    capture_end(&saved);
    tl_call = NULL;

done:
    if (doc != NULL) xmlFreeDoc(doc);
    pthread_mutex_unlock(&engine_lock);
    if (status < 0) {
        rules_buf_free(&messages);
        return -1;
    }
    if (messages.data == NULL) rules_buf_append(&messages, "", 0);
    *out = messages.data;
    *out_len = messages.len;
    return status;
}

static int append_result(void *ctx, const char *text, size_t len) {
    rules_buf *b = ctx;
    if (rules_buf_append(b, text, len) != 0) return -1;
    return rules_buf_append(b, "\x1f", 1);
}

int sunat_regexp_match(const char *subject, const char *pattern, const char *flags,
                       char **out, size_t *out_len, char *err, size_t err_len) {
    *out = NULL;
    *out_len = 0;
    rules_buf b = {0};
    rules_buf_append(&b, "", 0);
    int n = rules_regexp_run(subject, strlen(subject), pattern, flags && strchr(flags, 'i') != NULL,
                             flags && strchr(flags, 'g') != NULL, append_result, &b, err, err_len);
    if (n < 0) {
        rules_buf_free(&b);
        return -1;
    }
    *out = b.data;
    *out_len = b.len;
    return n;
}

int sunat_rules_error_text(const char *folder, const char *code, char *out, size_t out_len, char *err, size_t err_len) {
    if (out && out_len) out[0] = '\0';
    pthread_once(&engine_once, engine_init);
    char dir[PATH_MAX];
    if (canonical_folder(folder, dir, sizeof dir, err, err_len) != 0) return -1;
    char path[PATH_MAX], uri[3 * PATH_MAX + 16];
    snprintf(path, sizeof path, "%s/commons/cpe/catalogo/CatalogoErrores.xml", dir);
    file_url(path, uri, sizeof uri); /* the URL error_utils.xsl asks for: one cached copy */
    pthread_mutex_lock(&engine_lock);
    xmlDocPtr doc = cached_document(dir, uri, path, 0, XSLT_PARSE_OPTIONS);
    int found = 0;
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    for (xmlNodePtr e = root ? root->children : NULL; e != NULL && !found; e = e->next) {
        if (e->type != XML_ELEMENT_NODE) continue;
        xmlChar *n = xmlGetProp(e, (const xmlChar *)"numero");
        if (n != NULL && strcmp((const char *)n, code) == 0) {
            xmlChar *text = xmlNodeGetContent(e);
            snprintf(out, out_len, "%s", text ? (const char *)text : "");
            xmlFree(text);
            found = 1;
        }
        xmlFree(n);
    }
    pthread_mutex_unlock(&engine_lock);
    if (doc == NULL) {
        rules_set_err(err, err_len, "no se pudo leer %s", path);
        return -1;
    }
    return found;
}

void sunat_rules_free(void *p) { free(p); }
