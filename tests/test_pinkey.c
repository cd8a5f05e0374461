/* test_pinkey.c -- PINs that a copied database cannot give away.
** The PIN hash needs the kiosk's key (pinkey.h): a copy of the database
** alone cannot confirm any PIN, another key is told apart from a wrong
** PIN, old keyless hashes still work and are re-hashed with the key, the
** key file is made once (0600), refused when others may read it, and
** never made anew over PINs that need the lost one; the OTP key is read
** from the firmware's answer (a fake mailbox here) and used only when
** programmed. */
#include "check.h"
#include "core_fixture.h"

#include <sodium.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "member.h"
#include "pinkey.h"

static void test_copied_database(void);
static void test_other_key(void);
static void test_legacy_rehash(void);
static void test_key_file(void);
static void test_otp_parse(void);
static void test_otp_load(void);
static void test_default_file(void);
static int  fake_mailbox(const char *device, uint32_t msg[PINKEY_OTP_WORDS]);
static void pin_hash_of(Store *st, int64_t id, char *out, size_t outlen);

/* The documentation's example answer (rpi-otp-private-key). */
static const uint32_t doc_rows[8] = {
	0xf8dbc7b0, 0xa4fcfb1d, 0x706e298a, 0xc9d0485c,
	0x2226ce8d, 0xf7f7596a, 0xc77337bd, 0x09fbe160
};
static const char doc_hex[] =
	"f8dbc7b0a4fcfb1d706e298ac9d0485c2226ce8df7f7596ac77337bd09fbe160";
static uint32_t fake_rows[8];
static int fake_calls;
static uint32_t fake_status = 0x80000000u;

static int
fake_mailbox(const char *device, uint32_t msg[PINKEY_OTP_WORDS])
{
	CHECK_STR(device, "/dev/fake-vcio");
	CHECK_INT(msg[0], 64);
	CHECK_INT(msg[2], 0x00030081);
	CHECK_INT(msg[5], 0);
	CHECK_INT(msg[6], 8);
	fake_calls++;
	msg[1] = fake_status;
	msg[4] |= 0x80000000u;
	memcpy(&msg[7], fake_rows, sizeof fake_rows);
	return BORNE_OK;
}

static void
pin_hash_of(Store *st, int64_t id, char *out, size_t outlen)
{
	sqlite3_stmt *s = NULL;

	out[0] = '\0';
	sqlite3_prepare_v2(store_db(st), "SELECT pin_hash FROM members WHERE id = ?1",
	                   -1, &s, NULL);
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0) != NULL)
		snprintf(out, outlen, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
}

/* What an attacker holding a copy of the database does: try every PIN
** against the stored hash. Today's keyless hash gives the PIN away; with
** the key, no PIN matches, and without the key the kiosk cannot check. */
static void
test_copied_database(void)
{
	Store *st = fx_open("copied.db");
	char hash[256];
	const char *argon;
	int64_t id;
	int found = -1;

	pinkey_set_random();
	CHECK_INT(member_add(st, "Fatou", ROLE_FACILITATOR, 0, NULL, "0042", 0, 1,
	                     &id), BORNE_OK);
	pin_hash_of(st, id, hash, sizeof hash);
	CHECK(strncmp(hash, "$borne-k1$", 10) == 0);
	CHECK(strstr(hash, pinkey_id()) == hash + 10);
	argon = strstr(hash, "$argon2id$");
	CHECK(argon != NULL);
	for (int pin = 0; argon != NULL && pin < 10000 && found < 0; pin++) {
		char p[16];

		snprintf(p, sizeof p, "%04d", pin);
		if (crypto_pwhash_str_verify(hash, p, 4) == 0 ||
		    crypto_pwhash_str_verify(argon, p, 4) == 0)
			found = pin;
		if (pin == 60)
			pin = 9990;      /* the real one, and a few: enough to show */
	}
	CHECK_INT(found, -1);
	CHECK_INT(member_check_pin(st, id, "0042"), BORNE_OK);
	CHECK_INT(member_check_pin(st, id, "0043"), BORNE_EREFUSED);

	/* The same database, no key: nothing to check against. */
	pinkey_clear();
	CHECK_INT(member_check_pin(st, id, "0042"), BORNE_EIO);
	CHECK_CONTAINS(store_errmsg(st), "PINs cannot be checked");
	CHECK_INT(member_set_pin(st, id, "123456", 0, 2), BORNE_EIO);
	CHECK_CONTAINS(store_errmsg(st), "PINs cannot be set");
	store_close(st);
}

