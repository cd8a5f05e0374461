/* cmd_day.c -- borne-admin day ..., tap, and checkin ... commands.
** `tap` does exactly what a badge tap at the kiosk does (checkin_tap),
** at the real time or at --at, so that a whole day can be played from a
** script without a clock. */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "checkin.h"
#include "day.h"
#include "timeutil.h"
#include "uid.h"

typedef struct Rows {
	Admin       *a;
	ReportTable *t;
	int          rc;
	int          badges;     /* checkin list --badges: the UID column */
} Rows;

static int day_row(const ContribDay *d, void *ctx);
static int visit_row(const Visit *v, void *ctx);
static int parse_hm(const char *opt, const char *s, int *minutes);
static int parse_fix_time(const char *opt, const char *s, const char *date,
                          int64_t *utc);
static void format_minutes(int minutes, char out[6]);
static int split_dates(const char *opt, char *list, char **dates, int max,
                       int *n);

#define DAY_PLAN_LIST_MAX 53     /* a year of weeks */

static void
format_minutes(int minutes, char out[6])
{
	unsigned m = (unsigned)minutes % 1441u;

	snprintf(out, 6, "%02u:%02u", (m / 60u) % 25u, m % 60u);
}

static int
parse_hm(const char *opt, const char *s, int *minutes)
{
	if (time_parse_hm(s, minutes) != BORNE_OK)
		return admin_refuse("%s: \"%.40s\" is not a time (HH:MM)", opt, s);
	return ADMIN_GO;
}

int
cmd_day_add(Admin *a, int argc, char **argv)
{
	AdminOpt opts[] = {
		{ "--title", 1, NULL }, { "--from", 1, NULL }, { "--to", 1, NULL },
		{ "--weekly-until", 1, NULL }, { NULL, 0, NULL }
	};
	char *pos[1];
	int64_t first;
	int n, rc, open_min, close_min, n_added;

	if ((rc = admin_args(a, argc, argv, opts, pos, 1, 1, &n)) != ADMIN_GO)
		return rc;
	if (opts[0].value == NULL)
		return admin_usage_error(a, "missing --title");
	if (opts[1].value == NULL || opts[2].value == NULL)
		return admin_usage_error(a, "missing --from or --to");
	if (time_parse_date(pos[0]) != BORNE_OK)
		return admin_refuse("date: \"%.40s\" is not a date (YYYY-MM-DD)",
		                    pos[0]);
	if ((rc = parse_hm("--from", opts[1].value, &open_min)) != ADMIN_GO ||
	    (rc = parse_hm("--to", opts[2].value, &close_min)) != ADMIN_GO)
		return rc;
	if (close_min <= open_min)
		return admin_refuse("--to: the day ends (%s) before it starts (%s)",
		                    opts[2].value, opts[1].value);
	if (opts[3].value != NULL && time_parse_date(opts[3].value) != BORNE_OK)
		return admin_refuse("--weekly-until: \"%.40s\" is not a date "
		                    "(YYYY-MM-DD)", opts[3].value);
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	rc = day_add(a->st, pos[0], opts[0].value, open_min, close_min,
	             opts[3].value, 0, a->now_utc, &first, &n_added);
	if (rc != BORNE_OK)
		return admin_store_error(a, rc, NULL);
	printf("%lld\n", (long long)first);
	return ADMIN_EXIT_OK;
}

static int
day_row(const ContribDay *d, void *ctx)
{
	static const char *const wd[7] = {
		"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"
	};
	Rows *r = ctx;
	char id[24], from[6], to[6];
	const char *row[6];
	int w = time_weekday(d->date);

	snprintf(id, sizeof id, "%lld", (long long)d->id);
	format_minutes(d->open_min, from);
	format_minutes(d->close_min, to);
	row[0] = id;
	row[1] = d->date;
	row[2] = w >= 0 && w < 7 ? wd[w] : "";
	row[3] = from;
	row[4] = to;
	row[5] = d->title;
	if ((r->rc = report_table_add(r->t, row)) != BORNE_OK)
		return 1;
	return 0;
}

