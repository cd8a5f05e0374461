/* script_parse.c -- one line of the headless script (see script_parse.h).
** A table names each command with its arguments and its usage line; the
** words are cut by script_word(), numbers read by script_num() within
** their bounds. Pure C: no SDL, no kiosk. */
#include "script_parse.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "borne.h"
#include "text.h"
#include "timeutil.h"

#define SCRIPT_MAX_WORDS 6

static const ScriptSpec script_specs[] = {
	{ "tap",            SCRIPT_TAP,            2, 2, "tap X Y (two numbers)" },
	{ "tap-text",       SCRIPT_TAP_TEXT,       1, 1, "tap-text \"Label\"" },
	{ "tap-until",      SCRIPT_TAP_UNTIL,      2, 2, "tap-until \"Label\" \"Text\"" },
	{ "type",           SCRIPT_TYPE,           1, 1, "type \"texte\"" },
	{ "key",            SCRIPT_KEY,            1, 1, "key NAME or key "
	                                                 "MOD+...+KEY (mods: ctrl alt "
	                                                 "shift gui altgr)" },
	{ "key-hold",       SCRIPT_KEY_HOLD,       2, 2, "key-hold NAME REPEATS "
	                                                 "(0 to 1000 repeats)" },
	{ "finger",         SCRIPT_FINGER,         4, 4, "finger down|move|up ID X Y" },
	{ "badge",          SCRIPT_BADGE,          1, 1, "badge UID" },
	{ "badge-remove",   SCRIPT_BADGE_REMOVE,   0, 0, "badge-remove" },
	{ "reader-lost",    SCRIPT_READER_LOST,    0, 1, "reader-lost [\"detail\"]" },
	{ "reader-back",    SCRIPT_READER_BACK,    0, 1, "reader-back [\"detail\"]" },
	{ "wait",           SCRIPT_WAIT,           1, 1, "wait MS (0 to 400 days)" },
	{ "advance-clock",  SCRIPT_WAIT,           1, 1, "advance-clock SECONDS "
	                                                 "(0 to 400 days)" },
	{ "screenshot",     SCRIPT_SCREENSHOT,     1, 1, "screenshot NAME (no '/')" },
	{ "expect-screen",  SCRIPT_EXPECT_SCREEN,  1, 1, "expect-screen NAME" },
	{ "expect-text",    SCRIPT_EXPECT_TEXT,    1, 1, "expect-text \"...\"" },
	{ "expect-no-text", SCRIPT_EXPECT_NO_TEXT, 1, 1, "expect-no-text \"...\"" },
	{ "badges-several", SCRIPT_BADGES_SEVERAL, 0, 0, "badges-several" },
	{ "clock-set",      SCRIPT_CLOCK_SET,      1, 1, "clock-set YYYY-MM-DDTHH:MM" },
	{ "clock-sync",     SCRIPT_CLOCK_SYNC,     1, 1, "clock-sync yes|no|unknown" },
	{ "quit",           SCRIPT_QUIT,           0, 0, "quit" },
	{ "window-close",   SCRIPT_WINDOW_CLOSE,   0, 0, "window-close" },
	{ "hub-answer",     SCRIPT_HUB_ANSWER,     1, 1, "hub-answer accept|refuse" },
};

#define N_SPECS (sizeof script_specs / sizeof script_specs[0])

static int script_word(const char **p, char *out, size_t outlen);
static int script_num(const char *s, int64_t lo, int64_t hi, int64_t *out);
static int script_chord(char *text, int *mods);
static int script_err(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int
script_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err != NULL && errlen > 0) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return BORNE_EINVAL;
}

/* Next word: "quoted" (\" and \\ escapes) or bare. 1 got one, 0 at the
** end of the line, -1 for a quote never closed or a word too long. */
static int
script_word(const char **p, char *out, size_t outlen)
{
	const char *s = *p;
	size_t n = 0;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '\0')
		return 0;
	if (*s == '"') {
		for (s++; *s != '"'; s++) {
			if (*s == '\0')
				return -1;
			if (*s == '\\' && (s[1] == '"' || s[1] == '\\'))
				s++;
			if (n + 1 >= outlen)
				return -1;
			out[n++] = *s;
		}
		s++;
	} else {
		for (; *s != '\0' && *s != ' ' && *s != '\t'; s++) {
			if (n + 1 >= outlen)
				return -1;
			out[n++] = *s;
		}
	}
	out[n] = '\0';
	*p = s;
	return 1;
}

