/* input.c -- the only place an SDL_Event becomes an AppEvent.
** Touch and mouse behave like real buttons: a press remembers the hit
** region under it and acts on release only if the release is still
** inside that region; a press that moves more than a few pixels becomes
** a drag, which scrolls (ACT_SCROLL by rows) and taps nothing. Only the
** first finger counts; a second one, a drag that leaves the screen, or a
** release we never saw the press of do nothing and leave no state
** behind. Keys map to APP_KEY_*; in demo mode F1..F6 tap the demo
** badges. Text typed on a real keyboard arrives as one APP_EV_TEXT per
** character, exactly like the on-screen keyboard's keys.
**
** The kiosk has no keyboard shortcuts: a key pressed with Ctrl, Alt or
** the GUI (Windows) key held does nothing at all, so Ctrl-Alt-F1, Alt-F4
** or Ctrl-C is not read as F1, F4 or a typed "c" (in demo mode Alt-F1
** would have tapped a badge). Whatever the system does with such chords
** is kept from it elsewhere (main.c, console.c, README "Nothing to a
** shell"). AltGr stays: French keyboards type @, €, # and [ with it, and
** that text comes as SDL_TEXTINPUT anyway. */
#include <string.h>
#include <strings.h>

#include "demo.h"
#include "ui_internal.h"
#include "widgets.h"

#define DRAG_START_PX  16            /* logical px before a press drags */
#define DRAG_ROW_PX    (UI_CARD_H + 12)

static int  input_emit(AppEvent *out, int n, int max, const AppEvent *ev);
static int  input_press(Input *in, const Ui *ui, int x, int y);
static int  input_move(Input *in, const Ui *ui, int y, AppEvent *out, int max);
static int  input_release(Input *in, const Ui *ui, int x, int y,
                          AppEvent *out, int max);
static int  input_key(SDL_Keycode k, Uint16 mod, int repeat,
                      const AppView *v, AppEvent *out);
static int  input_demo_badge(int index, const AppView *v, AppEvent *out);
static int  input_win_w(const Ui *ui);
static int  input_win_h(const Ui *ui);

void
input_init(Input *in)
{
	memset(in, 0, sizeof *in);
	in->mouse_scale = 1.0f;
}

static int
input_emit(AppEvent *out, int n, int max, const AppEvent *ev)
{
	if (n < max)
		out[n++] = *ev;
	return n;
}

static int
input_win_w(const Ui *ui)
{
	return (int)((float)ui_width(ui) * ui_scale(ui) + 0.5f);
}

static int
input_win_h(const Ui *ui)
{
	return (int)((float)ui_height(ui) * ui_scale(ui) + 0.5f);
}

static int
input_press(Input *in, const Ui *ui, int x, int y)
{
	const UiHitRec *hit = ui_hit_at(ui, x, y);

	in->active = 1;
	in->down_x = x;
	in->down_y = y;
	in->last_y = y;
	in->dragging = 0;
	in->scroll_acc = 0;
	in->has_hit = hit != NULL;
	if (hit != NULL)
		in->down_hit = *hit;
	return 0;
}

static int
input_move(Input *in, const Ui *ui, int y, AppEvent *out, int max)
{
	float s = ui_scale(ui);
	int n = 0;
	AppEvent ev;

	if (!in->active)
		return 0;
	if (!in->dragging) {
		int dy = y - in->down_y;
		if ((float)(dy < 0 ? -dy : dy) < (float)DRAG_START_PX * s)
			return 0;
		in->dragging = 1;
		in->last_y = in->down_y;
	}
	/* Dragging up moves the content up: later rows (+). */
	in->scroll_acc += (int)((float)(in->last_y - y) / s);
	in->last_y = y;
	memset(&ev, 0, sizeof ev);
	ev.type = APP_EV_ACTION;
	ev.action = ACT_SCROLL;
	while (in->scroll_acc >= DRAG_ROW_PX) {
		in->scroll_acc -= DRAG_ROW_PX;
		ev.arg = 1;
		n = input_emit(out, n, max, &ev);
	}
	while (in->scroll_acc <= -DRAG_ROW_PX) {
		in->scroll_acc += DRAG_ROW_PX;
		ev.arg = -1;
		n = input_emit(out, n, max, &ev);
	}
	return n;
}