/* A PIN made with another key is not "wrong": the message names both. */
static void
test_other_key(void)
{
	Store *st = fx_open("otherkey.db");
	char first[PINKEY_ID_SIZE];
	int64_t id;

	pinkey_set_random();
	snprintf(first, sizeof first, "%s", pinkey_id());
	CHECK_INT(member_add(st, "Yasmine", ROLE_ADMIN, 0, NULL, "123456", 0, 1,
	                     &id), BORNE_OK);
	pinkey_set_random();
	CHECK(strcmp(first, pinkey_id()) != 0);
	CHECK_INT(member_check_pin(st, id, "123456"), BORNE_EIO);
	CHECK_CONTAINS(store_errmsg(st), "another PIN key");
	CHECK_CONTAINS(store_errmsg(st), first);
	/* Setting it again with this key mends it. */
	CHECK_INT(member_set_pin(st, id, "654321", 0, 2), BORNE_OK);
	CHECK_INT(member_check_pin(st, id, "654321"), BORNE_OK);
	store_close(st);
}

/* A hash of the old scheme (crypto_pwhash_str of the PIN, no key) still
** opens, and the first right entry re-hashes it with the key. */
static void
test_legacy_rehash(void)
{
	Store *st = fx_open("legacy.db");
	char old[crypto_pwhash_STRBYTES], hash[256];
	sqlite3_stmt *s = NULL;
	int64_t id;
	int n_legacy = -1, n_keyed = -1;

	pinkey_set_random();
	CHECK_INT(member_add(st, "Bernard", ROLE_FACILITATOR, 0, NULL, NULL, 0, 1,
	                     &id), BORNE_OK);
	CHECK_INT(crypto_pwhash_str(old, "2468", 4, crypto_pwhash_OPSLIMIT_MIN,
	                            crypto_pwhash_MEMLIMIT_MIN), 0);
	sqlite3_prepare_v2(store_db(st), "UPDATE members SET pin_hash = ?2"
	                   " WHERE id = ?1", -1, &s, NULL);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, old, -1, SQLITE_TRANSIENT);
	CHECK_INT(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	CHECK_INT(member_pin_counts(st, &n_legacy, &n_keyed), BORNE_OK);
	CHECK_INT(n_legacy, 1);
	CHECK_INT(n_keyed, 0);

	CHECK_INT(member_check_pin(st, id, "1357"), BORNE_EREFUSED);
	pin_hash_of(st, id, hash, sizeof hash);
	CHECK_STR(hash, old);                       /* a wrong PIN changes nothing */
	CHECK_INT(member_check_pin(st, id, "2468"), BORNE_OK);
	pin_hash_of(st, id, hash, sizeof hash);
	CHECK(strncmp(hash, "$borne-k1$", 10) == 0);
	CHECK_INT(member_pin_counts(st, &n_legacy, &n_keyed), BORNE_OK);
	CHECK_INT(n_legacy, 0);
	CHECK_INT(n_keyed, 1);
	CHECK_INT(member_check_pin(st, id, "2468"), BORNE_OK);
	CHECK_INT(member_check_pin(st, id, "2467"), BORNE_EREFUSED);
	store_close(st);
}

