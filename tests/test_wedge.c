/* test_wedge.c -- the keyboard-wedge parser on recorded input_event
** streams: the 10-digit decimal form, hex with shift, keypad keys, two
** cards in a row, auto-repeat, a missing Enter, unexpected keys, overlong
** numbers. The streams are written to tests' temp dir as .bin files (the
** layout of struct input_event depends on the machine, so they are made
** here rather than stored) and read back before parsing. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "borne.h"
#include "check.h"
#include "uid.h"
#include "wedge.h"
#include "wedge_stream.h"

static char dir[64];

typedef struct Results {
	int n_numbers, n_dropped;
	char numbers[8][128];
	char dropped[8][128];
} Results;

static void replay(const WedgeStream *s, const char *name, Results *res);

/* Writes the stream to DIR/name.bin, reads it back, feeds the parser. */
static void
replay(const WedgeStream *s, const char *name, Results *res)
{
	char path[128], out[128];
	struct input_event ev;
	WedgeParser p;
	FILE *f;

	memset(res, 0, sizeof *res);
	snprintf(path, sizeof path, "%s/%s.bin", dir, name);
	f = fopen(path, "wb");
	CHECK(f != NULL);
	if (f == NULL)
		return;
	CHECK_INT(fwrite(s->ev, sizeof s->ev[0], (size_t)s->n, f), s->n);
	fclose(f);
	wedge_init(&p, WEDGE_DEFAULT_GAP_MS);
	f = fopen(path, "rb");
	CHECK(f != NULL);
	if (f == NULL)
		return;
	while (fread(&ev, sizeof ev, 1, f) == 1) {
		int r = wedge_feed(&p, &ev, out, sizeof out);
		if (r == WEDGE_NUMBER && res->n_numbers < 8)
			snprintf(res->numbers[res->n_numbers++], 128, "%s", out);
		else if (r == WEDGE_DROPPED && res->n_dropped < 8)
			snprintf(res->dropped[res->n_dropped++], 128, "%s", out);
	}
	fclose(f);
	CHECK_INT(wedge_pending(&p), 0);
}