int
cmd_day_list(Admin *a, int argc, char **argv)
{
	static const char *const head[] = {
		"id", "date", "weekday", "from", "to", "title"
	};
	AdminOpt opts[] = {
		{ "--from", 1, NULL }, { "--to", 1, NULL }, { NULL, 0, NULL }
	};
	Rows r;
	char *pos[1];
	int n, rc;

	if ((rc = admin_args(a, argc, argv, opts, pos, 0, 0, &n)) != ADMIN_GO)
		return rc;
	for (int i = 0; i < 2; i++)
		if (opts[i].value != NULL && time_parse_date(opts[i].value)
		    != BORNE_OK)
			return admin_refuse("%s: \"%.40s\" is not a date (YYYY-MM-DD)",
			                    opts[i].name, opts[i].value);
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	r.a = a;
	r.rc = BORNE_OK;
	if ((r.t = report_table_new(6, head, "rlllll")) == NULL)
		return admin_refuse("out of memory");
	rc = day_each(a->st, opts[0].value, opts[1].value, day_row, &r);
	if (rc == BORNE_OK)
		rc = r.rc;
	if (rc == BORNE_OK)
		rc = report_table_print(r.t, a->fmt, stdout);
	report_table_free(r.t);
	return rc == BORNE_OK ? ADMIN_EXIT_OK :
	       admin_store_error(a, rc, "listing days");
}

/* "D,D,..." into dates (at most max), each checked. */
static int
split_dates(const char *opt, char *list, char **dates, int max, int *n)
{
	char *save = NULL, *tok;

	*n = 0;
	for (tok = strtok_r(list, ",", &save); tok != NULL;
	     tok = strtok_r(NULL, ",", &save)) {
		if (*n == max)
			return admin_refuse("%s: at most %d dates", opt, max);
		dates[(*n)++] = tok;
	}
	return ADMIN_GO;
}

int
cmd_day_plan(Admin *a, int argc, char **argv)
{
	AdminOpt opts[] = {
		{ "--until", 1, NULL }, { "--title", 1, NULL }, { "--from", 1, NULL },
		{ "--to", 1, NULL }, { "--skip", 1, NULL }, { "--move", 1, NULL },
		{ NULL, 0, NULL }
	};
	char skip_buf[1200] = "", move_buf[1200] = "", *pos[1];
	char *skip[DAY_PLAN_LIST_MAX], *moves_s[DAY_PLAN_LIST_MAX];
	DayMove moves[DAY_PLAN_LIST_MAX];
	DayPlan p;
	int64_t sid;
	int n, rc, n_added, n_skip = 0, n_moves = 0;

	if ((rc = admin_args(a, argc, argv, opts, pos, 1, 1, &n)) != ADMIN_GO)
		return rc;
	if (opts[0].value == NULL || opts[1].value == NULL ||
	    opts[2].value == NULL || opts[3].value == NULL)
		return admin_usage_error(a, "missing --until, --title, --from or --to");
	memset(&p, 0, sizeof p);
	p.first = pos[0];
	p.until = opts[0].value;
	p.title = opts[1].value;
	if ((rc = parse_hm("--from", opts[2].value, &p.open_min)) != ADMIN_GO ||
	    (rc = parse_hm("--to", opts[3].value, &p.close_min)) != ADMIN_GO)
		return rc;
	if (opts[4].value != NULL) {
		snprintf(skip_buf, sizeof skip_buf, "%s", opts[4].value);
		if ((rc = split_dates("--skip", skip_buf, skip, DAY_PLAN_LIST_MAX,
		                      &n_skip)) != ADMIN_GO)
			return rc;
	}
	if (opts[5].value != NULL) {
		snprintf(move_buf, sizeof move_buf, "%s", opts[5].value);
		if ((rc = split_dates("--move", move_buf, moves_s, DAY_PLAN_LIST_MAX,
		                      &n_moves)) != ADMIN_GO)
			return rc;
		for (int i = 0; i < n_moves; i++) {
			char *eq = strchr(moves_s[i], '=');

			if (eq == NULL)
				return admin_refuse("--move: \"%.40s\" is not FROM=TO",
				                    moves_s[i]);
			*eq = '\0';
			moves[i].from = moves_s[i];
			moves[i].to = eq + 1;
		}
	}
	p.skip = (const char *const *)skip;
	p.n_skip = n_skip;
	p.moves = moves;
	p.n_moves = n_moves;
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	rc = day_plan(a->st, &p, 0, a->now_utc, &sid, &n_added);
	if (rc != BORNE_OK)
		return admin_store_error(a, rc, NULL);
	printf("season %lld: %d days\n", (long long)sid, n_added);
	return ADMIN_EXIT_OK;
}

