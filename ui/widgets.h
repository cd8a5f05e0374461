/* widgets.h -- the pieces screens are made of, drawn with ui.h's calls:
** buttons, the top bar, text fields, the keyboard, the toast and reader
** banner, tiles, and the mission card and reward pill. widgets.c,
** mission_widgets.c and keyboard.c hold them; the screens and frame.c
** use them; ui.c, below them, knows none. */
#ifndef BORNE_WIDGETS_H
#define BORNE_WIDGETS_H

#include <stddef.h>
#include <stdint.h>

#include "app.h"
#include "ui.h"

void ui_top_bar(Ui *ui, const AppView *v, const char *back_label,
                AppAction back_action, const char *title);
/* r is the box itself. The label (left) and the "27 / 120" counter
** (right) sit on a line just above it (about 28 px), the error (in
** Terracotta, with an icon) or else the hint on a line just below it
** (about 30 px). Focus: 3 px Terracotta border in a 4 px pale halo. A
** single line shows its end (where the cursor is); no hit region: the
** caller adds its own (ACT_FIELD / ACT_FOCUS). */
void ui_text_field(Ui *ui, UiRect r, const TextFieldView *f);
/* The AZERTY keyboard in r (keyboard.c). Keys type with ACT_TYPE (arg: a
** code point), backspace is ACT_KEY(APP_KEY_BACKSPACE), shift and ?123
** ACT_KBD_LAYER; enter sends ACT_KEY(APP_KEY_ENTER), or enter_action(arg)
** with ui_keyboard_enter. ui_keyboard_height: the height it wants. */
void ui_keyboard(Ui *ui, UiRect r, const AppView *v, const char *enter_label);
void ui_keyboard_enter(Ui *ui, UiRect r, const AppView *v,
                       const char *enter_label, AppAction enter_action,
                       int64_t enter_arg);
int  ui_keyboard_height(const Ui *ui);
void ui_toast(Ui *ui, const AppView *v);
/* view.problem, if any: a read failed (problem.c). */
void ui_problem(Ui *ui, const AppView *v);
void ui_reader_banner(Ui *ui, const AppView *v);
/* Category icon, ink and tint. */
uint32_t ui_category_icon(int category);
UiColor  ui_category_ink(int category);
UiColor  ui_category_tint(int category);

/* Mission pieces (mission_widgets.c), shared by the board, the detail, the
** post form's preview and member home. A card is UI_CARD_H high; with
** hit set, tapping it opens the mission (ACT_OPEN_MISSION, label: the
** title). The reward pill is drawn with its left edge at x, centred on
** cy, and returns its width. The wait panel asks for a badge with
** v->wait_text and an "Annuler" button (ACT_CANCEL_WAIT).
** ui_board_columns: cards per row the board shows on this canvas (the
** app is told with ACT_SET_COLUMNS so that ACT_SCROLL rows match). */
#define UI_CARD_H 140
void ui_mission_card(Ui *ui, UiRect r, const MissionCard *c,
                     const AppCardText *t, int hit);
int  ui_reward_pill(Ui *ui, int x, int cy, RewardKind kind,
                    const char *text);
/* Whether under-18s may take it, in the one wording (AppCardText.minors:
** "Ouverte aux moins de 18 ans" / "Réservée aux adultes"): a pill from
** x, centred on cy; nothing when it does not fit whole in max_w.
** Returns the width drawn. */
int  ui_minors_chip(Ui *ui, int x, int cy, int max_w, int minors_ok,
                   const char *text);
void ui_wait_panel(Ui *ui, UiRect r, const AppView *v);
/* While the view waits for a badge: the screen dimmed, the wait panel
** in its middle. Nothing when it does not wait. */
void ui_wait_overlay(Ui *ui, const AppView *v);
/* A question over the whole screen (dialog.c): title, a line in
** Terracotta (a countdown) and a sentence (each may be ""), the primary
** button yes and, when no is not NULL, a secondary one. Nothing under it
** takes a tap. ui_idle_warning: the view's idle warning, if on. */
void ui_dialog(Ui *ui, const char *title, const char *line, const char *body,
               const char *yes, AppAction yes_act, int64_t yes_arg,
               const char *no, AppAction no_act, int64_t no_arg);
void ui_idle_warning(Ui *ui, const AppView *v);
/* Darkens r (under a modal panel). */
void ui_dim(Ui *ui, UiRect r);
/* The width ui_button needs to show label whole at height h. */
int  ui_button_width(Ui *ui, UiButtonStyle style, int h, uint32_t icon,
                     const char *label);
/* A filter chip whose padding follows r (narrow rows of many chips):
** white with a line border, or Encre when selected; 18 px SemiBold. */
void ui_chip(Ui *ui, UiRect r, int selected, const char *label,
             AppAction action, int64_t arg);
int  ui_board_columns(const Ui *ui);
/* The work stream question (StreamChoiceView): the question on a line in
** ink, then a chip per choice (ACT_STREAM, its index), in rows within r,
** the chosen one filled. Chips that do not fit are left out. Returns the
** height used (0 when there is nothing to ask). */
int  ui_stream_choice(Ui *ui, UiRect r, const StreamChoiceView *s,
                      int chip_h, UiColor ink);
/* snprintf for a translated format (tr() strings are not literals, so
** -Wformat-nonliteral would refuse them); out is always terminated. */
void ui_fmt(char *out, size_t outlen, const char *fmt, ...);

/* "Retour à l'accueil dans 15 secondes" with its timer icon, centred. */
void ui_idle_line(Ui *ui, const AppView *v, int cx, int y);
/* The space's logo tile (Terracotta, lip, deck icon). */
void ui_logo(Ui *ui, int x, int y, int size);
/* One line in several weights ("**12 personnes** présentes"). */
typedef struct UiRun { UiFont font; const char *text; } UiRun;
int  ui_text_runs(Ui *ui, int x, int y, int size, UiColor c,
                  const UiRun *runs, int n);
int  ui_text_runs_width(Ui *ui, int size, const UiRun *runs, int n);
/* A menu tile: icon in a tinted square, title and subtitle left-aligned,
** an optional count in a sun dot; primary: Terracotta. */
void ui_tile(Ui *ui, UiRect r, int primary, uint32_t icon, UiColor tint,
             UiColor ink, const char *title, const char *sub, int count,
             AppAction action, int64_t arg);
/* A round avatar with the name's initial; hue picks the colour. */
void ui_avatar(Ui *ui, int cx, int cy, int radius, const char *name, int hue);

#endif
