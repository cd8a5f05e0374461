/* config.c -- the kiosk's configuration file (see config.h).
** Every key, its default and its help come from config_def.h through an
** X-macro: the table below is the only list of keys. A value in the file
** replaces the default only when it is sensible for that key (a whole
** number within the key's [min, max] for CONFIG_NUM keys, fr/en for
** lang...). Durations become milliseconds in 64 bits (config_get_ms).
** Anything else -- a line without '=', an unknown key, a bad value, a NUL
** byte or invalid UTF-8 -- is reported as "FILE:LINE: why" and skipped.
** A '#' as the first non-blank character makes the line a comment (a '#'
** inside a value is kept: "Atelier #3"). A value may be wrapped in double
** quotes to keep leading or trailing spaces. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "borne.h"
#include "text.h"

#define CONFIG_VALUE_MAX 1024      /* bytes */

typedef struct ConfigKey {
	const char *key, *def, *help;
	int is_num;
	long lo, hi;              /* CONFIG_NUM's bounds, inclusive */
} ConfigKey;

static const ConfigKey config_keys[] = {
#define CONFIG_DEF(k, d, h) { k, d, h, 0, 0, 0 },
#define CONFIG_NUM(k, d, lo, hi, h) { k, d, h, 1, lo, hi },
#include "config_def.h"
#undef CONFIG_NUM
#undef CONFIG_DEF
};

#define N_KEYS (sizeof config_keys / sizeof config_keys[0])

struct Config {
	char *values[N_KEYS];
};

static int  key_index(const char *key);
static int  value_check(int k, const char *value, char *why, size_t whylen);
static int  is_uint(const char *s);
static int  one_of(const char *key, const char *value, char *why,
                   size_t whylen);
