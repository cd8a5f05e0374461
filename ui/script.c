/* script.c -- the headless mode's script: one command a line.
** Commands drive the real UI the way a person and a reader would: taps
** are SDL mouse presses and releases at window pixels (through input.c),
** typed text is SDL text input, a badge is what the reader thread would
** send. Expectations read the last frame's record (ui.c), so they check
** what is on screen, not the core's state. The clock is virtual: `wait`
** and `advance-clock` move it and nothing sleeps.
**
**   tap X Y | tap-text "Label" | type "texte" | key NAME | badge UID
**   key MOD+...+KEY (a chord: SDL key events with ctrl, alt, shift, gui
**   or altgr held, through the main loop's dispatch, as a keyboard would)
**   quit | window-close (SDL_QUIT, the window manager closing the window)
**   badge-remove | wait MS | advance-clock SECONDS | screenshot NAME
**   clock-set YYYY-MM-DDTHH:MM (the wall clock jumps, not the monotonic)
**   clock-sync yes|no|unknown (what the time service says)
**   expect-screen NAME | expect-text "..." | expect-no-text "..."
**   reader-lost ["detail"] | reader-back        (the reader thread's news)
**
** Blank lines and lines starting with '#' are skipped. Each executed line
** is printed. Reading a line (words, quotes, command names, the bounds
** of every number) is script_parse.c's, without SDL; this file carries
** out what it read, through its table of handlers (script_runs[]: one
** function per kind of command). The first malformed line or failed expectation stops the
** run, naming the line number and its text; the exit status is then 1. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "script_parse.h"
#include "ui_internal.h"

typedef struct Script Script;
typedef int (*ScriptRunFn)(Script *s, const ScriptCmd *c);

struct Script {
	Kiosk *k;
	const char *path, *shots;
	int lineno;
	char line[SCRIPT_LINE_MAX];
};

static int  script_line(Script *s, const char *line);
static int  script_fail(Script *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static int  script_tap(Script *s, int x, int y);
static int  script_finger(Script *s, const ScriptCmd *c);
static int  script_mkdirs(const char *dir);
static int  script_chord(Script *s, const ScriptCmd *c);
static int  script_dispatch(Script *s, const SDL_Event *e);
static int  script_check_table(void);
static int  script_do_tap(Script *s, const ScriptCmd *c);
static int  script_do_tap_text(Script *s, const ScriptCmd *c);
static int  script_do_tap_until(Script *s, const ScriptCmd *c);
static int  script_do_type(Script *s, const ScriptCmd *c);
static int  script_do_key(Script *s, const ScriptCmd *c);
static int  script_do_key_hold(Script *s, const ScriptCmd *c);
static int  script_do_quit(Script *s, const ScriptCmd *c);
static int  script_do_event(Script *s, const ScriptCmd *c);
static int  script_do_clock_set(Script *s, const ScriptCmd *c);
static int  script_do_wait(Script *s, const ScriptCmd *c);
static int  script_do_hub_answer(Script *s, const ScriptCmd *c);
static int  script_do_screenshot(Script *s, const ScriptCmd *c);
static int  script_do_expect_screen(Script *s, const ScriptCmd *c);
static int  script_do_expect_text(Script *s, const ScriptCmd *c);
static int  script_read_line(FILE *fp, char *buf, size_t size, size_t *len);

static int
script_fail(Script *s, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s:%d: %s\n    ", s->path, s->lineno, s->line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

static int
script_mkdirs(const char *dir)
{
	char p[1024];

	snprintf(p, sizeof p, "%s", dir);
	for (char *c = p + 1; *c != '\0'; c++) {
		if (*c != '/')
			continue;
		*c = '\0';
		mkdir(p, 0775);
		*c = '/';
	}
	return mkdir(p, 0775) == 0 || errno == EEXIST ? 0 : -1;
}

/* One line of fp into buf (size bytes), without its newline: 1, or 0 at
** the end of the file. The whole line is always consumed, however long;
** *len is its length in bytes, which is size or more when it did not fit
** (buf then holds its start). A NUL byte makes *len SIZE_MAX: a line
** cannot hide text from the parser, nor its tail come back as a line. */
static int
script_read_line(FILE *fp, char *buf, size_t size, size_t *len)
{
	size_t n = 0;
	int c, nul = 0;

	while ((c = getc(fp)) != EOF && c != '\n') {
		if (c == '\0')
			nul = 1;
		if (n + 1 < size)
			buf[n] = (char)c;
		if (n < SIZE_MAX - 1)
			n++;
	}
	buf[n + 1 < size ? n : size - 1] = '\0';
	if (c == EOF && n == 0 && !nul)
		return 0;
	*len = nul ? SIZE_MAX : n;
	return 1;
}

