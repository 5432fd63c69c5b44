#ifndef BYTEK_CXSLT_SHIM_H
#define BYTEK_CXSLT_SHIM_H
/* No Swift file imports this module: it gives the C rules engine (CSunatRules) the include and link
   flags of libxslt, libexslt and PCRE2 (pcre2-8). Its headers are included by CSunatRules' .c files only. */
#include <libxslt/xsltconfig.h>
#endif
