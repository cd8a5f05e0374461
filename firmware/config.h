/* config.h -- the kiosk's configuration file.
** A file of `key = value` lines ('#' starts a comment). Every key and its
** default stand in config_def.h; the file only overrides them. An unknown
** key, a malformed line or a bad value is reported with its line number
** and the default is kept: a corrupt config never stops the kiosk. */
#ifndef BORNE_CONFIG_H
#define BORNE_CONFIG_H

#include <stddef.h>
#include <stdint.h>

typedef struct Config Config;

/* Loads defaults, then path (NULL: defaults only; a missing file is
** BORNE_ENOTFOUND with defaults loaded). Problems go to warn (may be
** NULL) one line each; the config is usable whatever is returned, unless
** *out is NULL (BORNE_ENOMEM). */
int  config_load(const char *path, Config **out,
                 void (*warn)(const char *line, void *ctx), void *ctx);
/* The same from len bytes of text already in memory (name is what the
** warnings say instead of a path). BORNE_OK, BORNE_EIO or BORNE_ENOMEM. */
int  config_load_mem(const char *name, const char *text, size_t len,
                     Config **out, void (*warn)(const char *line, void *ctx),
                     void *ctx);
void config_free(Config *cfg);                   /* NULL-safe */
/* The value for key (a config_def.h key), borrowed while cfg lives. */
const char *config_get(const Config *cfg, const char *key);
/* A CONFIG_NUM key's value, always within its bounds (0 for an unknown
** key; a text key's number clamped to 0..10^9). */
int  config_get_int(const Config *cfg, const char *key);
/* A duration key in milliseconds, computed in 64 bits: a "..._s" key
** times 1000, a "..._ms" key as it is. */
int64_t config_get_ms(const Config *cfg, const char *key);
/* "HH:MM-HH:MM" (a span that may cross midnight: "22:00-06:00") in
** minutes of the day. BORNE_EINVAL when s is not one, or empty. */
int  config_hours(const char *s, int *from_min, int *to_min);
/* The [lo, hi] bounds of a CONFIG_NUM key: BORNE_OK, or BORNE_ENOTFOUND
** for an unknown or text key. */
int  config_key_bounds(const char *key, long *lo, long *hi);
/* Overrides one key (from the command line). BORNE_EINVAL for unknown. */
int  config_set(Config *cfg, const char *key, const char *value);
/* The i-th key of config_def.h with its default and help (for --help and
** docs); BORNE_ENOTFOUND past the last. */
int  config_key_at(int i, const char **key, const char **def,
                   const char **help);
/* The default of a key as config_def.h writes it ("" for an unknown key):
** the one place the core and the UI take defaults from. */
const char *config_default(const char *key);

#endif
