/* test_uid.c -- badge UIDs: every accepted form, every refusal. */
#include <string.h>

#include "borne.h"
#include "check.h"
#include "uid.h"

static void
check_hex(const char *text, UidDecOrder order, const char *want)
{
	BadgeUid u;
	char hex[UID_HEX_SIZE], err[128];

	CHECK_INT(uid_parse(text, order, &u, err, sizeof err), BORNE_OK);
	uid_format(&u, hex);
	CHECK_STR(hex, want);
}

static void
check_refused(const char *text, const char *why)
{
	BadgeUid u;
	char err[128] = "";

	memset(&u, 0xAA, sizeof u);
	CHECK_INT(uid_parse(text, UID_DEC_LSB_FIRST, &u, err, sizeof err), BORNE_EINVAL);
	CHECK_INT(u.len, 0);                 /* zeroed on failure */
	CHECK_CONTAINS(err, why);
}

int
main(void)
{
	BadgeUid a, b;
	const uint8_t raw7[7] = { 0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0xF6 };

	/* Every written form of the same badge. */
	check_hex("04A1B2C3", UID_DEC_LSB_FIRST, "04A1B2C3");
	check_hex("04a1b2c3", UID_DEC_LSB_FIRST, "04A1B2C3");
	check_hex("04:a1:b2:c3", UID_DEC_LSB_FIRST, "04A1B2C3");
	check_hex("04-A1-B2-C3", UID_DEC_LSB_FIRST, "04A1B2C3");
	check_hex("04 A1 B2 C3", UID_DEC_LSB_FIRST, "04A1B2C3");
	check_hex("04A1B2C3D4E5F6", UID_DEC_LSB_FIRST, "04A1B2C3D4E5F6");
	check_hex("04A1B2C3D4E5F60718 29", UID_DEC_LSB_FIRST, "04A1B2C3D4E5F6071829");
	/* Ten decimal digits: a wedge reader's 32-bit number. 0x04A1B2C3. */
	check_hex("0077705923", UID_DEC_MSB_FIRST, "04A1B2C3");
	check_hex("0077705923", UID_DEC_LSB_FIRST, "C3B2A104");
	check_hex("4294967295", UID_DEC_LSB_FIRST, "FFFFFFFF");

	check_refused(NULL, "empty");
	check_refused("", "empty");
	check_refused("04A1B2", "4, 7 or 10 bytes");
	check_refused("04A1B2C3D4", "4, 7 or 10 bytes");
	check_refused("04A1B2G3", "hex digits");
	check_refused("04A1;B2C3", "hex digits");
	check_refused("4294967296", "too large");
	check_refused("0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"
	              "0123456789ABCDEF0123", "too long");

	/* err may be NULL. */
	CHECK_INT(uid_parse("zz", UID_DEC_LSB_FIRST, &a, NULL, 0), BORNE_EINVAL);

	CHECK_INT(uid_from_bytes(raw7, 7, &a), BORNE_OK);
	CHECK_INT(uid_parse("04a1b2c3d4e5f6", UID_DEC_LSB_FIRST, &b, NULL, 0), BORNE_OK);
	CHECK(uid_equal(&a, &b));
	CHECK_INT(uid_from_bytes(raw7, 4, &b), BORNE_OK);
	CHECK(!uid_equal(&a, &b));
	CHECK_INT(uid_from_bytes(raw7, 5, &b), BORNE_EINVAL);
	CHECK_INT(b.len, 0);
	CHECK_INT(uid_from_bytes(NULL, 4, &b), BORNE_EINVAL);
	/* All zeros is a misread, not a badge: refused in every form, and a
	** reader reporting it gives no badge (len 0), so no tap. */
	check_refused("00000000", "misread");
	check_refused("00:00:00:00", "misread");
	check_refused("0000000000", "misread");             /* decimal form */
	check_refused("00000000000000", "misread");
	check_refused("0000000000000000000000", "4, 7 or 10");
	check_refused("00000000000000000000", "misread");
	{
		const uint8_t zero[10] = { 0 };
		char err[128] = "";

		CHECK_INT(uid_parse("00 00 00 00", UID_DEC_LSB_FIRST, &b, err,
		                    sizeof err), BORNE_EINVAL);
		CHECK_STR(err, "badge UID is all zeros (a misread)");
		memset(&b, 0xAA, sizeof b);
		CHECK_INT(uid_from_bytes(zero, 4, &b), BORNE_EINVAL);
		CHECK_INT(b.len, 0);
		CHECK_INT(uid_from_bytes(zero, 7, &b), BORNE_EINVAL);
		CHECK_INT(uid_from_bytes(zero, 10, &b), BORNE_EINVAL);
		CHECK_INT(b.len, 0);
	}
	check_hex("00000001", UID_DEC_LSB_FIRST, "00000001");
	check_hex("0000000001", UID_DEC_LSB_FIRST, "01000000");
	return check_done();
}
