/* config.h -- the kiosk's configuration file.
** A file of `key = value` lines ('#' starts a comment). Every key and its
** default stand in config_def.h; the file only overrides them. An unknown
** key, a malformed line or a bad value is reported with its line number
** and the default is kept: a corrupt config never stops the kiosk. */
#ifndef BORNE_CONFIG_H
#define BORNE_CONFIG_H

#include <stddef.h>

typedef struct Config Config;

/* Loads defaults, then path (NULL: defaults only; a missing file is
** BORNE_ENOTFOUND with defaults loaded). Problems go to warn (may be
** NULL) one line each; the config is usable whatever is returned, unless
** *out is NULL (BORNE_ENOMEM). */
int  config_load(const char *path, Config **out,
                 void (*warn)(const char *line, void *ctx), void *ctx);
void config_free(Config *cfg);                   /* NULL-safe */
/* The value for key (a config_def.h key), borrowed while cfg lives. */
const char *config_get(const Config *cfg, const char *key);
int  config_get_int(const Config *cfg, const char *key);
/* Overrides one key (from the command line). BORNE_EINVAL for unknown. */
int  config_set(Config *cfg, const char *key, const char *value);
/* The i-th key of config_def.h with its default and help (for --help and
** docs); BORNE_ENOTFOUND past the last. */
int  config_key_at(int i, const char **key, const char **def,
                   const char **help);

#endif
