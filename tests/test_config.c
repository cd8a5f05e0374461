/* test_config.c -- the configuration file: defaults, overrides, and every
** kind of bad line warned with its number, never fatal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "borne.h"
#include "check.h"
#include "config.h"
#include "core_fixture.h"
#include "text.h"

typedef struct Warnings {
	int n;
	char all[4096];
} Warnings;

static void
collect(const char *line, void *ctx)
{
	Warnings *w = ctx;

	w->n++;
	strncat(w->all, line, sizeof w->all - strlen(w->all) - 2);
	strcat(w->all, "\n");
}

static void
write_file(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, n, f) != n)
		exit(2);
	fclose(f);
}

/* The screen's keys: a word of their list, or hours; anything else is
** named with its line and the default kept. */
static void
display_keys(void)
{
	static const char text[] =
		"display_rotate = 180\n"
		"touch_flip = xy\n"
		"renderer = software\n"
		"screen_hours = 22:30-06:00\n";
	static const char bad[] =
		"\n\n\n\n"
		"display_rotate = 45\n"
		"touch_flip = upside-down\n"
		"renderer = vulkan\n"
		"screen_hours = 8h-20h\n"
		"screen_hours = 09:00-09:00\n"
		"screen_hours = 25:00-06:00\n";
	static const char *const bad_hours[] = {
		"", "8:00", "08:00-", "08:00-20:60", "24:30-08:00", "08:00-20:00x",
		"-1:00-08:00",
	};
	Config *cfg = NULL;
	Warnings w;
	int from = -1, to = -1;

	memset(&w, 0, sizeof w);
	CHECK_INT(config_load_mem("d.conf", text, sizeof text - 1, &cfg, collect,
	                          &w), BORNE_OK);
	CHECK_INT(w.n, 0);
	CHECK_INT(config_get_int(cfg, "display_rotate"), 180);
	CHECK_STR(config_get(cfg, "touch_flip"), "xy");
	CHECK_STR(config_get(cfg, "renderer"), "software");
	CHECK_STR(config_get(cfg, "screen_hours"), "22:30-06:00");
	config_free(cfg);
	CHECK_INT(config_load_mem("d.conf", bad, sizeof bad - 1, &cfg, collect,
	                          &w), BORNE_OK);
	CHECK_INT(w.n, 6);
	CHECK_CONTAINS(w.all, "d.conf:5: display_rotate must be 0, 90, 180 or 270");
	CHECK_CONTAINS(w.all, "d.conf:6: touch_flip must be none, x, y or xy");
	CHECK_CONTAINS(w.all, "d.conf:7: renderer must be auto, gl or software");
	CHECK_CONTAINS(w.all, "d.conf:8: screen_hours must be HH:MM-HH:MM, or empty");
	CHECK_CONTAINS(w.all, "d.conf:9: screen_hours must be");
	CHECK_CONTAINS(w.all, "d.conf:10: screen_hours must be");
	CHECK_STR(config_get(cfg, "display_rotate"), "0");
	CHECK_STR(config_get(cfg, "touch_flip"), "none");
	CHECK_STR(config_get(cfg, "renderer"), "auto");
	CHECK_STR(config_get(cfg, "screen_hours"), "");
	config_free(cfg);

	CHECK_INT(config_hours("22:30-06:00", &from, &to), BORNE_OK);
	CHECK_INT(from, 22 * 60 + 30);
	CHECK_INT(to, 6 * 60);
	CHECK_INT(config_hours("00:00-24:00", &from, &to), BORNE_OK);
	CHECK_INT(to, 1440);
	for (size_t i = 0; i < sizeof bad_hours / sizeof bad_hours[0]; i++)
		CHECK_INT(config_hours(bad_hours[i], NULL, NULL), BORNE_EINVAL);
}

