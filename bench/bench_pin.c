/* bench_pin.c -- what a copied database costs an attacker, in time.
** Measures one PIN try against a stored hash with the production limits
** (BORNE_PIN_HASH_FAST is ignored here), on one core: with the key, a
** try is one keyed BLAKE2b and one Argon2id verification, as the kiosk
** does it; the figures for all PINs of 4 to 8 digits follow. Without the
** key, every PIN guess must be paired with a guess of the 256-bit key.
** Prints figures; asserts nothing.
**   bench_pin [TRIES]   (default 5) */
#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "borne.h"
#include "member.h"
#include "pinkey.h"

static double now_s(clockid_t clk);
static void   print_span(double seconds);

static double
now_s(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
print_span(double s)
{
	if (s < 120)
		printf("%10.1f s", s);
	else if (s < 2 * 3600)
		printf("%10.1f min", s / 60);
	else if (s < 3 * 86400)
		printf("%10.1f h", s / 3600);
	else if (s < 3 * 365.25 * 86400)
		printf("%10.1f days", s / 86400);
	else
		printf("%10.1f years", s / (365.25 * 86400));
}

int
main(int argc, char **argv)
{
	char hash[crypto_pwhash_STRBYTES];
	uint8_t mixed[PINKEY_BYTES];
	int tries = argc > 1 ? atoi(argv[1]) : 5, matches = 0;
	double t0, c0, per_try, wall;

	if (tries < 1 || tries > 1000)
		tries = 5;
	if (sodium_init() < 0)
		return 2;
	pinkey_set_random();
	/* The stored hash, as member.c makes it (production limits). */
	pinkey_mix("246810", 6, mixed);
	if (crypto_pwhash_str(hash, (const char *)mixed, sizeof mixed,
	                      crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return 2;
	printf("Argon2id limits: opslimit %llu, memlimit %zu MiB (libsodium "
	       "\"interactive\"), one core\n",
	       (unsigned long long)crypto_pwhash_OPSLIMIT_INTERACTIVE,
	       (size_t)crypto_pwhash_MEMLIMIT_INTERACTIVE >> 20);
	t0 = now_s(CLOCK_MONOTONIC);
	c0 = now_s(CLOCK_PROCESS_CPUTIME_ID);
	for (int i = 0; i < tries; i++) {
		char pin[16];

		snprintf(pin, sizeof pin, "%06d", 100000 + i);
		pinkey_mix(pin, strlen(pin), mixed);
		matches += crypto_pwhash_str_verify(hash, (const char *)mixed,
		                                    sizeof mixed) == 0;
	}
	/* CPU time: what one core busy with nothing else would take (the
	** wall time of a shared machine says more about its neighbours). */
	per_try = (now_s(CLOCK_PROCESS_CPUTIME_ID) - c0) / tries;
	wall = (now_s(CLOCK_MONOTONIC) - t0) / tries;
	printf("one try (keyed BLAKE2b + Argon2id verify): %.3f s CPU, %.3f s "
	       "wall (mean of %d, %d matched)\n\n", per_try, wall, tries, matches);
	printf("digits        PINs   all of them, key known    "
	       "key unknown (copied database alone)\n");
	for (int d = MEMBER_PIN_MIN_DIGITS; d <= MEMBER_PIN_MAX_DIGITS; d++) {
		double n = pow(10, d);

		printf("%6d %11.0f   ", d, n);
		print_span(n * per_try);
		printf(" (half on average)   2^256 keys x %.0e PINs: never\n", n);
	}
	printf("\nkey unknown: each guess is a (key, PIN) pair; 2^256 keys is "
	       "%.1e years of tries per PIN at this speed.\n",
	       pow(2, 256) * per_try / (365.25 * 86400));
	printf("Per try, a GPU or many cores divide these times by the number of "
	       "Argon2 instances run at once (64 MiB each).\n");
	return 0;
}
