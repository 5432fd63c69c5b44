#ifndef BYTEK_CPANGOCAIRO_SHIM_H
#define BYTEK_CPANGOCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <fontconfig/fontconfig.h>
/* PANGO_SCALE is a macro; g_object_unref takes a gpointer. */
static inline int cp_pango_scale(void) { return PANGO_SCALE; }
static inline void cp_unref(void *object) { g_object_unref(object); }
#endif
