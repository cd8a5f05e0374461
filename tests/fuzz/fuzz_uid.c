/* fuzz_uid.c -- badge UIDs as people and readers give them (uid.c).
** The input is the text (the first byte picks the decimal byte order).
** Invariants: a parsed UID is 4, 7 or 10 bytes; its canonical form parses
** back to the same UID in either order; a 10-digit decimal number gives
** the 4 bytes of that number in the asked order; raw bytes round-trip;
** only all-zero bytes (a misread) are refused. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "borne.h"
#include "uid.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_roundtrip(const BadgeUid *u)
{
	char hex[UID_HEX_SIZE], err[128];
	BadgeUid back;

	uid_format(u, hex);
	if (strlen(hex) != (size_t)u->len * 2)
		abort();
	for (int o = UID_DEC_LSB_FIRST; o <= UID_DEC_MSB_FIRST; o++) {
		if (uid_parse(hex, (UidDecOrder)o, &back, err, sizeof err) != BORNE_OK)
			abort();
		if (!uid_equal(u, &back))
			abort();
	}
	if (uid_from_bytes(u->bytes, u->len, &back) != BORNE_OK ||
	    !uid_equal(u, &back))
		abort();
}

static int
all_zero(const uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (b[i] != 0)
			return 0;
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[256], err[128], digits[64];
	UidDecOrder order;
	BadgeUid u;
	size_t n = 0, nd = 0;
	int all_dec = 1;

	if (size == 0)
		return 0;
	order = data[0] & 1 ? UID_DEC_MSB_FIRST : UID_DEC_LSB_FIRST;
	data++;
	size--;
	/* Raw bytes as a reader reports them: any 4, 7 or 10 bytes but all
	** zeros (a misread) make a UID. */
	if (uid_from_bytes(data, size, &u) == BORNE_OK)
		check_roundtrip(&u);
	else if ((size == 4 || size == 7 || size == 10) && !all_zero(data, size))
		abort();
	if (size >= sizeof text)
		size = sizeof text - 1;
	memcpy(text, data, size);
	text[size] = '\0';
	err[0] = '\0';
	if (uid_parse(text, order, &u, err, sizeof err) != BORNE_OK) {
		if (err[0] == '\0' || u.len != 0)
			abort();
		return 0;
	}
	if (u.len != 4 && u.len != 7 && u.len != 10)
		abort();
	check_roundtrip(&u);
	/* The 10-digit decimal form: the same number, in the asked order. */
	for (const char *p = text; *p != '\0' && n < 1000; p++, n++)
		if (*p >= '0' && *p <= '9' && nd < sizeof digits)
			digits[nd++] = *p;
		else if (*p != ':' && *p != '-' && *p != ' ' && *p != '\t')
			all_dec = 0;
	if (all_dec && nd == 10) {
		uint64_t v = 0, w = 0;

		for (size_t i = 0; i < nd; i++)
			v = v * 10 + (uint64_t)(digits[i] - '0');
		if (u.len != 4)
			abort();
		for (int i = 0; i < 4; i++)
			w |= (uint64_t)u.bytes[i] << (order == UID_DEC_LSB_FIRST ?
			                              8 * i : 8 * (3 - i));
		if (v != w)
			abort();
	}
	return 0;
}