/* A whole decimal number within [lo, hi]: 0, else -1. */
static int
script_num(const char *s, int64_t lo, int64_t hi, int64_t *out)
{
	char *end;
	long long v;

	if ((*s < '0' || *s > '9') && *s != '-')
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi)
		return -1;
	*out = (int64_t)v;
	return 0;
}

/* "ctrl+alt+F1": the modifiers into *mods, the key's name left in text.
** A '+' ending the chord is the key itself ("ctrl++"). 0, or -1 for an
** unknown modifier or no key. */
static int
script_chord(char *text, int *mods)
{
	static const struct { const char *name; int mod; } names[] = {
		{ "ctrl", SCRIPT_MOD_CTRL }, { "control", SCRIPT_MOD_CTRL },
		{ "alt", SCRIPT_MOD_ALT }, { "shift", SCRIPT_MOD_SHIFT },
		{ "gui", SCRIPT_MOD_GUI }, { "super", SCRIPT_MOD_GUI },
		{ "altgr", SCRIPT_MOD_ALTGR },
	};
	char *p = text, *plus;

	*mods = 0;
	while ((plus = strchr(p, '+')) != NULL && plus[1] != '\0') {
		size_t n = (size_t)(plus - p);
		int found = 0;

		for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
			if (strlen(names[i].name) == n &&
			    strncasecmp(p, names[i].name, n) == 0) {
				*mods |= names[i].mod;
				found = 1;
			}
		if (!found)
			return -1;
		p = plus + 1;
	}
	if (*p == '\0')
		return -1;
	memmove(text, p, strlen(p) + 1);
	return 0;
}

const ScriptSpec *
script_spec_at(size_t i)
{
	return i < N_SPECS ? &script_specs[i] : NULL;
}

