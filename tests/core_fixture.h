/* core_fixture.h -- what the core tests share: a private temp folder
** (removed at the end), the kiosk's time zone pinned to Europe/Paris, the
** fast PIN hash and a PIN key in memory, and local-time shorthands. Header-only, static. */
#ifndef BORNE_CORE_FIXTURE_H
#define BORNE_CORE_FIXTURE_H

#include <dirent.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "borne.h"
#include "pinkey.h"
#include "store.h"
#include "timeutil.h"

static char fx_dir[256];

#define FX_UNUSED __attribute__((unused))

/* Removes path and, for a folder, everything under it. */
FX_UNUSED static void
fx_rm(const char *path)
{
	struct stat sb;
	struct dirent *e;
	DIR *d;

	if (lstat(path, &sb) != 0)
		return;
	if (S_ISDIR(sb.st_mode) && (d = opendir(path)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			char sub[1024];

			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
			fx_rm(sub);
		}
		closedir(d);
	}
	remove(path);
}

FX_UNUSED static void
fx_cleanup(void)
{
	if (fx_dir[0] != '\0')
		fx_rm(fx_dir);
	fx_dir[0] = '\0';
}

/* Call first: makes the temp folder and pins TZ. */
FX_UNUSED static void
fx_setup(void)
{
	const char *tmp = getenv("TMPDIR");

	setenv("TZ", "Europe/Paris", 1);
	tzset();
	setenv("BORNE_PIN_HASH_FAST", "1", 1);
	/* PINs are hashed with a key outside the database (pinkey.h): the
	** tests' one lives in memory. */
	pinkey_set_random();
	/* As borne.service runs it (UMask=0077): databases a test makes
	** with sqlite3_open directly are 0600, or store_open refuses them. */
	umask(077);
	snprintf(fx_dir, sizeof fx_dir, "%s/borne-test-XXXXXX",
	         tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(fx_dir) == NULL) {
		perror("mkdtemp");
		exit(2);
	}
	atexit(fx_cleanup);
}

/* fx_dir/name in a static buffer (one of four, for nested use). */
FX_UNUSED static const char *
fx_path(const char *name)
{
	static char bufs[4][512];
	static int i;
	char *b = bufs[i++ & 3];

	snprintf(b, 512, "%s/%s", fx_dir, name);
	return b;
}

FX_UNUSED static Store *
fx_open(const char *name)
{
	char err[256];
	Store *st = NULL;
	int rc = store_open(fx_path(name), &st, err, sizeof err);

	if (rc != BORNE_OK) {
		fprintf(stderr, "store_open %s: %s\n", name, err);
		exit(2);
	}
	return st;
}

/* Local "YYYY-MM-DDTHH:MM[:SS]" to UTC seconds; exits on a typo. */
FX_UNUSED static int64_t
fx_t(const char *local)
{
	int64_t t;

	if (time_parse_local(local, &t) != BORNE_OK) {
		fprintf(stderr, "bad test time %s\n", local);
		exit(2);
	}
	return t;
}

/* One integer from fixed SQL (tests only: no user text in it). */
#include <sqlite3.h>
FX_UNUSED static long long
fx_sql_int(Store *st, const char *sql)
{
	sqlite3_stmt *stmt = NULL;
	long long v = -1;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

#endif