/* An event through the main loop's own dispatch: the kiosk must still be
** running after it. */
static int
script_dispatch(Script *s, const SDL_Event *e)
{
	if (kiosk_dispatch(s->k, e))
		return script_fail(s, "the kiosk left its loop: it must not");
	return 0;
}

/* `key ctrl+alt+F1`: the modifiers pressed, the key pressed and released,
** the modifiers released, each an SDL key event carrying the modifier
** state, as SDL reports a real keyboard. */
static int
script_chord(Script *s, const ScriptCmd *c)
{
	static const struct { int mod; SDL_Keycode key; Uint16 kmod; } mods[] = {
		{ SCRIPT_MOD_CTRL,  SDLK_LCTRL,  KMOD_LCTRL },
		{ SCRIPT_MOD_ALT,   SDLK_LALT,   KMOD_LALT },
		{ SCRIPT_MOD_SHIFT, SDLK_LSHIFT, KMOD_LSHIFT },
		{ SCRIPT_MOD_GUI,   SDLK_LGUI,   KMOD_LGUI },
		{ SCRIPT_MOD_ALTGR, SDLK_RALT,   KMOD_RALT | KMOD_MODE },
	};
	SDL_Keycode key = SDL_GetKeyFromName(c->text);
	SDL_Event e;
	Uint16 held = 0;
	int rc = 0;

	if (key == SDLK_UNKNOWN)
		return script_fail(s, "unknown key \"%s\": say an SDL key name "
		                   "(F1, Backspace, Delete, Tab, Q...)", c->text);
	memset(&e, 0, sizeof e);
	for (int pass = 0; pass < 2 && rc == 0; pass++) {
		/* pass 0: modifiers down, the key; pass 1: modifiers up. */
		for (size_t i = 0; i < sizeof mods / sizeof mods[0] && rc == 0;
		     i++) {
			size_t j = pass == 0 ? i : sizeof mods / sizeof mods[0] - 1 - i;

			if (!(c->mods & mods[j].mod))
				continue;
			if (pass == 0)
				held |= mods[j].kmod;
			else
				held &= (Uint16)~mods[j].kmod;
			e.type = pass == 0 ? SDL_KEYDOWN : SDL_KEYUP;
			e.key.state = pass == 0 ? SDL_PRESSED : SDL_RELEASED;
			e.key.keysym.sym = mods[j].key;
			e.key.keysym.scancode = SDL_GetScancodeFromKey(mods[j].key);
			e.key.keysym.mod = held;
			rc = script_dispatch(s, &e);
		}
		if (pass == 0 && rc == 0) {
			e.key.keysym.sym = key;
			e.key.keysym.scancode = SDL_GetScancodeFromKey(key);
			e.key.keysym.mod = held;
			e.type = SDL_KEYDOWN;
			e.key.state = SDL_PRESSED;
			rc = script_dispatch(s, &e);
			e.type = SDL_KEYUP;
			e.key.state = SDL_RELEASED;
			if (rc == 0)
				rc = script_dispatch(s, &e);
		}
	}
	return rc;
}

/* A press and a release at window pixel (x, y), through input.c. */
static int
script_tap(Script *s, int x, int y)
{
	SDL_Event e;

	memset(&e, 0, sizeof e);
	e.type = SDL_MOUSEBUTTONDOWN;
	e.button.button = SDL_BUTTON_LEFT;
	e.button.state = SDL_PRESSED;
	e.button.clicks = 1;
	e.button.x = x;
	e.button.y = y;
	kiosk_sdl_event(s->k, &e);
	e.type = SDL_MOUSEBUTTONUP;
	e.button.state = SDL_RELEASED;
	kiosk_sdl_event(s->k, &e);
	return 0;
}

/* `finger down|move|up ID X Y`: one touch event at window pixel (X, Y),
** which may lie off the screen (a drag that leaves it). Several fingers
** can be down at once: what input.c does with them is what is tested. */
static int
script_finger(Script *s, const ScriptCmd *c)
{
	static const Uint32 types[3] = { SDL_FINGERDOWN, SDL_FINGERMOTION,
	                                 SDL_FINGERUP };
	SDL_Event e;

	memset(&e, 0, sizeof e);
	e.type = types[c->finger];
	e.tfinger.touchId = 1;
	e.tfinger.fingerId = (SDL_FingerID)c->id;
	e.tfinger.x = (float)c->x / (float)kiosk_window_w(s->k);
	e.tfinger.y = (float)c->y / (float)kiosk_window_h(s->k);
	e.tfinger.pressure = 1.0f;
	kiosk_sdl_event(s->k, &e);
	return 0;
}