size_t
script_char_len(const char *s)
{
	size_t n = 1;

	if (*s == '\0')
		return 0;
	while (n < 4 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n++;
	return n;
}

int
script_parse_line(const char *line, ScriptCmd *out, char *err, size_t errlen)
{
	char words[SCRIPT_MAX_WORDS][SCRIPT_LINE_MAX];
	const ScriptSpec *spec = NULL;
	const char *p = line;
	char uerr[128];
	int n = 0, got;

	memset(out, 0, sizeof *out);
	if (err != NULL && errlen > 0)
		err[0] = '\0';
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0' || *p == '#')
		return BORNE_OK;
	if (strlen(p) >= SCRIPT_LINE_MAX)
		return script_err(err, errlen, "line longer than %d bytes",
		                  SCRIPT_LINE_MAX - 2);
	while ((got = script_word(&p, words[n], sizeof words[n])) == 1)
		if (++n == SCRIPT_MAX_WORDS)
			break;
	if (got < 0)
		return script_err(err, errlen, "unterminated quote");
	for (size_t i = 0; i < N_SPECS; i++)
		if (strcmp(words[0], script_specs[i].name) == 0)
			spec = &script_specs[i];
	if (spec == NULL)
		return script_err(err, errlen, "unknown command %.64s", words[0]);
	out->kind = spec->kind;
	out->name = spec->name;
	if (n - 1 < spec->min_args || n - 1 > spec->max_args || got == 1)
		return script_err(err, errlen, "say: %s", spec->usage);
	if (n > 1)
		snprintf(out->text, sizeof out->text, "%s", words[1]);

	switch (spec->kind) {
	case SCRIPT_TAP_UNTIL:
		snprintf(out->text2, sizeof out->text2, "%s", words[2]);
		break;
	case SCRIPT_TAP:
		if (script_num(words[1], 0, SCRIPT_COORD_MAX, &out->x) != 0 ||
		    script_num(words[2], 0, SCRIPT_COORD_MAX, &out->y) != 0)
			return script_err(err, errlen, "say: %s", spec->usage);
		break;
	case SCRIPT_KEY_HOLD:
		if (script_num(words[2], 0, SCRIPT_REPEAT_MAX, &out->repeats) != 0)
			return script_err(err, errlen, "say: %s", spec->usage);
		break;
	case SCRIPT_FINGER:
		if (strcmp(words[1], "down") == 0)
			out->finger = 0;
		else if (strcmp(words[1], "move") == 0)
			out->finger = 1;
		else if (strcmp(words[1], "up") == 0)
			out->finger = 2;
		else
			return script_err(err, errlen, "say: %s", spec->usage);
		if (script_num(words[2], 0, SCRIPT_FINGER_MAX, &out->id) != 0 ||
		    script_num(words[3], -SCRIPT_COORD_MAX, SCRIPT_COORD_MAX,
		               &out->x) != 0 ||
		    script_num(words[4], -SCRIPT_COORD_MAX, SCRIPT_COORD_MAX,
		               &out->y) != 0)
			return script_err(err, errlen, "say: %s", spec->usage);
		break;
	case SCRIPT_WAIT: {
		int secs = strcmp(spec->name, "advance-clock") == 0;

		if (script_num(words[1], 0, secs ? SCRIPT_CLOCK_MAX_S :
		               SCRIPT_CLOCK_MAX_S * 1000, &out->ms) != 0)
			return script_err(err, errlen, "say: %s", spec->usage);
		if (secs)
			out->ms *= 1000;
		break;
	}
	case SCRIPT_TYPE:
		if (text_check(out->text, SCRIPT_LINE_MAX, TEXT_MULTILINE, 0, NULL,
		               0) != BORNE_OK)
			return script_err(err, errlen, "type needs valid UTF-8 text "
			                  "(no control character)");
		break;
	case SCRIPT_BADGE:
		if (uid_parse(out->text, UID_DEC_LSB_FIRST, &out->uid, uerr,
		              sizeof uerr) != BORNE_OK)
			return script_err(err, errlen, "bad UID: %s", uerr);
		break;
	case SCRIPT_READER_LOST:
	case SCRIPT_READER_BACK:
		if (text_check(out->text, SCRIPT_DETAIL_MAX, TEXT_SINGLE_LINE, 0,
		               NULL, 0) != BORNE_OK ||
		    strlen(out->text) > SCRIPT_DETAIL_MAX)
			return script_err(err, errlen, "say: %s (valid UTF-8, at most "
			                  "%d bytes)", spec->usage, SCRIPT_DETAIL_MAX);
		break;
	case SCRIPT_KEY:
		if (strlen(out->text) > 1 && strchr(out->text, '+') != NULL &&
		    script_chord(out->text, &out->mods) != 0)
			return script_err(err, errlen, "say: %s", spec->usage);
		break;
	case SCRIPT_CLOCK_SET:
		if (time_parse_local(out->text, &out->utc) != BORNE_OK)
			return script_err(err, errlen, "say: %s", spec->usage);
		break;
	case SCRIPT_CLOCK_SYNC: {
		static const char *const names[] = { "unknown", "no", "yes" };

		out->sync = -1;
		for (int i = 0; i < 3; i++)
			if (strcmp(out->text, names[i]) == 0)
				out->sync = i;
		if (out->sync < 0)
			return script_err(err, errlen, "say: %s", spec->usage);
		break;
	}
	case SCRIPT_HUB_ANSWER:
		if (strcmp(out->text, "accept") != 0 &&
		    strcmp(out->text, "refuse") != 0)
			return script_err(err, errlen, "say: %s", spec->usage);
		out->refuse = strcmp(out->text, "refuse") == 0;
		break;
	case SCRIPT_SCREENSHOT:
		if (strchr(out->text, '/') != NULL || out->text[0] == '\0' ||
		    strcmp(out->text, "..") == 0 || strcmp(out->text, ".") == 0)
			return script_err(err, errlen, "say: %s", spec->usage);
		break;
	default:
		break;
	}
	return BORNE_OK;
}
