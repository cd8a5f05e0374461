/* pinkey.c -- the kiosk's secret PIN key, kept outside the database
** (pinkey.h). The OTP key is read through the VideoCore mailbox; the key
** file is made once, atomically: written to a private temporary file,
** then link()ed to its name, which fails when the name exists, so two
** processes starting together never make two keys. */
#include "pinkey.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "borne.h"
#include "member.h"

#define OTP_TAG_READ_PRIVATE 0x00030081u
#define OTP_ROWS             8
#define MBOX_REQUEST         0x00000000u
#define MBOX_SUCCESS         0x80000000u
#define MBOX_TAG_RESPONSE    0x80000000u
/* IOCTL_MBOX_PROPERTY of the Raspberry Pi firmware driver (vcio). */
#define PINKEY_IOCTL_MBOX    _IOWR(100, 0, char *)

static struct {
	PinKeySource src;
	uint8_t key[PINKEY_BYTES];
	char id[PINKEY_ID_SIZE];
	char why[300];
} pk;

static int  load_otp(const PinKeyOptions *o, uint8_t key[PINKEY_BYTES],
                     char *msg, size_t msglen);
static int  load_file(Store *st, const PinKeyOptions *o,
                      uint8_t key[PINKEY_BYTES], int *made, char *msg,
                      size_t msglen);
static int  read_key_file(const char *path, uint8_t key[PINKEY_BYTES],
                          char *msg, size_t msglen);
