#ifndef BYTEK_SUNAT_RULES_INTERNAL_H
#define BYTEK_SUNAT_RULES_INTERNAL_H
/* Shared by the rules engine's C files; never seen by Swift. */
#include <stddef.h>
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>
#include <libxslt/xsltInternals.h>

/** A growable byte buffer, always NUL-terminated when data != NULL. */
typedef struct {
    char *data;
    size_t len;
    size_t cap;
} rules_buf;

int rules_buf_append(rules_buf *b, const char *s, size_t n);
int rules_buf_puts(rules_buf *b, const char *s);
void rules_buf_free(rules_buf *b);
void rules_set_err(char *err, size_t err_len, const char *fmt, ...);

/**
 * The in-memory shims S3, S4, S6, S7 on a stylesheet's text (by its file name). Returns the patched
 * text (malloc'd, NUL-terminated) or NULL with a message when an expected piece is not in the file
 * (a rules folder of another version). `collect_all` turns rejectCall's terminate="yes" into "no".
 */
char *rules_patch_text(const char *base_name, const char *text, size_t len, int collect_all,
                       size_t *out_len, char *err, size_t err_len);

/** S5: renames same-template shadowing variables (and the references in their scope). Returns how many. */
int rules_rename_shadowed(xmlDocPtr stylesheet);

/** regexp:match as an XPath extension function (registered per transform context). */
void rules_regexp_xpath(xmlXPathParserContextPtr ctxt, int nargs);

/** One result of a match, handed to the caller's collector. */
typedef int (*rules_match_sink)(void *ctx, const char *text, size_t len);
/** Runs `pattern` on `subject` with lxml's semantics; results go to `sink`. Count, or -1 with `err`. */
int rules_regexp_run(const char *subject, size_t subject_len, const char *pattern, int ignore_case, int global,
                     rules_match_sink sink, void *ctx, char *err, size_t err_len);

/* ---- messages (rules_messages.c) ---- */

/** libxml2/libxslt error callback: each call one record of `ctx` (a rules_buf), ended by 0x1E. */
void rules_collect_record(void *ctx, const char *fmt, ...);

/** libxml2's per-thread handlers, saved while they point at a buffer for one step. */
typedef struct {
    xmlGenericErrorFunc generic;
    void *generic_ctx;
    xmlStructuredErrorFunc structured;
    void *structured_ctx;
} rules_saved_handlers;

void rules_capture_begin(rules_saved_handlers *saved, rules_buf *messages);
void rules_capture_end(const rules_saved_handlers *saved);

/* ---- loading (rules_loader.c) ---- */

/** What the thread inside the engine is doing (the loader and dp:variable read it). */
typedef struct {
    const char *folder;   /* canonical, no trailing slash */
    int collect_all;
    const char *file_name;
    rules_buf *errors;    /* compile-time messages */
} rules_call;

extern _Thread_local rules_call *rules_current;

/** Makes the engine's loader libxslt's (once); others' loads still go to libxslt's own. */
void rules_loader_install(void);
/** A stylesheet file read, patched (text shims and S5) and parsed, under its file:// URL. */
xmlDocPtr rules_stylesheet_doc(const char *path, xmlDictPtr dict, int options, char *err, size_t err_len);
/** A document of the folder parsed once per process (`fechas`: the dat_fechas.xml shim). */
xmlDocPtr rules_cached_document(const char *folder, const char *uri, const char *path, int fechas, int options);
/** file://PATH escaped as a URI. */
void rules_file_url(const char *path, char *out, size_t out_len);
/** Puts the folder's parsed catalogs in a run's document list; after the run, keeps them from being freed. */
void rules_seed_documents(xsltTransformContextPtr ctxt, const char *folder);
void rules_keep_cached(xsltTransformContextPtr ctxt);

#endif