static void warnf(void (*warn)(const char *, void *), void *ctx,
                  const char *path, long line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static void trim(char **s);
static void cut_partial(char *s);
static int  config_put(Config *cfg, int k, const char *value);
static Config *config_defaults(void);
static int  config_read(Config *cfg, FILE *f, const char *path,
                        void (*warn)(const char *, void *), void *ctx);

static int
key_index(const char *key)
{
	for (size_t i = 0; key != NULL && i < N_KEYS; i++)
		if (strcmp(config_keys[i].key, key) == 0)
			return (int)i;
	return -1;
}

static int
is_uint(const char *s)
{
	size_t n = 0;

	for (; s[n] != '\0'; n++)
		if (s[n] < '0' || s[n] > '9')
			return 0;
	return n > 0 && n <= 9;
}

/* BORNE_OK when value suits key k, else BORNE_EINVAL and why. */
/* The text keys that take one word of a list. */
static const struct {
	const char *key;
	const char *words[5];
} choices[] = {
	{ "lang", { "fr", "en" } },
	{ "uid_decimal_order", { "lsb", "msb" } },
	{ "renderer", { "auto", "gl", "software" } },
	{ "display_rotate", { "0", "90", "180", "270" } },
	{ "touch_flip", { "none", "x", "y", "xy" } },
};

/* BORNE_EINVAL, with why "must be a, b or c", when key takes one word of
** a list and value is none of them. */
static int
one_of(const char *key, const char *value, char *why, size_t whylen)
{
	for (size_t i = 0; i < sizeof choices / sizeof choices[0]; i++) {
		size_t n = 0, len;

		if (strcmp(choices[i].key, key) != 0)
			continue;
		while (n < 5 && choices[i].words[n] != NULL) {
			if (strcmp(choices[i].words[n], value) == 0)
				return BORNE_OK;
			n++;
		}
		snprintf(why, whylen, "must be ");
		for (size_t w = 0; w < n; w++) {
			len = strlen(why);
			snprintf(why + len, whylen - len, "%s%s",
			         w == 0 ? "" : w + 1 == n ? " or " : ", ",
			         choices[i].words[w]);
		}
		return BORNE_EINVAL;
	}
	return BORNE_OK;
}

int
config_hours(const char *s, int *from_min, int *to_min)
{
	unsigned h1, m1, h2, m2;
	int end = 0;

	if (sscanf(s, "%2u:%2u-%2u:%2u%n", &h1, &m1, &h2, &m2, &end) != 4 ||
	    s[end] != '\0' || h1 > 24 || h2 > 24 || m1 > 59 || m2 > 59 ||
	    (h1 == 24 && m1 != 0) || (h2 == 24 && m2 != 0) ||
	    h1 * 60 + m1 == h2 * 60 + m2)
		return BORNE_EINVAL;
	if (from_min != NULL)
		*from_min = (int)(h1 * 60 + m1);
	if (to_min != NULL)
		*to_min = (int)(h2 * 60 + m2);
	return BORNE_OK;
}

static int
value_check(int k, const char *value, char *why, size_t whylen)
{
	const ConfigKey *c = &config_keys[k];

	if (text_check(value, CONFIG_VALUE_MAX, TEXT_SINGLE_LINE, 0, why,
	               whylen) != BORNE_OK)
		return BORNE_EINVAL;
	if (strlen(value) > CONFIG_VALUE_MAX) {
		snprintf(why, whylen, "is longer than %d bytes", CONFIG_VALUE_MAX);
		return BORNE_EINVAL;
	}
	if (c->is_num && c->lo == 0 && c->hi == 1) {
		if (strcmp(value, "0") != 0 && strcmp(value, "1") != 0) {
			snprintf(why, whylen, "must be 0 or 1");
			return BORNE_EINVAL;
		}
	} else if (c->is_num) {
		long n;

		if (!is_uint(value)) {
			snprintf(why, whylen, "must be a whole number");
			return BORNE_EINVAL;
		}
		n = strtol(value, NULL, 10);     /* at most 9 digits: no overflow */
		if (n < c->lo || n > c->hi) {
			snprintf(why, whylen, "must be between %ld and %ld", c->lo,
			         c->hi);
			return BORNE_EINVAL;
		}
	}
	if (one_of(c->key, value, why, whylen) != BORNE_OK)
		return BORNE_EINVAL;
	if (strcmp(c->key, "screen_hours") == 0 && value[0] != '\0' &&
	           config_hours(value, NULL, NULL) != BORNE_OK) {
		snprintf(why, whylen, "must be HH:MM-HH:MM, or empty");
		return BORNE_EINVAL;
	}
	return BORNE_OK;
}

/* Drops a character cut short at the end of s (snprintf cuts bytes). */
static void
cut_partial(char *s)
{
	size_t len = strlen(s), i = len, need;
	unsigned char c;

	while (i > 0 && len - i < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return;
	c = (unsigned char)s[i - 1];
	need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	if (i - 1 + need > len)
		s[i - 1] = '\0';
}

/* One warning line, valid UTF-8 even when cut: the lines it quotes were
** checked, only the cutting could break a character. */
static void
warnf(void (*warn)(const char *, void *), void *ctx, const char *path,
      long line, const char *fmt, ...)
{
	char msg[512], full[1024];
	va_list ap;

	if (warn == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	cut_partial(msg);
	snprintf(full, sizeof full, "%s:%ld: %s", path, line, msg);
	cut_partial(full);
	warn(full, ctx);
}

static void
trim(char **s)
{
	char *p = *s;
	size_t n;

	while (*p == ' ' || *p == '\t')
		p++;
	n = strlen(p);
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' ||
	                 p[n - 1] == '\r' || p[n - 1] == '\n'))
		p[--n] = '\0';
	*s = p;
}

static int
config_put(Config *cfg, int k, const char *value)
{
	char *copy = strdup(value);

	if (copy == NULL)
		return BORNE_ENOMEM;
	free(cfg->values[k]);
	cfg->values[k] = copy;
	return BORNE_OK;
}

/* A Config holding every default; NULL when out of memory. */
static Config *
config_defaults(void)
{
	Config *cfg = calloc(1, sizeof *cfg);

	if (cfg == NULL)
		return NULL;
	for (size_t i = 0; i < N_KEYS; i++)
		if (config_put(cfg, (int)i, config_keys[i].def) != BORNE_OK) {
			config_free(cfg);
			return NULL;
		}
	return cfg;
}

int
config_load(const char *path, Config **out,
            void (*warn)(const char *line, void *ctx), void *ctx)
{
	FILE *f;
	int rc;

	if ((*out = config_defaults()) == NULL)
		return BORNE_ENOMEM;
	if (path == NULL)
		return BORNE_OK;
	if ((f = fopen(path, "r")) == NULL) {
		rc = errno == ENOENT ? BORNE_ENOTFOUND : BORNE_EIO;
		warnf(warn, ctx, path, 0, "cannot read (%s), defaults used",
		      strerror(errno));
		return rc;
	}
	rc = config_read(*out, f, path, warn, ctx);
	fclose(f);
	return rc;
}

int
config_load_mem(const char *name, const char *text, size_t len,
                Config **out, void (*warn)(const char *line, void *ctx),
                void *ctx)
{
	FILE *f;
	int rc;

	if ((*out = config_defaults()) == NULL)
		return BORNE_ENOMEM;
	if (len == 0)
		return BORNE_OK;
	if ((f = fmemopen((void *)(uintptr_t)text, len, "r")) == NULL)
		return BORNE_ENOMEM;
	rc = config_read(*out, f, name != NULL ? name : "(config)", warn, ctx);
	fclose(f);
	return rc;
}

/* Reads `key = value` lines from f over cfg; name is what warnings say. */
static int
config_read(Config *cfg, FILE *f, const char *path,
            void (*warn)(const char *line, void *ctx), void *ctx)
{
	char *buf = NULL, why[96];
	size_t cap = 0;
	ssize_t len;
	long line = 0;
	int rc = BORNE_OK;

	while ((len = getline(&buf, &cap, f)) >= 0) {
		char *p = buf, *eq, *key, *value;
		int k;

		line++;
		if (memchr(buf, '\0', (size_t)len) != NULL) {
			warnf(warn, ctx, path, line, "binary data, line ignored");
			continue;
		}
		trim(&p);
		if (*p == '\0' || *p == '#')
			continue;
		if (text_check(p, (size_t)len, TEXT_SINGLE_LINE, 0, why,
		               sizeof why) != BORNE_OK) {
			warnf(warn, ctx, path, line, "line %s, ignored", why);
			continue;
		}
		if ((eq = strchr(p, '=')) == NULL) {
			warnf(warn, ctx, path, line, "expected key = value, line ignored");
			continue;
		}
		*eq = '\0';
		key = p;
		value = eq + 1;
		trim(&key);
		trim(&value);
		if ((k = key_index(key)) < 0) {
			char shown[65];

			text_copy(shown, sizeof shown, key);  /* whole characters */
			warnf(warn, ctx, path, line, "unknown key '%s' ignored", shown);
			continue;
		}
		len = (ssize_t)strlen(value);
		if (len >= 2 && value[0] == '"' && value[len - 1] == '"') {
			value[len - 1] = '\0';
			value++;
		}
		if (value_check(k, value, why, sizeof why) != BORNE_OK) {
			warnf(warn, ctx, path, line, "%s %s, default '%s' kept", key,
			      why, cfg->values[k]);
			continue;
		}
		if ((rc = config_put(cfg, k, value)) != BORNE_OK)
			break;
	}
	if (rc == BORNE_OK && ferror(f)) {
		warnf(warn, ctx, path, line, "read error, rest of file ignored");
		rc = BORNE_EIO;
	}
	free(buf);
	return rc;
}

void
config_free(Config *cfg)
{
	if (cfg == NULL)
		return;
	for (size_t i = 0; i < N_KEYS; i++)
		free(cfg->values[i]);
	free(cfg);
}

const char *
config_get(const Config *cfg, const char *key)
{
	int k = key_index(key);

	if (cfg == NULL || k < 0)
		return NULL;
	return cfg->values[k];
}

int
config_get_int(const Config *cfg, const char *key)
{
	const char *v = config_get(cfg, key);
	int k = key_index(key);
	long n, lo = 0, hi = 1000000000;

	if (v == NULL)
		return 0;
	if (config_keys[k].is_num) {
		lo = config_keys[k].lo;
		hi = config_keys[k].hi;
	}
	n = strtol(v, NULL, 10);
	return n < lo ? (int)lo : n > hi ? (int)hi : (int)n;
}

int64_t
config_get_ms(const Config *cfg, const char *key)
{
	size_t n = key != NULL ? strlen(key) : 0;
	int64_t v = config_get_int(cfg, key);

	if (n > 3 && strcmp(key + n - 3, "_ms") == 0)
		return v;
	return v * 1000;
}

int
config_key_bounds(const char *key, long *lo, long *hi)
{
	int k = key_index(key);

	if (k < 0 || !config_keys[k].is_num)
		return BORNE_ENOTFOUND;
	*lo = config_keys[k].lo;
	*hi = config_keys[k].hi;
	return BORNE_OK;
}

int
config_set(Config *cfg, const char *key, const char *value)
{
	char why[96];
	int k = key_index(key);

	if (cfg == NULL || k < 0 || value == NULL)
		return BORNE_EINVAL;
	if (value_check(k, value, why, sizeof why) != BORNE_OK)
		return BORNE_EINVAL;
	return config_put(cfg, k, value);
}

/* For `borne --help` and docs: the i-th key, its default and help. */
int
config_key_at(int i, const char **key, const char **def, const char **help)
{
	if (i < 0 || (size_t)i >= N_KEYS)
		return BORNE_ENOTFOUND;
	*key = config_keys[i].key;
	*def = config_keys[i].def;
	*help = config_keys[i].help;
	return BORNE_OK;
}

/* The default of a key, from config_def.h; "" for an unknown key. */
const char *
config_default(const char *key)
{
	int k = key_index(key);

	return k < 0 ? "" : config_keys[k].def;
}
