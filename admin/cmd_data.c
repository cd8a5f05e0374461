/* cmd_data.c -- borne-admin report, import, backup (one file, or a
** folder kept by rotation), restore, check and purge: the commands about
** the data as a whole rather than one record. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "checkin.h"
#include "import.h"
#include "maintenance.h"
#include "privacy.h"
#include "report.h"
#include "storage.h"
#include "timeutil.h"

#define PURGE_MAX_DAYS 36500
#define MOUNTINFO_MAX  (1 << 20)

static void check_storage(const char *db_path);

int
cmd_report_attendance(Admin *a, int argc, char **argv)
{
	AdminOpt opts[] = {
		{ "--from", 1, NULL }, { "--to", 1, NULL }, { "--by", 1, NULL },
		{ NULL, 0, NULL }
	};
	ReportBy by = REPORT_BY_DAY;
	char *pos[1];
	int n, rc;

	if ((rc = admin_args(a, argc, argv, opts, pos, 0, 0, &n)) != ADMIN_GO)
		return rc;
	if (opts[0].value == NULL || opts[1].value == NULL)
		return admin_usage_error(a, "missing --from or --to");
	if (opts[2].value != NULL) {
		if (strcmp(opts[2].value, "member") == 0)
			by = REPORT_BY_MEMBER;
		else if (strcmp(opts[2].value, "stream") == 0)
			by = REPORT_BY_STREAM;
		else if (strcmp(opts[2].value, "site") == 0)
			by = REPORT_BY_SITE;
		else if (strcmp(opts[2].value, "day") != 0)
			return admin_usage_error(a, "--by: \"%s\" is not day, member, "
			                         "stream or site", opts[2].value);
	}
	for (int i = 0; i < 2; i++)
		if (time_parse_date(opts[i].value) != BORNE_OK)
			return admin_refuse("%s: \"%.40s\" is not a date (YYYY-MM-DD)",
			                    opts[i].name, opts[i].value);
	if (strcmp(opts[0].value, opts[1].value) > 0)
		return admin_refuse("--to: %s is before --from %s", opts[1].value,
		                    opts[0].value);
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	/* Closes visits whose day is over, flagged auto_closed, exactly as
	** the kiosk's next tap would; on a read-only database they count 0. */
	(void)checkin_close_stale(a->st, a->now_utc, NULL);
	rc = report_attendance(a->st, opts[0].value, opts[1].value, by, a->fmt,
	                       stdout);
	if (rc == BORNE_EINVAL)
		return admin_refuse("--from/--to: at most 3700 days in one report");
	if (rc != BORNE_OK)
		return admin_store_error(a, rc, "report");
	return ADMIN_EXIT_OK;
}

int
cmd_import_members(Admin *a, int argc, char **argv)
{
	char *pos[1], err[400];
	int n, rc, n_added;

	if ((rc = admin_args(a, argc, argv, NULL, pos, 1, 1, &n)) != ADMIN_GO ||
	    (rc = admin_open(a)) != ADMIN_GO)
		return rc;
	rc = import_members_csv(a->st, pos[0], 0, a->now_utc, &n_added, err,
	                        sizeof err);
	if (rc != BORNE_OK)
		return admin_refuse("%s: %s; nothing imported", pos[0],
		                    err[0] != '\0' ? err : borne_strerror(rc));
	printf("imported %d members\n", n_added);
	return ADMIN_EXIT_OK;
}

int
cmd_backup(Admin *a, int argc, char **argv)
{
	AdminOpt opts[] = {
		{ "--rotate", 1, NULL }, { "--keep-daily", 1, NULL },
		{ "--keep-weekly", 1, NULL }, { NULL, 0, NULL }
	};
	char *pos[1], msg[600];
	int n, rc, daily = MAINTENANCE_KEEP_DAILY, weekly = MAINTENANCE_KEEP_WEEKLY;

	if ((rc = admin_args(a, argc, argv, opts, pos, 0, 1, &n)) != ADMIN_GO)
		return rc;
	if ((opts[0].value == NULL) == (n == 0))
		return admin_usage_error(a, "give a FILE, or --rotate DIR");
	if (opts[0].value == NULL && (opts[1].value != NULL ||
	                              opts[2].value != NULL))
		return admin_usage_error(a, "--keep-daily and --keep-weekly go "
		                         "with --rotate DIR");
	if ((opts[1].value != NULL &&
	     (rc = admin_parse_int(a, opts[1].value, "--keep-daily", &daily))
	     != ADMIN_GO) ||
	    (opts[2].value != NULL &&
	     (rc = admin_parse_int(a, opts[2].value, "--keep-weekly", &weekly))
	     != ADMIN_GO))
		return rc;
	if (daily < 1 || daily > MAINTENANCE_KEEP_MAX || weekly > MAINTENANCE_KEEP_MAX)
		return admin_refuse("--keep-daily: 1 to %d, --keep-weekly: 0 to %d",
		                    MAINTENANCE_KEEP_MAX, MAINTENANCE_KEEP_MAX);
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	if (opts[0].value != NULL) {
		if (maintenance_backup_rotate(a->st, opts[0].value, a->now_utc,
		                              daily, weekly, msg, sizeof msg)
		    != BORNE_OK)
			return admin_refuse("backup: %s", msg);
		printf("backup in %s: %s\n", opts[0].value, msg);
		return ADMIN_EXIT_OK;
	}
	if ((rc = maintenance_backup(a->st, pos[0], msg, sizeof msg))
	    != BORNE_OK)
		return admin_refuse("backup: %s", msg);
	printf("backup written to %s (%s)\n", pos[0], msg);
	return ADMIN_EXIT_OK;
}

