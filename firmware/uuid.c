/* uuid.c -- random version-4 UUIDs (RFC 9562) for rows that may travel.
** The 122 random bits come from libsodium's randombytes_buf, which reads
** the kernel's getrandom() and never fails once sodium_init() ran. */
#include "uuid.h"

#include <sodium.h>
#include <stdint.h>

void
uuid_make(char out[BORNE_UUID_LEN + 1])
{
	static const char hex[] = "0123456789abcdef";
	uint8_t b[16];
	size_t o = 0;

	if (sodium_init() < 0) {
		/* Cannot happen on Linux; keep a well-formed value anyway. */
		for (size_t i = 0; i < sizeof b; i++)
			b[i] = 0;
	} else {
		randombytes_buf(b, sizeof b);
	}
	b[6] = (uint8_t)((b[6] & 0x0F) | 0x40);   /* version 4 */
	b[8] = (uint8_t)((b[8] & 0x3F) | 0x80);   /* variant 10 */
	for (size_t i = 0; i < sizeof b; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[b[i] >> 4];
		out[o++] = hex[b[i] & 0x0F];
	}
	out[o] = '\0';
}
