#ifndef BYTEK_SUNAT_RULES_H
#define BYTEK_SUNAT_RULES_H
/*
 * SUNAT's validation rules (the ValidaExprReg*.xsl stylesheets of its servers, DataPower builds) run
 * in-process with libxslt + libexslt, with PCRE2 behind EXSLT's regexp:match.
 *
 * Like sunat_sign.h, this header includes no libxml2 header, so Swift files importing Foundation never
 * meet libxml2's ICU types (PLATFORM-NOTES §3).
 *
 * The stylesheets are read from `folder` (the administrator's copy of SUNAT's "contenido" folder) and
 * patched in memory only (nothing on disk is changed): see rules_patch.c for the list of shims.
 * Each stylesheet is compiled once per process and kept; the catalogs it reads with document()
 * (commons/cpe/catalogo/cat_*.xml) are parsed once and handed back to libxslt under the URL asked for.
 *
 * Thread safety: every call may come from any thread; runs are serialised by one process-wide lock
 * (libxslt's loader and generic error handler are process-wide).
 */
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Runs SUNAT's rules on a document.
 *
 * - folder: SUNAT's rules folder (holds ValidaExprRegFactura-2.0.1.xsl, commons/...).
 * - xml/xml_len: the document (signed or not).
 * - file_name: the name SUNAT would receive, RUC-TT-SERIE-NUMERO.xml (several rules read it).
 * - stylesheet: a file name inside `folder`, or NULL to choose from the document (Invoice 01/03,
 *   CreditNote, DebitNote, SummaryDocuments, VoidedDocuments); the one used is copied to `used`.
 * - stop_at_first: 1 stops at the first rejecting error like SUNAT; 0 lists every error.
 *
 * On return 0 (completed) or 1 (stopped at a rejecting error), `*out` holds the messages of the run
 * (xsl:message and libxslt's own), each record ended by the byte 0x1E; release it with
 * sunat_rules_free. On -1 the rules could not run: `err` says why and `*out` is NULL.
 */
int sunat_rules_check(const char *folder, const unsigned char *xml, size_t xml_len, const char *file_name,
                      const char *stylesheet, int stop_at_first, char **out, size_t *out_len,
                      char *used, size_t used_len, char *err, size_t err_len);

/** Compiles (and caches) a stylesheet of `folder` ahead of the first check. 0, or -1 with a message. */
int sunat_rules_prepare(const char *folder, const char *stylesheet, int stop_at_first, char *err, size_t err_len);

/**
 * EXSLT regexp:match with lxml's semantics, as the rules see it: Python's re.search (unanchored),
 * flag 'i' case-insensitive, 'g' every match (re.findall). Returns the number of results (whole match
 * then each group, '' for a group that did not take part; with 'g' what findall gives, a match of several
 * groups being their concatenation as lxml writes it), each copied
 * into `*out` followed by the byte 0x1F; 0 when there is no match; -1 for a pattern PCRE2 refuses
 * (message in `err`). Release `*out` with sunat_rules_free.
 */
int sunat_regexp_match(const char *subject, const char *pattern, const char *flags,
                       char **out, size_t *out_len, char *err, size_t err_len);

/**
 * SUNAT's text for an error or observation code, from the folder's commons/cpe/catalogo/CatalogoErrores.xml
 * (parsed once). 1 when found (copied to `out`), 0 when the catalog has no such code, -1 with a message.
 */
int sunat_rules_error_text(const char *folder, const char *code, char *out, size_t out_len, char *err, size_t err_len);

/** Releases memory returned by this module. NULL is allowed. */
void sunat_rules_free(void *p);

#ifdef __cplusplus
}
#endif
#endif