int
main(void)
{
	WedgeStream s;
	Results res;
	BadgeUid uid;
	char hex[UID_HEX_SIZE], cmd[128];

	snprintf(dir, sizeof dir, "/tmp/borne-wedge-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return 2;

	/* The 10-digit decimal number, normalised by uid_parse. */
	memset(&s, 0, sizeof s);
	ws_type(&s, "2712847316\n");
	replay(&s, "decimal", &res);
	CHECK_INT(res.n_numbers, 1);
	CHECK_STR(res.numbers[0], "2712847316");
	CHECK_INT(uid_parse(res.numbers[0], UID_DEC_LSB_FIRST, &uid, NULL, 0), BORNE_OK);
	uid_format(&uid, hex);
	CHECK_STR(hex, "D4C3B2A1");
	CHECK_INT(uid_parse(res.numbers[0], UID_DEC_MSB_FIRST, &uid, NULL, 0), BORNE_OK);
	uid_format(&uid, hex);
	CHECK_STR(hex, "A1B2C3D4");

	/* Hex with shift for upper case, lower case without. */
	memset(&s, 0, sizeof s);
	ws_type(&s, "04A1b2C3\n");
	replay(&s, "hex_shift", &res);
	CHECK_INT(res.n_numbers, 1);
	CHECK_STR(res.numbers[0], "04A1b2C3");

	/* Right shift held across several letters. */
	memset(&s, 0, sizeof s);
	ws_event(&s, EV_KEY, KEY_RIGHTSHIFT, 1);
	ws_type(&s, "dead");
	ws_event(&s, EV_KEY, KEY_RIGHTSHIFT, 0);
	ws_type(&s, "beef\n");
	replay(&s, "right_shift", &res);
	CHECK_STR(res.numbers[0], "DEADbeef");

	/* Keypad digits and keypad Enter. */
	memset(&s, 0, sizeof s);
	ws_key(&s, KEY_KP1);
	ws_key(&s, KEY_KP2);
	ws_key(&s, KEY_KP3);
	ws_key(&s, KEY_KP4);
	ws_key(&s, KEY_KPENTER);
	replay(&s, "keypad", &res);
	CHECK_INT(res.n_numbers, 1);
	CHECK_STR(res.numbers[0], "1234");

	/* Two cards in a row, and the same card twice. */
	memset(&s, 0, sizeof s);
	ws_type(&s, "0001234567\n");
	s.t_ms += 800;
	ws_type(&s, "0007654321\n");
	ws_type(&s, "0007654321\n");
	replay(&s, "two_cards", &res);
	CHECK_INT(res.n_numbers, 3);
	CHECK_STR(res.numbers[0], "0001234567");
	CHECK_STR(res.numbers[1], "0007654321");
	CHECK_STR(res.numbers[2], "0007654321");
	CHECK_INT(res.n_dropped, 0);

	/* Auto-repeat (value 2) is ignored: one press, one digit. */
	memset(&s, 0, sizeof s);
	ws_event(&s, EV_KEY, KEY_5, 1);
	ws_event(&s, EV_KEY, KEY_5, 2);
	ws_event(&s, EV_KEY, KEY_5, 2);
	ws_event(&s, EV_KEY, KEY_5, 0);
	ws_event(&s, EV_KEY, KEY_ENTER, 2);
	ws_type(&s, "6\n");
	replay(&s, "repeat", &res);
	CHECK_INT(res.n_numbers, 1);
	CHECK_STR(res.numbers[0], "56");

	/* A missing Enter: the partial number is dropped when the next key
	** comes after the gap; the next card reads fine. */
	memset(&s, 0, sizeof s);
	ws_type(&s, "00012");
	s.t_ms += 1000;
	ws_type(&s, "2712847316\n");
	replay(&s, "missing_enter", &res);
	CHECK_INT(res.n_dropped, 1);
	CHECK_STR(res.dropped[0], "badge number without Enter, dropped");
	CHECK_INT(res.n_numbers, 1);
	CHECK_STR(res.numbers[0], "2712847316");

	/* An unexpected key spoils the number; a lone Enter is nothing. */
	memset(&s, 0, sizeof s);
	ws_type(&s, "12q34\n\n");
	replay(&s, "bad_key", &res);
	CHECK_INT(res.n_numbers, 0);
	CHECK_INT(res.n_dropped, 1);
	CHECK_CONTAINS(res.dropped[0], "unexpected key");

	/* Separators are skipped. */
	memset(&s, 0, sizeof s);
	ws_type(&s, "04 A1 B2 C3\n");
	replay(&s, "separators", &res);
	CHECK_STR(res.numbers[0], "04A1B2C3");

	/* Too long for any UID. */
	memset(&s, 0, sizeof s);
	ws_type(&s, "1234567890123456789012345678901234567890\n");
	replay(&s, "too_long", &res);
	CHECK_INT(res.n_numbers, 0);
	CHECK_INT(res.n_dropped, 1);
	CHECK_STR(res.dropped[0], "badge number too long, dropped");

	/* wedge_reset forgets a partial number. */
	{
		WedgeParser p;
		char out[64];
		wedge_init(&p, 0);
		CHECK_INT(p.gap_ms, WEDGE_DEFAULT_GAP_MS);
		memset(&s, 0, sizeof s);
		ws_type(&s, "12");
		for (int i = 0; i < s.n; i++)
			CHECK_INT(wedge_feed(&p, &s.ev[i], out, sizeof out), WEDGE_NONE);
		CHECK_INT(wedge_pending(&p), 1);
		wedge_reset(&p);
		CHECK_INT(wedge_pending(&p), 0);
	}

	/* Any time a recording or a broken driver gives (found by fuzz_wedge:
	** seconds * 1000 overflowed): times stay in range, a number typed
	** with absurd stamps is still read, one far in the future drops it. */
	{
		WedgeParser p;
		struct input_event e;
		char out[64];
		static const int64_t secs[] = { INT64_MAX, INT64_MIN, -1,
		                                504409755402372096LL };

		for (size_t i = 0; i < sizeof secs / sizeof secs[0]; i++) {
			memset(&e, 0, sizeof e);
			e.input_event_sec = (time_t)secs[i];
			e.input_event_usec = secs[i] < 0 ? -5 : 999999999;
			CHECK(wedge_event_ms(&e) >= 0);
			CHECK(wedge_event_ms(&e) <= INT64_MAX / 2);
		}
		wedge_init(&p, 300);
		memset(&e, 0, sizeof e);
		e.type = EV_KEY;
		e.value = 1;
		e.code = KEY_1;
		e.input_event_sec = (time_t)INT64_MIN;
		CHECK_INT(wedge_feed(&p, &e, out, sizeof out), WEDGE_NONE);
		e.code = KEY_2;
		e.input_event_sec = (time_t)INT64_MAX;
		CHECK_INT(wedge_feed(&p, &e, out, sizeof out), WEDGE_DROPPED);
		e.code = KEY_ENTER;
		CHECK_INT(wedge_feed(&p, &e, out, sizeof out), WEDGE_NUMBER);
		CHECK_STR(out, "2");
	}

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return check_done();
}