static void
test_key_file(void)
{
	Store *st = fx_open("keyfile.db");
	PinKeyOptions o;
	char msg[400], id1[PINKEY_ID_SIZE];
	const char *path = fx_path("pin.key");
	struct stat sb;
	int64_t id;

	memset(&o, 0, sizeof o);
	o.otp_device = "none";
	o.key_file = path;
	/* Not asked to make one: none. */
	CHECK_INT(pinkey_load(st, &o, msg, sizeof msg), BORNE_ENOTFOUND);
	CHECK_INT(pinkey_source(), PINKEY_NONE);
	CHECK_CONTAINS(msg, "does not exist");
	/* First start: made, 0600, 32 bytes. */
	o.create = 1;
	CHECK_INT(pinkey_load(st, &o, msg, sizeof msg), BORNE_OK);
	CHECK_CONTAINS(msg, "made now");
	CHECK_INT(pinkey_source(), PINKEY_FILE);
	CHECK_INT(stat(path, &sb), 0);
	CHECK_INT(sb.st_mode & 0777, 0600);
	CHECK_INT((int)sb.st_size, PINKEY_BYTES);
	snprintf(id1, sizeof id1, "%s", pinkey_id());
	CHECK_INT(member_add(st, "Fatou", ROLE_FACILITATOR, 0, NULL, "97531", 0, 1,
	                     &id), BORNE_OK);
	/* The next start reads the same key, and the PIN still opens. */
	CHECK_INT(pinkey_load(st, &o, msg, sizeof msg), BORNE_OK);
	CHECK(strstr(msg, "made now") == NULL);
	CHECK_STR(pinkey_id(), id1);
	CHECK_INT(member_check_pin(st, id, "97531"), BORNE_OK);
	/* Others may read it: refused, naming the chmod. */
	CHECK_INT(chmod(path, 0644), 0);
	CHECK_INT(pinkey_load(st, &o, msg, sizeof msg), BORNE_EREFUSED);
	CHECK_CONTAINS(msg, "chmod 600");
	CHECK_INT(pinkey_source(), PINKEY_NONE);
	CHECK_CONTAINS(pinkey_why(), "chmod 600");
	CHECK_INT(chmod(path, 0600), 0);
	/* Lost while PINs need it: not made anew (every PIN would be wrong
	** without a word); said, and the PIN says so too. */
	CHECK_INT(rename(path, fx_path("pin.key.saved")), 0);
	CHECK_INT(pinkey_load(st, &o, msg, sizeof msg), BORNE_ENOTFOUND);
	CHECK_CONTAINS(msg, "is missing");
	CHECK_CONTAINS(msg, "1 PIN was hashed with it");
	CHECK(stat(path, &sb) != 0);
	CHECK_INT(member_check_pin(st, id, "97531"), BORNE_EIO);
	CHECK_CONTAINS(store_errmsg(st), "is missing");
	/* Put back from its backup: all is well again. */
	CHECK_INT(rename(fx_path("pin.key.saved"), path), 0);
	CHECK_INT(pinkey_load(st, &o, msg, sizeof msg), BORNE_OK);
	CHECK_INT(member_check_pin(st, id, "97531"), BORNE_OK);
	/* A damaged (short) key file is refused, never used. */
	{
		FILE *f = fopen(fx_path("short.key"), "w");

		CHECK(f != NULL);
		if (f != NULL) {
			fputs("short", f);
			fclose(f);
		}
		chmod(fx_path("short.key"), 0600);
		o.key_file = fx_path("short.key");
		CHECK_INT(pinkey_load(st, &o, msg, sizeof msg), BORNE_EREFUSED);
		CHECK_CONTAINS(msg, "is not 32 bytes");
	}
	/* A link is not followed. */
	CHECK_INT(symlink(path, fx_path("link.key")), 0);
	o.key_file = fx_path("link.key");
	CHECK(pinkey_load(st, &o, msg, sizeof msg) != BORNE_OK);
	CHECK_INT(pinkey_source(), PINKEY_NONE);
	store_close(st);
}

static void
test_otp_parse(void)
{
	uint32_t m[PINKEY_OTP_WORDS];
	uint8_t otp[PINKEY_BYTES], key[PINKEY_BYTES], again[PINKEY_BYTES];
	char hex[2 * PINKEY_BYTES + 1];

	pinkey_otp_request(m);
	CHECK_INT(m[0], 64);
	CHECK_INT(m[1], 0);
	CHECK_INT(m[2], 0x00030081);
	CHECK_INT(m[3], 40);
	CHECK_INT(m[4], 40);
	CHECK_INT(m[6], 8);
	CHECK_INT(m[15], 0);
	/* The answer printed in Raspberry Pi's documentation. */
	m[1] = 0x80000000u;
	m[4] = 0x80000028u;
	memcpy(&m[7], doc_rows, sizeof doc_rows);
	CHECK_INT(pinkey_otp_parse(m, otp), BORNE_OK);
	sodium_bin2hex(hex, sizeof hex, otp, sizeof otp);
	CHECK_STR(hex, doc_hex);
	/* Derived, never used as is; the same every time. */
	CHECK_INT(pinkey_otp_derive(otp, key), BORNE_OK);
	CHECK(memcmp(key, otp, sizeof key) != 0);
	CHECK_INT(pinkey_otp_derive(otp, again), BORNE_OK);
	CHECK(memcmp(key, again, sizeof key) == 0);
	/* Not programmed: all zeros. */
	memset(&m[7], 0, 8 * sizeof m[0]);
	CHECK_INT(pinkey_otp_parse(m, otp), BORNE_ENOTFOUND);
	/* The firmware said no, or answered something else. */
	memcpy(&m[7], doc_rows, sizeof doc_rows);
	m[1] = 0x80000001u;
	CHECK_INT(pinkey_otp_parse(m, otp), BORNE_EIO);
	m[1] = 0x80000000u;
	m[4] = 0x28;                            /* no response bit */
	CHECK_INT(pinkey_otp_parse(m, otp), BORNE_EIO);
}