/* SCRIPT_TYPE: one character an event (1..4 bytes), bounded here by the
** event's own size, not by what the parser checked. */
static int
script_do_type(Script *s, const ScriptCmd *c)
{
	SDL_Event e;
	size_t n;

	for (const char *p = c->text; (n = script_char_len(p)) > 0; p += n) {
		if (n >= sizeof e.text.text)
			return script_fail(s, "a character longer than an SDL "
			                   "text event");
		memset(&e, 0, sizeof e);
		e.type = SDL_TEXTINPUT;
		memcpy(e.text.text, p, n);
		kiosk_sdl_event(s->k, &e);
	}
	return 0;
}

static int
script_do_tap(Script *s, const ScriptCmd *c)
{
	if (c->x >= kiosk_window_w(s->k) || c->y >= kiosk_window_h(s->k))
		return script_fail(s, "tap %lld %lld is outside the %dx%d window",
		                   (long long)c->x, (long long)c->y,
		                   kiosk_window_w(s->k), kiosk_window_h(s->k));
	return script_tap(s, (int)c->x, (int)c->y);
}

static int
script_do_tap_text(Script *s, const ScriptCmd *c)
{
	const AppView *v = app_view(kiosk_app(s->k));
	Ui *ui = kiosk_ui(s->k);
	int x, y;

	if (!ui_frame_find_tap(ui, c->text, &x, &y)) {
		script_fail(s, "no tappable widget shows \"%s\" on screen %s;"
		            " texts on screen:", c->text, app_screen_name(v->screen));
		ui_frame_dump_texts(ui, stderr);
		return 1;
	}
	kiosk_picture_to_window(s->k, &x, &y);
	printf("   tap %d %d\n", x, y);
	return script_tap(s, x, y);
}

static int
script_do_key_hold(Script *s, const ScriptCmd *c)
{
	SDL_Event e;
	SDL_Keycode key = SDL_GetKeyFromName(c->text);

	if (key == SDLK_UNKNOWN)
		return script_fail(s, "say: key-hold NAME REPEATS (an SDL key"
		                   " name, 0 to 1000 repeats)");
	memset(&e, 0, sizeof e);
	e.type = SDL_KEYDOWN;
	e.key.state = SDL_PRESSED;
	e.key.keysym.sym = key;
	for (int64_t i = 0; i <= c->repeats; i++) {
		e.key.repeat = i > 0;
		kiosk_sdl_event(s->k, &e);
	}
	e.type = SDL_KEYUP;
	e.key.state = SDL_RELEASED;
	e.key.repeat = 0;
	kiosk_sdl_event(s->k, &e);
	return 0;
}

static int
script_do_key(Script *s, const ScriptCmd *c)
{
	AppEvent ev;

	if (c->mods != 0)
		return script_chord(s, c);
	memset(&ev, 0, sizeof ev);
	if (!input_key_named(c->text, app_view(kiosk_app(s->k)), &ev))
		return script_fail(s, "unknown key: say Backspace, Return, Enter,"
		                   " Tab, Escape, Up, Down, PageUp, PageDown or F1..F6");
	kiosk_send(s->k, &ev);
	return 0;
}

/* SCRIPT_QUIT, SCRIPT_WINDOW_CLOSE: through the main loop's dispatch. */
static int
script_do_quit(Script *s, const ScriptCmd *c)
{
	SDL_Event e;

	memset(&e, 0, sizeof e);
	if (c->kind == SCRIPT_QUIT) {
		e.type = SDL_QUIT;
	} else {
		e.type = SDL_WINDOWEVENT;
		e.window.event = SDL_WINDOWEVENT_CLOSE;
	}
	return script_dispatch(s, &e);
}

/* The reader thread's news: a badge, its removal, two badges, the
** reader lost or back; and the time service's. One AppEvent each. */
static int
script_do_event(Script *s, const ScriptCmd *c)
{
	AppEvent ev;

	memset(&ev, 0, sizeof ev);
	switch (c->kind) {
	case SCRIPT_BADGE:
		ev.type = APP_EV_BADGE;
		ev.uid = c->uid;
		break;
	case SCRIPT_BADGES_SEVERAL:
		ev.type = APP_EV_BADGE_SEVERAL;
		break;
	case SCRIPT_BADGE_REMOVE:
		ev.type = APP_EV_BADGE_REMOVED;
		break;
	case SCRIPT_READER_LOST:
	case SCRIPT_READER_BACK:
		ev.type = APP_EV_READER;
		ev.arg = c->kind == SCRIPT_READER_BACK;
		snprintf(ev.text, sizeof ev.text, "%.*s", SCRIPT_DETAIL_MAX, c->text);
		break;
	case SCRIPT_CLOCK_SYNC:
		ev.type = APP_EV_CLOCK;
		ev.arg = c->sync;
		break;
	default:
		return script_fail(s, "%s is no reader or clock news", c->name);
	}
	kiosk_send(s->k, &ev);
	return 0;
}