static int
input_release(Input *in, const Ui *ui, int x, int y, AppEvent *out, int max)
{
	AppEvent ev;
	float s = ui_scale(ui);
	float lx = (float)x / s, ly = (float)y / s;
	const UiRect *r = &in->down_hit.r;
	int inside;

	memset(&ev, 0, sizeof ev);
	ev.type = APP_EV_ACTIVITY;
	if (!in->active)
		return 0;
	in->active = 0;
	inside = in->has_hit && lx >= (float)r->x && lx < (float)(r->x + r->w) &&
	         ly >= (float)r->y && ly < (float)(r->y + r->h);
	if (!in->dragging && inside && in->down_hit.action != ACT_NONE) {
		ev.type = APP_EV_ACTION;
		ev.action = in->down_hit.action;
		ev.arg = in->down_hit.arg;
	}
	in->dragging = 0;
	in->has_hit = 0;
	return input_emit(out, 0, max, &ev);
}

/* The demo table's badge number index, as a tap (demo mode only). */
static int
input_demo_badge(int index, const AppView *v, AppEvent *out)
{
	memset(out, 0, sizeof *out);
	out->type = APP_EV_ACTIVITY;
	if (!v->demo || index < 0 || index >= DEMO_N_BADGES)
		return 1;
	if (uid_parse(demo_badges[index].uid, UID_DEC_LSB_FIRST, &out->uid,
	              NULL, 0) != BORNE_OK)
		return 1;
	out->type = APP_EV_BADGE;
	return 1;
}

static int
input_key(SDL_Keycode k, Uint16 mod, int repeat, const AppView *v,
          AppEvent *out)
{
	int key = 0;

	memset(out, 0, sizeof *out);
	if (mod & (KMOD_CTRL | KMOD_LALT | KMOD_GUI))
		return 0;          /* a chord: nothing, see the top of the file */
	if ((mod & KMOD_RALT) && k >= SDLK_F1 && k <= SDLK_F12)
		return 0;          /* right Alt is Alt on some layouts: Alt-Fn */
	switch (k) {
	case SDLK_BACKSPACE: key = APP_KEY_BACKSPACE; break;
	case SDLK_RETURN:
	case SDLK_KP_ENTER:  key = APP_KEY_ENTER; break;
	case SDLK_TAB:       key = APP_KEY_TAB; break;
	case SDLK_ESCAPE:    key = APP_KEY_ESCAPE; break;
	case SDLK_UP:        key = APP_KEY_UP; break;
	case SDLK_DOWN:      key = APP_KEY_DOWN; break;
	case SDLK_PAGEUP:    key = APP_KEY_PAGEUP; break;
	case SDLK_PAGEDOWN:  key = APP_KEY_PAGEDOWN; break;
	case SDLK_F1: case SDLK_F2: case SDLK_F3:
	case SDLK_F4: case SDLK_F5: case SDLK_F6:
		if (repeat)
			return 0;
		return input_demo_badge((int)(k - SDLK_F1), v, out);
	default:
		return 0;
	}
	/* Held keys repeat only where repeating makes sense. */
	if (repeat && key != APP_KEY_BACKSPACE && key != APP_KEY_UP &&
	    key != APP_KEY_DOWN && key != APP_KEY_PAGEUP && key != APP_KEY_PAGEDOWN)
		return 0;
	out->type = APP_EV_KEY;
	out->key = key;
	return 1;
}

int
input_key_named(const char *name, const AppView *v, AppEvent *out)
{
	static const struct { const char *name; SDL_Keycode k; } keys[] = {
		{ "Backspace", SDLK_BACKSPACE }, { "Return", SDLK_RETURN },
		{ "Enter", SDLK_RETURN }, { "Tab", SDLK_TAB },
		{ "Escape", SDLK_ESCAPE }, { "Esc", SDLK_ESCAPE },
		{ "Up", SDLK_UP }, { "Down", SDLK_DOWN },
		{ "PageUp", SDLK_PAGEUP }, { "PageDown", SDLK_PAGEDOWN },
		/* the X11 and SDL spellings people also type */
		{ "Page_Up", SDLK_PAGEUP }, { "Page_Down", SDLK_PAGEDOWN },
		{ "Prior", SDLK_PAGEUP }, { "Next", SDLK_PAGEDOWN },
		{ "Page Up", SDLK_PAGEUP }, { "Page Down", SDLK_PAGEDOWN },
		{ "KP_Enter", SDLK_KP_ENTER }, { "Keypad Enter", SDLK_KP_ENTER },
		{ "F1", SDLK_F1 }, { "F2", SDLK_F2 }, { "F3", SDLK_F3 },
		{ "F4", SDLK_F4 }, { "F5", SDLK_F5 }, { "F6", SDLK_F6 },
	};

	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strcasecmp(name, keys[i].name) == 0)
			return input_key(keys[i].k, 0, 0, v, out) == 1 ? 1 : 0;
	return 0;
}

