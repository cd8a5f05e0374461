/* uid.c -- badge UID parsing and canonical formatting (see uid.h). */
#include "uid.h"

#include <stdio.h>
#include <string.h>

#include "borne.h"

static int hexval(int c);
static int fail(BadgeUid *out, char *err, size_t errlen, const char *why);
static int all_zero(const BadgeUid *u);
static int parse_decimal(const char *s, size_t n, UidDecOrder order,
                         BadgeUid *out, char *err, size_t errlen);

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* A UID of zeros is what a reader reads when it misreads: never a badge. */
static int
all_zero(const BadgeUid *u)
{
	for (size_t i = 0; i < u->len; i++)
		if (u->bytes[i] != 0)
			return 0;
	return 1;
}

static int
fail(BadgeUid *out, char *err, size_t errlen, const char *why)
{
	memset(out, 0, sizeof *out);
	if (err != NULL && errlen > 0)
		snprintf(err, errlen, "%s", why);
	return BORNE_EINVAL;
}

/* The 10-digit form: a 32-bit number, so a 4-byte UID. */
static int
parse_decimal(const char *s, size_t n, UidDecOrder order, BadgeUid *out,
              char *err, size_t errlen)
{
	uint64_t v = 0;

	for (size_t i = 0; i < n; i++)
		v = v * 10 + (uint64_t)(s[i] - '0');
	if (v > 0xFFFFFFFFu)
		return fail(out, err, errlen,
		            "badge number too large for a 4-byte UID");
	memset(out, 0, sizeof *out);
	out->len = 4;
	for (int i = 0; i < 4; i++) {
		int shift = order == UID_DEC_LSB_FIRST ? 8 * i : 8 * (3 - i);
		out->bytes[i] = (uint8_t)((v >> shift) & 0xFF);
	}
	if (all_zero(out))
		return fail(out, err, errlen, "badge UID is all zeros (a misread)");
	return BORNE_OK;
}

int
uid_parse(const char *text, UidDecOrder order, BadgeUid *out, char *err,
          size_t errlen)
{
	char digits[64];
	size_t n = 0;
	int all_decimal = 1;

	if (text == NULL || *text == '\0')
		return fail(out, err, errlen, "badge UID is empty");
	for (const char *p = text; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == ':' || c == '-' || c == ' ' || c == '\t')
			continue;
		if (hexval(c) < 0)
			return fail(out, err, errlen,
			            "badge UID may hold only hex digits, ':', '-' or spaces");
		if (n == sizeof digits)
			return fail(out, err, errlen, "badge UID is too long");
		if (c < '0' || c > '9')
			all_decimal = 0;
		digits[n++] = (char)c;
	}
	if (n == 10 && all_decimal)
		return parse_decimal(digits, n, order, out, err, errlen);
	if (n != 8 && n != 14 && n != 20)
		return fail(out, err, errlen,
		            "badge UID must be 4, 7 or 10 bytes (8, 14 or 20 hex digits)");
	memset(out, 0, sizeof *out);
	out->len = (uint8_t)(n / 2);
	for (size_t i = 0; i < out->len; i++)
		out->bytes[i] = (uint8_t)(hexval(digits[2 * i]) << 4 |
		                          hexval(digits[2 * i + 1]));
	if (all_zero(out))
		return fail(out, err, errlen, "badge UID is all zeros (a misread)");
	return BORNE_OK;
}

int
uid_from_bytes(const uint8_t *bytes, size_t n, BadgeUid *out)
{
	memset(out, 0, sizeof *out);
	if (bytes == NULL || (n != 4 && n != 7 && n != 10))
		return BORNE_EINVAL;
	out->len = (uint8_t)n;
	memcpy(out->bytes, bytes, n);
	if (all_zero(out)) {
		memset(out, 0, sizeof *out);
		return BORNE_EINVAL;
	}
	return BORNE_OK;
}

void
uid_format(const BadgeUid *uid, char out[UID_HEX_SIZE])
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = uid->len <= UID_MAX_BYTES ? uid->len : UID_MAX_BYTES;

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hex[uid->bytes[i] >> 4];
		out[2 * i + 1] = hex[uid->bytes[i] & 0xF];
	}
	out[2 * n] = '\0';
}

int
uid_equal(const BadgeUid *a, const BadgeUid *b)
{
	return a->len == b->len && memcmp(a->bytes, b->bytes, a->len) == 0;
}
