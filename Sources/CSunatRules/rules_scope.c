#include "rules_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * S5. DataPower lets an xsl:variable shadow another of the same template (e.g. the factura's
 * totalDescuentosGlobales, the ND's totalImpuestos); libxslt stops with "Redefinition of variable".
 * Each shadowing binding gets a new name (NAME__shadowN) and the references in its scope follow it,
 * which keeps DataPower's meaning. The same walk as xsl_scope.py in ../shared/sunat/xsl: a binding is
 * visible to its following siblings and their descendants; its own select sees the older one.
 */

#define XSL_NS "http://www.w3.org/1999/XSL/Transform"

typedef struct {
    char **names;
    char **mapped;
    size_t n, cap;
} scope_stack;

static const char *lookup(const scope_stack *s, const char *name, size_t len) {
    for (size_t i = s->n; i > 0; i--) {
        if (strlen(s->names[i - 1]) == len && memcmp(s->names[i - 1], name, len) == 0) return s->mapped[i - 1];
    }
    return NULL;
}

static int push(scope_stack *s, const char *name, const char *mapped) {
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        char **a = realloc(s->names, cap * sizeof(char *));
        if (a == NULL) return -1;
        s->names = a;
        char **b = realloc(s->mapped, cap * sizeof(char *));
        if (b == NULL) return -1;
        s->mapped = b;
        s->cap = cap;
    }
    s->names[s->n] = strdup(name);
    s->mapped[s->n] = strdup(mapped);
    s->n++;
    return 0;
}

static void pop_to(scope_stack *s, size_t n) {
    while (s->n > n) {
        s->n--;
        free(s->names[s->n]);
        free(s->mapped[s->n]);
    }
}

static int is_xsl(xmlNodePtr node, const char *local) {
    return node->type == XML_ELEMENT_NODE && node->ns != NULL && node->ns->href != NULL &&
           strcmp((const char *)node->ns->href, XSL_NS) == 0 && (local == NULL || strcmp((const char *)node->name, local) == 0);
}

/* \w of Python's re on str, for ASCII; any byte of a multi-byte UTF-8 character counts as a word byte. */
static int word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

/* $NAME references in [from, to) of v, renamed through the scope (regex \$([A-Za-z_][\w.\-]*)). */
static void rename_span(rules_buf *out, const char *v, size_t from, size_t to, const scope_stack *s, int *changed) {
    size_t i = from, copied = from;
    while (i < to) {
        if (v[i] == '$' && i + 1 < to) {
            unsigned char c = (unsigned char)v[i + 1];
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
                size_t j = i + 2;
                while (j < to && (word_byte((unsigned char)v[j]) || v[j] == '.' || v[j] == '-')) j++;
                const char *m = lookup(s, v + i + 1, j - i - 1);
                if (m != NULL && (strlen(m) != j - i - 1 || memcmp(m, v + i + 1, j - i - 1) != 0)) {
                    rules_buf_append(out, v + copied, i + 1 - copied);
                    rules_buf_puts(out, m);
                    copied = j;
                    *changed = 1;
                }
                i = j;
                continue;
            }
        }
        i++;
    }
    rules_buf_append(out, v + copied, to - copied);
}

/* The new value of an attribute, or NULL when nothing changes. An expression (select, test of xsl:
   elements) is renamed whole; an attribute value template only inside its {...} parts. */
static char *rename_value(const char *v, int is_expr, const scope_stack *s) {
    size_t len = strlen(v);
    rules_buf out = {0};
    int changed = 0;
    if (is_expr) {
        rename_span(&out, v, 0, len, s, &changed);
    } else {
        size_t i = 0, copied = 0;
        while (i < len) {
            if (v[i] != '{') { i++; continue; }
            size_t j = i + 1;
            while (j < len && v[j] != '{' && v[j] != '}') j++;
            if (j < len && v[j] == '}') {
                rules_buf_append(&out, v + copied, i - copied);
                rename_span(&out, v, i, j + 1, s, &changed);
                copied = j + 1;
                i = j + 1;
            } else {
                i = j;
            }
        }
        rules_buf_append(&out, v + copied, len - copied);
    }
    if (!changed) {
        rules_buf_free(&out);
        return NULL;
    }
    return out.data;
}

static void visit_attrs(xmlNodePtr el, const scope_stack *s) {
    int xsl = is_xsl(el, NULL);
    for (xmlAttrPtr a = el->properties; a != NULL; a = a->next) {
        xmlChar *value = xmlNodeGetContent((xmlNodePtr)a);
        if (value == NULL) continue;
        const char *name = (const char *)a->name;
        int is_expr = xsl && a->ns == NULL && (strcmp(name, "select") == 0 || strcmp(name, "test") == 0);
        if (is_expr || strchr((const char *)value, '{') != NULL) {
            char *renamed = rename_value((const char *)value, is_expr, s);
            if (renamed != NULL) {
                xmlSetNsProp(el, a->ns, a->name, (const xmlChar *)renamed);
                free(renamed);
            }
        }
        xmlFree(value);
    }
}

static void walk(xmlNodePtr parent, scope_stack *s, int *counter) {
    size_t saved = s->n;
    for (xmlNodePtr child = parent->children; child != NULL; child = child->next) {
        if (child->type != XML_ELEMENT_NODE) continue;
        visit_attrs(child, s);
        int binding = is_xsl(child, "variable") || is_xsl(child, "param");
        walk(child, s, counter);
        if (!binding) continue;
        xmlChar *name = xmlGetProp(child, (const xmlChar *)"name");
        if (name == NULL) continue;
        if (lookup(s, (const char *)name, strlen((const char *)name)) != NULL) {
            char renamed[512];
            (*counter)++;
            snprintf(renamed, sizeof renamed, "%s__shadow%d", (const char *)name, *counter);
            xmlSetProp(child, (const xmlChar *)"name", (const xmlChar *)renamed);
            push(s, (const char *)name, renamed);
        } else {
            push(s, (const char *)name, (const char *)name);
        }
        xmlFree(name);
    }
    pop_to(s, saved);
}

int rules_rename_shadowed(xmlDocPtr stylesheet) {
    xmlNodePtr root = xmlDocGetRootElement(stylesheet);
    if (root == NULL) return 0;
    int counter = 0;
    scope_stack s = {0};
    for (xmlNodePtr t = root->children; t != NULL; t = t->next) {
        if (is_xsl(t, "template")) walk(t, &s, &counter);
    }
    pop_to(&s, 0);
    free(s.names);
    free(s.mapped);
    return counter;
}
