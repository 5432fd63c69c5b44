#include "rules_internal.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxslt/extensions.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltutils.h>

/*
 * EXSLT regexp:match, which libexslt lacks, backed by PCRE2 with the semantics lxml gives it (the engine
 * SUNAT's rules were checked with in this project): Python's re.search on the string (unanchored, Unicode
 * \d \s \w), flag 'i' case-insensitive, 'g' re.findall; the result is a node-set of <match> elements,
 * the whole match then each group ('' for a group that did not take part), empty when nothing matches.
 * Compiled patterns are kept for the life of the process (SUNAT's files hold about 200).
 */

#define CACHE_BUCKETS 1024

typedef struct cached_pattern {
    char *pattern;
    int ignore_case;
    pcre2_code *code;
    uint32_t groups;
    struct cached_pattern *next;
} cached_pattern;

static cached_pattern *buckets[CACHE_BUCKETS];
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

static unsigned hash_of(const char *s, int ignore_case) {
    unsigned h = 2166136261u ^ (unsigned)ignore_case;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h % CACHE_BUCKETS;
}

static cached_pattern *compiled(const char *pattern, int ignore_case, char *err, size_t err_len) {
    unsigned h = hash_of(pattern, ignore_case);
    pthread_mutex_lock(&cache_lock);
    for (cached_pattern *p = buckets[h]; p != NULL; p = p->next) {
        if (p->ignore_case == ignore_case && strcmp(p->pattern, pattern) == 0) {
            pthread_mutex_unlock(&cache_lock);
            return p;
        }
    }
    int code_err = 0;
    PCRE2_SIZE offset = 0;
    uint32_t options = PCRE2_UTF | PCRE2_UCP | (ignore_case ? PCRE2_CASELESS : 0);
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, options, &code_err, &offset, NULL);
    if (code == NULL) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(code_err, message, sizeof message);
        pthread_mutex_unlock(&cache_lock);
        rules_set_err(err, err_len, "expresión regular inválida '%s' (posición %zu): %s", pattern, (size_t)offset,
                      (const char *)message);
        return NULL;
    }
    (void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); /* falls back to the interpreter when JIT is absent */
    cached_pattern *p = calloc(1, sizeof *p);
    if (p == NULL) {
        pcre2_code_free(code);
        pthread_mutex_unlock(&cache_lock);
        rules_set_err(err, err_len, "sin memoria");
        return NULL;
    }
    p->pattern = strdup(pattern);
    p->ignore_case = ignore_case;
    p->code = code;
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &p->groups);
    p->next = buckets[h];
    buckets[h] = p;
    pthread_mutex_unlock(&cache_lock);
    return p;
}

static int emit_group(rules_match_sink sink, void *ctx, const char *subject, PCRE2_SIZE *ov, uint32_t i) {
    if (ov[2 * i] == PCRE2_UNSET) return sink(ctx, "", 0);
    return sink(ctx, subject + ov[2 * i], ov[2 * i + 1] - ov[2 * i]);
}

int rules_regexp_run(const char *subject, size_t subject_len, const char *pattern, int ignore_case, int global,
                     rules_match_sink sink, void *ctx, char *err, size_t err_len) {
    cached_pattern *p = compiled(pattern, ignore_case, err, err_len);
    if (p == NULL) return -1;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(p->code, NULL);
    if (md == NULL) {
        rules_set_err(err, err_len, "sin memoria");
        return -1;
    }
    int count = 0;
    if (!global) {
        /* re.search: the whole match, then groups('') */
        int rc = pcre2_match(p->code, (PCRE2_SPTR)subject, subject_len, 0, 0, md, NULL);
        if (rc >= 0) {
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
            for (uint32_t i = 0; i <= p->groups; i++) {
                if (emit_group(sink, ctx, subject, ov, i) != 0) { count = -1; break; }
                count++;
            }
        } else if (rc != PCRE2_ERROR_NOMATCH) {
            rules_set_err(err, err_len, "error %d al aplicar la expresión regular '%s'", rc, pattern);
            count = -1;
        }
    } else {
        /* re.findall (Python 3.7+): an empty match may follow a non-empty one at the same place, but the
           next search after an empty match must not be empty at that same place. */
        PCRE2_SIZE pos = 0;
        int after_empty = 0;
        while (pos <= subject_len) {
            int rc = pcre2_match(p->code, (PCRE2_SPTR)subject, subject_len, pos,
                                 after_empty ? PCRE2_NOTEMPTY_ATSTART : 0, md, NULL);
            if (rc == PCRE2_ERROR_NOMATCH) break;
            if (rc < 0) {
                rules_set_err(err, err_len, "error %d al aplicar la expresión regular '%s'", rc, pattern);
                count = -1;
                break;
            }
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
            int failed = 0;
            if (p->groups == 0) {
                failed = emit_group(sink, ctx, subject, ov, 0);
                count++;
            } else if (p->groups == 1) {
                failed = emit_group(sink, ctx, subject, ov, 1);
                count++;
            } else {
                /* findall gives a tuple of the groups; lxml writes it as one match, ''.join(tuple) */
                rules_buf joined = {0};
                rules_buf_append(&joined, "", 0);
                for (uint32_t i = 1; i <= p->groups; i++) {
                    if (ov[2 * i] != PCRE2_UNSET) rules_buf_append(&joined, subject + ov[2 * i], ov[2 * i + 1] - ov[2 * i]);
                }
                failed = sink(ctx, joined.data, joined.len);
                rules_buf_free(&joined);
                count++;
            }
            if (failed) { count = -1; break; }
            after_empty = ov[1] == ov[0];
            pos = ov[1];
        }
    }
    pcre2_match_data_free(md);
    return count;
}

