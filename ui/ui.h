/* ui.h -- the drawing context every screen uses.
** Screens are immediate-mode: each frame a screen draws the AppView with
** these calls, and every tappable thing registers a hit region (rect,
** action, arg, label). A tap is matched against the regions of the last
** frame, topmost first, and becomes an AppEvent. Every piece of text
** drawn is recorded too, so the script's `expect-text` and `tap-text`
** see exactly what a person sees.
**
** Coordinates are logical pixels of the canvas: 800x480 for the 7"
** screen, 1280x720 at scale 1.5 for 1920x1080, 480x800 in portrait.
** Sizes in the mockups' README ("body 20 px at 800x480") are logical. */
#ifndef BORNE_UI_H
#define BORNE_UI_H

#include <stddef.h>
#include <stdint.h>

#include "app.h"
#include "layout.h"
#include "palette.h"
#include "theme.h"

typedef struct Ui Ui;



typedef enum UiFont {
	FONT_REGULAR = 0,   /* Inter 400 */
	FONT_MEDIUM,        /* 500 */
	FONT_SEMIBOLD,      /* 600 */
	FONT_BOLD,          /* 700 */
	FONT_COUNT
} UiFont;

typedef enum UiAlign { ALIGN_LEFT = 0, ALIGN_CENTER, ALIGN_RIGHT } UiAlign;

typedef enum UiButtonStyle {
	BTN_PRIMARY = 0,    /* Terracotta, white text, lip */
	BTN_SECONDARY,      /* white, Encre text, lip */
	BTN_QUIET,          /* no fill: "← Retour" in a top bar */
	BTN_CHIP,           /* pill, white with line border */
	BTN_CHIP_SELECTED,  /* pill, Encre fill, white text */
	BTN_GREEN,          /* Vert, white text */
	BTN_BLUE            /* Bleu soir, white text */
} UiButtonStyle;

/* Material Icons code points (ligatures need HarfBuzz: use these). */
enum {
	ICON_DECK = 0xEA42, ICON_CONTACTLESS = 0xEA71, ICON_ARROW_DOWNWARD = 0xE5DB,
	ICON_GRID_VIEW = 0xE9B0, ICON_GROUPS = 0xF233, ICON_ROLLER = 0xE9B4,
	ICON_CHECK_CIRCLE = 0xE86C, ICON_WAVING_HAND = 0xE766, ICON_SCHEDULE = 0xE8B5,
	ICON_ASSIGNMENT = 0xE85D, ICON_CHECK = 0xE5CA, ICON_TIMER = 0xE425,
	ICON_BADGE = 0xEA67, ICON_QUESTION_MARK = 0xEB8B, ICON_LOCK = 0xE897,
	ICON_ARROW_BACK = 0xE5C4, ICON_SEARCH = 0xE8B6, ICON_ADD = 0xE145,
	ICON_EVENT = 0xE878, ICON_PERSON = 0xE7FD, ICON_GROUP = 0xE7EF,
	ICON_HANDSHAKE = 0xEBCB, ICON_LOCATION_ON = 0xE0C8, ICON_LIGHTBULB = 0xE0F0,
	ICON_CLOSE = 0xE5CD, ICON_INFO = 0xE88E, ICON_PAYMENTS = 0xEF63,
	ICON_VOLUNTEER = 0xEA70, ICON_REQUEST_QUOTE = 0xF1B6,
	ICON_CAPSLOCK = 0xE318, ICON_BACKSPACE = 0xE14A, ICON_ARROW_FORWARD = 0xE5C8,
	ICON_ADMIN = 0xEF3D, ICON_LOGOUT = 0xE9BA, ICON_FACT_CHECK = 0xF0C5,
	ICON_USB = 0xE1E0, ICON_SENSORS = 0xE51E, ICON_AUTO_AWESOME = 0xE65F,
	ICON_FAVORITE = 0xE87D,
	ICON_SUNNY = 0xE430,     /* wb_sunny: the heat alert */
	ICON_FLORIST = 0xE545, ICON_PETS = 0xE91D, ICON_HANDYMAN = 0xF10B,
	ICON_CUT = 0xE14E, ICON_RESTAURANT = 0xE56C, ICON_COMPUTER = 0xE30A,
	ICON_MORE_HORIZ = 0xE5D3,
	ICON_ARROW_UPWARD = 0xE5D8, ICON_REMOVE = 0xE15B,
	ICON_TOGGLE_ON = 0xE9F6, ICON_TOGGLE_OFF = 0xE9F5
};

/* Canvas size in logical pixels. */
int  ui_width(const Ui *ui);
int  ui_height(const Ui *ui);
int  ui_portrait(const Ui *ui);

/* Shapes. Radii in logical px; shapes are anti-aliased. */
void ui_fill(Ui *ui, UiRect r, UiColor c);
void ui_rrect(Ui *ui, UiRect r, int radius, UiColor fill);
/* The mockups' "lip": the same shape, darker, lip_px lower, under it. */
void ui_rrect_lip(Ui *ui, UiRect r, int radius, UiColor fill, UiColor lip,
                  int lip_px);
