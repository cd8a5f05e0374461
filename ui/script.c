/* script.c -- the headless mode's script: one command a line.
** Commands drive the real UI the way a person and a reader would: taps
** are SDL mouse presses and releases at window pixels (through input.c),
** typed text is SDL text input, a badge is what the reader thread would
** send. Expectations read the last frame's record (ui.c), so they check
** what is on screen, not the core's state. The clock is virtual: `wait`
** and `advance-clock` move it and nothing sleeps.
**
**   tap X Y | tap-text "Label" | type "texte" | key NAME | badge UID
**   badge-remove | wait MS | advance-clock SECONDS | screenshot NAME
**   clock-set YYYY-MM-DDTHH:MM (the wall clock jumps, not the monotonic)
**   clock-sync yes|no|unknown (what the time service says)
**   expect-screen NAME | expect-text "..." | expect-no-text "..."
**   reader-lost ["detail"] | reader-back        (the reader thread's news)
**
** Blank lines and lines starting with '#' are skipped. Each executed line
** is printed. The first malformed line or failed expectation stops the
** run, naming the line number and its text; the exit status is then 1. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "timeutil.h"
#include "ui_internal.h"

#define SCRIPT_LINE_MAX 1024

typedef struct Script {
	Kiosk *k;
	const char *path, *shots;
	int lineno;
	char line[SCRIPT_LINE_MAX];
} Script;

static int  script_line(Script *s, char *line);
static int  script_fail(Script *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static int  script_arg(const char **p, char *out, size_t outlen);
static int  script_int(const char *s, long *out);
static int  script_tap(Script *s, int x, int y);
static int  script_finger(Script *s, const char *what, const char *id,
                          const char *rest);
static int  script_mkdirs(const char *dir);

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

/* Next argument: "quoted" (\" and \\ escapes) or a bare word. 1 got one. */
static int
script_arg(const char **p, char *out, size_t outlen)
{
	const char *s = *p;
	size_t n = 0;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '\0')
		return 0;
	if (*s == '"') {
		s++;
		while (*s != '"') {
			if (*s == '\0')
				return -1;              /* unterminated */
			if (*s == '\\' && (s[1] == '"' || s[1] == '\\'))
				s++;
			if (n + 1 < outlen)
				out[n++] = *s;
			s++;
		}
		s++;
	} else {
		while (*s != '\0' && *s != ' ' && *s != '\t') {
			if (n + 1 < outlen)
				out[n++] = *s;
			s++;
		}
	}
	out[n] = '\0';
	*p = s;
	return 1;
}

