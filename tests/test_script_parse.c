/* test_script_parse.c -- the headless script's line parser: every command
** with its arguments, and every number refused beyond its bounds rather
** than overflowing (wait, advance-clock, tap, finger, key-hold). Given
** README.md, checks its "Headless" table names the commands of the
** parser's table, no more, no less (ctest script_readme). */
#include <stdio.h>
#include <string.h>

#include "borne.h"
#include "check.h"
#include "script_parse.h"

static ScriptCmd c;
static char err[256];

static int  parse(const char *line);
static void check_readme(const char *path);
static int  readme_names(const char *cell, const char *name);

static int
parse(const char *line)
{
	return script_parse_line(line, &c, err, sizeof err);
}

/* 1 when one of the `...` chunks of a README table cell starts with the
** word name; with name NULL, checks each chunk's first word is a command
** of the table (a README row for a command that does not exist). */
static int
readme_names(const char *cell, const char *name)
{
	const char *p = cell, *q;
	int found = 0;

	while ((p = strchr(p, '`')) != NULL && (q = strchr(p + 1, '`')) != NULL) {
		size_t n = strcspn(p + 1, " `");
		int known = 0;

		if (name != NULL && strlen(name) == n && strncmp(p + 1, name, n) == 0)
			found = 1;
		for (size_t i = 0; name == NULL && script_spec_at(i) != NULL; i++)
			if (strlen(script_spec_at(i)->name) == n &&
			    strncmp(p + 1, script_spec_at(i)->name, n) == 0)
				known = 1;
		if (name == NULL && !known) {
			fprintf(stderr, "README: `%.*s` is no script command\n",
			        (int)n, p + 1);
			CHECK(known);
		}
		p = q + 1;
	}
	return found;
}

/* The README's "Headless" table of commands and the parser's table name
** the same commands: none missing from the README, none it invents. */
static void
check_readme(const char *path)
{
	static char cells[128][512];
	char line[2048];
	FILE *fp = fopen(path, "r");
	int in = 0, n = 0;

	CHECK(fp != NULL);
	if (fp == NULL)
		return;
	while (fgets(line, sizeof line, fp) != NULL) {
		if (strncmp(line, "### ", 4) == 0)
			in = strstr(line, "Headless") != NULL;
		else if (in && strncmp(line, "| `", 3) == 0 && n < 128) {
			size_t len = strcspn(line + 1, "|");

			/* The first cell; "\|" inside it is not its end. */
			while (line[1 + len] == '|' && line[len] == '\\')
				len += 1 + strcspn(line + 2 + len, "|");
			snprintf(cells[n++], sizeof cells[0], "%.*s", (int)len, line + 1);
		}
	}
	fclose(fp);
	CHECK(n > 0);
	for (int i = 0; i < n; i++)
		(void)readme_names(cells[i], NULL);
	for (size_t k = 0; script_spec_at(k) != NULL; k++) {
		int found = 0;

		for (int i = 0; i < n && !found; i++)
			found = readme_names(cells[i], script_spec_at(k)->name);
		if (!found)
			fprintf(stderr, "README: no row for the script command %s\n",
			        script_spec_at(k)->name);
		CHECK(found);
	}
}

