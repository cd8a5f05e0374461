/* pinkey.h -- the kiosk's secret PIN key, kept outside the database.
** Every PIN hash is made from a keyed BLAKE2b of the PIN (member.c), so
** a copied database or backup alone cannot be searched for PINs: without
** the key, an attacker has 256 bits to guess, not 10^4..10^8 PINs.
**
** Where the key comes from, in order (pinkey_load):
**   1. the Raspberry Pi's OTP device private key (Pi 4, 400, 5, CM4),
**      read through the firmware mailbox (/dev/vcio, tag 0x00030081, as
**      Raspberry Pi's rpi-otp-private-key does), when it is programmed
**      (all zeros: not programmed). borne NEVER programs it. The PIN key
**      is derived from it (crypto_kdf, context "bornepin"), so the OTP
**      key itself is never used as is. A stolen SD card does not hold it.
**   2. a key file (config pin_key_file; empty: pin.key next to the
**      database): 32 random bytes, mode 0600, made at first start with
**      O_EXCL (never over an existing file), refused when others may read
**      it. It protects a copied database or backup, not a stolen SD card
**      (the card holds both).
** When the key file is missing but PINs were hashed with a key, no new key
** is made (that would silently make every PIN wrong): no key is loaded
** and pinkey_load says why.
**
** One key per process (a kiosk, a borne-admin run), like libsodium's own
** state: set once at start, read by member.c. */
#ifndef BORNE_PINKEY_H
#define BORNE_PINKEY_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

#define PINKEY_BYTES     32
#define PINKEY_ID_SIZE   9      /* 8 hex digits and NUL */
#define PINKEY_OTP_WORDS 16     /* the mailbox message, 64 bytes */
#define PINKEY_OTP_DEVICE "/dev/vcio"

typedef enum PinKeySource {
	PINKEY_NONE = 0,         /* no key: PINs cannot be set or checked */
	PINKEY_OTP,              /* derived from the board's OTP private key */
	PINKEY_FILE,             /* the key file */
	PINKEY_MEMORY            /* given by the program (demo, tests) */
} PinKeySource;

/* Sends the mailbox message msg (filled by pinkey_otp_request) to the
** firmware through device and leaves the answer in msg. BORNE_OK, or
** BORNE_ENOTFOUND (no such device: not a Pi), BORNE_EIO. */
typedef int (*PinKeyMailboxFn)(const char *device,
                               uint32_t msg[PINKEY_OTP_WORDS]);

typedef struct PinKeyOptions {
	const char *otp_device;  /* NULL: PINKEY_OTP_DEVICE; "" or "none": skip */
	const char *key_file;    /* NULL or "": no key file */
	int         create;      /* make the key file when missing (and safe) */
	PinKeyMailboxFn mailbox; /* NULL: the real ioctl; tests give a fake */
} PinKeyOptions;

/* Loads this process's key from opts (OTP first, then the key file). st
** (may be NULL) is asked whether keyed PIN hashes exist before a missing
** key file is made. Returns BORNE_OK with a key, or an error with no key
** loaded: BORNE_ENOTFOUND (no key anywhere and none may be made),
** BORNE_EREFUSED (key file readable by others, or of the wrong size),
** BORNE_EIO. msg (msglen bytes) says where the key came from, or why
** there is none, in one line fit for stderr. */
int  pinkey_load(Store *st, const PinKeyOptions *opts, char *msg,
                 size_t msglen);
/* Uses key as this process's key (a demo database, tests). */
void pinkey_set(const uint8_t key[PINKEY_BYTES], PinKeySource src);
/* A fresh random key, kept in memory only (a demo database). */
void pinkey_set_random(void);
/* Forgets the key (zeroed). */
void pinkey_clear(void);

PinKeySource pinkey_source(void);
const char  *pinkey_source_name(PinKeySource src);  /* "otp", "file"... */
/* 8 hex digits naming the loaded key (a keyed hash of a constant: tells
** keys apart, reveals nothing of them); "" when none. */
const char  *pinkey_id(void);
/* Why no key is loaded ("" when one is). */
const char  *pinkey_why(void);

/* out = BLAKE2b-256 keyed with this process's key, over pin. BORNE_OK,
** or BORNE_EIO when no key is loaded (out zeroed). */
int  pinkey_mix(const char *pin, size_t pin_len, uint8_t out[PINKEY_BYTES]);

/* ---- The OTP path, in pieces a test can drive ---- */

/* The "read the device private key" message: 8 rows from row 0. */
void pinkey_otp_request(uint32_t msg[PINKEY_OTP_WORDS]);
/* The key in the firmware's answer, bytes as rpi-otp-private-key prints
** them (each row big-endian). BORNE_OK, BORNE_ENOTFOUND (all zeros: not
** programmed), BORNE_EIO (the firmware refused or the answer is not
** one). */
int  pinkey_otp_parse(const uint32_t msg[PINKEY_OTP_WORDS],
                      uint8_t otp[PINKEY_BYTES]);
/* The PIN key derived from the OTP key (crypto_kdf, id 1, "bornepin"). */
int  pinkey_otp_derive(const uint8_t otp[PINKEY_BYTES],
                       uint8_t key[PINKEY_BYTES]);
/* The real mailbox: ioctl(IOCTL_MBOX_PROPERTY) on device. */
int  pinkey_mailbox_ioctl(const char *device, uint32_t msg[PINKEY_OTP_WORDS]);

/* The key file next to a database path ("dir/pin.key"), or "" when the
** path names no file (":memory:", a "file:" URI). */
void pinkey_default_file(const char *db_path, char *out, size_t outlen);

#endif