int
cmd_day_cancel(Admin *a, int argc, char **argv)
{
	AdminOpt opts[] = {
		{ "--series", 0, NULL }, { "--from", 1, NULL }, { NULL, 0, NULL }
	};
	char *pos[1];
	int64_t id;
	int n, rc, n_cancelled, n_kept;

	if ((rc = admin_args(a, argc, argv, opts, pos, 1, 1, &n)) != ADMIN_GO)
		return rc;
	if ((rc = admin_parse_id(a, pos[0], "ID", &id)) != ADMIN_GO)
		return rc;
	if (opts[1].value != NULL && opts[0].value == NULL)
		return admin_usage_error(a, "--from goes with --series");
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	if (opts[0].value == NULL) {
		if ((rc = day_cancel(a->st, id, 0, a->now_utc)) != BORNE_OK)
			return admin_store_error(a, rc, NULL);
		printf("day %lld cancelled\n", (long long)id);
		return ADMIN_EXIT_OK;
	}
	rc = day_series_cancel(a->st, id, opts[1].value, 0, a->now_utc,
	                       &n_cancelled, &n_kept);
	if (rc != BORNE_OK)
		return admin_store_error(a, rc, NULL);
	printf("season %lld: %d days cancelled, %d kept (they have visits)\n",
	       (long long)id, n_cancelled, n_kept);
	return ADMIN_EXIT_OK;
}

/* day streams DAY_ID [NAME...]: sets the streams when names are given
** (--clear: none), then prints them, one a line. */
int
cmd_day_streams(Admin *a, int argc, char **argv)
{
	AdminOpt opts[] = { { "--clear", 0, NULL }, { NULL, 0, NULL } };
	char *pos[DAY_STREAMS_MAX + 1];
	DayStreams ds;
	int64_t id;
	int n, rc;

	if ((rc = admin_args(a, argc, argv, opts, pos, 1, DAY_STREAMS_MAX + 1,
	                     &n)) != ADMIN_GO)
		return rc;
	if ((rc = admin_parse_id(a, pos[0], "DAY_ID", &id)) != ADMIN_GO)
		return rc;
	if (opts[0].value != NULL && n > 1)
		return admin_usage_error(a, "--clear takes no names");
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	if (n > 1 || opts[0].value != NULL) {
		rc = day_set_streams(a->st, id, (const char *const *)(pos + 1), n - 1,
		                     0, a->now_utc);
		if (rc != BORNE_OK)
			return admin_store_error(a, rc, NULL);
	}
	if ((rc = day_streams_get(a->st, id, &ds)) != BORNE_OK)
		return admin_store_error(a, rc, "reading the streams");
	for (int i = 0; i < ds.n; i++)
		printf("%s\n", ds.name[i]);
	return ADMIN_EXIT_OK;
}