static int
script_int(const char *s, long *out)
{
	char *end;

	errno = 0;
	*out = strtol(s, &end, 10);
	return errno == 0 && end != s && *end == '\0' ? 0 : -1;
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
script_finger(Script *s, const char *what, const char *id, const char *rest)
{
	char xs[32], ys[32], extra[8];
	long fid, x, y;
	SDL_Event e;

	if (script_arg(&rest, xs, sizeof xs) != 1 ||
	    script_arg(&rest, ys, sizeof ys) != 1 ||
	    script_arg(&rest, extra, sizeof extra) != 0 ||
	    script_int(id, &fid) != 0 || script_int(xs, &x) != 0 ||
	    script_int(ys, &y) != 0 || x < -10000 || x > 10000 ||
	    y < -10000 || y > 10000)
		return script_fail(s, "say: finger down|move|up ID X Y");
	memset(&e, 0, sizeof e);
	if (strcmp(what, "down") == 0)
		e.type = SDL_FINGERDOWN;
	else if (strcmp(what, "move") == 0)
		e.type = SDL_FINGERMOTION;
	else if (strcmp(what, "up") == 0)
		e.type = SDL_FINGERUP;
	else
		return script_fail(s, "say: finger down|move|up ID X Y");
	e.tfinger.touchId = 1;
	e.tfinger.fingerId = (SDL_FingerID)fid;
	e.tfinger.x = (float)x / (float)kiosk_window_w(s->k);
	e.tfinger.y = (float)y / (float)kiosk_window_h(s->k);
	e.tfinger.pressure = 1.0f;
	kiosk_sdl_event(s->k, &e);
	return 0;
}

static int
script_line(Script *s, char *line)
{
	char cmd[64], a1[SCRIPT_LINE_MAX], a2[64], extra[8];
	const char *p = line;
	int n1, n2;
	long v1, v2;
	AppEvent ev;
	const AppView *v = app_view(kiosk_app(s->k));
	Ui *ui = kiosk_ui(s->k);

	memset(&ev, 0, sizeof ev);
	if (script_arg(&p, cmd, sizeof cmd) != 1)
		return 0;
	n1 = script_arg(&p, a1, sizeof a1);
	n2 = n1 == 1 ? script_arg(&p, a2, sizeof a2) : 0;
	if (n1 < 0 || n2 < 0)
		return script_fail(s, "unterminated quote");
	if (strcmp(cmd, "finger") == 0)         /* takes four words */
		return script_finger(s, a1, a2, p);
	if (n2 == 1 && script_arg(&p, extra, sizeof extra) != 0 &&
	    strcmp(cmd, "tap") == 0)
		return script_fail(s, "tap takes two numbers: tap X Y");

	if (strcmp(cmd, "tap") == 0) {
		if (n2 != 1 || script_int(a1, &v1) != 0 || script_int(a2, &v2) != 0)
			return script_fail(s, "tap takes two numbers: tap X Y");
		if (v1 < 0 || v2 < 0 || v1 >= kiosk_window_w(s->k) ||
		    v2 >= kiosk_window_h(s->k))
			return script_fail(s, "tap %ld %ld is outside the %dx%d window",
			                   v1, v2, kiosk_window_w(s->k),
			                   kiosk_window_h(s->k));
		return script_tap(s, (int)v1, (int)v2);
	}
	if (strcmp(cmd, "tap-text") == 0) {
		int x, y;
		if (n1 != 1 || n2 != 0)
			return script_fail(s, "say: tap-text \"Label\"");
		if (!ui_frame_find_tap(ui, a1, &x, &y)) {
			script_fail(s, "no tappable widget shows \"%s\" on screen %s;"
			            " texts on screen:", a1, app_screen_name(v->screen));
			ui_frame_dump_texts(ui, stderr);
			return 1;
		}
		printf("   tap %d %d\n", x, y);
		return script_tap(s, x, y);
	}
	if (strcmp(cmd, "key-hold") == 0) {
		SDL_Event e;
		SDL_Keycode key = n1 == 1 ? SDL_GetKeyFromName(a1) : SDLK_UNKNOWN;
		if (n2 != 1 || key == SDLK_UNKNOWN || script_int(a2, &v2) != 0 ||
		    v2 < 0 || v2 > 1000)
			return script_fail(s, "say: key-hold NAME REPEATS (an SDL key"
			                   " name, 0 to 1000 repeats)");
		memset(&e, 0, sizeof e);
		e.type = SDL_KEYDOWN;
		e.key.state = SDL_PRESSED;
		e.key.keysym.sym = key;
		for (long i = 0; i <= v2; i++) {
			e.key.repeat = i > 0;
			kiosk_sdl_event(s->k, &e);
		}
		e.type = SDL_KEYUP;
		e.key.state = SDL_RELEASED;
		e.key.repeat = 0;
		kiosk_sdl_event(s->k, &e);
		return 0;
	}
	if (strcmp(cmd, "type") == 0) {
		SDL_Event e;
		if (n1 != 1 || n2 != 0)
			return script_fail(s, "say: type \"texte\"");
		for (size_t i = 0; a1[i] != '\0';) {
			size_t j = i + 1;
			while ((a1[j] & 0xC0) == 0x80)
				j++;
			memset(&e, 0, sizeof e);
			e.type = SDL_TEXTINPUT;
			memcpy(e.text.text, a1 + i, j - i);
			kiosk_sdl_event(s->k, &e);
			i = j;
		}
		return 0;
	}
	if (strcmp(cmd, "key") == 0) {
		if (n1 != 1 || n2 != 0 || !input_key_named(a1, v, &ev))
			return script_fail(s, "unknown key: say Backspace, Return, Enter,"
			                   " Tab, Escape, Up, Down, PageUp, PageDown or F1..F6");
		kiosk_send(s->k, &ev);
		return 0;
	}
	if (strcmp(cmd, "badge") == 0) {
		char err[160];
		if (n1 != 1 || n2 != 0)
			return script_fail(s, "say: badge UID");
		if (uid_parse(a1, UID_DEC_LSB_FIRST, &ev.uid, err, sizeof err) != BORNE_OK)
			return script_fail(s, "bad UID: %s", err);
		ev.type = APP_EV_BADGE;
		kiosk_send(s->k, &ev);
		return 0;
	}
	if (strcmp(cmd, "badges-several") == 0) {
		if (n1 != 0)
			return script_fail(s, "badges-several takes nothing");
		ev.type = APP_EV_BADGE_SEVERAL;
		kiosk_send(s->k, &ev);
		return 0;
	}
	if (strcmp(cmd, "badge-remove") == 0) {
		if (n1 != 0)
			return script_fail(s, "badge-remove takes nothing");
		ev.type = APP_EV_BADGE_REMOVED;
		kiosk_send(s->k, &ev);
		return 0;
	}
	if (strcmp(cmd, "reader-lost") == 0 || strcmp(cmd, "reader-back") == 0) {
		ev.type = APP_EV_READER;
		ev.arg = strcmp(cmd, "reader-back") == 0;
		snprintf(ev.text, sizeof ev.text, "%.127s", n1 == 1 ? a1 : "");
		kiosk_send(s->k, &ev);
		return 0;
	}
	if (strcmp(cmd, "clock-set") == 0) {
		int64_t utc;
		if (n1 != 1 || n2 != 0 || time_parse_local(a1, &utc) != BORNE_OK)
			return script_fail(s, "say: clock-set YYYY-MM-DDTHH:MM");
		kiosk_clock_set(s->k, utc);
		ev.type = APP_EV_TICK;          /* the app notices the jump */
		kiosk_send(s->k, &ev);
		return 0;
	}
	if (strcmp(cmd, "clock-sync") == 0) {
		static const char *const names[] = { "unknown", "no", "yes" };
		ev.arg = -1;
		for (int i = 0; n1 == 1 && i < 3; i++)
			if (strcmp(a1, names[i]) == 0)
				ev.arg = i;
		if (ev.arg < 0 || n2 != 0)
			return script_fail(s, "say: clock-sync yes|no|unknown");
		ev.type = APP_EV_CLOCK;
		kiosk_send(s->k, &ev);
		return 0;
	}
	if (strcmp(cmd, "wait") == 0 || strcmp(cmd, "advance-clock") == 0) {
		int secs = strcmp(cmd, "advance-clock") == 0;
		if (n1 != 1 || n2 != 0 || script_int(a1, &v1) != 0 || v1 < 0 ||
		    v1 > (secs ? 400L * 86400 : 400L * 86400 * 1000))
			return script_fail(s, "say: %s %s", cmd, secs ? "SECONDS" : "MS");
		kiosk_advance(s->k, secs ? (int64_t)v1 * 1000 : (int64_t)v1);
		return 0;
	}
	if (strcmp(cmd, "screenshot") == 0) {
		char path[2048];
		if (n1 != 1 || n2 != 0 || strchr(a1, '/') != NULL)
			return script_fail(s, "say: screenshot NAME (no '/')");
		if (s->shots == NULL)
			return 0;           /* no --screenshots: nothing to write */
		if (script_mkdirs(s->shots) != 0)
			return script_fail(s, "cannot make %s: %s", s->shots,
			                   strerror(errno));
		snprintf(path, sizeof path, "%s/%s.png", s->shots, a1);
		if (kiosk_screenshot(s->k, path) != BORNE_OK)
			return script_fail(s, "cannot write %s", path);
		return 0;
	}
	if (strcmp(cmd, "expect-screen") == 0) {
		if (n1 != 1 || n2 != 0)
			return script_fail(s, "say: expect-screen NAME");
		if (strcmp(app_screen_name(v->screen), a1) != 0)
			return script_fail(s, "expected screen %s, the screen is %s",
			                   a1, app_screen_name(v->screen));
		return 0;
	}
	if (strcmp(cmd, "expect-text") == 0 || strcmp(cmd, "expect-no-text") == 0) {
		int want = strcmp(cmd, "expect-text") == 0;
		if (n1 != 1 || n2 != 0)
			return script_fail(s, "say: %s \"...\"", cmd);
		if (ui_frame_has_text(ui, a1) != want) {
			script_fail(s, want ? "\"%s\" is not on screen %s; texts on screen:"
			                    : "\"%s\" is on screen %s, and should not be;"
			                      " texts on screen:",
			            a1, app_screen_name(v->screen));
			ui_frame_dump_texts(ui, stderr);
			return 1;
		}
		return 0;
	}
	return script_fail(s, "unknown command %s", cmd);
}

int
script_run(Kiosk *k, const char *path, const char *shots_dir)
{
	Script s;
	FILE *fp;
	char buf[SCRIPT_LINE_MAX];
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
	kiosk_redraw(k);
	while (rc == 0 && fgets(buf, sizeof buf, fp) != NULL) {
		size_t n = strlen(buf);
		char *line = buf;
		s.lineno++;
		if (n == sizeof buf - 1 && buf[n - 1] != '\n') {
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
