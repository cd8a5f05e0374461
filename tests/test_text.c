/* test_text.c -- what people type: UTF-8, control characters, lengths,
** and the small editing helpers. */
#include <string.h>

#include "borne.h"
#include "check.h"
#include "text.h"

static void
refused(const char *s, size_t max, int multi, int req, const char *why)
{
	char w[64] = "";

	CHECK_INT(text_check(s, max, multi, req, w, sizeof w), BORNE_EINVAL);
	CHECK_CONTAINS(w, why);
}

static void
accepted(const char *s, size_t max, int multi, int req)
{
	char w[64] = "x";

	CHECK_INT(text_check(s, max, multi, req, w, sizeof w), BORNE_OK);
	CHECK_STR(w, "");
}

int
main(void)
{
	char buf[64], big[1024];

	/* Accepted: ASCII, accents, emoji, other scripts, SQL characters. */
	accepted("Inès Martin", 80, TEXT_SINGLE_LINE, 1);
	accepted("Arroser les plantes 🌱🐕", 80, TEXT_SINGLE_LINE, 1);
	accepted("日本語 עברית Ελληνικά", 80, TEXT_SINGLE_LINE, 1);
	accepted("'); DROP TABLE members;--", 80, TEXT_SINGLE_LINE, 1);
	accepted("", 80, TEXT_SINGLE_LINE, 0);
	accepted(NULL, 80, TEXT_SINGLE_LINE, 0);
	accepted("ligne 1\nligne 2\tavec tab", 80, TEXT_MULTILINE, 1);
	accepted("\xF4\x8F\xBF\xBF", 1, TEXT_SINGLE_LINE, 1);      /* U+10FFFF */

	/* Empty, when required. */
	refused("", 80, TEXT_SINGLE_LINE, 1, "is empty");
	refused(NULL, 80, TEXT_SINGLE_LINE, 1, "is empty");
	refused("   ", 80, TEXT_SINGLE_LINE, 1, "is empty");

	/* Invalid UTF-8. */
	refused("caf\xE9", 80, 0, 1, "is not valid UTF-8");          /* Latin-1 */
	refused("\xFF", 80, 0, 1, "is not valid UTF-8");
	refused("\x80" "abc", 80, 0, 1, "is not valid UTF-8");      /* stray */
	refused("ab\xC3", 80, 0, 1, "is not valid UTF-8");          /* cut */
	refused("\xE2\x82", 80, 0, 1, "is not valid UTF-8");
	refused("\xC0\xAF", 80, 0, 1, "is not valid UTF-8");        /* overlong / */
	refused("\xC1\xBF", 80, 0, 1, "is not valid UTF-8");
	refused("\xE0\x80\xAF", 80, 0, 1, "is not valid UTF-8");
	refused("\xF0\x80\x80\xAF", 80, 0, 1, "is not valid UTF-8");
	refused("\xED\xA0\x80", 80, 0, 1, "is not valid UTF-8");    /* surrogate */
	refused("\xED\xBF\xBF", 80, 0, 1, "is not valid UTF-8");
	refused("\xF4\x90\x80\x80", 80, 0, 1, "is not valid UTF-8"); /* > 10FFFF */
	refused("\xF5\x80\x80\x80", 80, 0, 1, "is not valid UTF-8");

	/* Control characters. */
	refused("a\nb", 80, TEXT_SINGLE_LINE, 1, "control character");
	refused("a\tb", 80, TEXT_SINGLE_LINE, 1, "control character");
	refused("a\rb", 80, TEXT_MULTILINE, 1, "control character");
	refused("a\x01" "b", 80, TEXT_MULTILINE, 1, "control character");
	refused("a\x1B[2J", 80, TEXT_MULTILINE, 1, "control character");
	refused("a\x7F", 80, TEXT_MULTILINE, 1, "control character");
	refused("a\xC2\x85", 80, TEXT_MULTILINE, 1, "control character"); /* NEL */

	/* Length is counted in characters, not bytes. */
	memset(big, 0, sizeof big);
	for (int i = 0; i < 80; i++)
		strcat(big, "é");                 /* 160 bytes, 80 characters */
	accepted(big, 80, TEXT_SINGLE_LINE, 1);
	strcat(big, "é");
	refused(big, 80, TEXT_SINGLE_LINE, 1, "is longer than 80 characters");
	CHECK_INT(text_chars(big), 81);
	CHECK_INT(text_chars("🌱a"), 2);
	CHECK_INT(text_chars(""), 0);
	CHECK_INT(text_chars(NULL), 0);
	CHECK_INT(text_chars("ab\xFF"), 3);        /* bytes for invalid */

	/* why may be NULL. */
	CHECK_INT(text_check("\xFF", 5, 0, 0, NULL, 0), BORNE_EINVAL);

	CHECK_INT(text_prefix_bytes("éa🌱b", 0), 0);
	CHECK_INT(text_prefix_bytes("éa🌱b", 2), 3);
	CHECK_INT(text_prefix_bytes("éa🌱b", 3), 7);
	CHECK_INT(text_prefix_bytes("éa🌱b", 99), 8);

	strcpy(buf, "Café🌱");
	text_pop_char(buf);
	CHECK_STR(buf, "Café");
	text_pop_char(buf);
	CHECK_STR(buf, "Caf");
	strcpy(buf, "");
	text_pop_char(buf);
	CHECK_STR(buf, "");
	text_pop_char(NULL);

	text_first_name("Inès Martin", buf, sizeof buf);
	CHECK_STR(buf, "Inès");
	text_first_name("  Zoé", buf, sizeof buf);
	CHECK_STR(buf, "Zoé");
	text_first_name("", buf, sizeof buf);
	CHECK_STR(buf, "");
	text_first_name("Éléonore", buf, 4);       /* 3 bytes: "Él" */
	CHECK_STR(buf, "Él");

	text_copy(buf, sizeof buf, "  Ali \"Le Chef\"  ");
	CHECK_STR(buf, "Ali \"Le Chef\"");
	text_copy(buf, 6, "ééé");                   /* 5 bytes: "éé" */
	CHECK_STR(buf, "éé");
	text_copy(buf, 5, "🌱🌱");
	CHECK_STR(buf, "🌱");
	text_copy(buf, sizeof buf, NULL);
	CHECK_STR(buf, "");
	return check_done();
}
