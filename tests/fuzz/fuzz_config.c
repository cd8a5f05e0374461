/* fuzz_config.c -- the kiosk's configuration file (config.c).
** The input is the whole file, read by config_load_mem() exactly as
** config_load() reads a path. Invariants: every key keeps a value that is
** one line of valid UTF-8; every number key reads within its bounds, and
** so does the text it holds; every duration in milliseconds is the value
** times 1000 (or the value, for a _ms key), within [min, max] * 1000; a
** warning is one line of valid UTF-8 naming the file. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "borne.h"
#include "config.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_warning(const char *line, void *ctx)
{
	(void)ctx;
	if (strncmp(line, "fuzz.conf:", 10) != 0 ||
	    text_check(line, 4096, TEXT_SINGLE_LINE, 1, NULL, 0) != BORNE_OK)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *key, *def, *help;
	Config *cfg = NULL;
	int rc;

	rc = config_load_mem("fuzz.conf", (const char *)data, size, &cfg,
	                     check_warning, NULL);
	if (cfg == NULL)
		return 0;                 /* out of memory */
	if (rc != BORNE_OK && rc != BORNE_EIO && rc != BORNE_ENOMEM)
		abort();
	for (int i = 0; config_key_at(i, &key, &def, &help) == BORNE_OK; i++) {
		const char *v = config_get(cfg, key);
		long lo, hi, n;
		int64_t ms;
		size_t kl = strlen(key);
		char *end;

		if (v == NULL ||
		    text_check(v, 1024, TEXT_SINGLE_LINE, 0, NULL, 0) != BORNE_OK)
			abort();
		if (config_key_bounds(key, &lo, &hi) != BORNE_OK)
			continue;
		n = strtol(v, &end, 10);
		if (*end != '\0' || n < lo || n > hi)
			abort();
		if (config_get_int(cfg, key) != n)
			abort();
		ms = config_get_ms(cfg, key);
		if (kl > 2 && strcmp(key + kl - 2, "_s") == 0) {
			if (ms != (int64_t)n * 1000 || ms < (int64_t)lo * 1000 ||
			    ms > (int64_t)hi * 1000 || ms > INT32_MAX)
				abort();
		} else if (kl > 3 && strcmp(key + kl - 3, "_ms") == 0) {
			if (ms != n)
				abort();
		}
	}
	config_free(cfg);
	return 0;
}