static void
test_otp_load(void)
{
	Store *st = fx_open("otp.db");
	PinKeyOptions o;
	uint8_t otp[PINKEY_BYTES], key[PINKEY_BYTES];
	char msg[400], want[PINKEY_ID_SIZE];
	struct stat sb;
	int64_t id;

	memset(&o, 0, sizeof o);
	o.otp_device = "/dev/fake-vcio";
	o.mailbox = fake_mailbox;
	o.key_file = fx_path("otp-fallback.key");
	o.create = 1;
	/* Programmed: the key comes from it; no key file is made. */
	memcpy(fake_rows, doc_rows, sizeof fake_rows);
	CHECK_INT(pinkey_load(st, &o, msg, sizeof msg), BORNE_OK);
	CHECK_INT(fake_calls, 1);
	CHECK_INT(pinkey_source(), PINKEY_OTP);
	CHECK_CONTAINS(msg, "OTP");
	CHECK(stat(o.key_file, &sb) != 0);
	CHECK_INT(sodium_hex2bin(otp, sizeof otp, doc_hex, 64, NULL, NULL, NULL), 0);
	CHECK_INT(pinkey_otp_derive(otp, key), BORNE_OK);
	pinkey_set(key, PINKEY_MEMORY);
	snprintf(want, sizeof want, "%s", pinkey_id());
	CHECK_INT(pinkey_load(st, &o, msg, sizeof msg), BORNE_OK);
	CHECK_STR(pinkey_id(), want);
	CHECK_INT(member_add(st, "Fatou", ROLE_FACILITATOR, 0, NULL, "86420", 0, 1,
	                     &id), BORNE_OK);
	CHECK_INT(member_check_pin(st, id, "86420"), BORNE_OK);
	/* Not programmed: the key file, made at first start. */
	memset(fake_rows, 0, sizeof fake_rows);
	CHECK_INT(pinkey_load(NULL, &o, msg, sizeof msg), BORNE_OK);
	CHECK_INT(pinkey_source(), PINKEY_FILE);
	CHECK_INT(stat(o.key_file, &sb), 0);
	/* The firmware refuses: the file too, and the message says so. */
	memcpy(fake_rows, doc_rows, sizeof fake_rows);
	fake_status = 0x80000001u;
	CHECK_INT(pinkey_load(NULL, &o, msg, sizeof msg), BORNE_OK);
	CHECK_INT(pinkey_source(), PINKEY_FILE);
	CHECK_CONTAINS(msg, "could not be read");
	fake_status = 0x80000000u;
	/* Not a Pi: no /dev/vcio; the real mailbox says not found. */
	{
		uint32_t m[PINKEY_OTP_WORDS];

		pinkey_otp_request(m);
		CHECK_INT(pinkey_mailbox_ioctl(fx_path("no-vcio"), m), BORNE_ENOTFOUND);
	}
	store_close(st);
}

static void
test_default_file(void)
{
	char out[256];

	pinkey_default_file("/var/lib/borne/borne.db", out, sizeof out);
	CHECK_STR(out, "/var/lib/borne/pin.key");
	pinkey_default_file("borne.db", out, sizeof out);
	CHECK_STR(out, "pin.key");
	pinkey_default_file(":memory:", out, sizeof out);
	CHECK_STR(out, "");
	pinkey_default_file("file:x.db?mode=ro", out, sizeof out);
	CHECK_STR(out, "");
}

int
main(void)
{
	fx_setup();
	test_copied_database();
	test_other_key();
	test_legacy_rehash();
	test_key_file();
	test_otp_parse();
	test_otp_load();
	test_default_file();
	return check_done();
}
