#include "rules_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int rules_buf_append(rules_buf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (b->len + n + 1 > cap) cap *= 2;
        char *p = realloc(b->data, cap);
        if (p == NULL) return -1;
        b->data = p;
        b->cap = cap;
    }
    if (n > 0) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int rules_buf_puts(rules_buf *b, const char *s) { return rules_buf_append(b, s, strlen(s)); }

void rules_buf_free(rules_buf *b) {
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void rules_set_err(char *err, size_t err_len, const char *fmt, ...) {
    if (err == NULL || err_len == 0) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, err_len, fmt, ap);
    va_end(ap);
}

/* Replaces `count` occurrences (-1: all) of `old` in text[start, end) — end 0 means the whole text.
   Returns a new string, or NULL when `old` is not there. */
static char *replace_in(const char *text, size_t start, size_t end, const char *old, const char *new_, int count) {
    size_t len = strlen(text);
    if (end == 0 || end > len) end = len;
    size_t old_len = strlen(old), new_len = strlen(new_);
    rules_buf out = {0};
    size_t pos = 0;
    int done = 0;
    const char *hit;
    rules_buf_append(&out, text, start);
    pos = start;
    while ((count < 0 || done < count) && (hit = strstr(text + pos, old)) != NULL && (size_t)(hit - text) + old_len <= end) {
        size_t at = (size_t)(hit - text);
        rules_buf_append(&out, text + pos, at - pos);
        rules_buf_append(&out, new_, new_len);
        pos = at + old_len;
        done++;
    }
    if (done == 0) {
        rules_buf_free(&out);
        return NULL;
    }
    rules_buf_append(&out, text + pos, len - pos);
    return out.data;
}

/* Adds a global declaration right after the opening xsl:stylesheet tag (S6, S7). */
static char *add_global(const char *text, const char *decl, const char *what) {
    const char *open = strstr(text, "<xsl:stylesheet");
    if (open == NULL) return NULL;
    const char *gt = strchr(open, '>');
    if (gt == NULL) return NULL;
    size_t at = (size_t)(gt - text) + 1;
    rules_buf out = {0};
    rules_buf_append(&out, text, at);
    rules_buf_puts(&out, "\n");
    rules_buf_puts(&out, decl);
    rules_buf_puts(&out, "<!-- shim ");
    rules_buf_puts(&out, what);
    rules_buf_puts(&out, " -->");
    rules_buf_puts(&out, text + at);
    return out.data;
}

#define STEP(expr, what)                                                                        \
    do {                                                                                        \
        char *next_ = (expr);                                                                   \
        if (next_ == NULL) {                                                                    \
            rules_set_err(err, err_len, "%s: no se encontró el texto esperado para el ajuste %s " \
                          "(¿otra versión de las reglas de SUNAT?)", base_name, what);          \
            free(cur);                                                                          \
            return NULL;                                                                        \
        }                                                                                       \
        free(cur);                                                                              \
        cur = next_;                                                                            \
    } while (0)

/*
 * The text shims (the same list as run-rules in ../shared/sunat/xsl):
 *  S3 validate_utils.xsl: a. extension-element-prefixes="dp func" (libxslt refuses EXSLT func:function
 *     otherwise); b. Saxon matches($node,$regexp,'!') -> regexp:match(string($node),$regexp), the DataPower
 *     original still in the file as a comment; c. findElementInCatalogProperty tests @gre-r (a GRE copy-paste)
 *     instead of the requested property: put back DataPower's count(dyn:evaluate($dynEval)) < 1.
 *  S4 error_utils.xsl: rejectCall prints 'ERROR <code>: <message>'; in "collect all" mode its
 *     xsl:message terminate="yes" becomes "no" so every error is listed (SUNAT stops at the first).
 *  S6 Boleta/ND: the root template uses $nroLinea without declaring it: a global '' is added.
 *  S7 NC/ND: $MontoDescuentoAfectoBI is used but its declaration is commented out: a global 0 is added.
 * S1 (dp:variable) and S2 (local:/// URLs, the absent dat_fechas.xml) are in rules_engine.c, S5 in
 * rules_scope.c.
 */
char *rules_patch_text(const char *base_name, const char *text, size_t len, int collect_all,
                       size_t *out_len, char *err, size_t err_len) {
    char *cur = malloc(len + 1);
    if (cur == NULL) return NULL;
    memcpy(cur, text, len);
    cur[len] = '\0';
    if (strcmp(base_name, "validate_utils.xsl") == 0) {
        STEP(replace_in(cur, 0, 0, "extension-element-prefixes=\"dp\"", "extension-element-prefixes=\"dp func\"", 1), "S3a");
        STEP(replace_in(cur, 0, 0, "matches($node, $regexp,'!')", "regexp:match(string($node), $regexp)", -1), "S3b");
        const char *tmpl = strstr(cur, "<xsl:template name=\"findElementInCatalogProperty\">");
        const char *close = tmpl ? strstr(tmpl, "</xsl:template>") : NULL;
        if (tmpl == NULL || close == NULL) STEP(NULL, "S3c");
        STEP(replace_in(cur, (size_t)(tmpl - cur), (size_t)(close - cur),
                        "count(document($url_catalogo)/l/c[@id=$idCatalogo and @gre-r=$valorPropiedad]) &lt; 1 ",
                        "count(dyn:evaluate($dynEval)) &lt; 1 ", 1), "S3c");
    } else if (strcmp(base_name, "error_utils.xsl") == 0) {
        STEP(replace_in(cur, 0, 0, "<xsl:value-of select=\"concat('ERROR: ', $errorMessage)\" />",
                        "<xsl:value-of select=\"concat('ERROR ', $errorCode, ': ', $errorMessage)\" />", 1), "S4");
        if (collect_all) {
            STEP(replace_in(cur, 0, 0, "<xsl:message terminate=\"yes\">", "<xsl:message terminate=\"no\">", 1), "S4");
        }
    } else if (strcmp(base_name, "ValidaExprRegBoleta-2.0.1.xsl") == 0) {
        STEP(add_global(cur, "<xsl:variable name=\"nroLinea\" select=\"''\"/>", "S6"), "S6");
    } else if (strcmp(base_name, "ValidaExprRegNC-2.0.1.xsl") == 0 || strcmp(base_name, "ValidaExprRegND-2.0.1.xsl") == 0) {
        STEP(add_global(cur, "<xsl:variable name=\"MontoDescuentoAfectoBI\" select=\"0\"/>", "S7"), "S7");
        if (strcmp(base_name, "ValidaExprRegND-2.0.1.xsl") == 0) {
            STEP(add_global(cur, "<xsl:variable name=\"nroLinea\" select=\"''\"/>", "S6"), "S6");
        }
    }
    *out_len = strlen(cur);
    return cur;
}