int
main(int argc, char **argv)
{
	char big[SCRIPT_LINE_MAX + 16];

	/* Blank lines and comments. */
	CHECK_INT(parse(""), BORNE_OK);
	CHECK_INT(c.kind, SCRIPT_NONE);
	CHECK_INT(parse("   # tap 1 2"), BORNE_OK);
	CHECK_INT(c.kind, SCRIPT_NONE);

	/* Each command. */
	CHECK_INT(parse("tap 12 34"), BORNE_OK);
	CHECK_INT(c.kind, SCRIPT_TAP);
	CHECK_INT(c.x, 12);
	CHECK_INT(c.y, 34);
	CHECK_INT(parse("tap-text \"Je prends \\\"cette\\\" mission\""), BORNE_OK);
	CHECK_INT(c.kind, SCRIPT_TAP_TEXT);
	CHECK_STR(c.text, "Je prends \"cette\" mission");
	CHECK_INT(parse("\ttype \"Zoé 🌱\""), BORNE_OK);
	CHECK_INT(c.kind, SCRIPT_TYPE);
	CHECK_STR(c.text, "Zoé 🌱");
	CHECK_INT(script_char_len(c.text), 1);
	CHECK_INT(script_char_len(c.text + 2), 2);
	CHECK_INT(script_char_len(c.text + 5), 4);
	CHECK_INT(script_char_len(""), 0);
	CHECK_INT(parse("key Backspace"), BORNE_OK);
	CHECK_INT(c.kind, SCRIPT_KEY);
	CHECK_STR(c.text, "Backspace");
	CHECK_INT(c.mods, 0);
	/* Chords: the modifiers held, then the SDL key name. */
	CHECK_INT(parse("key ctrl+alt+F1"), BORNE_OK);
	CHECK_INT(c.kind, SCRIPT_KEY);
	CHECK_STR(c.text, "F1");
	CHECK_INT(c.mods, SCRIPT_MOD_CTRL | SCRIPT_MOD_ALT);
	CHECK_INT(parse("key Alt+F4"), BORNE_OK);
	CHECK_STR(c.text, "F4");
	CHECK_INT(c.mods, SCRIPT_MOD_ALT);
	CHECK_INT(parse("key \"ctrl+alt+Backspace\""), BORNE_OK);
	CHECK_STR(c.text, "Backspace");
	CHECK_INT(parse("key gui+shift+altgr+q"), BORNE_OK);
	CHECK_STR(c.text, "q");
	CHECK_INT(c.mods, SCRIPT_MOD_GUI | SCRIPT_MOD_SHIFT | SCRIPT_MOD_ALTGR);
	CHECK_INT(parse("key ctrl++"), BORNE_OK);
	CHECK_STR(c.text, "+");
	CHECK_INT(c.mods, SCRIPT_MOD_CTRL);
	CHECK_INT(parse("key +"), BORNE_OK);
	CHECK_STR(c.text, "+");
	CHECK_INT(c.mods, 0);
	CHECK_INT(parse("key hyper+F1"), BORNE_EINVAL);
	CHECK_CONTAINS(err, "say: key NAME");
	CHECK_INT(parse("key +ctrl"), BORNE_EINVAL);
	CHECK_INT(parse("quit"), BORNE_OK);
	CHECK_INT(c.kind, SCRIPT_QUIT);
	CHECK_INT(parse("window-close"), BORNE_OK);
	CHECK_INT(c.kind, SCRIPT_WINDOW_CLOSE);
	CHECK_INT(parse("quit now"), BORNE_EINVAL);
	CHECK_INT(parse("key-hold Escape 20"), BORNE_OK);
	CHECK_INT(c.kind, SCRIPT_KEY_HOLD);
	CHECK_STR(c.text, "Escape");
	CHECK_INT(c.repeats, 20);
	CHECK_INT(parse("finger up 1 200 -60"), BORNE_OK);
	CHECK_INT(c.kind, SCRIPT_FINGER);
	CHECK_INT(c.finger, 2);
	CHECK_INT(c.id, 1);
	CHECK_INT(c.y, -60);
	CHECK_INT(parse("badge 04:a1:b2:c3"), BORNE_OK);
	CHECK_INT(c.kind, SCRIPT_BADGE);
	CHECK_INT(c.uid.len, 4);
	CHECK_INT(c.uid.bytes[1], 0xA1);
	CHECK_INT(parse("badge-remove"), BORNE_OK);
	CHECK_INT(c.kind, SCRIPT_BADGE_REMOVE);
	CHECK_INT(parse("reader-lost \"sim reader: gone\""), BORNE_OK);
	CHECK_INT(c.kind, SCRIPT_READER_LOST);
	CHECK_STR(c.text, "sim reader: gone");
	CHECK_INT(parse("reader-back"), BORNE_OK);
	CHECK_INT(c.kind, SCRIPT_READER_BACK);
	CHECK_STR(c.text, "");
	CHECK_INT(parse("wait 400"), BORNE_OK);
	CHECK_INT(c.kind, SCRIPT_WAIT);
	CHECK_INT(c.ms, 400);
	CHECK_INT(parse("advance-clock 300"), BORNE_OK);
	CHECK_INT(c.kind, SCRIPT_WAIT);
	CHECK_INT(c.ms, 300000);
	CHECK_INT(parse("screenshot accueil_1"), BORNE_OK);
	CHECK_STR(c.text, "accueil_1");
	CHECK_INT(parse("expect-screen board"), BORNE_OK);
	CHECK_INT(c.kind, SCRIPT_EXPECT_SCREEN);
	CHECK_INT(parse("expect-text \"12 personnes\""), BORNE_OK);
	CHECK_INT(c.kind, SCRIPT_EXPECT_TEXT);
	CHECK_INT(parse("expect-no-text x"), BORNE_OK);
	CHECK_INT(c.kind, SCRIPT_EXPECT_NO_TEXT);

	/* The largest clock moves: 400 days, in 64 bits. */
	CHECK_INT(parse("advance-clock 34560000"), BORNE_OK);
	CHECK(c.ms == 34560000000LL);
	CHECK_INT(parse("wait 34560000000"), BORNE_OK);
	CHECK(c.ms == 34560000000LL);

	/* Absurd numbers are refused, never wrapped. */
	CHECK_INT(parse("wait 34560000001"), BORNE_EINVAL);
	CHECK_CONTAINS(err, "say: wait MS");
	CHECK_INT(parse("wait -1"), BORNE_EINVAL);
	CHECK_INT(parse("wait 99999999999999999999999"), BORNE_EINVAL);
	CHECK_INT(parse("wait 12abc"), BORNE_EINVAL);
	CHECK_INT(parse("wait +5"), BORNE_EINVAL);
	CHECK_INT(parse("advance-clock 34560001"), BORNE_EINVAL);
	CHECK_INT(parse("advance-clock 9223372036854775807"), BORNE_EINVAL);
	CHECK_CONTAINS(err, "say: advance-clock SECONDS");
	CHECK_INT(parse("tap 4294967296 10"), BORNE_EINVAL);
	CHECK_INT(parse("tap -1 10"), BORNE_EINVAL);
	CHECK_INT(parse("tap 10 10001"), BORNE_EINVAL);
	CHECK_INT(parse("finger down 1 10001 0"), BORNE_EINVAL);
	CHECK_INT(parse("finger down 9223372036854775807 1 1"), BORNE_EINVAL);
	CHECK_INT(parse("finger down -1 1 1"), BORNE_EINVAL);
	CHECK_INT(parse("finger sideways 1 1 1"), BORNE_EINVAL);
	CHECK_INT(parse("key-hold Backspace 1001"), BORNE_EINVAL);
	CHECK_INT(parse("key-hold Backspace -1"), BORNE_EINVAL);
	CHECK_CONTAINS(err, "say: key-hold NAME REPEATS");

	/* Words, quotes and arguments. */
	CHECK_INT(parse("frobnicate 12"), BORNE_EINVAL);
	CHECK_CONTAINS(err, "unknown command frobnicate");
	CHECK_INT(parse("type \"never closed"), BORNE_EINVAL);
	CHECK_CONTAINS(err, "unterminated quote");
	CHECK_INT(parse("tap 1 2 3"), BORNE_EINVAL);
	CHECK_INT(parse("tap 1"), BORNE_EINVAL);
	CHECK_INT(parse("badge-remove now"), BORNE_EINVAL);
	CHECK_INT(parse("reader-lost a b"), BORNE_EINVAL);
	CHECK_INT(parse("expect-text \"a\" \"b\""), BORNE_EINVAL);
	CHECK_INT(parse("finger down 1 2 3 4 5 6 7"), BORNE_EINVAL);
	CHECK_INT(parse("badge 04A1"), BORNE_EINVAL);
	CHECK_CONTAINS(err, "bad UID");
	CHECK_INT(parse("screenshot ../x"), BORNE_EINVAL);
	CHECK_INT(parse("screenshot .."), BORNE_EINVAL);
	memset(big, 'a', sizeof big);
	memcpy(big, "reader-lost ", 12);
	big[12 + 128] = '\0';
	CHECK_INT(parse(big), BORNE_EINVAL);
	big[12 + 127] = '\0';
	CHECK_INT(parse(big), BORNE_OK);
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	CHECK_INT(parse(big), BORNE_EINVAL);
	CHECK_CONTAINS(err, "line longer than");

	/* Text to type is valid UTF-8: a lead byte with 60 continuation
	** bytes was copied whole into SDL's 32-byte text event. */
	memset(big, 0, sizeof big);
	strcpy(big, "type \"\xC3");
	memset(big + strlen(big), 0x80, 60);
	strcat(big, "\"");
	CHECK_INT(parse(big), BORNE_EINVAL);
	CHECK_CONTAINS(err, "valid UTF-8");
	CHECK_INT(parse("type \"a\x01z\""), BORNE_EINVAL);

	/* The README's table of commands (its path as argument). */
	if (argc > 1)
		check_readme(argv[1]);
	return check_done();
}