static int  make_key_file(const char *path, char *msg, size_t msglen);
static void set_msg(char *msg, size_t msglen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
set_msg(char *msg, size_t msglen, const char *fmt, ...)
{
	va_list ap;

	if (msg == NULL || msglen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, msglen, fmt, ap);
	va_end(ap);
}

void
pinkey_set(const uint8_t key[PINKEY_BYTES], PinKeySource src)
{
	static const char label[] = "borne pin key id";
	uint8_t h[4];

	if (sodium_init() < 0)
		return;
	memcpy(pk.key, key, PINKEY_BYTES);
	pk.src = src;
	pk.why[0] = '\0';
	crypto_generichash(h, sizeof h, (const unsigned char *)label,
	                   sizeof label - 1, pk.key, PINKEY_BYTES);
	snprintf(pk.id, sizeof pk.id, "%02x%02x%02x%02x", h[0], h[1], h[2], h[3]);
}

void
pinkey_set_random(void)
{
	uint8_t key[PINKEY_BYTES];

	if (sodium_init() < 0)
		return;
	randombytes_buf(key, sizeof key);
	pinkey_set(key, PINKEY_MEMORY);
	sodium_memzero(key, sizeof key);
}

void
pinkey_clear(void)
{
	sodium_memzero(pk.key, sizeof pk.key);
	pk.src = PINKEY_NONE;
	pk.id[0] = '\0';
	snprintf(pk.why, sizeof pk.why, "no PIN key loaded");
}

PinKeySource
pinkey_source(void)
{
	return pk.src;
}

const char *
pinkey_source_name(PinKeySource src)
{
	switch (src) {
	case PINKEY_OTP:    return "otp";
	case PINKEY_FILE:   return "file";
	case PINKEY_MEMORY: return "memory";
	default:            return "none";
	}
}

const char *
pinkey_id(void)
{
	return pk.src == PINKEY_NONE ? "" : pk.id;
}

const char *
pinkey_why(void)
{
	if (pk.src != PINKEY_NONE)
		return "";
	return pk.why[0] != '\0' ? pk.why : "no PIN key loaded";
}

int
pinkey_mix(const char *pin, size_t pin_len, uint8_t out[PINKEY_BYTES])
{
	memset(out, 0, PINKEY_BYTES);
	if (pk.src == PINKEY_NONE || sodium_init() < 0)
		return BORNE_EIO;
	if (crypto_generichash(out, PINKEY_BYTES, (const unsigned char *)pin,
	                       pin_len, pk.key, PINKEY_BYTES) != 0)
		return BORNE_EIO;
	return BORNE_OK;
}

/* ---- OTP -------------------------------------------------------------- */

void
pinkey_otp_request(uint32_t msg[PINKEY_OTP_WORDS])
{
	memset(msg, 0, PINKEY_OTP_WORDS * sizeof msg[0]);
	msg[0] = PINKEY_OTP_WORDS * 4;          /* message size, bytes */
	msg[1] = MBOX_REQUEST;
	msg[2] = OTP_TAG_READ_PRIVATE;
	msg[3] = 8 + OTP_ROWS * 4;              /* value buffer, bytes */
	msg[4] = 8 + OTP_ROWS * 4;              /* request size */
	msg[5] = 0;                             /* first row */
	msg[6] = OTP_ROWS;                      /* rows */
	/* msg[7..14]: the rows come back here; msg[15]: end tag 0 */
}

int
pinkey_otp_parse(const uint32_t msg[PINKEY_OTP_WORDS],
                 uint8_t otp[PINKEY_BYTES])
{
	uint32_t any = 0;

	memset(otp, 0, PINKEY_BYTES);
	if (msg[1] != MBOX_SUCCESS || msg[2] != OTP_TAG_READ_PRIVATE ||
	    (msg[4] & MBOX_TAG_RESPONSE) == 0 || msg[5] != 0 ||
	    msg[6] != OTP_ROWS)
		return BORNE_EIO;
	for (int i = 0; i < OTP_ROWS; i++) {
		uint32_t w = msg[7 + i];

		any |= w;
		otp[i * 4 + 0] = (uint8_t)(w >> 24);
		otp[i * 4 + 1] = (uint8_t)(w >> 16);
		otp[i * 4 + 2] = (uint8_t)(w >> 8);
		otp[i * 4 + 3] = (uint8_t)w;
	}
	return any == 0 ? BORNE_ENOTFOUND : BORNE_OK;
}

int
pinkey_otp_derive(const uint8_t otp[PINKEY_BYTES], uint8_t key[PINKEY_BYTES])
{
	if (sodium_init() < 0 ||
	    crypto_kdf_derive_from_key(key, PINKEY_BYTES, 1, "bornepin", otp) != 0)
		return BORNE_EIO;
	return BORNE_OK;
}

int
pinkey_mailbox_ioctl(const char *device, uint32_t msg[PINKEY_OTP_WORDS])
{
	int fd = open(device, O_RDONLY | O_CLOEXEC), rc = BORNE_OK;

	if (fd < 0)
		return errno == ENOENT || errno == ENODEV || errno == ENXIO ?
		       BORNE_ENOTFOUND : BORNE_EIO;
	if (ioctl(fd, PINKEY_IOCTL_MBOX, msg) != 0)
		rc = BORNE_EIO;
	close(fd);
	return rc;
}

/* BORNE_OK with key derived from a programmed OTP key; BORNE_ENOTFOUND
** when there is none to use (not a Pi, not programmed, not asked). */
static int
load_otp(const PinKeyOptions *o, uint8_t key[PINKEY_BYTES], char *msg,
         size_t msglen)
{
	const char *dev = o->otp_device != NULL ? o->otp_device : PINKEY_OTP_DEVICE;
	PinKeyMailboxFn send = o->mailbox != NULL ? o->mailbox :
	                       pinkey_mailbox_ioctl;
	uint32_t m[PINKEY_OTP_WORDS];
	uint8_t otp[PINKEY_BYTES];
	int rc;

	if (*dev == '\0' || strcmp(dev, "none") == 0)
		return BORNE_ENOTFOUND;
	pinkey_otp_request(m);
	rc = send(dev, m);
	if (rc == BORNE_OK)
		rc = pinkey_otp_parse(m, otp);
	if (rc == BORNE_OK)
		rc = pinkey_otp_derive(otp, key);
	sodium_memzero(otp, sizeof otp);
	sodium_memzero(m, sizeof m);
	if (rc == BORNE_EIO)
		set_msg(msg, msglen, "OTP key on %s could not be read; ", dev);
	return rc == BORNE_OK ? BORNE_OK : BORNE_ENOTFOUND;
}

/* ---- Key file --------------------------------------------------------- */

static int
read_key_file(const char *path, uint8_t key[PINKEY_BYTES], char *msg,
              size_t msglen)
{
	struct stat sb;
	ssize_t n;
	uint8_t extra;
	int fd, rc = BORNE_OK;

	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return BORNE_ENOTFOUND;
		set_msg(msg, msglen, "PIN key file %s: %s", path, strerror(errno));
		return BORNE_EIO;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		set_msg(msg, msglen, "PIN key file %s is not a regular file", path);
		rc = BORNE_EREFUSED;
	} else if ((sb.st_mode & 077) != 0) {
		set_msg(msg, msglen, "PIN key file %s may be read by others (mode "
		        "%03o): run chmod 600 %s", path,
		        (unsigned)(sb.st_mode & 0777), path);
		rc = BORNE_EREFUSED;
	} else if ((n = read(fd, key, PINKEY_BYTES)) != PINKEY_BYTES ||
	           read(fd, &extra, 1) != 0) {
		set_msg(msg, msglen, "PIN key file %s is not %d bytes: damaged? "
		        "Restore it from its backup", path, PINKEY_BYTES);
		rc = BORNE_EREFUSED;
	}
	close(fd);
	if (rc != BORNE_OK)
		sodium_memzero(key, PINKEY_BYTES);
	return rc;
}