int
main(void)
{
	static const char good[] =
		"# borne configuration\n"
		"\n"
		"space_name = L'Atelier \"du coin\" #3\n"
		"  idle_timeout_s=90  \r\n"
		"lang = en\n"
		"space_tagline = \"  Tiers-lieu 🌱  \"\n"
		"sound = 0\n";
	static const char bad[] =
		"idle_timeout_s = soon\n"             /* 1: not a number */
		"no equals sign here\n"               /* 2 */
		"colour = blue\n"                     /* 3: unknown key */
		"lang = de\n"                         /* 4 */
		"sound = yes\n"                       /* 5 */
		"space_name = caf\xE9\n"              /* 6: Latin-1 */
		"kiosk_id = bo\x00rne\n"              /* 7: NUL byte */
		"\xFF\xFE\x01\x02 junk\n"             /* 8: binary */
		"uid_decimal_order = middle\n"        /* 9 */
		"greeting_s = 20\n";                  /* 10: fine */
	Config *cfg = NULL;
	Warnings w;
	const char *key, *def, *help;
	int n_keys = 0;

	fx_setup();

	/* Defaults only. */
	CHECK_INT(config_load(NULL, &cfg, NULL, NULL), BORNE_OK);
	CHECK_STR(config_get(cfg, "space_name"), "Le Patio");
	CHECK_INT(config_get_int(cfg, "idle_timeout_s"), 60);
	CHECK_INT(config_get_int(cfg, "checkin_repeat_s"), 60);
	CHECK_STR(config_get(cfg, "tz"), "");
	CHECK(config_get(cfg, "nope") == NULL);
	CHECK_INT(config_get_int(cfg, "nope"), 0);
	CHECK_INT(config_set(cfg, "nope", "1"), BORNE_EINVAL);
	CHECK_INT(config_set(cfg, "idle_timeout_s", "x"), BORNE_EINVAL);
	CHECK_INT(config_set(cfg, "idle_timeout_s", "120"), BORNE_OK);
	CHECK_INT(config_get_int(cfg, "idle_timeout_s"), 120);
	CHECK_INT(config_set(cfg, "db", "/tmp/x.db"), BORNE_OK);
	CHECK_STR(config_get(cfg, "db"), "/tmp/x.db");
	config_free(cfg);
	config_free(NULL);

	/* Missing file: defaults, ENOTFOUND, one warning. */
	memset(&w, 0, sizeof w);
	CHECK_INT(config_load(fx_path("missing.conf"), &cfg, collect, &w),
	          BORNE_ENOTFOUND);
	CHECK(cfg != NULL);
	CHECK_STR(config_get(cfg, "lang"), "fr");
	CHECK_INT(w.n, 1);
	CHECK_CONTAINS(w.all, "missing.conf");
	config_free(cfg);

	/* A good file. */
	write_file(fx_path("good.conf"), good, sizeof good - 1);
	memset(&w, 0, sizeof w);
	CHECK_INT(config_load(fx_path("good.conf"), &cfg, collect, &w), BORNE_OK);
	CHECK_INT(w.n, 0);
	CHECK_STR(config_get(cfg, "space_name"), "L'Atelier \"du coin\" #3");
	CHECK_INT(config_get_int(cfg, "idle_timeout_s"), 90);
	CHECK_STR(config_get(cfg, "lang"), "en");
	CHECK_STR(config_get(cfg, "space_tagline"), "  Tiers-lieu 🌱  ");
	CHECK_INT(config_get_int(cfg, "sound"), 0);
	CHECK_STR(config_get(cfg, "kiosk_id"), "borne-1");       /* default */
	config_free(cfg);

	/* A bad file: each problem one warning with its line, defaults kept. */
	write_file(fx_path("bad.conf"), bad, sizeof bad - 1);
	memset(&w, 0, sizeof w);
	CHECK_INT(config_load(fx_path("bad.conf"), &cfg, collect, &w), BORNE_OK);
	CHECK_INT(w.n, 9);
	CHECK_CONTAINS(w.all, "bad.conf:1: idle_timeout_s must be a whole number, default '60' kept");
	CHECK_CONTAINS(w.all, "bad.conf:2: expected key = value");
	CHECK_CONTAINS(w.all, "bad.conf:3: unknown key 'colour' ignored");
	CHECK_CONTAINS(w.all, "bad.conf:4: lang must be fr or en");
	CHECK_CONTAINS(w.all, "bad.conf:5: sound must be 0 or 1");
	CHECK_CONTAINS(w.all, "bad.conf:6: line is not valid UTF-8");
	CHECK_CONTAINS(w.all, "bad.conf:7: binary data");
	CHECK_CONTAINS(w.all, "bad.conf:8: line is not valid UTF-8");
	CHECK_CONTAINS(w.all, "bad.conf:9: uid_decimal_order must be lsb or msb");
	CHECK_INT(config_get_int(cfg, "idle_timeout_s"), 60);
	CHECK_STR(config_get(cfg, "lang"), "fr");
	CHECK_STR(config_get(cfg, "space_name"), "Le Patio");
	CHECK_STR(config_get(cfg, "kiosk_id"), "borne-1");
	CHECK_INT(config_get_int(cfg, "greeting_s"), 20);
	config_free(cfg);

	/* The same text from memory says the same, under the given name. */
	memset(&w, 0, sizeof w);
	CHECK_INT(config_load_mem("mem.conf", bad, sizeof bad - 1, &cfg, collect,
	                          &w), BORNE_OK);
	CHECK_INT(w.n, 9);
	CHECK_CONTAINS(w.all, "mem.conf:7: binary data");
	CHECK_CONTAINS(w.all, "mem.conf:9: uid_decimal_order must be lsb or msb");
	CHECK_INT(config_get_int(cfg, "greeting_s"), 20);
	config_free(cfg);
	CHECK_INT(config_load_mem(NULL, "", 0, &cfg, collect, &w), BORNE_OK);
	CHECK_STR(config_get(cfg, "lang"), "fr");
	config_free(cfg);
	display_keys();

	/* No warn callback: still fine. A folder instead of a file. */
	CHECK_INT(config_load(fx_path("bad.conf"), &cfg, NULL, NULL), BORNE_OK);
	config_free(cfg);
	memset(&w, 0, sizeof w);
	{
		int rc = config_load(fx_dir, &cfg, collect, &w);
		CHECK(rc == BORNE_OK || rc == BORNE_EIO);
		CHECK(cfg != NULL);
		CHECK_STR(config_get(cfg, "lang"), "fr");
		config_free(cfg);
	}

	/* A very long line and an empty file. */
	{
		size_t n = 100000;
		char *big = malloc(n + 32);
		memcpy(big, "space_name = ", 13);
		memset(big + 13, 'a', n);
		memcpy(big + 13 + n, "\n", 1);
		write_file(fx_path("long.conf"), big, 13 + n + 1);
		free(big);
		memset(&w, 0, sizeof w);
		CHECK_INT(config_load(fx_path("long.conf"), &cfg, collect, &w), BORNE_OK);
		CHECK_INT(w.n, 1);
		CHECK_STR(config_get(cfg, "space_name"), "Le Patio");
		config_free(cfg);
		write_file(fx_path("empty.conf"), "", 0);
		CHECK_INT(config_load(fx_path("empty.conf"), &cfg, collect, &w), BORNE_OK);
		config_free(cfg);
	}

	/* Numbers out of their key's bounds are warned and the default kept:
	** pin_lock_s = 3000000 used to become 3000000 * 1000 in an int. */
	{
		static const char big[] =
			"pin_lock_s = 3000000\n"             /* 1: ~35 days */
			"idle_timeout_s = 999999999\n"       /* 2 */
			"greeting_s = 0\n"                   /* 3: below the minimum */
			"pin_max_tries = 0\n"                /* 4 */
			"reader_poll_ms = 1\n"               /* 5 */
			"checkin_repeat_s = 3600\n";         /* 6: fine (the maximum) */

		write_file(fx_path("big.conf"), big, sizeof big - 1);
		memset(&w, 0, sizeof w);
		CHECK_INT(config_load(fx_path("big.conf"), &cfg, collect, &w), BORNE_OK);
		CHECK_INT(w.n, 5);
		CHECK_CONTAINS(w.all, "big.conf:1: pin_lock_s must be between");
		CHECK_CONTAINS(w.all, "default '300' kept");
		CHECK_CONTAINS(w.all, "big.conf:2: idle_timeout_s must be between");
		CHECK_CONTAINS(w.all, "big.conf:3: greeting_s must be between");
		CHECK_CONTAINS(w.all, "big.conf:4: pin_max_tries must be between");
		CHECK_CONTAINS(w.all, "big.conf:5: reader_poll_ms must be between");
		CHECK_INT(config_get_int(cfg, "pin_lock_s"), 300);
		CHECK_INT(config_get_int(cfg, "idle_timeout_s"), 60);
		CHECK_INT(config_get_int(cfg, "greeting_s"), 15);
		CHECK_INT(config_get_int(cfg, "pin_max_tries"), 3);
		CHECK_INT(config_get_int(cfg, "reader_poll_ms"), 150);
		CHECK_INT(config_get_int(cfg, "checkin_repeat_s"), 3600);
		CHECK_INT(config_set(cfg, "pin_lock_s", "3000000"), BORNE_EINVAL);
		CHECK_INT(config_get_int(cfg, "pin_lock_s"), 300);
		/* Milliseconds in 64 bits, whatever the key's maximum. */
		CHECK_INT(config_set(cfg, "pin_lock_s", "86400"), BORNE_OK);
		CHECK(config_get_ms(cfg, "pin_lock_s") == 86400000LL);
		CHECK(config_get_ms(cfg, "checkin_repeat_s") == 3600000LL);
		CHECK(config_get_ms(cfg, "reader_poll_ms") == 150);
		CHECK(config_get_ms(cfg, "nope") == 0);
		config_free(cfg);
	}

	/* Warnings are whole UTF-8 lines, whatever they quote and however long
	** (fuzz_config found an unknown key cut in the middle of a letter). */
	{
		char *text = malloc(4096), *q = text;

		for (int i = 0; i < 70; i++)
			q += sprintf(q, "é");
		q += sprintf(q, " = 1\nspace_name = ");
		for (int i = 0; i < 300; i++)
			q += sprintf(q, "é");
		q += sprintf(q, "\nspace_name = ");
		memset(q, 'x', 1100);
		strcpy(q + 1100, "\n");
		memset(&w, 0, sizeof w);
		CHECK_INT(config_load_mem("utf8.conf", text, strlen(text), &cfg,
		                          collect, &w), BORNE_OK);
		CHECK_INT(w.n, 2);
		CHECK_CONTAINS(w.all, "utf8.conf:1: unknown key 'éé");
		CHECK_CONTAINS(w.all, "utf8.conf:3: space_name is longer than");
		CHECK_INT(text_check(w.all, 100000, TEXT_MULTILINE, 1, NULL, 0),
		          BORNE_OK);
		config_free(cfg);
		free(text);
	}

	/* Every number key has bounds holding its default, and the largest
	** duration it allows fits an int in milliseconds. */
	for (int i = 0; config_key_at(i, &key, &def, &help) == BORNE_OK; i++) {
		long lo, hi, d;
		char *end;

		d = strtol(def, &end, 10);
		if (*def == '\0' || *end != '\0') {
			CHECK_INT(config_key_bounds(key, &lo, &hi), BORNE_ENOTFOUND);
			continue;
		}
		CHECK_INT(config_key_bounds(key, &lo, &hi), BORNE_OK);
		CHECK(lo <= d && d <= hi);
		CHECK(hi <= 2147483);
		CHECK_INT(config_load(NULL, &cfg, NULL, NULL), BORNE_OK);
		{
			char v[32];

			snprintf(v, sizeof v, "%ld", hi);
			CHECK_INT(config_set(cfg, key, v), BORNE_OK);
			snprintf(v, sizeof v, "%ld", hi + 1);
			CHECK_INT(config_set(cfg, key, v), BORNE_EINVAL);
			CHECK_INT(config_get_int(cfg, key), hi);
		}
		config_free(cfg);
	}

	/* The table: every key has a default and a help line. */
	while (config_key_at(n_keys, &key, &def, &help) == BORNE_OK) {
		CHECK(key[0] != '\0');
		CHECK(help[0] != '\0');
		CHECK(def != NULL);
		n_keys++;
	}
	CHECK(n_keys >= 18);
	CHECK_INT(config_key_at(-1, &key, &def, &help), BORNE_ENOTFOUND);
	/* config_default: the one lookup of config_def.h's defaults, the
	** same as config_key_at lists and a config with no file reads. */
	{
		const char *k2, *d2, *h2;
		Config *none = NULL;

		CHECK_INT(config_load_mem("empty", "", 0, &none, NULL, NULL), BORNE_OK);
		for (int i = 0; config_key_at(i, &k2, &d2, &h2) == BORNE_OK; i++) {
			CHECK_STR(config_default(k2), d2);
			if (none != NULL)
				CHECK_STR(config_get(none, k2), d2);
		}
		CHECK_STR(config_default("greeting_s"), "15");
		CHECK_STR(config_default("no_such_key"), "");
		CHECK_STR(config_default(NULL), "");
		config_free(none);
	}
	return check_done();
}