static int
script_do_clock_set(Script *s, const ScriptCmd *c)
{
	AppEvent ev;

	kiosk_clock_set(s->k, c->utc);
	memset(&ev, 0, sizeof ev);
	ev.type = APP_EV_TICK;          /* the app notices the jump */
	kiosk_send(s->k, &ev);
	return 0;
}

/* hub-answer accept|refuse: one sync of this kiosk with a hub, the hub
** played here (tests only, script_hub.c); then a tick, as the kiosk
** would see it a moment later. */
static int
script_do_hub_answer(Script *s, const ScriptCmd *c)
{
	AppEvent ev;
	char err[256];
	int64_t now_utc = 0;
	Store *st = kiosk_store(s->k, &now_utc);

	if (st == NULL)
		return script_fail(s, "hub-answer: the kiosk has no database");
	if (script_hub_answer(st, c->refuse, now_utc, err, sizeof err)
	    != BORNE_OK)
		return script_fail(s, "hub-answer: %s", err);
	memset(&ev, 0, sizeof ev);
	ev.type = APP_EV_TICK;
	kiosk_send(s->k, &ev);
	return 0;
}

static int
script_do_wait(Script *s, const ScriptCmd *c)
{
	kiosk_advance(s->k, c->ms);
	return 0;
}

static int
script_do_screenshot(Script *s, const ScriptCmd *c)
{
	char path[2048];

	if (s->shots == NULL)
		return 0;           /* no --screenshots: nothing to write */
	if (script_mkdirs(s->shots) != 0)
		return script_fail(s, "cannot make %s: %s", s->shots,
		                   strerror(errno));
	if ((size_t)snprintf(path, sizeof path, "%s/%s.png", s->shots, c->text)
	    >= sizeof path)
		return script_fail(s, "the screenshot's path is too long");
	if (kiosk_screenshot(s->k, path) != BORNE_OK)
		return script_fail(s, "cannot write %s", path);
	return 0;
}

/* SCRIPT_TAP_UNTIL: what a finger can reach. Taps the widget showing
** the label (a pager's "Suivantes") until the text is on screen, at most
** SCRIPT_TAP_UNTIL_MAX times; fails when the label is gone first (the
** end of the list, and the text never shown). */
static int
script_do_tap_until(Script *s, const ScriptCmd *c)
{
	Ui *ui = kiosk_ui(s->k);
	ScriptCmd tap = *c;
	int taps = 0;

	tap.kind = SCRIPT_TAP_TEXT;
	while (!ui_frame_has_text(ui, c->text2)) {
		if (taps++ >= SCRIPT_TAP_UNTIL_MAX)
			return script_fail(s, "\"%s\" not on screen after %d taps",
			                   c->text2, SCRIPT_TAP_UNTIL_MAX);
		if (script_do_tap_text(s, &tap) != 0)
			return 1;
	}
	printf("   shown after %d taps\n", taps);
	return 0;
}

static int
script_do_expect_screen(Script *s, const ScriptCmd *c)
{
	const AppView *v = app_view(kiosk_app(s->k));

	if (strcmp(app_screen_name(v->screen), c->text) != 0)
		return script_fail(s, "expected screen %s, the screen is %s",
		                   c->text, app_screen_name(v->screen));
	return 0;
}

/* SCRIPT_EXPECT_TEXT, SCRIPT_EXPECT_NO_TEXT. */
static int
script_do_expect_text(Script *s, const ScriptCmd *c)
{
	const AppView *v = app_view(kiosk_app(s->k));
	Ui *ui = kiosk_ui(s->k);
	int want = c->kind == SCRIPT_EXPECT_TEXT;

	if (ui_frame_has_text(ui, c->text) != want) {
		script_fail(s, want ? "\"%s\" is not on screen %s; texts on screen:"
		                    : "\"%s\" is on screen %s, and should not be;"
		                      " texts on screen:",
		            c->text, app_screen_name(v->screen));
		ui_frame_dump_texts(ui, stderr);
		return 1;
	}
	return 0;
}