void ui_rrect_border(Ui *ui, UiRect r, int radius, int width, UiColor c);
void ui_circle(Ui *ui, int cx, int cy, int radius, UiColor fill);
/* Discs drawn one over the other, each centred at (cx + dx, cy + dy), on
** a plain background bg: drawn once into one opaque texture, then copied
** without blending at each frame (a badge target's rings at 1080p cost
** 3 ms a frame as blended corners). At most UI_DISCS_MAX. */
#define UI_DISCS_MAX 8
typedef struct UiDisc {
	int dx, dy, radius;
	UiColor fill;
} UiDisc;
void ui_discs(Ui *ui, int cx, int cy, const UiDisc *d, int n, UiColor bg);
void ui_hline(Ui *ui, int x, int y, int w, UiColor c);

/* Text. size_px is logical. Returns the width drawn. Text is cached.
** (x, y) is the top-left of the line box, ui_text_height() tall (Inter's
** ascent + descent, about 1.2 x size): centre a line in a box of height
** h with y = top + (h - ui_text_height()) / 2. */
int  ui_text(Ui *ui, int x, int y, UiFont f, int size_px, UiColor c,
             const char *utf8);
int  ui_text_width(Ui *ui, UiFont f, int size_px, const char *utf8);
int  ui_text_height(Ui *ui, UiFont f, int size_px);
/* Wraps text in r (at most max_lines, the last one ellipsised); returns
** the height used. */
int  ui_text_box(Ui *ui, UiRect r, UiFont f, int size_px, UiColor c,
                 UiAlign align, int max_lines, const char *utf8);
/* Text being typed: its last max_lines lines (where typing goes on),
** never ellipsised, and with caret the cursor after the last character
** in caret_c. Returns the height used. */
int  ui_text_box_end(Ui *ui, UiRect r, UiFont f, int size_px, UiColor c,
                     int max_lines, const char *utf8, int caret,
                     UiColor caret_c);
/* Shrink, then wrap: the largest size from size_px down to min_px at
** which the whole text fits max_lines lines of r.w (at most 16), drawn
** as ui_text_box draws it; returns the height used. For what must not be
** cut: names, times, titles. */
int  ui_text_wrap(Ui *ui, UiRect r, UiFont f, int size_px, int min_px,
                  UiColor c, UiAlign align, int max_lines, const char *utf8);
/* A list row's name or fact: on one line, shrunk from size_px down to
** min_px as needed; else wrapped at min_px on up to max_lines lines
** (at most 16). Centred on r's height either way (r.h may be less than
** the lines: they overflow it evenly). Returns the height used. */
int  ui_text_fit_wrap(Ui *ui, UiRect r, UiFont f, int size_px, int min_px,
                      UiColor c, UiAlign align, int max_lines,
                      const char *utf8);
/* A long text read a part at a time (a mission's description): wraps
** it all, draws lines first .. first + r.h / line height - 1 whole, no
** ellipsis (the rest is reached by moving first). *n_lines: how many
** lines the whole text takes in r.w; returns the line height. */
int  ui_text_part(Ui *ui, UiRect r, UiFont f, int size_px, UiColor c,
                  int first, const char *utf8, int *n_lines);
/* One line fitted to w: when too long, smaller type first (down to three
** quarters of size_px, not under TYPE_META), an ellipsis only after. */
int  ui_text_fit(Ui *ui, int x, int y, int w, UiFont f, int size_px,
                 UiColor c, UiAlign align, const char *utf8);
/* An icon glyph centred on (cx, cy). */
void ui_icon(Ui *ui, int cx, int cy, int size_px, UiColor c, uint32_t code);

/* A tap region: tapping r sends APP_EV_ACTION(action, arg). label is what
** `tap-text` matches (may be NULL: then text drawn inside r is used). */
void ui_hit(Ui *ui, UiRect r, AppAction action, int64_t arg,
            const char *label);
/* A button: shape, icon (0 for none), label, and its hit region. */
void ui_button(Ui *ui, UiRect r, UiButtonStyle style, uint32_t icon,
               const char *label, AppAction action, int64_t arg);
/* A two-line button (title + subtitle), like "Enregistrer ce badge". */
void ui_button2(Ui *ui, UiRect r, UiButtonStyle style, uint32_t icon,
                const char *title, const char *subtitle, AppAction action,
                int64_t arg);

/* Clipping (for scrolled lists); ui_clip(ui, NULL) removes it. */
void ui_clip(Ui *ui, const UiRect *r);

/* Where this frame's reader banner goes (drawn last, over the screen, while
** !v->reader_ok). w 0: r.x is its right edge; else centred in r. Default:
** top right; ui_top_bar puts it in place of the clock. A screen with a
** button top right moves it with this call. */
void ui_reader_banner_at(Ui *ui, UiRect r);

/* A screen draws the view; the table in screens.c maps ScreenId to it. */
typedef struct ScreenOps {
	const char *name;
	void (*draw)(Ui *ui, const AppView *v);
} ScreenOps;

/* Each ui/screens/MODULE.c defines MODULE_screen (firmware/screens.def). */
#define SCREEN(id, module, view_type, view) extern const ScreenOps module##_screen;
#include "screens.def"

#endif
