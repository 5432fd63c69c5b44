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

/*
 * The public calls (sunat_rules.h): compiling SUNAT's stylesheets once per process, running them on a
 * document with the extension functions they need (S1 dp:variable here, regexp:match in rules_regexp.c),
 * and SUNAT's error texts. Files and URLs are in rules_loader.c, the text shims in rules_text.c, S5 in
 * rules_scope.c, message capture in rules_messages.c.
 */

#define DP_NS "http://www.datapower.com/extensions"
#define REGEXP_NS "http://exslt.org/regular-expressions"
#define FILE_NAME_VARIABLE "var://context/cpe/nombreArchivoEnviado"

/* ---- process-wide state, all under `engine_lock` ------------------------------------------------ */

typedef struct compiled_sheet {
    char *folder;
    char *name;
    int collect_all;
    xsltStylesheetPtr style;
    struct compiled_sheet *next;
} compiled_sheet;

static pthread_mutex_t engine_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t engine_once = PTHREAD_ONCE_INIT;
static compiled_sheet *sheets;

static void engine_init(void) {
    xmlInitParser();
    exsltRegisterAll();
    rules_loader_install();
}

/* ---- S1: dp:variable ---------------------------------------------------------------------------- */

static void dp_variable(xmlXPathParserContextPtr ctxt, int nargs) {
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlChar *name = xmlXPathPopString(ctxt);
    const char *value = "";
    if (name != NULL && strcmp((const char *)name, FILE_NAME_VARIABLE) == 0 && rules_current != NULL && rules_current->file_name)
        value = rules_current->file_name;
    xmlFree(name);
    valuePush(ctxt, xmlXPathNewString((const xmlChar *)value));
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
    rules_call call = { folder, collect_all, NULL, &messages };
    rules_current = &call;
    rules_saved_handlers saved;
    rules_capture_begin(&saved, &messages);
    xsltSetGenericErrorFunc(&messages, rules_collect_record);

    xsltStylesheetPtr style = NULL;
    char load_err[512] = "";
    xmlDocPtr doc = rules_stylesheet_doc(path, NULL, XSLT_PARSE_OPTIONS, load_err, sizeof load_err);
    if (doc != NULL) {
        style = xsltParseStylesheetDoc(doc); /* owns doc from here, also on failure */
        if (style != NULL && style->errors > 0) {
            xsltFreeStylesheet(style);
            style = NULL;
        }
    }

    xsltSetGenericErrorFunc(NULL, NULL);
    rules_capture_end(&saved);
    rules_current = NULL;

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
    rules_saved_handlers saved;
    rules_capture_begin(&saved, &messages);
    xmlDocPtr doc = xmlReadMemory((const char *)xml, (int)xml_len, file_name, NULL, XML_PARSE_NONET);
    rules_capture_end(&saved);
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
    rules_call call = { dir, !stop_at_first, file_name, NULL };
    rules_current = &call;
    rules_capture_begin(&saved, &messages);
    xsltSetGenericErrorFunc(&messages, rules_collect_record); /* EXSLT and libxslt helpers that bypass ctxt->error */
    xsltTransformContextPtr ctxt = xsltNewTransformContext(style, doc);
    if (ctxt == NULL) {
        rules_set_err(err, err_len, "sin memoria");
    } else {
        xsltSetCtxtSecurityPrefs(NULL, ctxt);
        rules_seed_documents(ctxt, dir);
        xsltSetTransformErrorFunc(ctxt, &messages, rules_collect_record);
        xsltRegisterExtFunction(ctxt, (const xmlChar *)"variable", (const xmlChar *)DP_NS, dp_variable);
        xsltRegisterExtFunction(ctxt, (const xmlChar *)"match", (const xmlChar *)REGEXP_NS, rules_regexp_xpath);
        char param[256];
        snprintf(param, sizeof param, "'%s'", file_name); /* the SFS builds declare it as xsl:param */
        const char *params[] = { "nombreArchivoEnviado", param, NULL };
        xmlDocPtr result = xsltApplyStylesheetUser(style, doc, params, NULL, NULL, ctxt);
        int stopped = ctxt->state == XSLT_STATE_STOPPED;
        if (result != NULL) xmlFreeDoc(result);
        rules_keep_cached(ctxt);
        xsltFreeTransformContext(ctxt);
        if (result == NULL && !stopped) {
            for (size_t i = 0; i < messages.len; i++) if (messages.data[i] == '\x1e') messages.data[i] = ' ';
            rules_set_err(err, err_len, "las reglas de SUNAT fallaron al ejecutarse: %.1500s", messages.data ? messages.data : "");
        } else {
            status = stopped ? 1 : 0;
        }
    }
    xsltSetGenericErrorFunc(NULL, NULL);
    rules_capture_end(&saved);
    rules_current = NULL;

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
    rules_file_url(path, uri, sizeof uri); /* the URL error_utils.xsl asks for: one cached copy */
    pthread_mutex_lock(&engine_lock);
    xmlDocPtr doc = rules_cached_document(dir, uri, path, 0, XSLT_PARSE_OPTIONS);
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
