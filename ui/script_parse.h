/* script_parse.h -- one line of the headless script, read without SDL.
** Tokenizing ("quoted" words with \" and \\, bare words), the command
** table, the count of arguments and every number's bounds live here, so
** that script.c only carries out a ScriptCmd and the parser can be tested
** and fuzzed alone (tests/test_script_parse.c, tests/fuzz/fuzz_script.c).
** Nothing a line says can overflow: numbers are read in 64 bits and
** refused outside their bounds, text to type is valid UTF-8. */
#ifndef BORNE_SCRIPT_PARSE_H
#define BORNE_SCRIPT_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "uid.h"

#define SCRIPT_LINE_MAX   1024                  /* bytes, with the newline */
#define SCRIPT_COORD_MAX  10000                 /* |x|, |y| in pixels */
#define SCRIPT_REPEAT_MAX 1000                  /* key-hold repeats */
#define SCRIPT_FINGER_MAX 1000000               /* finger ids 0..this */
#define SCRIPT_CLOCK_MAX_S (400LL * 86400)      /* wait / advance-clock */
#define SCRIPT_DETAIL_MAX 127                   /* reader-lost detail, bytes */
#define SCRIPT_TAP_UNTIL_MAX 20                 /* tap-until: taps at most */

typedef enum ScriptCmdKind {
	SCRIPT_NONE = 0,         /* blank line or comment */
	SCRIPT_TAP,              /* x y */
	SCRIPT_TAP_TEXT,         /* text: the label */
	SCRIPT_TAP_UNTIL,        /* text: the label; text2: what must show */
	SCRIPT_TYPE,             /* text: valid UTF-8 to type */
	SCRIPT_KEY,              /* text: key name (input_key_named), or with
	                         ** mods an SDL key name pressed as a chord */
	SCRIPT_KEY_HOLD,         /* text: SDL key name; repeats */
	SCRIPT_FINGER,           /* finger: 0 down, 1 move, 2 up; id x y */
	SCRIPT_BADGE,            /* uid */
	SCRIPT_BADGE_REMOVE,
	SCRIPT_READER_LOST,      /* text: detail ("" when none) */
	SCRIPT_READER_BACK,      /* text: detail */
	SCRIPT_WAIT,             /* ms (advance-clock too, seconds * 1000) */
	SCRIPT_SCREENSHOT,       /* text: the name, no '/' */
	SCRIPT_EXPECT_SCREEN,    /* text: screen name */
	SCRIPT_EXPECT_TEXT,      /* text */
	SCRIPT_EXPECT_NO_TEXT,   /* text */
	SCRIPT_BADGES_SEVERAL,   /* two badges on the reader at once */
	SCRIPT_CLOCK_SET,        /* utc: the wall clock jumps there */
	SCRIPT_CLOCK_SYNC,       /* sync: 0 unknown, 1 no, 2 yes (ClockSync) */
	SCRIPT_QUIT,             /* SDL_QUIT, as a desktop's "log out" sends */
	SCRIPT_WINDOW_CLOSE,     /* the window manager closes the window */
	SCRIPT_HUB_ANSWER        /* refuse: the hub plays one sync (tests) */
} ScriptCmdKind;

/* Modifiers held in a `key` chord ("ctrl+alt+F1"). */
enum {
	SCRIPT_MOD_CTRL = 1, SCRIPT_MOD_ALT = 2, SCRIPT_MOD_SHIFT = 4,
	SCRIPT_MOD_GUI = 8, SCRIPT_MOD_ALTGR = 16
};

typedef struct ScriptCmd {
	ScriptCmdKind kind;
	const char *name;        /* the command as written in the table */
	char     text[SCRIPT_LINE_MAX];
	char     text2[SCRIPT_LINE_MAX];  /* tap-until: the text awaited */
	int64_t  x, y;           /* tap, finger */
	int64_t  id;             /* finger */
	int      finger;
	int64_t  repeats;        /* key-hold */
	int64_t  ms;             /* wait, advance-clock */
	BadgeUid uid;            /* badge */
	int64_t  utc;            /* clock-set */
	int      sync;           /* clock-sync */
	int      refuse;         /* hub-answer: 1 refuse, 0 accept */
	int      mods;           /* key: SCRIPT_MOD_* held, 0 for a plain key */
} ScriptCmd;

/* One command of the script: its name, its kind, how many words follow
** it and the usage line shown when they are wrong. The table is the one
** list of commands: script.c runs each kind through its own table of
** handlers, and tests/test_script_parse.c checks the README's "Headless"
** table against it (script_spec_at). */
typedef struct ScriptSpec {
	const char   *name;
	ScriptCmdKind kind;
	int           min_args, max_args;
	const char   *usage;
} ScriptSpec;

/* The i-th command of the table, NULL past its end. */
const ScriptSpec *script_spec_at(size_t i);

/* Parses one line (no newline; leading blanks allowed). BORNE_OK with
** *out set (SCRIPT_NONE for a blank line or a '#' comment), or
** BORNE_EINVAL with err saying what was wrong and how to say it
** ("say: tap X Y ..."). */
int    script_parse_line(const char *line, ScriptCmd *out, char *err,
                         size_t errlen);

/* Bytes of the first character of valid UTF-8 s (1..4; 0 at the end). */
size_t script_char_len(const char *s);

#endif
