/* test_report.c -- attendance reports, the visits CSV, the table printer
** and the USB export (file written whole, missing stick, full disk). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "check.h"
#include "core_fixture.h"
#include "checkin.h"
#include "day.h"
#include "member.h"
#include "report.h"
#include "store.h"
#include "timeutil.h"


static int64_t at(const char *local);
static void tap(Store *st, const char *uid, const char *local);
static char *capture_report(Store *st, const char *from, const char *to,
                            ReportBy by, ReportFormat fmt, int *rc);

static int64_t
at(const char *local)
{
	int64_t t = 0;

	CHECK_INT(time_parse_local(local, &t), BORNE_OK);
	return t;
}

static void
tap(Store *st, const char *uid, const char *local)
{
	BadgeUid u;
	CheckinResult r;

	CHECK_INT(uid_parse(uid, UID_DEC_LSB_FIRST, &u, NULL, 0), BORNE_OK);
	CHECK_INT(checkin_tap(st, &u, at(local), &r), BORNE_OK);
}

static char *
capture_report(Store *st, const char *from, const char *to, ReportBy by,
               ReportFormat fmt, int *rc)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	*rc = report_attendance(st, from, to, by, fmt, f);
	fclose(f);
	return buf;
}

static void
test_csv_field(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	report_csv_field(f, "plain");
	fputc('|', f);
	report_csv_field(f, "a,b");
	fputc('|', f);
	report_csv_field(f, "Ali \"Le Chef\"");
	fputc('|', f);
	report_csv_field(f, "two\nlines");
	fputc('|', f);
	report_csv_field(f, "L'Atelier");
	fputc('|', f);
	report_csv_field(f, NULL);
	fclose(f);
	CHECK_STR(buf, "plain|\"a,b\"|\"Ali \"\"Le Chef\"\"\"|\"two\nlines\"|"
	          "L'Atelier|");
	free(buf);
}

/* Each cell written alone, returned in a static buffer. */
static const char *
csv_of(const char *s)
{
	static char out[256];
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	report_csv_field(f, s);
	fclose(f);
	snprintf(out, sizeof out, "%s", buf);
	free(buf);
	return out;
}

