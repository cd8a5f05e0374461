/* test_backups.c -- backups kept by rotation (maintenance_backup_rotate):
** one a day for 70 days on a fake clock, and after each the folder holds
** exactly what the rule keeps (the 7 newest, the newest of each of the 4
** newest weeks), every file 0600 in a 0700 folder, whatever the umask;
** a clock thrown years ahead or back deletes only one; other files
** stay; bad folders and bad counts are refused. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "core_fixture.h"

#include "maintenance.h"
#include "member.h"

#define N_DAYS 70

static int  list_backups(const char *dir, char names[][32], int max);
static void expect_rule(const char *dir, int day, int64_t day0);

/* The backups in dir, sorted by name. */
static int
list_backups(const char *dir, char names[][32], int max)
{
	struct dirent *e;
	DIR *d = opendir(dir);
	int n = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL && n < max)
		if (strncmp(e->d_name, "borne-", 6) == 0 &&
		    strlen(e->d_name) == strlen("borne-YYYY-MM-DD.db"))
			snprintf(names[n++], 32, "%.31s", e->d_name);
	closedir(d);
	qsort(names, (size_t)n, 32, (int (*)(const void *, const void *))strcmp);
	return n;
}

/* After the backup of day `day` (0-based, day0 a Monday): the 7 newest
** days, and the newest day of each of the 4 newest weeks. */
static void
expect_rule(const char *dir, int day, int64_t day0)
{
	char names[N_DAYS + 8][32], want[N_DAYS + 8][32], date[TIME_DATE_SIZE];
	int n = list_backups(dir, names, N_DAYS + 8), n_want = 0, weeks = 0;
	int last_week = -1;

	for (int d = day; d >= 0; d--) {
		int week = d / 7, keep = d > day - 7;

		if (week != last_week) {
			last_week = week;
			if (weeks++ < 4)
				keep = 1;
		}
		if (!keep)
			continue;
		time_local_date(day0 + (int64_t)d * 86400, date);
		snprintf(want[n_want++], 32, "borne-%s.db", date);
	}
	qsort(want, (size_t)n_want, 32,
	      (int (*)(const void *, const void *))strcmp);
	CHECK_INT(n, n_want);
	for (int i = 0; i < n && i < n_want; i++)
		if (strcmp(names[i], want[i]) != 0) {
			CHECK_STR(names[i], want[i]);
			break;
		}
}

static void
test_rotation(void)
{
	char dir[512], path[1100], msg[400], names[N_DAYS + 8][32];
	/* A Monday, 03:00 local: the timer's hour. */
	int64_t day0 = fx_t("2026-01-05T03:00");
	Store *st = fx_open("live.db");
	struct stat sb;
	int n;

	snprintf(dir, sizeof dir, "%s", fx_path("backups"));
	CHECK_INT(member_add(st, "Ana", ROLE_COOPERATOR, 0, NULL, NULL, 0, day0,
	                     NULL), BORNE_OK);
	/* Files that are not backups are never touched. */
	CHECK_INT(mkdir(dir, 0700), 0);
	snprintf(path, sizeof path, "%s/notes.txt", dir);
	fclose(fopen(path, "w"));
	snprintf(path, sizeof path, "%s/borne-manual.db", dir);
	fclose(fopen(path, "w"));

	umask(022);                                  /* a careless shell */
	for (int d = 0; d < N_DAYS; d++) {
		CHECK_INT(maintenance_backup_rotate(st, dir, day0 + (int64_t)d * 86400,
		                                    MAINTENANCE_KEEP_DAILY,
		                                    MAINTENANCE_KEEP_WEEKLY, msg,
		                                    sizeof msg), BORNE_OK);
		expect_rule(dir, d, day0);
	}
	CHECK_CONTAINS(msg, "borne-2026-03-15.db written");
	n = list_backups(dir, names, N_DAYS + 8);
	CHECK_INT(n, 7 + 3);        /* 7 days of this week and the last, + 3 */
	CHECK_STR(names[0], "borne-2026-02-22.db");  /* a Sunday */
	CHECK_STR(names[n - 1], "borne-2026-03-15.db");
	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%.31s", dir, names[i]);
		CHECK_INT(stat(path, &sb), 0);
		CHECK_INT(sb.st_mode & 0777, 0600);
	}
	snprintf(path, sizeof path, "%s/notes.txt", dir);
	CHECK_INT(access(path, F_OK), 0);
	snprintf(path, sizeof path, "%s/borne-manual.db", dir);
	CHECK_INT(access(path, F_OK), 0);

	/* The same day again replaces that day's backup. */
	CHECK_INT(maintenance_backup_rotate(st, dir, day0 + (N_DAYS - 1) * 86400
	                                    + 3600, 7, 4, msg, sizeof msg), BORNE_OK);
	CHECK_INT(list_backups(dir, names, N_DAYS + 8), n);

	/* A clock years ahead counts as one backup more: it pushes out one
	** daily and one weekly backup, no more; a clock years back: that one
	** is kept as made, nothing else goes. */
	CHECK_INT(maintenance_backup_rotate(st, dir, fx_t("2031-06-01T03:00"), 7,
	                                    4, msg, sizeof msg), BORNE_OK);
	CHECK_INT(list_backups(dir, names, N_DAYS + 8), n - 1);
	CHECK_INT(maintenance_backup_rotate(st, dir, fx_t("2001-06-01T03:00"), 7,
	                                    4, msg, sizeof msg), BORNE_OK);
	CHECK_INT(list_backups(dir, names, N_DAYS + 8), n);
	CHECK_STR(names[0], "borne-2001-06-01.db");

	/* A new folder is made private. */
	snprintf(path, sizeof path, "%s/new", dir);
	CHECK_INT(maintenance_backup_rotate(st, path, day0, 1, 0, msg, sizeof msg),
	          BORNE_OK);
	CHECK_INT(stat(path, &sb), 0);
	CHECK_INT(sb.st_mode & 0777, 0700);
	umask(077);

	/* Refused: counts out of bounds, a link, a file, no folder. */
	CHECK_INT(maintenance_backup_rotate(st, dir, day0, 0, 4, msg, sizeof msg),
	          BORNE_EINVAL);
	CHECK_INT(maintenance_backup_rotate(st, dir, day0, 7, -1, msg, sizeof msg),
	          BORNE_EINVAL);
	CHECK_INT(maintenance_backup_rotate(st, dir, day0, 7,
	                                    MAINTENANCE_KEEP_MAX + 1, msg,
	                                    sizeof msg), BORNE_EINVAL);
	snprintf(path, sizeof path, "%s", fx_path("link"));
	CHECK_INT(symlink(dir, path), 0);
	CHECK_INT(maintenance_backup_rotate(st, path, day0, 7, 4, msg, sizeof msg),
	          BORNE_EINVAL);
	CHECK_CONTAINS(msg, "link");
	snprintf(path, sizeof path, "%s/notes.txt", dir);
	CHECK(maintenance_backup_rotate(st, path, day0, 7, 4, msg, sizeof msg)
	      != BORNE_OK);
	CHECK_INT(maintenance_backup_rotate(st, "", day0, 7, 4, msg, sizeof msg),
	          BORNE_EINVAL);
	store_close(st);
}

int
main(void)
{
	fx_setup();
	test_rotation();
	return check_done();
}
