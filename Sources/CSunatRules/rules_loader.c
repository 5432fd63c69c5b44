#include "rules_internal.h"

#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>
#include <libxslt/documents.h>
#include <libxslt/xslt.h>

/*
 * Where SUNAT's stylesheets and catalogs come from (shim S2): libxslt asks this loader for every include and
 * every document(); local:///X and file:// URLs inside the rules folder map to its files, the absent
 * dat_fechas.xml is served from memory. Stylesheets get the text shims (rules_text.c) and S5
 * (rules_scope.c); catalogs are parsed once and handed back under the URL asked for.
 */

/* S2: SUNAT's local:///commons/cpe/datos/dat_fechas.xml is not among the files it publishes; 20210401 is the
   value SUNAT's own SFS build hard-codes for datosCpeNodo (factoring rules are errors from that date). */
#define FECHAS_REL "commons/cpe/datos/dat_fechas.xml"
static const char FECHAS_XML[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><l><d id=\"factoring\" valor=\"20210401\"/></l>";

/* The documents read with document(), parsed once per process; under the engine's lock. */
typedef struct cached_doc {
    char *key; /* folder + '\n' + URI as asked */
    xmlDocPtr doc;
    struct cached_doc *next;
} cached_doc;

static cached_doc *docs;
_Thread_local rules_call *rules_current;
/* libxslt's own loader (documents.c keeps it static; xsltDocDefaultLoader points at it until replaced). */
static xsltDocLoaderFunc previous_loader;

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
void rules_file_url(const char *path, char *out, size_t out_len) {
    xmlChar *escaped = xmlURIEscapeStr((const xmlChar *)path, (const xmlChar *)"/");
    snprintf(out, out_len, "file://%s", escaped ? (const char *)escaped : path);
    xmlFree(escaped);
}

static const char *base_name_of(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* A stylesheet file: read, text shims, parsed (sharing libxslt's dictionary), S5, under file://PATH. */
xmlDocPtr rules_stylesheet_doc(const char *path, xmlDictPtr dict, int options, char *err, size_t err_len) {
    size_t len = 0;
    char *text = read_file(path, &len);
    if (text == NULL) {
        rules_set_err(err, err_len, "no se pudo leer %s", path);
        return NULL;
    }
    size_t patched_len = 0;
    char *patched = rules_patch_text(base_name_of(path), text, len, rules_current ? rules_current->collect_all : 0,
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
    rules_file_url(path, url, sizeof url);
    if (doc->URL != NULL) xmlFree((xmlChar *)doc->URL);
    doc->URL = xmlStrdup((const xmlChar *)url);
    rules_rename_shadowed(doc);
    return doc;
}

/* A document read with document(): parsed once per process and handed back under the URI asked for, so
   libxslt's per-run document list finds it on the next lookup (cat_25.xml is 2.9 MB). */
xmlDocPtr rules_cached_document(const char *folder, const char *uri, const char *path, int fechas, int options) {
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
    rules_call *call = rules_current;
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
        xmlDocPtr doc = rules_stylesheet_doc(path, dict, options, err, sizeof err);
        if (doc == NULL && call->errors) {
            rules_buf_puts(call->errors, err);
            rules_buf_append(call->errors, "\x1e", 1);
        }
        return doc;
    }
    return rules_cached_document(call->folder, (const char *)uri, path, mapped == 1, options);
}

void rules_loader_install(void) {
    previous_loader = xsltDocDefaultLoader;
    xsltSetLoaderFunc(engine_loader);
}

void rules_seed_documents(xsltTransformContextPtr ctxt, const char *folder) {
    /* The catalogs already parsed go into the run's document list up front: document() finds them by URL
       without asking the loader, and libxslt does not re-number their nodes on each load. */
    size_t dir_len = strlen(folder);
    for (cached_doc *d = docs; d != NULL; d = d->next) {
        if (strncmp(d->key, folder, dir_len) != 0 || d->key[dir_len] != '\n') continue;
        xsltDocumentPtr entry = xsltNewDocument(ctxt, d->doc);
        if (entry != NULL) entry->main = 1;
    }
}

void rules_keep_cached(xsltTransformContextPtr ctxt) {
    /* the cached catalogs stay ours: xsltFreeDocuments frees only documents not marked main */
    for (xsltDocumentPtr d = ctxt->docList; d != NULL; d = d->next) {
        if (d->doc != NULL && is_cached(d->doc)) d->main = 1;
    }
}