static void
test_csv_formulas(void)
{
	/* What a spreadsheet would run: quoted, behind a '. */
	CHECK_STR(csv_of("=1+1"), "\"'=1+1\"");
	CHECK_STR(csv_of("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
	CHECK_STR(csv_of("@SUM(A1)"), "\"'@SUM(A1)\"");
	CHECK_STR(csv_of("+cmd|' /C calc'!A0"), "\"'+cmd|' /C calc'!A0\"");
	CHECK_STR(csv_of("-2+3"), "\"'-2+3\"");
	CHECK_STR(csv_of("\t=1+1"), "\"'\t=1+1\"");
	CHECK_STR(csv_of("\r=1+1"), "\"'\r=1+1\"");
	CHECK_STR(csv_of("+33 6 12"), "\"'+33 6 12\"");
	CHECK_STR(csv_of("-"), "\"'-\"");
	CHECK_STR(csv_of("--1"), "\"'--1\"");
	CHECK_STR(csv_of("-1."), "\"'-1.\"");
	/* Plain numbers stay numbers, negative ones too. */
	CHECK_STR(csv_of("-3"), "-3");
	CHECK_STR(csv_of("-1.5"), "-1.5");
	CHECK_STR(csv_of("-2:30"), "-2:30");
	CHECK_STR(csv_of("-1,5"), "\"-1,5\"");
	CHECK_STR(csv_of("7:30"), "7:30");
	/* Inside a cell, = is only text. */
	CHECK_STR(csv_of("a=1+1"), "a=1+1");
}

static void
test_table(void)
{
	static const char *const head[] = { "id", "name", "hours" };
	static const char *const r1[] = { "1", "Inès", "2:48" };
	static const char *const r2[] = { "12", "Ali", "10:05" };
	static const char *const tot[] = { "total", "", "12:53" };
	ReportTable *t = report_table_new(3, head, "rlr");
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	CHECK(t != NULL);
	if (t == NULL)
		return;
	CHECK_INT(report_table_add(t, r1), BORNE_OK);
	CHECK_INT(report_table_add(t, r2), BORNE_OK);
	CHECK_INT(report_table_add_total(t, tot), BORNE_OK);
	CHECK_INT(report_table_rows(t), 3);
	f = open_memstream(&buf, &len);
	CHECK_INT(report_table_print(t, REPORT_TEXT, f), BORNE_OK);
	fclose(f);
	/* Widths count characters: "Inès" is 4 wide though 5 bytes. */
	CHECK_STR(buf, "   id  name  hours\n"
	               "    1  Inès   2:48\n"
	               "   12  Ali   10:05\n"
	               "------------------\n"
	               "total        12:53\n");
	free(buf);
	buf = NULL;
	f = open_memstream(&buf, &len);
	CHECK_INT(report_table_print(t, REPORT_CSV, f), BORNE_OK);
	fclose(f);
	CHECK_STR(buf, "id,name,hours\r\n1,Inès,2:48\r\n12,Ali,10:05\r\n");
	free(buf);
	/* A full disk is reported, not ignored. */
	f = fopen("/dev/full", "w");
	if (f != NULL) {
		CHECK_INT(report_table_print(t, REPORT_CSV, f), BORNE_EFULL);
		fclose(f);
	}
	report_table_free(t);
	report_table_free(NULL);
}

static void
test_attendance(Store *st)
{
	BadgeUid u;
	int64_t id;
	int64_t first;
	int n, rc;
	char *out;

	uid_parse("04A1B2C3", UID_DEC_LSB_FIRST, &u, NULL, 0);
	CHECK_INT(member_add(st, "Inès Martin", ROLE_COOPERATOR, 1, &u, NULL, 0,
	                     1, &id), BORNE_OK);
	uid_parse("04112233", UID_DEC_LSB_FIRST, &u, NULL, 0);
	CHECK_INT(member_add(st, "Ali, \"Le Chef\"", ROLE_COWORKER, 0, &u, NULL,
	                     0, 1, &id), BORNE_OK);
	CHECK_INT(day_add(st, "2025-03-05", "Journée contributive", 9 * 60,
	                  17 * 60, NULL, 0, 1, &first, &n), BORNE_OK);
	tap(st, "04A1B2C3", "2025-03-05T09:12");
	tap(st, "04112233", "2025-03-05T09:30");
	tap(st, "04A1B2C3", "2025-03-05T12:00");
	tap(st, "04A1B2C3", "2025-03-05T13:00");
	tap(st, "04A1B2C3", "2025-03-07T10:00");
	tap(st, "04A1B2C3", "2025-03-07T11:30");
	/* Ali and Inès's afternoon were closed at 17:00, flagged, by the
	** first tap of the 7th; the 7th's visit was closed by a tap. */
	CHECK_INT(checkin_close_stale(st, at("2025-03-08T08:00"), &n), BORNE_OK);
	CHECK_INT(n, 0);

	out = capture_report(st, "2025-03-05", "2025-03-07", REPORT_BY_DAY,
	                     REPORT_CSV, &rc);
	CHECK_INT(rc, BORNE_OK);
	CHECK_STR(out, "date,day,members,visits,hours,auto_closed\r\n"
	               "2025-03-05,Journée contributive,2,3,14:18,2\r\n"
	               "2025-03-07,,1,1,1:30,0\r\n");
	free(out);

	out = capture_report(st, "2025-03-05", "2025-03-07", REPORT_BY_MEMBER,
	                     REPORT_CSV, &rc);
	CHECK_INT(rc, BORNE_OK);
	CHECK_STR(out, "id,name,role,days,visits,hours,auto_closed\r\n"
	               "2,\"Ali, \"\"Le Chef\"\"\",coworker,1,1,7:30,1\r\n"
	               "1,Inès Martin,cooperator,2,3,8:18,1\r\n");
	free(out);

	out = capture_report(st, "2025-03-05", "2025-03-07", REPORT_BY_DAY,
	                     REPORT_TEXT, &rc);
	CHECK_INT(rc, BORNE_OK);
	CHECK_CONTAINS(out, "date        day                   members  visits  "
	               "hours  auto_closed\n");
	CHECK_CONTAINS(out, "\ntotal                                   2       4"
	               "  15:48            2\n");
	free(out);

	/* By site: one kiosk, one row; a visit tapped at another kiosk (as a
	** hub brings them) has its own row, and the hours still add up. */
	out = capture_report(st, "2025-03-05", "2025-03-07", REPORT_BY_SITE,
	                     REPORT_CSV, &rc);
	CHECK_INT(rc, BORNE_OK);
	CHECK_CONTAINS(out, "site,members,visits,hours\r\n");
	CHECK_CONTAINS(out, ",2,4,15:48\r\n");
	free(out);
	CHECK_INT(sqlite3_exec(store_db(st), "UPDATE visits SET kiosk_id ="
	                       " 'atelier' WHERE in_utc >= 1741302000", NULL, NULL,
	                       NULL), SQLITE_OK);
	out = capture_report(st, "2025-03-05", "2025-03-07", REPORT_BY_SITE,
	                     REPORT_TEXT, &rc);
	CHECK_INT(rc, BORNE_OK);
	CHECK_CONTAINS(out, "\natelier ");
	CHECK_CONTAINS(out, "  1       1   1:30\n");
	CHECK_CONTAINS(out, "2       3  14:18\n");
	CHECK_CONTAINS(out, "\ntotal ");
	CHECK_CONTAINS(out, "4  15:48\n");
	free(out);
	CHECK_INT(sqlite3_exec(store_db(st), "UPDATE visits SET kiosk_id = (SELECT"
	                       " kiosk_id FROM visits WHERE in_utc < 1741302000"
	                       " LIMIT 1)", NULL, NULL, NULL), SQLITE_OK);

	/* An empty range still prints the header and a zero total. */
	out = capture_report(st, "2024-01-01", "2024-01-02", REPORT_BY_MEMBER,
	                     REPORT_TEXT, &rc);
	CHECK_INT(rc, BORNE_OK);
	CHECK_CONTAINS(out, "total  0");
	free(out);

	out = capture_report(st, "2025-03-07", "2025-03-05", REPORT_BY_DAY,
	                     REPORT_TEXT, &rc);
	CHECK_INT(rc, BORNE_EINVAL);
	free(out);
	out = capture_report(st, "2025-02-30", "2025-03-05", REPORT_BY_DAY,
	                     REPORT_TEXT, &rc);
	CHECK_INT(rc, BORNE_EINVAL);
	free(out);
	out = capture_report(st, "1990-01-01", "2025-03-05", REPORT_BY_DAY,
	                     REPORT_TEXT, &rc);
	CHECK_INT(rc, BORNE_EINVAL);
	free(out);
}

static void
test_visits_csv(Store *st)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	CHECK_INT(report_visits_csv(st, "2025-03-05", f), BORNE_OK);
	fclose(f);
	/* No badge UIDs in the file that leaves on a stick. */
	CHECK_STR(buf, "id,member_id,name,date,in,out,hours,flag,day\r\n"
	          "1,1,Inès Martin,2025-03-05,09:12,12:00,2:48,,"
	          "Journée contributive\r\n"
	          "2,2,\"Ali, \"\"Le Chef\"\"\",2025-03-05,09:30,17:00,"
	          "7:30,auto_closed,Journée contributive\r\n"
	          "3,1,Inès Martin,2025-03-05,13:00,17:00,4:00,"
	          "auto_closed,Journée contributive\r\n");
	free(buf);
	buf = NULL;
	f = open_memstream(&buf, &len);
	CHECK_INT(report_visits_csv(st, "2025-13-01", f), BORNE_EINVAL);
	fclose(f);
	free(buf);
}

static void
test_export_day(Store *st)
{
	char stick[128], path[512], media[128], found[256];
	struct stat sb;
	FILE *f;
	char line[600];

	snprintf(stick, sizeof stick, "%s", fx_path("stick"));
	CHECK_INT(mkdir(stick, 0755), 0);
	CHECK_INT(report_export_day(st, stick, "2025-03-05", path, sizeof path),
	          BORNE_OK);
	CHECK_CONTAINS(path, "/stick/borne-presences-2025-03-05.csv");
	CHECK_INT(stat(path, &sb), 0);
	f = fopen(path, "r");
	CHECK(f != NULL);
	if (f != NULL) {
		/* A BOM first, so that a French spreadsheet reads UTF-8. */
		CHECK_INT(fread(line, 1, 3, f), 3);
		CHECK(memcmp(line, "\xEF\xBB\xBF", 3) == 0);
		CHECK(fgets(line, sizeof line, f) != NULL);
		CHECK_STR(line, "id,member_id,name,date,in,out,hours,flag,"
		          "day\r\n");
		fclose(f);
	}
	/* No .tmp left beside it. */
	snprintf(line, sizeof line, "%s.tmp", path);
	CHECK(stat(line, &sb) != 0);

	/* A folder that does not exist: no stick. */
	snprintf(line, sizeof line, "%s", fx_path("gone"));
	CHECK_INT(report_export_day(st, line, "2025-03-05", path, sizeof path),
	          BORNE_ENOTFOUND);
	CHECK_STR(path, "");
	CHECK_INT(report_export_day(st, stick, "nope", path, sizeof path),
	          BORNE_EINVAL);

	/* Finding a stick: media/USER/STICK, the first writable one. */
	snprintf(media, sizeof media, "%s", fx_path("media"));
	CHECK_INT(report_find_stick(media, found, sizeof found),
	          BORNE_ENOTFOUND);
	CHECK_INT(mkdir(media, 0755), 0);
	CHECK_INT(report_find_stick(media, found, sizeof found),
	          BORNE_ENOTFOUND);
	snprintf(line, sizeof line, "%s/pi", media);
	CHECK_INT(mkdir(line, 0755), 0);
	snprintf(line, sizeof line, "%s/pi/USBKEY", media);
	CHECK_INT(mkdir(line, 0755), 0);
	snprintf(line, sizeof line, "%s/pi/AAA", media);
	CHECK_INT(mkdir(line, 0755), 0);
	CHECK_INT(report_find_stick(media, found, sizeof found), BORNE_OK);
	CHECK_STR(found, line);
}

/* Reads a whole small file into buf; returns its length or -1. */
static long
slurp(const char *path, char *buf, size_t len)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	if (f == NULL)
		return -1;
	n = fread(buf, 1, len - 1, f);
	buf[n] = '\0';
	fclose(f);
	return (long)n;
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	CHECK(f != NULL);
	if (f != NULL) {
		fputs(text, f);
		fclose(f);
	}
}