int
cmd_tap(Admin *a, int argc, char **argv)
{
	AdminOpt opts[] = { { "--at", 1, NULL }, { NULL, 0, NULL } };
	CheckinResult res;
	BadgeUid uid;
	char *pos[1], why[160], order[16], hex[UID_HEX_SIZE], hm[6], today[16];
	UidDecOrder o = UID_DEC_LSB_FIRST;
	int64_t at;
	int n, rc;

	if ((rc = admin_args(a, argc, argv, opts, pos, 1, 1, &n)) != ADMIN_GO)
		return rc;
	at = a->now_utc;
	if (opts[0].value != NULL && time_parse_local(opts[0].value, &at)
	    != BORNE_OK)
		return admin_refuse("--at: \"%.40s\" is not a local time "
		                    "(YYYY-MM-DDTHH:MM[:SS])", opts[0].value);
	/* A tap ahead of the clock is a typo: it would stand in front of
	** every real tap of that member. */
	if (at > a->now_utc + 300)
		return admin_refuse("--at: %.40s is in the future", opts[0].value);
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	if (store_setting_get(a->st, "uid_decimal_order", order, sizeof order)
	    == BORNE_OK && strcmp(order, "msb") == 0)
		o = UID_DEC_MSB_FIRST;
	if (uid_parse(pos[0], o, &uid, why, sizeof why) != BORNE_OK)
		return admin_refuse("badge: \"%.60s\": %s", pos[0], why);
	if ((rc = checkin_tap(a->st, &uid, at, &res)) != BORNE_OK)
		return admin_store_error(a, rc, "tap");
	uid_format(&uid, hex);
	time_format_hm(at, hm);
	time_format_duration(res.today_s, today, sizeof today);
	switch (res.outcome) {
	case CHECKIN_IN:
	case CHECKIN_OUT:
		printf("%s #%lld %s at %s, %s today\n",
		       checkin_outcome_name(res.outcome),
		       (long long)res.member.id, res.member.name, hm, today);
		break;
	case CHECKIN_IGNORED:
		printf("ignored #%lld %s at %s (repeat of a tap %lld s ago), %s "
		       "today\n", (long long)res.member.id, res.member.name, hm,
		       (long long)res.ago_s, today);
		break;
	case CHECKIN_UNKNOWN:
		printf("unknown badge %s at %s\n", hex, hm);
		break;
	case CHECKIN_INACTIVE:
		printf("inactive #%lld %s at %s (member deactivated)\n",
		       (long long)res.member.id, res.member.name, hm);
		break;
	case CHECKIN_HELD:               /* only for an untrusted clock */
		printf("held #%lld %s\n", (long long)res.member.id, res.member.name);
		break;
	}
	return ADMIN_EXIT_OK;
}

static int
visit_row(const Visit *v, void *ctx)
{
	Rows *r = ctx;
	char id[24], mid[24], date[TIME_DATE_SIZE], in[6], out[6] = "",
	     dur[16], day[24] = "";
	const char *row[10];
	int n;

	snprintf(id, sizeof id, "%lld", (long long)v->id);
	snprintf(mid, sizeof mid, "%lld", (long long)v->member_id);
	if (v->day_id > 0)
		snprintf(day, sizeof day, "%lld", (long long)v->day_id);
	time_local_date(v->in_utc, date);
	time_format_hm(v->in_utc, in);
	if (v->out_utc > 0)
		time_format_hm(v->out_utc, out);
	time_format_duration(v->out_utc > v->in_utc ? v->out_utc - v->in_utc : 0,
	                     dur, sizeof dur);
	n = 0;
	row[n++] = id;
	row[n++] = date;
	row[n++] = mid;
	row[n++] = v->member_name;
	if (r->badges)
		row[n++] = v->badge;
	row[n++] = in;
	row[n++] = out;
	row[n++] = dur;
	row[n++] = v->auto_closed ? "auto_closed" : v->out_late ? "late_out" :
	           v->out_utc > 0 ? "" : "open";
	row[n++] = day;
	if ((r->rc = report_table_add(r->t, row)) != BORNE_OK)
		return 1;
	return 0;
}