/* ---- the XPath function ------------------------------------------------------------------------- */

/* Python's str() of a float, as lxml hands an XPath number to the function. */
static void python_float(double d, char *out, size_t len) {
    if (isnan(d)) { snprintf(out, len, "nan"); return; }
    if (isinf(d)) { snprintf(out, len, d > 0 ? "inf" : "-inf"); return; }
    if (d == floor(d) && fabs(d) < 1e16) { snprintf(out, len, "%.1f", d); return; }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(out, len, "%.*g", prec, d);
        if (strtod(out, NULL) == d) return;
    }
}

/* An argument as lxml's regexp functions read it: a node-set gives its first node's string value. */
static xmlChar *pop_lxml_string(xmlXPathParserContextPtr ctxt) {
    xmlXPathObjectPtr obj = valuePop(ctxt);
    if (obj == NULL) return NULL;
    xmlChar *s = NULL;
    char number[64];
    switch (obj->type) {
    case XPATH_NODESET:
    case XPATH_XSLT_TREE:
        if (obj->nodesetval == NULL || obj->nodesetval->nodeNr == 0) s = xmlStrdup((const xmlChar *)"");
        else s = xmlXPathCastNodeToString(obj->nodesetval->nodeTab[0]);
        break;
    case XPATH_NUMBER:
        python_float(obj->floatval, number, sizeof number);
        s = xmlStrdup((const xmlChar *)number);
        break;
    case XPATH_BOOLEAN:
        s = xmlStrdup((const xmlChar *)(obj->boolval ? "True" : "False"));
        break;
    default:
        s = xmlXPathCastToString(obj);
        break;
    }
    xmlXPathFreeObject(obj);
    return s;
}

typedef struct {
    xmlDocPtr container;
    xmlNodeSetPtr set;
} node_sink;

static int add_match_node(void *ctx, const char *text, size_t len) {
    node_sink *ns = ctx;
    xmlChar *value = xmlStrndup((const xmlChar *)text, (int)len);
    xmlNodePtr node = xmlNewDocRawNode(ns->container, NULL, (const xmlChar *)"match", value);
    xmlFree(value);
    if (node == NULL) return -1;
    xmlAddChild((xmlNodePtr)ns->container, node);
    xmlXPathNodeSetAddUnique(ns->set, node);
    return 0;
}

void rules_regexp_xpath(xmlXPathParserContextPtr ctxt, int nargs) {
    if (nargs < 2 || nargs > 3) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlChar *flags = nargs == 3 ? pop_lxml_string(ctxt) : xmlStrdup((const xmlChar *)"");
    xmlChar *pattern = pop_lxml_string(ctxt);
    xmlChar *subject = pop_lxml_string(ctxt);
    xsltTransformContextPtr tctxt = xsltXPathGetTransformContext(ctxt);
    if (flags == NULL || pattern == NULL || subject == NULL || tctxt == NULL) {
        xmlFree(flags); xmlFree(pattern); xmlFree(subject);
        xmlXPathSetError(ctxt, XPATH_INVALID_OPERAND);
        return;
    }
    xmlXPathObjectPtr ret = xmlXPathNewNodeSet(NULL);
    node_sink ns = { xsltCreateRVT(tctxt), ret ? ret->nodesetval : NULL };
    char err[512] = "";
    int rc = -1;
    if (ns.container != NULL && ns.set != NULL) {
        xsltRegisterLocalRVT(tctxt, ns.container);
        rc = rules_regexp_run((const char *)subject, (size_t)xmlStrlen(subject), (const char *)pattern,
                              strchr((const char *)flags, 'i') != NULL, strchr((const char *)flags, 'g') != NULL,
                              add_match_node, &ns, err, sizeof err);
    }
    xmlFree(flags); xmlFree(pattern); xmlFree(subject);
    if (rc < 0) {
        xsltTransformError(tctxt, NULL, NULL, "regexp:match: %s\n", err[0] ? err : "sin memoria");
        xmlXPathFreeObject(ret);
        xmlXPathSetError(ctxt, XPATH_EXPR_ERROR);
        return;
    }
    valuePush(ctxt, ret);
}