/* Writes 32 random bytes to a private temporary file and links it to
** path; an existing path is left alone (another process made it). */
static int
make_key_file(const char *path, char *msg, size_t msglen)
{
	char tmp[600];
	uint8_t key[PINKEY_BYTES];
	int fd, rc = BORNE_OK;

	if ((size_t)snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= sizeof tmp) {
		set_msg(msg, msglen, "PIN key file name too long: %s", path);
		return BORNE_EINVAL;
	}
	if ((fd = mkstemp(tmp)) < 0) {
		set_msg(msg, msglen, "cannot make the PIN key file %s: %s", path,
		        strerror(errno));
		return BORNE_EIO;
	}
	randombytes_buf(key, sizeof key);
	if (fchmod(fd, 0600) != 0 || write(fd, key, sizeof key) != sizeof key ||
	    fsync(fd) != 0) {
		set_msg(msg, msglen, "cannot write the PIN key file %s: %s", path,
		        strerror(errno));
		rc = BORNE_EIO;
	}
	sodium_memzero(key, sizeof key);
	if (close(fd) != 0 && rc == BORNE_OK) {
		set_msg(msg, msglen, "cannot write the PIN key file %s: %s", path,
		        strerror(errno));
		rc = BORNE_EIO;
	}
	if (rc == BORNE_OK && link(tmp, path) != 0 && errno != EEXIST) {
		set_msg(msg, msglen, "cannot make the PIN key file %s: %s", path,
		        strerror(errno));
		rc = BORNE_EIO;
	}
	unlink(tmp);
	return rc;
}

static int
load_file(Store *st, const PinKeyOptions *o, uint8_t key[PINKEY_BYTES],
          int *made, char *msg, size_t msglen)
{
	int rc, n_legacy = 0, n_keyed = 0;

	*made = 0;
	if (o->key_file == NULL || *o->key_file == '\0') {
		set_msg(msg, msglen, "no PIN key: no programmed OTP key and no "
		        "key file configured (pin_key_file)");
		return BORNE_ENOTFOUND;
	}
	rc = read_key_file(o->key_file, key, msg, msglen);
	if (rc != BORNE_ENOTFOUND)
		return rc;
	if (st != NULL && member_pin_counts(st, &n_legacy, &n_keyed) == BORNE_OK &&
	    n_keyed > 0) {
		set_msg(msg, msglen, "PIN key file %s is missing, and %d PIN%s "
		        "hashed with it: facilitator PINs cannot be checked. "
		        "Put the key file back from its backup (see docs/admin.md, "
		        "\"PINs\")", o->key_file, n_keyed,
		        n_keyed == 1 ? " was" : "s were");
		return BORNE_ENOTFOUND;
	}
	if (!o->create) {
		set_msg(msg, msglen, "PIN key file %s does not exist", o->key_file);
		return BORNE_ENOTFOUND;
	}
	if ((rc = make_key_file(o->key_file, msg, msglen)) != BORNE_OK)
		return rc;
	*made = 1;
	return read_key_file(o->key_file, key, msg, msglen);
}

int
pinkey_load(Store *st, const PinKeyOptions *opts, char *msg, size_t msglen)
{
	uint8_t key[PINKEY_BYTES];
	char pre[120] = "";
	int rc, made = 0;

	pinkey_clear();
	set_msg(msg, msglen, "%s", "");
	if (sodium_init() < 0) {
		set_msg(pk.why, sizeof pk.why, "libsodium failed to start");
		set_msg(msg, msglen, "%s", pk.why);
		return BORNE_EIO;
	}
	if (load_otp(opts, key, pre, sizeof pre) == BORNE_OK) {
		pinkey_set(key, PINKEY_OTP);
		sodium_memzero(key, sizeof key);
		set_msg(msg, msglen, "PIN key from the board's OTP private key "
		        "(id %s)", pk.id);
		return BORNE_OK;
	}
	rc = load_file(st, opts, key, &made, pk.why, sizeof pk.why);
	if (rc != BORNE_OK) {
		char why[sizeof pk.why];

		snprintf(why, sizeof why, "%s", pk.why);
		set_msg(pk.why, sizeof pk.why, "%s%s", pre, why);
		set_msg(msg, msglen, "%s", pk.why);
		return rc;
	}
	pinkey_set(key, PINKEY_FILE);
	sodium_memzero(key, sizeof key);
	set_msg(msg, msglen, "%sPIN key from %s%s (id %s)", pre, opts->key_file,
	        made ? ", made now" : "", pk.id);
	return BORNE_OK;
}

void
pinkey_default_file(const char *db_path, char *out, size_t outlen)
{
	const char *slash;

	if (outlen == 0)
		return;
	out[0] = '\0';
	if (db_path == NULL || *db_path == '\0' ||
	    strcmp(db_path, ":memory:") == 0 || strncmp(db_path, "file:", 5) == 0)
		return;
	slash = strrchr(db_path, '/');
	if (slash == NULL)
		snprintf(out, outlen, "pin.key");
	else
		snprintf(out, outlen, "%.*s/pin.key", (int)(slash - db_path), db_path);
}