int
cmd_checkin_list(Admin *a, int argc, char **argv)
{
	/* A badge UID is all a check-in asks for: the column is there only
	** with --badges. */
	static const char *const head[] = {
		"id", "date", "member_id", "name", "badge", "in", "out", "hours",
		"flag", "day_id"
	};
	static const char *const head_no_badge[] = {
		"id", "date", "member_id", "name", "in", "out", "hours", "flag",
		"day_id"
	};
	AdminOpt opts[] = {
		{ "--date", 1, NULL }, { "--badges", 0, NULL }, { NULL, 0, NULL }
	};
	Rows r;
	char *pos[1];
	int n, rc;

	if ((rc = admin_args(a, argc, argv, opts, pos, 0, 0, &n)) != ADMIN_GO)
		return rc;
	if (opts[0].value != NULL && time_parse_date(opts[0].value) != BORNE_OK)
		return admin_refuse("--date: \"%.40s\" is not a date (YYYY-MM-DD)",
		                    opts[0].value);
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	/* Visits whose day is over are closed (and flagged) as the kiosk
	** would on its next tap; a read-only database just shows them open. */
	(void)checkin_close_stale(a->st, a->now_utc, NULL);
	r.a = a;
	r.rc = BORNE_OK;
	r.badges = opts[1].value != NULL;
	r.t = r.badges ? report_table_new(10, head, "rlrlllllll") :
	      report_table_new(9, head_no_badge, "rlrllllll");
	if (r.t == NULL)
		return admin_refuse("out of memory");
	rc = checkin_each(a->st, opts[0].value, visit_row, &r);
	if (rc == BORNE_OK)
		rc = r.rc;
	if (rc == BORNE_OK)
		rc = report_table_print(r.t, a->fmt, stdout);
	report_table_free(r.t);
	return rc == BORNE_OK ? ADMIN_EXIT_OK :
	       admin_store_error(a, rc, "listing check-ins");
}

/* A full local time, or HH:MM on the visit's own date. */
static int
parse_fix_time(const char *opt, const char *s, const char *date, int64_t *utc)
{
	int minutes;

	if (strchr(s, 'T') != NULL) {
		if (time_parse_local(s, utc) == BORNE_OK)
			return ADMIN_GO;
	} else if (time_parse_hm(s, &minutes) == BORNE_OK &&
	           time_local_to_utc(date, minutes, utc) == BORNE_OK) {
		return ADMIN_GO;
	}
	return admin_refuse("%s: \"%.40s\" is not a time (YYYY-MM-DDTHH:MM[:SS] "
	                    "or HH:MM)", opt, s);
}

int
cmd_checkin_fix(Admin *a, int argc, char **argv)
{
	AdminOpt opts[] = {
		{ "--in", 1, NULL }, { "--out", 1, NULL }, { NULL, 0, NULL }
	};
	Visit v;
	char *pos[1], date[TIME_DATE_SIZE], in[17], out[17], dur[16];
	int64_t id, in_utc, out_utc;
	int n, rc;

	if ((rc = admin_args(a, argc, argv, opts, pos, 1, 1, &n)) != ADMIN_GO)
		return rc;
	if ((rc = admin_parse_id(a, pos[0], "ID", &id)) != ADMIN_GO)
		return rc;
	if (opts[0].value == NULL || opts[1].value == NULL)
		return admin_usage_error(a, "missing --in or --out");
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	if ((rc = checkin_get(a->st, id, &v)) != BORNE_OK)
		return admin_store_error(a, rc, NULL);
	time_local_date(v.in_utc, date);
	if ((rc = parse_fix_time("--in", opts[0].value, date, &in_utc))
	    != ADMIN_GO ||
	    (rc = parse_fix_time("--out", opts[1].value, date, &out_utc))
	    != ADMIN_GO)
		return rc;
	if (out_utc <= in_utc)
		return admin_refuse("--out: the visit ends before it starts");
	rc = checkin_fix(a->st, id, in_utc, out_utc, 0, a->now_utc);
	if (rc != BORNE_OK)
		return admin_store_error(a, rc, NULL);
	admin_format_local(in_utc, in);
	admin_format_local(out_utc, out);
	time_format_duration(out_utc - in_utc, dur, sizeof dur);
	printf("visit %lld: %s to %s (%s)\n", (long long)id, in, out, dur);
	return ADMIN_EXIT_OK;
}
