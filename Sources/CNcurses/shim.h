#ifndef BYTEK_CNCURSES_SHIM_H
#define BYTEK_CNCURSES_SHIM_H
/* pkg-config's -D_XOPEN_SOURCE is dropped by SwiftPM: ask for the wide API here. */
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#include <ncurses.h>

static inline int     cn_key_f(int n)        { return KEY_F(n); }
static inline attr_t  cn_a_normal(void)      { return A_NORMAL; }
static inline attr_t  cn_a_bold(void)        { return A_BOLD; }
static inline attr_t  cn_a_reverse(void)     { return A_REVERSE; }
static inline attr_t  cn_a_underline(void)   { return A_UNDERLINE; }
static inline attr_t  cn_a_dim(void)         { return A_DIM; }
static inline int     cn_color_pair(short n) { return (int)COLOR_PAIR(n); }
static inline mmask_t cn_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t cn_button1_pressed(void)  { return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_RELEASED | BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t cn_button4_pressed(void)  { return BUTTON4_PRESSED; }
static inline mmask_t cn_button5_pressed(void)  { return BUTTON5_PRESSED; }
static inline WINDOW *cn_stdscr(void)        { return stdscr; }
static inline int     cn_lines(void)         { return LINES; }
static inline int     cn_cols(void)          { return COLS; }
static inline int     cn_colors(void)        { return COLORS; }

/* Writes one cell: a UTF-8 grapheme with attributes and a colour pair. */
static inline void cn_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t cc;
    setcchar(&cc, wch, attrs, pair, NULL);
    mvwadd_wch(stdscr, y, x, &cc);
}
/* Opens the terminal on the process's stdin/stdout (C globals, not reachable from Swift 6). */
static inline SCREEN *cn_newterm(void) { return newterm(NULL, stdout, stdin); }
/* Whether the terminal just opened can move the cursor anywhere (terminfo "cup"): without it
   (TERM=dumb, a printer-like terminal) a full-screen program can draw nothing. */
static inline int cn_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}
#endif
