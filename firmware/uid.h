/* uid.h -- badge UIDs in one canonical form.
** A badge UID is 4, 7 or 10 bytes, written upper-case hex with no
** separator ("04A1B2C3D4E5F6"). Readers and people give it in many forms:
** lower case, with ':' '-' or spaces between bytes, or as the 10-digit
** decimal number USB keyboard-wedge readers type for a 4-byte UID (its
** byte order depends on the reader, hence UidDecOrder). */
#ifndef BORNE_UID_H
#define BORNE_UID_H

#include <stddef.h>
#include <stdint.h>

#define UID_MAX_BYTES 10
#define UID_HEX_SIZE  (UID_MAX_BYTES * 2 + 1)   /* buffer for uid_format */

typedef struct BadgeUid {
	uint8_t len;                    /* 4, 7 or 10 */
	uint8_t bytes[UID_MAX_BYTES];
} BadgeUid;

typedef enum UidDecOrder {
	UID_DEC_LSB_FIRST = 0,  /* number = b0 + b1<<8 + ... (most wedges) */
	UID_DEC_MSB_FIRST = 1   /* number = b0<<24 + ... + b3 */
} UidDecOrder;

/* An all-zero UID (00000000, and the 7 and 10-byte forms) is a misread,
** never a badge: uid_parse and uid_from_bytes refuse it. */

/* Parses text into *out. Returns BORNE_OK or BORNE_EINVAL; on error *out
** is zeroed and err (if not NULL) holds one line saying why, in English. */
int uid_parse(const char *text, UidDecOrder order, BadgeUid *out,
              char *err, size_t errlen);

/* Makes a UID from raw bytes as a reader reports them. BORNE_EINVAL unless
** n is 4, 7 or 10 and some byte is not zero (then out->len is 0). */
int uid_from_bytes(const uint8_t *bytes, size_t n, BadgeUid *out);

/* Writes the canonical form into out (UID_HEX_SIZE bytes). */
void uid_format(const BadgeUid *uid, char out[UID_HEX_SIZE]);

/* 1 when a and b are the same badge. */
int uid_equal(const BadgeUid *a, const BadgeUid *b);

#endif