/* A stick holding links under the export's names, pointing at a file that
** stands for the live database: that file is never written. */
static void
test_export_links(Store *st)
{
	char stick[128], victim[128], tmp[300], final[300], path[512],
	     got[4096], link_dir[128];
	struct stat sb;

	snprintf(stick, sizeof stick, "%s", fx_path("trap"));
	snprintf(victim, sizeof victim, "%s", fx_path("victim.db"));
	CHECK_INT(mkdir(stick, 0755), 0);
	write_file(victim, "SQLite format 3 -- do not touch");
	snprintf(tmp, sizeof tmp, "%s/borne-presences-2025-03-05.csv.tmp",
	         stick);
	snprintf(final, sizeof final, "%s/borne-presences-2025-03-05.csv",
	         stick);
	CHECK_INT(symlink(victim, tmp), 0);
	CHECK_INT(report_export_day(st, stick, "2025-03-05", path, sizeof path),
	          BORNE_OK);
	CHECK(slurp(victim, got, sizeof got) > 0);
	CHECK_STR(got, "SQLite format 3 -- do not touch");
	CHECK_INT(lstat(final, &sb), 0);
	CHECK(S_ISREG(sb.st_mode));
	CHECK(lstat(tmp, &sb) != 0);

	/* The final name a link: replaced by the file, the target untouched. */
	CHECK_INT(unlink(final), 0);
	CHECK_INT(symlink(victim, final), 0);
	CHECK_INT(symlink(victim, tmp), 0);
	CHECK_INT(report_export_day(st, stick, "2025-03-05", path, sizeof path),
	          BORNE_OK);
	CHECK(slurp(victim, got, sizeof got) > 0);
	CHECK_STR(got, "SQLite format 3 -- do not touch");
	CHECK_INT(lstat(final, &sb), 0);
	CHECK(S_ISREG(sb.st_mode));
	CHECK(slurp(final, got, sizeof got) > 0);
	CHECK_CONTAINS(got, "id,member_id,name,");

	/* The export folder itself a link (out of the stick): refused. */
	snprintf(link_dir, sizeof link_dir, "%s", fx_path("trap-link"));
	CHECK_INT(symlink(stick, link_dir), 0);
	CHECK_INT(report_export_day(st, link_dir, "2025-03-05", path,
	                            sizeof path), BORNE_EREFUSED);
	CHECK_STR(path, "");
}

int
main(void)
{
	Store *st;

	fx_setup();                     /* temp folder, TZ, fast PIN hash */
	timeutil_init();
	test_csv_field();
	test_csv_formulas();
	test_table();
	st = fx_open("report.db");
	test_attendance(st);
	test_visits_csv(st);
	test_export_day(st);
	test_export_links(st);
	store_close(st);
	return check_done();
}