int
input_translate(Input *in, const Ui *ui, const AppView *v, const SDL_Event *e,
                AppEvent *out, int max)
{
	AppEvent ev;
	int n = 0;

	memset(&ev, 0, sizeof ev);
	switch (e->type) {
	case SDL_MOUSEBUTTONDOWN:
		/* Touch also makes mouse events: the finger events win. */
		if (e->button.which == SDL_TOUCH_MOUSEID ||
		    e->button.button != SDL_BUTTON_LEFT || in->active)
			return 0;
		in->is_finger = 0;
		return input_press(in, ui, (int)((float)e->button.x * in->mouse_scale),
		                   (int)((float)e->button.y * in->mouse_scale));
	case SDL_MOUSEMOTION:
		if (e->motion.which == SDL_TOUCH_MOUSEID || !in->active ||
		    in->is_finger)
			return 0;
		return input_move(in, ui, (int)((float)e->motion.y * in->mouse_scale),
		                  out, max);
	case SDL_MOUSEBUTTONUP:
		if (e->button.which == SDL_TOUCH_MOUSEID ||
		    e->button.button != SDL_BUTTON_LEFT || !in->active ||
		    in->is_finger)
			return 0;
		return input_release(in, ui, (int)((float)e->button.x * in->mouse_scale),
		                     (int)((float)e->button.y * in->mouse_scale),
		                     out, max);
	case SDL_FINGERDOWN:
		if (in->active)
			return 0;       /* a second finger */
		in->is_finger = 1;
		in->finger = e->tfinger.fingerId;
		return input_press(in, ui, (int)(e->tfinger.x * (float)input_win_w(ui)),
		                   (int)(e->tfinger.y * (float)input_win_h(ui)));
	case SDL_FINGERMOTION:
		if (!in->active || !in->is_finger || e->tfinger.fingerId != in->finger)
			return 0;
		return input_move(in, ui, (int)(e->tfinger.y * (float)input_win_h(ui)),
		                  out, max);
	case SDL_FINGERUP:
		if (!in->active || !in->is_finger || e->tfinger.fingerId != in->finger)
			return 0;
		return input_release(in, ui, (int)(e->tfinger.x * (float)input_win_w(ui)),
		                     (int)(e->tfinger.y * (float)input_win_h(ui)),
		                     out, max);
	case SDL_MOUSEWHEEL:
		if (e->wheel.y == 0)
			return 0;
		ev.type = APP_EV_ACTION;
		ev.action = ACT_SCROLL;
		ev.arg = e->wheel.y > 0 ? -1 : 1;
		for (int i = 0; i < (e->wheel.y > 0 ? e->wheel.y : -e->wheel.y) && i < 8; i++)
			n = input_emit(out, n, max, &ev);
		return n;
	case SDL_TEXTINPUT: {
		const char *s = e->text.text;
		size_t i = 0;
		while (s[i] != '\0' && n < max) {
			size_t j = i + 1;
			while ((s[j] & 0xC0) == 0x80)
				j++;
			memset(&ev, 0, sizeof ev);
			ev.type = APP_EV_TEXT;
			memcpy(ev.text, s + i, j - i);
			n = input_emit(out, n, max, &ev);
			i = j;
		}
		return n;
	}
	case SDL_KEYDOWN:
		if (input_key(e->key.keysym.sym, e->key.keysym.mod, e->key.repeat,
		              v, &ev) == 1)
			return input_emit(out, 0, max, &ev);
		return 0;
	default:
		return 0;
	}
}
