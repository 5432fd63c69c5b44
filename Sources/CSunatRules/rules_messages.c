#include "rules_internal.h"

#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/globals.h>
#include <libxml/xmlerror.h>

/* What libxslt and libxml2 say during a compile or a run, kept as records (see sunat_rules_check). */

/* Every call is one record (lxml makes one error-log entry of each), ended by 0x1E. xsl:message calls
   the handler with "%s" and the message, then "\n" alone when the message has none: that one is skipped. */
void rules_collect_record(void *ctx, const char *fmt, ...) {
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

void rules_capture_begin(rules_saved_handlers *saved, rules_buf *messages) {
    saved->generic = xmlGenericError;
    saved->generic_ctx = xmlGenericErrorContext;
    saved->structured = xmlStructuredError;
    saved->structured_ctx = xmlStructuredErrorContext;
    xmlSetGenericErrorFunc(messages, rules_collect_record);
    xmlSetStructuredErrorFunc(messages, collect_structured);
}

void rules_capture_end(const rules_saved_handlers *saved) {
    xmlSetGenericErrorFunc(saved->generic_ctx, saved->generic);
    xmlSetStructuredErrorFunc(saved->structured_ctx, saved->structured);
}
