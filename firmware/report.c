/* report.c -- attendance reports for funders and facilitators.
** Everything here reads the visits through checkin_each(), one local date
** at a time, so a report sees exactly the visits the kiosk recorded, in
** the kiosk's time zone. A visit's hours are out - in; a visit still open
** counts 0 until it is closed (checkin_close_stale() closes the ones whose
** day ended, flagged auto_closed, and the reports count those flags).
** Output is either aligned text columns or RFC 4180 CSV (UTF-8, header
** row, CRLF), both through one small table type (report_table.c). */
#include "report.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "borne.h"
#include "checkin.h"
#include "day.h"
#include "member.h"
#include "report_impl.h"
#include "timeutil.h"

/* More than ten years in one report is a typing mistake, not a report. */
#define REPORT_MAX_DAYS 3700

/* One member's sums in a by-member report. */
typedef struct MemberSum {
	int64_t id;
	char    name[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	int     days, visits, auto_closed;
	int64_t seconds;
	char    last_date[TIME_DATE_SIZE];
} MemberSum;

/* What a walk over the visits of a range gathers. */
typedef struct AttendWalk {
	const char *date;        /* the date being walked */
	/* by day: this date's sums */
	int     visits, auto_closed;
	int64_t seconds;
	int64_t *seen;           /* distinct member ids of the date */
	int      n_seen, cap_seen;
	/* by member */
	MemberSum *sums;
	int        n_sums, cap_sums;
	int        by_member;    /* gather per-member sums too */
	int        failed;       /* BORNE_ENOMEM met inside a callback */
} AttendWalk;

static int64_t visit_seconds(const Visit *v);
static int     walk_visit(const Visit *v, void *ctx);
static int     seen_add(AttendWalk *w, int64_t id);
static MemberSum *sum_for(AttendWalk *w, const Visit *v);
static int     sum_cmp(const void *a, const void *b);
static int     write_visit_row(const Visit *v, void *ctx);
static int     report_by_day(Store *st, const char *from, const char *to,
                             ReportFormat fmt, FILE *out);
static int     report_by_member(Store *st, const char *from, const char *to,
                                ReportFormat fmt, FILE *out);
static int     check_range(const char *from, const char *to, int *n_days);
static int     report_by_group(Store *st, const char *from, const char *to,
                               ReportBy by, ReportFormat fmt, FILE *out);

static int64_t
visit_seconds(const Visit *v)
{
	if (v->out_utc <= 0 || v->out_utc <= v->in_utc)
		return 0;
	return v->out_utc - v->in_utc;
}

static int
seen_add(AttendWalk *w, int64_t id)
{
	for (int i = 0; i < w->n_seen; i++)
		if (w->seen[i] == id)
			return BORNE_OK;
	if (w->n_seen == w->cap_seen) {
		int cap = w->cap_seen == 0 ? 32 : w->cap_seen * 2;
		int64_t *s = realloc(w->seen, (size_t)cap * sizeof *s);

		if (s == NULL)
			return BORNE_ENOMEM;
		w->seen = s;
		w->cap_seen = cap;
	}
	w->seen[w->n_seen++] = id;
	return BORNE_OK;
}

static MemberSum *
sum_for(AttendWalk *w, const Visit *v)
{
	MemberSum *m;

	for (int i = 0; i < w->n_sums; i++)
		if (w->sums[i].id == v->member_id)
			return &w->sums[i];
	if (w->n_sums == w->cap_sums) {
		int cap = w->cap_sums == 0 ? 32 : w->cap_sums * 2;
		MemberSum *s = realloc(w->sums, (size_t)cap * sizeof *s);

		if (s == NULL)
			return NULL;
		w->sums = s;
		w->cap_sums = cap;
	}
	m = &w->sums[w->n_sums++];
	memset(m, 0, sizeof *m);
	m->id = v->member_id;
	snprintf(m->name, sizeof m->name, "%s", v->member_name);
	return m;
}

static int
walk_visit(const Visit *v, void *ctx)
{
	AttendWalk *w = ctx;
	int64_t s = visit_seconds(v);
	MemberSum *m;

	w->visits++;
	w->seconds += s;
	w->auto_closed += v->auto_closed != 0;
	if (seen_add(w, v->member_id) != BORNE_OK)
		goto nomem;
	if (w->by_member) {
		if ((m = sum_for(w, v)) == NULL)
			goto nomem;
		m->visits++;
		m->seconds += s;
		m->auto_closed += v->auto_closed != 0;
		if (strcmp(m->last_date, w->date) != 0) {
			m->days++;
			snprintf(m->last_date, sizeof m->last_date, "%s", w->date);
		}
	}
	return 0;
nomem:
	w->failed = BORNE_ENOMEM;
	return 1;
}

static int
check_range(const char *from, const char *to, int *n_days)
{
	char d[TIME_DATE_SIZE];
	int n = 0;

	*n_days = 0;
	if (from == NULL || to == NULL || time_parse_date(from) != BORNE_OK ||
	    time_parse_date(to) != BORNE_OK || strcmp(from, to) > 0)
		return BORNE_EINVAL;
	snprintf(d, sizeof d, "%s", from);
	while (strcmp(d, to) <= 0) {
		if (++n > REPORT_MAX_DAYS)
			return BORNE_EINVAL;
		if (time_date_add(d, 1, d) != BORNE_OK)
			return BORNE_EINVAL;
	}
	*n_days = n;
	return BORNE_OK;
}

static int
report_by_day(Store *st, const char *from, const char *to, ReportFormat fmt,
              FILE *out)
{
	static const char *const head[] = {
		"date", "day", "members", "visits", "hours", "auto_closed"
	};
	ReportTable *t = report_table_new(6, head, "llrrrr");
	AttendWalk w;
	char d[TIME_DATE_SIZE], members[16], visits[16], hours[16], autoc[16];
	int tot_visits = 0, tot_auto = 0, rc = BORNE_ENOMEM;
	int64_t tot_s = 0;
	AttendWalk all;

	memset(&w, 0, sizeof w);
	memset(&all, 0, sizeof all);
	if (t == NULL)
		goto done;
	snprintf(d, sizeof d, "%s", from);
	while (strcmp(d, to) <= 0) {
		ContribDay day;
		int has_day;

		w.date = d;
		w.visits = w.auto_closed = w.n_seen = 0;
		w.seconds = 0;
		if ((rc = checkin_each(st, d, walk_visit, &w)) != BORNE_OK)
			goto done;
		if (w.failed) {
			rc = w.failed;
			goto done;
		}
		rc = day_on(st, d, &day);
		if (rc != BORNE_OK && rc != BORNE_ENOTFOUND)
			goto done;
		has_day = rc == BORNE_OK;
		if (w.visits > 0 || has_day) {
			const char *row[6];

			snprintf(members, sizeof members, "%d", w.n_seen);
			snprintf(visits, sizeof visits, "%d", w.visits);
			time_format_duration(w.seconds, hours, sizeof hours);
			snprintf(autoc, sizeof autoc, "%d", w.auto_closed);
			row[0] = d;
			row[1] = has_day ? day.title : "";
			row[2] = members;
			row[3] = visits;
			row[4] = hours;
			row[5] = autoc;
			if ((rc = report_table_add(t, row)) != BORNE_OK)
				goto done;
			for (int i = 0; i < w.n_seen; i++)
				if ((rc = seen_add(&all, w.seen[i])) != BORNE_OK)
					goto done;
			tot_visits += w.visits;
			tot_auto += w.auto_closed;
			tot_s += w.seconds;
		}
		if ((rc = time_date_add(d, 1, d)) != BORNE_OK)
			goto done;
	}
	{
		const char *row[6];

		snprintf(members, sizeof members, "%d", all.n_seen);
		snprintf(visits, sizeof visits, "%d", tot_visits);
		time_format_duration(tot_s, hours, sizeof hours);
		snprintf(autoc, sizeof autoc, "%d", tot_auto);
		row[0] = "total";
		row[1] = "";
		row[2] = members;
		row[3] = visits;
		row[4] = hours;
		row[5] = autoc;
		if ((rc = report_table_add_total(t, row)) != BORNE_OK)
			goto done;
	}
	rc = report_table_print(t, fmt, out);
done:
	report_table_free(t);
	free(w.seen);
	free(all.seen);
	return rc;
}

static int
sum_cmp(const void *a, const void *b)
{
	const MemberSum *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	if (c != 0)
		return c;
	return (x->id > y->id) - (x->id < y->id);
}

static int
report_by_member(Store *st, const char *from, const char *to,
                 ReportFormat fmt, FILE *out)
{
	static const char *const head[] = {
		"id", "name", "role", "days", "visits", "hours", "auto_closed"
	};
	ReportTable *t = report_table_new(7, head, "rllrrrr");
	AttendWalk w;
	char d[TIME_DATE_SIZE], id[24], days[16], visits[16], hours[16],
	     autoc[16];
	int tot_visits = 0, tot_auto = 0, rc = BORNE_ENOMEM;
	int64_t tot_s = 0;

	memset(&w, 0, sizeof w);
	w.by_member = 1;
	if (t == NULL)
		goto done;
	snprintf(d, sizeof d, "%s", from);
	while (strcmp(d, to) <= 0) {
		w.date = d;
		w.n_seen = 0;
		if ((rc = checkin_each(st, d, walk_visit, &w)) != BORNE_OK)
			goto done;
		if (w.failed) {
			rc = w.failed;
			goto done;
		}
		if ((rc = time_date_add(d, 1, d)) != BORNE_OK)
			goto done;
	}
	if (w.n_sums > 1)
		qsort(w.sums, (size_t)w.n_sums, sizeof *w.sums, sum_cmp);
	for (int i = 0; i < w.n_sums; i++) {
		MemberSum *m = &w.sums[i];
		Member mem;
		const char *row[7];

		snprintf(id, sizeof id, "%lld", (long long)m->id);
		snprintf(days, sizeof days, "%d", m->days);
		snprintf(visits, sizeof visits, "%d", m->visits);
		time_format_duration(m->seconds, hours, sizeof hours);
		snprintf(autoc, sizeof autoc, "%d", m->auto_closed);
		row[0] = id;
		row[1] = m->name;
		row[2] = member_get(st, m->id, &mem) == BORNE_OK ?
		         member_role_name(mem.role) : "";
		row[3] = days;
		row[4] = visits;
		row[5] = hours;
		row[6] = autoc;
		if ((rc = report_table_add(t, row)) != BORNE_OK)
			goto done;
		tot_visits += m->visits;
		tot_auto += m->auto_closed;
		tot_s += m->seconds;
	}
	{
		const char *row[7];

		snprintf(id, sizeof id, "%d", w.n_sums);
		snprintf(visits, sizeof visits, "%d", tot_visits);
		time_format_duration(tot_s, hours, sizeof hours);
		snprintf(autoc, sizeof autoc, "%d", tot_auto);
		row[0] = "total";
		row[1] = id;         /* how many members came */
		row[2] = "";
		row[3] = "";
		row[4] = visits;
		row[5] = hours;
		row[6] = autoc;
		if ((rc = report_table_add_total(t, row)) != BORNE_OK)
			goto done;
	}
	rc = report_table_print(t, fmt, out);
done:
	report_table_free(t);
	free(w.seen);
	free(w.sums);
	return rc;
}

/* Hours per group, "(none)" for the visits in none, and a totals row:
** per work stream (report_streams) or per site (report_sites). */
static int
report_by_group(Store *st, const char *from, const char *to, ReportBy by,
                ReportFormat fmt, FILE *out)
{
	const char *head[] = { by == REPORT_BY_SITE ? "site" : "stream",
	                       "members", "visits", "hours" };
	ReportGroupFigures *f = NULL;
	ReportTable *t = report_table_new(4, head, "lrrr");
	char members[16], visits[16], hours[16];
	const char *row[4];
	int64_t tot_s = 0;
	int n = 0, tot_visits = 0, rc = BORNE_ENOMEM;

	if (t == NULL)
		goto done;
	rc = by == REPORT_BY_SITE ? report_sites(st, from, to, &f, &n)
	                          : report_streams(st, from, to, &f, &n);
	if (rc != BORNE_OK)
		goto done;
	for (int i = 0; i < n; i++) {
		snprintf(members, sizeof members, "%d", f[i].members);
		snprintf(visits, sizeof visits, "%d", f[i].visits);
		time_format_duration(f[i].seconds, hours, sizeof hours);
		row[0] = f[i].name[0] != '\0' ? f[i].name : "(none)";
		row[1] = members;
		row[2] = visits;
		row[3] = hours;
		if ((rc = report_table_add(t, row)) != BORNE_OK)
			goto done;
		tot_s += f[i].seconds;
		tot_visits += f[i].visits;
	}
	snprintf(visits, sizeof visits, "%d", tot_visits);
	time_format_duration(tot_s, hours, sizeof hours);
	row[0] = "total";
	row[1] = "";
	row[2] = visits;
	row[3] = hours;
	if ((rc = report_table_add_total(t, row)) != BORNE_OK)
		goto done;
	rc = report_table_print(t, fmt, out);
done:
	report_table_free(t);
	free(f);
	return rc;
}

int
report_attendance(Store *st, const char *from, const char *to, ReportBy by,
                  ReportFormat fmt, FILE *out)
{
	int n_days;

	if (st == NULL || out == NULL ||
	    check_range(from, to, &n_days) != BORNE_OK)
		return BORNE_EINVAL;
	if (by == REPORT_BY_MEMBER)
		return report_by_member(st, from, to, fmt, out);
	if (by == REPORT_BY_STREAM || by == REPORT_BY_SITE)
		return report_by_group(st, from, to, by, fmt, out);
	return report_by_day(st, from, to, fmt, out);
}

/* The USB export: one row per visit of the date. */
typedef struct VisitRows {
	Store       *st;
	ReportTable *t;
	int          rc;
	int64_t      member_id;  /* 0: everyone */
} VisitRows;

static int
write_visit_row(const Visit *v, void *ctx)
{
	VisitRows *vr = ctx;
	char id[24], mid[24], date[TIME_DATE_SIZE], in[6], outs[6] = "",
	     dur[16];
	const char *row[9];
	ContribDay day;
	int has_day = 0;

	if (vr->member_id != 0 && v->member_id != vr->member_id)
		return 0;
	snprintf(id, sizeof id, "%lld", (long long)v->id);
	snprintf(mid, sizeof mid, "%lld", (long long)v->member_id);
	time_local_date(v->in_utc, date);
	time_format_hm(v->in_utc, in);
	if (v->out_utc > 0)
		time_format_hm(v->out_utc, outs);
	time_format_duration(visit_seconds(v), dur, sizeof dur);
	if (v->day_id > 0 && day_get(vr->st, v->day_id, &day) == BORNE_OK)
		has_day = 1;
	/* No badge UID: a file on a stick leaves the building, and a UID is
	** enough to clone a badge. */
	row[0] = id;
	row[1] = mid;
	row[2] = v->member_name;
	row[3] = date;
	row[4] = in;
	row[5] = outs;
	row[6] = dur;
	row[7] = v->corrected ? "corrected" : v->auto_closed ? "auto_closed" :
	         v->out_utc > 0 ? "" : "open";
	row[8] = has_day ? day.title : "";
	if ((vr->rc = report_table_add(vr->t, row)) != BORNE_OK)
		return 1;
	return 0;
}

int
report_visits_csv(Store *st, const char *date, FILE *out)
{
	static const char *const head[] = {
		"id", "member_id", "name", "date", "in", "out", "hours", "flag",
		"day"
	};
	VisitRows vr;
	int rc;

	if (st == NULL || out == NULL || date == NULL ||
	    time_parse_date(date) != BORNE_OK)
		return BORNE_EINVAL;
	vr.st = st;
	vr.rc = BORNE_OK;
	vr.member_id = 0;
	vr.t = report_table_new(9, head, NULL);
	if (vr.t == NULL)
		return BORNE_ENOMEM;
	rc = checkin_each(st, date, write_visit_row, &vr);
	if (rc == BORNE_OK)
		rc = vr.rc;
	if (rc == BORNE_OK)
		rc = report_table_print(vr.t, REPORT_CSV, out);
	report_table_free(vr.t);
	return rc;
}

int
report_visits_range_csv(Store *st, const char *from, const char *to,
                        int64_t member_id, FILE *out)
{
	static const char *const head[] = {
		"id", "member_id", "name", "date", "in", "out", "hours", "flag",
		"day"
	};
	char d[TIME_DATE_SIZE];
	VisitRows vr;
	int rc, n_days;

	if (st == NULL || out == NULL ||
	    check_range(from, to, &n_days) != BORNE_OK)
		return BORNE_EINVAL;
	vr.st = st;
	vr.rc = BORNE_OK;
	vr.member_id = member_id;
	vr.t = report_table_new(9, head, NULL);
	if (vr.t == NULL)
		return BORNE_ENOMEM;
	/* Day by day, as every report here reads the visits. */
	snprintf(d, sizeof d, "%s", from);
	rc = BORNE_OK;
	while (rc == BORNE_OK && strcmp(d, to) <= 0) {
		rc = checkin_each(st, d, write_visit_row, &vr);
		if (rc == BORNE_OK)
			rc = vr.rc;
		if (rc == BORNE_OK)
			rc = time_date_add(d, 1, d);
	}
	if (rc == BORNE_OK && fputs(REPORT_UTF8_BOM, out) == EOF)
		rc = report_errno_rc(errno);
	if (rc == BORNE_OK)
		rc = report_table_print(vr.t, REPORT_CSV, out);
	report_table_free(vr.t);
	return rc;
}

int
report_find_stick(const char *media_root, char *out, size_t outlen)
{
	DIR *top, *sub;
	struct dirent *u, *s;
	char user[1024], path[2048];
	int rc = BORNE_ENOTFOUND;
	int read_only = 0;

	if (outlen > 0)
		out[0] = '\0';
	if ((top = opendir(media_root)) == NULL)
		return BORNE_ENOTFOUND;
	/* readdir order is arbitrary: keep the smallest name, so that the
	** same stick is picked every time. */
	while ((u = readdir(top)) != NULL) {
		struct stat sb;

		if (u->d_name[0] == '.')
			continue;
		snprintf(user, sizeof user, "%s/%s", media_root, u->d_name);
		if (stat(user, &sb) != 0 || !S_ISDIR(sb.st_mode))
			continue;
		if ((sub = opendir(user)) == NULL)
			continue;
		while ((s = readdir(sub)) != NULL) {
			if (s->d_name[0] == '.')
				continue;
			snprintf(path, sizeof path, "%s/%s", user, s->d_name);
			/* lstat: a link in /media is not a stick, whatever it
			** points to. */
			if (lstat(path, &sb) != 0 || !S_ISDIR(sb.st_mode))
				continue;
			if (access(path, W_OK) != 0) {
				read_only = 1;
				continue;
			}
			if (rc != BORNE_OK || strcmp(path, out) < 0) {
				if (strlen(path) >= outlen)
					continue;
				snprintf(out, outlen, "%s", path);
				rc = BORNE_OK;
			}
		}
		closedir(sub);
	}
	closedir(top);
	/* Only read-only sticks: say so, not "no stick". */
	if (rc == BORNE_ENOTFOUND && read_only)
		rc = BORNE_EREADONLY;
	return rc;
}

int
report_export_day(Store *st, const char *dir, const char *date,
                  char *path_out, size_t pathlen)
{
	char stick[1024], name[64], tmp[80], path[1200];
	const char *where = dir;
	FILE *f = NULL;
	int fd = -1, dfd = -1, rc;

	if (path_out != NULL && pathlen > 0)
		path_out[0] = '\0';
	if (st == NULL || date == NULL || time_parse_date(date) != BORNE_OK)
		return BORNE_EINVAL;
	if (where == NULL || where[0] == '\0') {
		if ((rc = report_find_stick("/media", stick, sizeof stick))
		    != BORNE_OK)
			return rc;
		where = stick;
	}
	/* The folder is opened once, not followed if it is a link, and every
	** name below is opened relative to it: a link planted on the stick
	** cannot send the write anywhere else. */
	dfd = open(where, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (dfd < 0) {
		if (errno == ENOENT)
			return BORNE_ENOTFOUND;
		if (errno == ELOOP || errno == ENOTDIR)
			return BORNE_EREFUSED;
		return report_errno_rc(errno);
	}
	snprintf(name, sizeof name, "borne-presences-%s.csv", date);
	snprintf(tmp, sizeof tmp, "%s.tmp", name);
	snprintf(path, sizeof path, "%s/%s", where, name);
	/* Written beside, then renamed: a stick pulled out mid-write leaves
	** the previous export whole, never half a file under the real name.
	** O_EXCL|O_NOFOLLOW: never write through what is already there. A
	** leftover .tmp (an earlier pull-out, or a planted link) is unlinked
	** -- unlinking a link removes the link, not what it points to. It is
	** made 0600 (names of who came), never inheriting an old mode. */
	fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	            O_CLOEXEC, 0600);
	if (fd < 0 && errno == EEXIST && unlinkat(dfd, tmp, 0) == 0)
		fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		            O_CLOEXEC, 0600);
	if (fd < 0) {
		rc = errno == EEXIST || errno == ELOOP || errno == EISDIR ?
		     BORNE_EREFUSED : report_errno_rc(errno);
		close(dfd);
		return rc;
	}
	if ((f = fdopen(fd, "w")) == NULL) {
		rc = report_errno_rc(errno);
		close(fd);
		goto fail;
	}
	/* The file is for a spreadsheet: UTF-8 with a BOM, or Excel reads it
	** as Windows-1252 and "Inès" comes out as "InÃ¨s". */
	if (fputs(REPORT_UTF8_BOM, f) == EOF) {
		rc = report_errno_rc(errno);
		goto fail;
	}
	if ((rc = report_visits_csv(st, date, f)) != BORNE_OK)
		goto fail;
	errno = 0;
	if (fsync(fileno(f)) != 0) {
		rc = report_errno_rc(errno);
		goto fail;
	}
	errno = 0;
	if (fclose(f) != 0) {
		f = NULL;
		rc = report_errno_rc(errno);
		goto fail;
	}
	f = NULL;
	/* rename() replaces a link under the final name by the file itself;
	** the link's target is never opened. */
	if (renameat(dfd, tmp, dfd, name) != 0) {
		rc = report_errno_rc(errno);
		goto fail;
	}
	(void)fsync(dfd);    /* some file systems refuse: the file is synced */
	close(dfd);
	if (path_out != NULL && pathlen > 0)
		snprintf(path_out, pathlen, "%s", path);
	return BORNE_OK;
fail:
	if (f != NULL)
		fclose(f);
	unlinkat(dfd, tmp, 0);
	close(dfd);
	return rc;
}