/* What each kind of command does; its name, arguments and usage line
** are in script_parse.c's table. A kind with no handler is an error of
** this file, caught by script_run before any line runs. */
static const ScriptRunFn script_runs[] = {
	[SCRIPT_TAP]            = script_do_tap,
	[SCRIPT_TAP_TEXT]       = script_do_tap_text,
	[SCRIPT_TAP_UNTIL]      = script_do_tap_until,
	[SCRIPT_TYPE]           = script_do_type,
	[SCRIPT_KEY]            = script_do_key,
	[SCRIPT_KEY_HOLD]       = script_do_key_hold,
	[SCRIPT_FINGER]         = script_finger,
	[SCRIPT_BADGE]          = script_do_event,
	[SCRIPT_BADGE_REMOVE]   = script_do_event,
	[SCRIPT_READER_LOST]    = script_do_event,
	[SCRIPT_READER_BACK]    = script_do_event,
	[SCRIPT_WAIT]           = script_do_wait,
	[SCRIPT_SCREENSHOT]     = script_do_screenshot,
	[SCRIPT_EXPECT_SCREEN]  = script_do_expect_screen,
	[SCRIPT_EXPECT_TEXT]    = script_do_expect_text,
	[SCRIPT_EXPECT_NO_TEXT] = script_do_expect_text,
	[SCRIPT_BADGES_SEVERAL] = script_do_event,
	[SCRIPT_CLOCK_SET]      = script_do_clock_set,
	[SCRIPT_CLOCK_SYNC]     = script_do_event,
	[SCRIPT_QUIT]           = script_do_quit,
	[SCRIPT_WINDOW_CLOSE]   = script_do_quit,
	[SCRIPT_HUB_ANSWER]     = script_do_hub_answer,
};

#define N_RUNS (sizeof script_runs / sizeof script_runs[0])

/* Every command of the parser's table has its handler: 0, else -1 with
** the one missing named (a command added to one table only). */
static int
script_check_table(void)
{
	const ScriptSpec *sp;

	for (size_t i = 0; (sp = script_spec_at(i)) != NULL; i++)
		if ((size_t)sp->kind >= N_RUNS || script_runs[sp->kind] == NULL) {
			fprintf(stderr, "borne: script command %s has no handler "
			        "(ui/script.c)\n", sp->name);
			return -1;
		}
	return 0;
}

static int
script_line(Script *s, const char *line)
{
	static ScriptCmd c;
	char err[SCRIPT_LINE_MAX + 64];

	if (script_parse_line(line, &c, err, sizeof err) != BORNE_OK)
		return script_fail(s, "%s", err);
	if (c.kind == SCRIPT_NONE)
		return 0;
	if ((size_t)c.kind >= N_RUNS || script_runs[c.kind] == NULL)
		return script_fail(s, "unknown command");
	return script_runs[c.kind](s, &c);
}

int
script_run(Kiosk *k, const char *path, const char *shots_dir)
{
	Script s;
	FILE *fp;
	char buf[SCRIPT_LINE_MAX];
	size_t n;
	int rc = 0;

	memset(&s, 0, sizeof s);
	s.k = k;
	s.path = path;
	s.shots = shots_dir;
	fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	if (fp == NULL) {
		fprintf(stderr, "borne: script %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (script_check_table() != 0) {
		if (fp != stdin)
			fclose(fp);
		return 1;
	}
	kiosk_redraw(k);
	while (rc == 0 && script_read_line(fp, buf, sizeof buf, &n)) {
		char *line = buf;

		s.lineno++;
		if (n == SIZE_MAX) {
			snprintf(s.line, sizeof s.line, "%.60s...", buf);
			rc = script_fail(&s, "a NUL byte in the line: a script is text");
			break;
		}
		if (n >= sizeof buf - 1) {
			snprintf(s.line, sizeof s.line, "%.60s...", buf);
			rc = script_fail(&s, "line longer than %d bytes",
			                 SCRIPT_LINE_MAX - 2);
			break;
		}
		while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r' ||
		                 buf[n - 1] == ' ' || buf[n - 1] == '\t'))
			buf[--n] = '\0';
		while (*line == ' ' || *line == '\t')
			line++;
		if (*line == '\0' || *line == '#')
			continue;
		snprintf(s.line, sizeof s.line, "%s", line);
		printf("%d: %s\n", s.lineno, line);
		fflush(stdout);
		rc = script_line(&s, line);
	}
	if (fp != stdin)
		fclose(fp);
	if (rc == 0)
		printf("script %s: %d lines, all passed\n", path, s.lineno);
	return rc ? 1 : 0;
}
