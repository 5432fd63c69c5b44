#ifndef BYTEK_CPANGOCAIRO_SHIM_H
#define BYTEK_CPANGOCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <fontconfig/fontconfig.h>
/* PANGO_SCALE is a macro; g_object_unref takes a gpointer. */
static inline int cp_pango_scale(void) { return PANGO_SCALE; }
static inline void cp_unref(void *object) { g_object_unref(object); }
/* FcConfigAppFontAddFile takes FcChar8 (unsigned char); this keeps Swift's String bridging. 1 = added. */
static inline int cp_add_app_font(const char *path) {
    return FcConfigAppFontAddFile(NULL, (const FcChar8 *)path) ? 1 : 0;
}
/* The vertical extent of each line of a layout, in points (PANGO_SCALE undone): the top and the
   bottom of each line's logical rectangle, for at most `capacity` lines. Returns the line count. */
static inline int cp_layout_line_extents(PangoLayout *layout, double *tops, double *bottoms, int capacity) {
    PangoLayoutIter *iter = pango_layout_get_iter(layout);
    int i = 0;
    do {
        if (i < capacity) {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(iter, NULL, &logical);
            tops[i] = (double)logical.y / PANGO_SCALE;
            bottoms[i] = (double)(logical.y + logical.height) / PANGO_SCALE;
        }
        i++;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    return i;
}
#endif