int
cmd_restore(Admin *a, int argc, char **argv)
{
	char *pos[1], msg[600];
	int n, rc, n_again = 0;

	if ((rc = admin_args(a, argc, argv, NULL, pos, 1, 1, &n)) != ADMIN_GO ||
	    (rc = admin_open(a)) != ADMIN_GO)
		return rc;
	if (maintenance_restore(a->st, pos[0], a->now_utc, &n_again, msg,
	                        sizeof msg) != BORNE_OK)
		return admin_refuse("restore: %s; the database is as it was", msg);
	printf("restored %s from %s; %d forgotten member(s) forgotten again. "
	       "Start the kiosk again (systemctl restart borne).\n", a->db_path,
	       pos[0], n_again);
	return ADMIN_EXIT_OK;
}

int
cmd_check(Admin *a, int argc, char **argv)
{
	char *pos[1], msg[600];
	int n, rc;

	if ((rc = admin_args(a, argc, argv, NULL, pos, 0, 0, &n)) != ADMIN_GO ||
	    (rc = admin_open(a)) != ADMIN_GO)
		return rc;
	if ((rc = maintenance_check(a->st, msg, sizeof msg)) != BORNE_OK)
		return admin_refuse("check: %s: %s", a->db_path, msg);
	printf("%s: %s\n", a->db_path, msg);
	check_storage(a->db_path);
	return ADMIN_EXIT_OK;
}

/* The file systems under the database and the system, and what a power
** cut would do to them. Says, never refuses: the database itself is
** sound, and the fix (a partition, the overlay) is the operator's. */
static void
check_storage(const char *db_path)
{
	static const char *const verdicts[] = {
		[STORAGE_OK] = "ok", [STORAGE_WEAK] = "warning",
		[STORAGE_VOLATILE] = "DANGER", [STORAGE_READONLY] = "DANGER",
	};
	char real[PATH_MAX], why[200], *info = NULL;
	FILE *f = fopen("/proc/self/mountinfo", "r");
	size_t n = 0;
	MountInfo m, root;
	StorageVerdict v;

	if (f != NULL && (info = malloc(MOUNTINFO_MAX)) != NULL) {
		n = fread(info, 1, MOUNTINFO_MAX - 1, f);
		info[n] = '\0';
	}
	if (f != NULL)
		fclose(f);
	if (info == NULL || realpath(db_path, real) == NULL ||
	    storage_mount_of(info, real, &m) != BORNE_OK) {
		printf("storage: unknown (no /proc/self/mountinfo to read)\n");
		free(info);
		return;
	}
	v = storage_verdict(info, &m, why, sizeof why);
	printf("storage: %s is on %s (%s %s, %s): %s: %s\n", real, m.point,
	       m.fstype, m.source, m.options, verdicts[v], why);
	if (v != STORAGE_OK)
		fprintf(stderr, "borne-admin: check: %s: %s\n", verdicts[v], why);
	if (storage_mount_of(info, "/", &root) == BORNE_OK)
		printf("system: / is %s (%s): %s\n", root.fstype, root.options,
		       storage_root_protected(info, &root)
		       ? "read-only, a power cut cannot damage it"
		       : "writable: see the README's \"SD card\" section to make it"
		         " read-only");
	free(info);
}

int
cmd_purge(Admin *a, int argc, char **argv)
{
	AdminOpt opts[] = { { "--older-than-days", 1, NULL }, { NULL, 0, NULL } };
	PurgeCounts c;
	char *pos[1], date[TIME_DATE_SIZE];
	int64_t before;
	int n, rc, days;

	if ((rc = admin_args(a, argc, argv, opts, pos, 0, 0, &n)) != ADMIN_GO)
		return rc;
	if (opts[0].value == NULL)
		return admin_usage_error(a, "missing --older-than-days N");
	if ((rc = admin_parse_int(a, opts[0].value, "--older-than-days", &days))
	    != ADMIN_GO)
		return rc;
	if (days < 1 || days > PURGE_MAX_DAYS)
		return admin_refuse("--older-than-days: must be 1 to %d",
		                    PURGE_MAX_DAYS);
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	before = a->now_utc - (int64_t)days * 86400;
	if ((rc = privacy_purge(a->st, before, 0, a->now_utc, &c)) != BORNE_OK)
		return admin_store_error(a, rc, "purge");
	time_local_date(before, date);
	printf("purged before %s: %d visits, %d unknown taps, %d takes\n", date,
	       c.visits, c.unknown_taps, c.takes);
	admin_note_scrub(a);
	return ADMIN_EXIT_OK;
}
