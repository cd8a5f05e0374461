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

	/* Blank-looking: characters that draw no ink, alone or together, are
	** no name, no title (issue 8). Every Unicode space, the Braille blank,
	** the Hangul fillers, and combining marks with nothing to sit on. */
	{
		static const char *const blank[] = {
			"\xC2\xA0",                       /* U+00A0 no-break space */
			"\xC2\xA0\xC2\xA0 ",
			"\xE3\x80\x80",                   /* U+3000 ideographic */
			"\xE2\xA0\x80",                   /* U+2800 Braille blank */
			"\xE2\xA0\x80\xE2\xA0\x80",
			"\xE1\x9A\x80",                   /* U+1680 Ogham space */
			"\xE2\x80\x80", "\xE2\x80\x83",  /* U+2000, U+2003 */
			"\xE2\x80\x8A",                   /* U+200A hair space */
			"\xE2\x80\xAF",                   /* U+202F narrow NBSP */
			"\xE2\x81\x9F",                   /* U+205F math space */
			" \xC2\xA0\xE3\x80\x80\xE2\xA0\x80 ",
			"\xCC\x81",                        /* U+0301 accent alone */
			"\xC2\xA0\xCC\x81\xCC\x88",        /* accents on a space */
			"\xE2\x83\x9D",                   /* U+20DD enclosing circle */
		};
		char w[96];

		for (size_t i = 0; i < sizeof blank / sizeof blank[0]; i++) {
			CHECK_INT(text_check(blank[i], 80, TEXT_SINGLE_LINE, 1, w,
			                     sizeof w), BORNE_EINVAL);
			CHECK_CONTAINS(w, "no visible character");
			CHECK_INT(text_blank(blank[i]), 1);
			/* Not required (a place, a description): fine. */
			accepted(blank[i], 80, TEXT_MULTILINE, 0);
		}
		/* The Hangul fillers are refused for what they are. */
		refused("\xE3\x85\xA4", 80, TEXT_SINGLE_LINE, 1, "U+3164");
		refused("\xEF\xBE\xA0", 80, TEXT_SINGLE_LINE, 1, "U+FFA0");
		/* One visible character is enough. */
		accepted("\xE3\x80\x80" "Inès\xC2\xA0" "B.", 80, TEXT_SINGLE_LINE, 1);
		accepted("Jose\xCC\x81", 80, TEXT_SINGLE_LINE, 1);
		accepted("\xE2\xA0\x81", 80, TEXT_SINGLE_LINE, 1); /* Braille dot */
		accepted(".", 80, TEXT_SINGLE_LINE, 1);
		CHECK_INT(text_blank("Inès"), 0);
		CHECK_INT(text_blank(""), 1);
		CHECK_INT(text_blank(NULL), 1);
		CHECK_INT(text_blank("   "), 1);
		/* Still "is empty" for nothing or ASCII spaces: the usual case. */
		refused(" \t ", 80, TEXT_MULTILINE, 1, "is empty");
		/* text_copy trims them at the edges, as it trims spaces, and
		** keeps an accent that ends a name. */
		text_copy(buf, sizeof buf, "\xE3\x80\x80\xC2\xA0Inès B.\xE2\xA0\x80 ");
		CHECK_STR(buf, "Inès B.");
		text_copy(buf, sizeof buf, "Jose\xCC\x81\xC2\xA0");
		CHECK_STR(buf, "Jose\xCC\x81");
		text_copy(buf, sizeof buf, "a\xC2\xA0" "b");
		CHECK_STR(buf, "a\xC2\xA0" "b");
		text_copy(buf, sizeof buf, "\xC2\xA0\xE3\x80\x80");
		CHECK_STR(buf, "");
	}

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
	/* The one UTF-8 encoder: every length, and no surrogate or past U+10FFFF. */
	{
		char u[5];

		CHECK_INT(text_utf8_put('A', u), 1);
		CHECK_STR(u, "A");
		CHECK_INT(text_utf8_put(0xE9, u), 2);
		CHECK_STR(u, "é");
		CHECK_INT(text_utf8_put(0x7FF, u), 2);
		CHECK_STR(u, "\xDF\xBF");
		CHECK_INT(text_utf8_put(0x20AC, u), 3);
		CHECK_STR(u, "€");
		CHECK_INT(text_utf8_put(0xFFFD, u), 3);
		CHECK_STR(u, "\xEF\xBF\xBD");
		CHECK_INT(text_utf8_put(0x1F600, u), 4);
		CHECK_STR(u, "😀");
		CHECK_INT(text_utf8_put(0x10FFFF, u), 4);
		CHECK_STR(u, "\xF4\x8F\xBF\xBF");
		CHECK_INT(text_utf8_put(0xD800, u), 0);
		CHECK_STR(u, "");
		CHECK_INT(text_utf8_put(0xDFFF, u), 0);
		CHECK_STR(u, "");
		CHECK_INT(text_utf8_put(0x110000, u), 0);
		CHECK_STR(u, "");
		/* What it writes, text_check reads back as one character. */
		for (uint32_t cp = 0x20; cp < 0x110000; cp += 0x1F7) {
			if (text_utf8_put(cp, u) == 0)
				continue;
			CHECK_INT(text_chars(u), 1);
		}
	}
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
	text_first_name("Jean Pierre M.", buf, sizeof buf);
	CHECK_STR(buf, "Jean Pierre");
	text_first_name("Zoé É. ", buf, sizeof buf);
	CHECK_STR(buf, "Zoé");
	text_first_name("Inès B.", buf, sizeof buf);
	CHECK_STR(buf, "Inès");
	text_first_name("Jean Pierre Martin", buf, sizeof buf);
	CHECK_STR(buf, "Jean");
	text_first_name("Ali 3.", buf, sizeof buf);   /* no initial: a word */
	CHECK_STR(buf, "Ali");
	text_first_name("B.", buf, sizeof buf);
	CHECK_STR(buf, "B.");
	text_first_name(" M.", buf, sizeof buf);
	CHECK_STR(buf, "M.");

	/* Names as people write them: each part's first letter a capital,
	** the rest as typed (issue 11 item 8). */
	strcpy(buf, "zoé");
	text_name_capitalise(buf);
	CHECK_STR(buf, "Zoé");
	strcpy(buf, "jean-pierre");
	text_name_capitalise(buf);
	CHECK_STR(buf, "Jean-Pierre");
	strcpy(buf, "marie claire McNeil");
	text_name_capitalise(buf);
	CHECK_STR(buf, "Marie Claire McNeil");
	strcpy(buf, "éloïse  ànaïs-œlle ÿ");
	text_name_capitalise(buf);
	CHECK_STR(buf, "Éloïse  Ànaïs-Œlle Ÿ");
	strcpy(buf, "łucja šárka ĺuboš");
	text_name_capitalise(buf);
	CHECK_STR(buf, "Łucja Šárka Ĺuboš");
	strcpy(buf, "анна ελένη 3d 🌱x");
	text_name_capitalise(buf);
	CHECK_STR(buf, "Анна Ελένη 3d 🌱x");
	strcpy(buf, "");
	text_name_capitalise(buf);
	CHECK_STR(buf, "");
	text_name_capitalise(NULL);
	strcpy(buf, "\xC3" "a");                     /* not UTF-8: left alone */
	text_name_capitalise(buf);
	CHECK_STR(buf, "\xC3" "a");
	CHECK_INT((int)text_upper_cp('q'), 'Q');
	CHECK_INT((int)text_upper_cp(0xF7), 0xF7);     /* ÷ */
	CHECK_INT((int)text_upper_cp(0x3C2), 0x3A3);   /* final sigma */
	CHECK_INT((int)text_upper_cp(0x138), 0x138);   /* ĸ: no capital */
	CHECK_INT((int)text_upper_cp(0x149), 0x149);
	CHECK_INT((int)text_upper_cp(0x17F), 0x17F);
	CHECK_INT((int)text_upper_cp('Q'), 'Q');

	text_copy(buf, sizeof buf, "  Ali \"Le Chef\"  ");
	CHECK_STR(buf, "Ali \"Le Chef\"");
	text_copy(buf, 6, "ééé");                   /* 5 bytes: "éé" */
	CHECK_STR(buf, "éé");
	text_copy(buf, 5, "🌱🌱");
	CHECK_STR(buf, "🌱");
	text_copy(buf, sizeof buf, NULL);
	CHECK_STR(buf, "");
	/* Invisible and direction-changing characters: a name must be what it
	** shows, so none of these pass, in any mode (issue 8). */
	{
		static const char *const hidden[][2] = {
			{ "Ali\xE2\x80\xAE" "ecnI", "U+202E" },          /* RLO */
			{ "a\xE2\x80\xAA" "b", "U+202A" },              /* LRE */
			{ "a\xE2\x80\xAB" "b", "U+202B" },
			{ "a\xE2\x80\xAC" "b", "U+202C" },
			{ "a\xE2\x80\xAD" "b", "U+202D" },
			{ "a\xE2\x81\xA6" "b", "U+2066" },              /* isolates */
			{ "a\xE2\x81\xA9" "b", "U+2069" },
			{ "a\xE2\x80\x8E" "b", "U+200E" },              /* LRM */
			{ "a\xE2\x80\x8F" "b", "U+200F" },              /* RLM */
			{ "a\xD8\x9C" "b", "U+061C" },                  /* ALM */
			{ "In\xE2\x80\x8B" "es", "U+200B" },            /* ZWSP */
			{ "a\xE2\x80\x8C" "b", "U+200C" },              /* ZWNJ */
			{ "a\xE2\x80\x8D" "b", "U+200D" },      /* ZWJ between letters */
			{ "\xE2\x80\x8D" "a", "U+200D" },
			{ "\xF0\x9F\x91\xA9\xE2\x80\x8D", "U+200D" }, /* ZWJ at the end */
			{ "a\xE2\x81\xA0" "b", "U+2060" },              /* word joiner */
			{ "a\xE2\x81\xA4" "b", "U+2064" },
			{ "\xEF\xBB\xBF" "Ines", "U+FEFF" },            /* BOM */
			{ "In\xC2\xAD" "es", "U+00AD" },                /* soft hyphen */
			{ "a\xE1\xA0\x8E" "b", "U+180E" },
			{ "\xE3\x85\xA4", "U+3164" },                   /* Hangul fillers */
			{ "a\xE1\x85\x9F", "U+115F" },
			{ "a\xE1\x85\xA0", "U+1160" },
			{ "a\xEF\xBE\xA0", "U+FFA0" },
			{ "a\xE2\x80\xA8" "b", "U+2028" },              /* separators */
			{ "a\xE2\x80\xA9" "b", "U+2029" },
			{ "a\xF3\xA0\x80\x81", "U+E0001" },             /* tags */
			{ "a\xF3\xA0\x81\xBF", "U+E007F" },
			{ "\xEF\xB8\x8F" "a", "U+FE0F" },       /* selector with no base */
			{ "\xE1\xA0\x8B" "a", "U+180B" },      /* Mongolian FVS, no base */
			{ "a \xEF\xB8\x8E", "U+FE0E" },         /* selector on a space */
		};
		for (size_t i = 0; i < sizeof hidden / sizeof hidden[0]; i++) {
			refused(hidden[i][0], 80, TEXT_SINGLE_LINE, 1, "invisible");
			refused(hidden[i][0], 80, TEXT_MULTILINE, 0, hidden[i][1]);
		}
		refused("Ali\xE2\x80\xAE" "ecnI", 80, TEXT_SINGLE_LINE, 1,
		        "has an invisible or direction-changing character (U+202E)");
	}
	/* Still accepted: right-to-left letters, accents, combining marks,
	** emoji sequences joined by ZWJ, keycaps, flags, skin tones. */
	accepted("\xD8\xB9\xD9\x84\xD9\x8A", 80, TEXT_SINGLE_LINE, 1);  /* Arabic */
	accepted("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", 80, TEXT_SINGLE_LINE, 1);
	accepted("Ine\xCC\x80s", 80, TEXT_SINGLE_LINE, 1);    /* e + U+0300 */
	accepted("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB", 80,
	         TEXT_SINGLE_LINE, 1);                        /* woman technologist */
	accepted("\xF0\x9F\x91\xA9\xF0\x9F\x8F\xBD\xE2\x80\x8D\xF0\x9F\x92\xBB", 80,
	         TEXT_SINGLE_LINE, 1);                        /* with a skin tone */
	accepted("\xE2\x9D\xA4\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x94\xA5", 80,
	         TEXT_SINGLE_LINE, 1);                        /* heart on fire */
	accepted("\xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88", 80,
	         TEXT_SINGLE_LINE, 1);                        /* rainbow flag */
	accepted("1\xEF\xB8\x8F\xE2\x83\xA3", 80, TEXT_SINGLE_LINE, 1); /* keycap */
	accepted("\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7", 80, TEXT_SINGLE_LINE, 1);
	accepted("\xE2\x98\xBA\xEF\xB8\x8F", 80, TEXT_SINGLE_LINE, 1);

	/* Typed piece by piece (the kiosk's fields): a ZWJ after an emoji may
	** wait for the next keystroke; anything else invisible is refused. */
	{
		char w[96];

		CHECK_INT(text_check_typed("\xF0\x9F\x91\xA9", "\xE2\x80\x8D", 0, w,
		                           sizeof w), BORNE_OK);
		CHECK_INT(text_check_typed("\xF0\x9F\x91\xA9\xE2\x80\x8D",
		                           "\xF0\x9F\x92\xBB", 0, w, sizeof w), BORNE_OK);
		CHECK_INT(text_check_typed("Ines", "\xE2\x80\x8D", 0, w, sizeof w),
		          BORNE_EINVAL);
		CHECK_CONTAINS(w, "U+200D");
		CHECK_INT(text_check_typed("Ines", "\xE2\x80\xAE", 0, w, sizeof w),
		          BORNE_EINVAL);
		CHECK_CONTAINS(w, "invisible");
		CHECK_INT(text_check_typed("", "\xEF\xB8\x8F", 0, w, sizeof w),
		          BORNE_EINVAL);
		CHECK_INT(text_check_typed("\xE2\x98\xBA", "\xEF\xB8\x8F", 0, w,
		                           sizeof w), BORNE_OK);
		CHECK_INT(text_check_typed(NULL, "a\nb", 1, w, sizeof w), BORNE_OK);
		CHECK_INT(text_check_typed(NULL, "a\nb", 0, w, sizeof w), BORNE_EINVAL);
		/* After an open joiner, only an emoji (fuzz_form: "RTL"). */
		CHECK_INT(text_check_typed("\xF0\x9F\x91\xA9\xE2\x80\x8D", "RTL", 0,
		                           w, sizeof w), BORNE_EINVAL);
		CHECK_CONTAINS(w, "U+200D");
	}
	/* Typing over, a joiner left open goes; one inside a sequence stays. */
	{
		char s1[] = "\xF0\x9F\x91\xA9\xE2\x80\x8D";
		char s2[] = "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB";
		char s3[] = "";

		text_settle(s1);
		CHECK_STR(s1, "\xF0\x9F\x91\xA9");
		text_settle(s2);
		CHECK_STR(s2, "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB");
		text_settle(s3);
		CHECK_STR(s3, "");
		text_settle(NULL);
	}

	return check_done();
}
