/* fuzz_wedge.c -- a keyboard-wedge reader's evdev stream (wedge.c).
** The input is raw struct input_event records as read(2) would return
** them from /dev/input/eventN (the first two bytes pick the gap), fed to
** one parser; each number is given to uid_parse() as reader_wedge.c does.
** Invariants: a number is 1..WEDGE_MAX_CHARS hex digits; a drop always
** says why; after a number or a drop nothing is pending. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <linux/input.h>

#include "borne.h"
#include "uid.h"
#include "wedge.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	WedgeParser p;
	struct input_event ev;
	char out[64], err[128];
	int gap;

	if (size < 2)
		return 0;
	gap = (int)(((unsigned)data[0] << 8 | data[1]) % 2000) - 100;
	data += 2;
	size -= 2;
	wedge_init(&p, gap);
	for (; size >= sizeof ev; data += sizeof ev, size -= sizeof ev) {
		int r;

		memcpy(&ev, data, sizeof ev);
		(void)wedge_event_ms(&ev);
		r = wedge_feed(&p, &ev, out, sizeof out);
		if (r == WEDGE_NUMBER) {
			size_t n = strlen(out);
			BadgeUid u;

			if (n == 0 || n > WEDGE_MAX_CHARS || wedge_pending(&p))
				abort();
			for (size_t i = 0; i < n; i++)
				if (strchr("0123456789abcdefABCDEF", out[i]) == NULL)
					abort();
			if (uid_parse(out, UID_DEC_LSB_FIRST, &u, err, sizeof err)
			    == BORNE_OK && u.len != 4 && u.len != 7 && u.len != 10)
				abort();
		} else if (r == WEDGE_DROPPED) {
			if (out[0] == '\0')
				abort();
		} else if (r != WEDGE_NONE) {
			abort();
		}
		if (p.n > WEDGE_MAX_CHARS || strlen(p.buf) != p.n)
			abort();
	}
	return 0;
}
