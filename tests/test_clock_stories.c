/* test_clock_stories.c -- hours that stay true whatever the clock does.
** Each story plays taps at the door through the state machine (as the
** kiosk does), with a wall clock that may differ from the true time
** (the monotonic clock always follows the true time), and checks the
** hours each member is given on each date, plus the invariants: no visit
** ends before it began, one member's visits never overlap, none is dated
** before 2024. */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "borne.h"
#include "check.h"
#include "checkin.h"
#include "clock.h"
#include "core_fixture.h"
#include "day.h"
#include "member.h"
#include "uuid.h"

enum { INES, ZOE, N_WHO };

typedef struct Step {
	char        op;     /* T tap, S sync, K tick, D day, A admin tap, R restart */
	const char *when;   /* true local time */
	const char *wall;   /* what the wall clock says; NULL: the true time */
	int         who;    /* T, A */
	int         arg;    /* S: ClockSync; D: open * 10000 + close (minutes) */
} Step;

typedef struct Expect {
	int         who;
	const char *date;
	int64_t     seconds;
} Expect;

typedef struct Story {
	const char *name;
	Step        steps[12];
	Expect      expect[4];
	int         n_untimed;       /* held taps that can never be timed */
} Story;

#define H(h, m) ((int64_t)(h) * 3600 + (int64_t)(m) * 60)

static const Story stories[] = {
	{ "boot in 1970, then the network time", {
		{ 'S', "2026-03-12T08:59", "1970-01-01T01:00", 0, CLOCK_SYNC_NO },
		{ 'T', "2026-03-12T09:00", "1970-01-01T01:01", INES, 0 },
		{ 'K', "2026-03-12T09:05", "1970-01-01T01:06", 0, 0 },
		{ 'S', "2026-03-12T09:10", NULL, 0, CLOCK_SYNC_YES },
		{ 'T', "2026-03-12T12:00", NULL, INES, 0 },
	}, { { INES, "2026-03-12", H(3, 0) }, { INES, "1970-01-01", 0 } }, 0 },
	{ "fake-hwclock days behind", {
		{ 'T', "2026-03-12T09:00", NULL, INES, 0 },
		{ 'T', "2026-03-12T17:00", NULL, INES, 0 },
		{ 'T', "2026-03-13T08:50", "2026-03-10T10:00", ZOE, 0 },
		{ 'S', "2026-03-13T09:00", NULL, 0, CLOCK_SYNC_YES },
		{ 'T', "2026-03-13T12:50", NULL, ZOE, 0 },
	}, { { INES, "2026-03-12", H(8, 0) }, { ZOE, "2026-03-13", H(4, 0) },
	     { ZOE, "2026-03-10", 0 } }, 0 },
	{ "a jump forward of a day, and back", {
		{ 'T', "2026-03-12T09:00", NULL, INES, 0 },
		{ 'K', "2026-03-12T09:30", "2026-03-13T09:30", 0, 0 },
		{ 'T', "2026-03-12T10:00", "2026-03-13T10:00", ZOE, 0 },
		{ 'K', "2026-03-12T10:30", NULL, 0, 0 },
		{ 'T', "2026-03-12T12:00", NULL, INES, 0 },
		{ 'T', "2026-03-12T13:00", NULL, ZOE, 0 },
	}, { { INES, "2026-03-12", H(3, 0) }, { ZOE, "2026-03-12", H(3, 0) },
	     { ZOE, "2026-03-13", 0 } }, 0 },
	{ "summer time begins during a visit", {
		{ 'T', "2026-03-29T01:30", NULL, INES, 0 },
		{ 'T', "2026-03-29T04:30", NULL, INES, 0 },  /* 02:00 -> 03:00 */
	}, { { INES, "2026-03-29", H(2, 0) } }, 0 },
	{ "summer time ends during a visit", {
		{ 'T', "2026-10-25T01:30", NULL, INES, 0 },
		{ 'T', "2026-10-25T03:30", NULL, INES, 0 },  /* 03:00 -> 02:00 */
	}, { { INES, "2026-10-25", H(3, 0) } }, 0 },
	{ "leaving after midnight", {
		{ 'D', "2026-03-13T10:00", NULL, 0, 1140 * 10000 + 1440 },
		{ 'T', "2026-03-13T19:00", NULL, INES, 0 },
		{ 'T', "2026-03-14T00:20", NULL, INES, 0 },
		{ 'K', "2026-03-14T09:00", NULL, 0, 0 },
	}, { { INES, "2026-03-13", H(5, 20) }, { INES, "2026-03-14", 0 } }, 0 },
	{ "a day opened after the first taps", {
		{ 'T', "2026-03-16T08:45", NULL, INES, 0 },
		{ 'D', "2026-03-16T09:30", NULL, 0, 540 * 10000 + 1020 },
		{ 'K', "2026-03-17T08:00", NULL, 0, 0 },
	}, { { INES, "2026-03-16", H(8, 15) } }, 0 },
	{ "no contributive day: a forgotten departure is capped", {
		{ 'T', "2026-03-18T09:00", NULL, INES, 0 },
		{ 'K', "2026-03-19T08:00", NULL, 0, 0 },
	}, { { INES, "2026-03-18", H(10, 0) } }, 0 },
	{ "one visit dated a day ahead", {
		{ 'A', "2026-03-21T09:00", NULL, INES, 0 },
		{ 'S', "2026-03-20T08:00", NULL, 0, CLOCK_SYNC_YES },
		{ 'T', "2026-03-20T09:00", NULL, INES, 0 },
		{ 'T', "2026-03-20T16:00", NULL, INES, 0 },
	}, { { INES, "2026-03-20", H(7, 0) } }, 0 },
	{ "a power cut before the time was known", {
		{ 'S', "2026-03-23T08:59", "1970-01-01T01:00", 0, CLOCK_SYNC_NO },
		{ 'T', "2026-03-23T09:00", "1970-01-01T01:01", INES, 0 },
		{ 'R', "2026-03-23T09:30", NULL, 0, 0 },
		{ 'T', "2026-03-23T12:00", NULL, ZOE, 0 },
	}, { { INES, "2026-03-23", 0 }, { INES, "1970-01-01", 0 } }, 1 },
};

typedef struct Door {
	Store   *st;
	App     *app;
	int64_t  base_utc;       /* true time at mono 0 */
	int64_t  now_utc, mono_ms;
	int      boot;
} Door;

static const BadgeUid badges[N_WHO] = {
	{ 4, { 0x04, 0xA1, 0xB2, 0xC3 } },
	{ 7, { 0x04, 1, 2, 3, 4, 5, 6 } },
};
static int64_t ids[N_WHO];

static void
door_app(Door *d)
{
	AppConfig cfg;

	app_config_defaults(&cfg);
	cfg.build_utc = fx_t("2026-01-01T00:00");
	snprintf(cfg.boot_id, sizeof cfg.boot_id, "boot-%d", d->boot);
	CHECK_INT(app_new(d->st, &cfg, d->mono_ms, d->now_utc, &d->app), BORNE_OK);
}

static void
door_at(Door *d, const Step *s)
{
	int64_t truth = fx_t(s->when);

	d->mono_ms = (truth - d->base_utc) * 1000;
	d->now_utc = s->wall != NULL ? fx_t(s->wall) : truth;
}

static void
door_send(Door *d, AppEventType type, int64_t arg, const BadgeUid *uid)
{
	AppEvent ev;

	memset(&ev, 0, sizeof ev);
	ev.type = type;
	ev.arg = arg;
	if (uid != NULL)
		ev.uid = *uid;
	app_handle(d->app, &ev, d->mono_ms, d->now_utc);
}

static void
story_run(const Story *s, int k)
{
	char name[32];
	Door d;
	CheckinResult r;
	int held = 0, untimed = 0;
	int64_t newest;

	memset(&d, 0, sizeof d);
	snprintf(name, sizeof name, "story%d.db", k);
	d.st = fx_open(name);
	for (int w = 0; w < N_WHO; w++)
		CHECK_INT(member_add(d.st, w == INES ? "Inès" : "Zoé",
		                     w == INES ? ROLE_COOPERATOR : ROLE_COWORKER, 0,
		                     &badges[w], NULL, 0, 1, &ids[w]), BORNE_OK);
	d.base_utc = fx_t(s->steps[0].when) - 3600;
	d.mono_ms = 3600 * 1000;
	d.now_utc = d.base_utc + 3600;
	door_app(&d);
	for (int i = 0; i < 12 && s->steps[i].op != 0; i++) {
		const Step *st = &s->steps[i];
		int64_t id;

		door_at(&d, st);
		switch (st->op) {
		case 'T':
			door_send(&d, APP_EV_BADGE, 0, &badges[st->who]);
			break;
		case 'S':
			door_send(&d, APP_EV_CLOCK, st->arg, NULL);
			break;
		case 'K':         /* the first may only end a screen; then a minute */
			door_send(&d, APP_EV_TICK, 0, NULL);
			d.mono_ms += 60000;
			d.now_utc += 60;
			door_send(&d, APP_EV_TICK, 0, NULL);
			break;
		case 'D': {
			char date[11];

			memcpy(date, st->when, 10);
			date[10] = '\0';
			CHECK_INT(day_add(d.st, date, "Journée", st->arg / 10000,
			                  st->arg % 10000, NULL, 0, d.now_utc, &id, NULL),
			          BORNE_OK);
			break;
		}
		case 'A':
			CHECK_INT(checkin_tap(d.st, &badges[st->who], d.now_utc, &r),
			          BORNE_OK);
			break;
		case 'R':                       /* a new boot: a new monotonic clock */
			app_free(d.app);
			d.boot++;
			d.base_utc = fx_t(st->when) - 60;
			d.mono_ms = 60 * 1000;
			d.now_utc = fx_t(st->when);
			door_app(&d);
			break;
		}
	}
	for (int e = 0; e < 4 && s->expect[e].date != NULL; e++) {
		int64_t secs = -1;

		CHECK_INT(checkin_seconds_on(d.st, ids[s->expect[e].who],
		                             s->expect[e].date, fx_t("2026-12-31T00:00"),
		                             &secs), BORNE_OK);
		if (secs != s->expect[e].seconds)
			fprintf(stderr, "story \"%s\": member %d on %s\n", s->name,
			        s->expect[e].who, s->expect[e].date);
		CHECK_INT(secs, s->expect[e].seconds);
	}
	CHECK_INT(checkin_clock_facts(d.st, &newest, &held, &untimed), BORNE_OK);
	CHECK_INT(untimed, s->n_untimed);
	CHECK_INT(fx_sql_int(d.st, "SELECT count(*) FROM visits"
	                           " WHERE out_utc < in_utc"), 0);
	CHECK_INT(fx_sql_int(d.st, "SELECT count(*) FROM visits WHERE in_utc < 1704067200"), 0);
	CHECK_INT(fx_sql_int(d.st,
		"SELECT count(*) FROM visits a JOIN visits b"
		" ON a.member_id = b.member_id AND a.id < b.id"
		" AND a.in_utc < COALESCE(b.out_utc, b.in_utc + 1)"
		" AND b.in_utc < COALESCE(a.out_utc, a.in_utc + 1)"), 0);
	app_free(d.app);
	store_close(d.st);
}

/* The verdict alone, fact by fact. */
static void
verdicts(void)
{
	ClockFacts f = { .now_utc = fx_t("2026-03-12T09:00"),
	                 .build_utc = fx_t("2026-01-01T00:00") };

	CHECK_INT(clock_verdict(&f), CLOCK_OK);
	f.newest_tap_utc = f.now_utc + CLOCK_SLACK_S;
	CHECK_INT(clock_verdict(&f), CLOCK_OK);           /* within the slack */
	f.newest_tap_utc = f.now_utc + CLOCK_SLACK_S + 1;
	CHECK_INT(clock_verdict(&f), CLOCK_BEFORE_LAST_TAP);
	f.confirmed = 1;
	CHECK_INT(clock_verdict(&f), CLOCK_OK);
	f.confirmed = 0;
	f.sync = CLOCK_SYNC_YES;
	CHECK_INT(clock_verdict(&f), CLOCK_OK);            /* the network wins */
	f.newest_tap_utc = 0;
	f.sync = CLOCK_SYNC_NO;
	CHECK_INT(clock_verdict(&f), CLOCK_NOT_SYNCED);
	f.sync = CLOCK_SYNC_UNKNOWN;
	f.jumped = 1;
	CHECK_INT(clock_verdict(&f), CLOCK_JUMPED);
	f.jumped = 0;
	f.now_utc = fx_t("2025-12-31T23:59");
	f.sync = CLOCK_SYNC_YES;
	f.confirmed = 1;
	CHECK_INT(clock_verdict(&f), CLOCK_BEFORE_BUILD);  /* nobody vouches */
}

/* Plays steps (S: news from the time service; K: a minute of ticks) on a
** new kiosk and checks the time and date it shows after each. */
static void
shown_run(const char *name, const Step *steps, const char *const (*shown)[2],
          size_t n)
{
	Door d;

	memset(&d, 0, sizeof d);
	d.st = fx_open(name);
	d.base_utc = fx_t(steps[0].when) - 3600;
	d.mono_ms = 3600 * 1000;
	door_at(&d, &steps[0]);
	door_app(&d);
	for (size_t i = 0; i < n; i++) {
		const AppView *v;

		door_at(&d, &steps[i]);
		if (steps[i].op == 'S')
			door_send(&d, APP_EV_CLOCK, steps[i].arg, NULL);
		else {
			door_send(&d, APP_EV_TICK, 0, NULL);
			d.mono_ms += 60000;
			d.now_utc += 60;
		}
		door_send(&d, APP_EV_TICK, 0, NULL);
		v = app_view(d.app);
		if (strcmp(v->clock, shown[i][0]) != 0)
			fprintf(stderr, "%s: step %zu\n", name, i);
		CHECK_STR(v->clock, shown[i][0]);
		CHECK_STR(v->date_long, shown[i][1]);
	}
	app_free(d.app);
	store_close(d.st);
}

/* The time on screen is the kiosk's best knowledge: dashes when it has
** none, the monotonic clock from the last trusted time when the wall
** clock jumped, never the jumped clock. */
static void
shown_time(void)
{
	static const Step boot_1970[] = {
		{ 'S', "2026-03-12T08:59", "1970-01-01T01:00", 0, CLOCK_SYNC_NO },
		{ 'K', "2026-03-12T09:05", "1970-01-01T01:06", 0, 0 },
		{ 'S', "2026-03-12T09:10", NULL, 0, CLOCK_SYNC_YES },
	};
	static const char *const boot_1970_shown[][2] = {
		{ "--:--", "Heure à vérifier" }, { "--:--", "Heure à vérifier" },
		{ "9:10", "Jeudi 12 mars" },
	};
	static const Step jump[] = {
		{ 'K', "2026-03-12T09:00", NULL, 0, 0 },
		{ 'K', "2026-03-12T09:30", "2026-03-13T11:30", 0, 0 },
		{ 'K', "2026-03-12T10:00", "2026-03-11T07:00", 0, 0 },
		{ 'K', "2026-03-12T10:30", NULL, 0, 0 },
	};
	static const char *const jump_shown[][2] = {
		{ "9:01", "Jeudi 12 mars" }, { "9:31", "Jeudi 12 mars" },
		{ "10:01", "Jeudi 12 mars" }, { "10:31", "Jeudi 12 mars" },
	};

	shown_run("shown1970.db", boot_1970, boot_1970_shown,
	          sizeof boot_1970 / sizeof boot_1970[0]);
	shown_run("shownjump.db", jump, jump_shown, sizeof jump / sizeof jump[0]);
}

/* Corrections that would make hours untrue are refused. */
static void
absurd_fixes(void)
{
	Store *st = fx_open("fix.db");
	CheckinResult r;
	int64_t ines, now = fx_t("2026-03-20T12:00"), v1, v2;

	CHECK_INT(member_add(st, "Inès", ROLE_COOPERATOR, 0, &badges[INES], NULL, 0,
	                     1, &ines), BORNE_OK);
	CHECK_INT(checkin_tap(st, &badges[INES], fx_t("2026-03-18T09:00"), &r), BORNE_OK);
	v1 = r.visit_id;
	CHECK_INT(checkin_tap(st, &badges[INES], fx_t("2026-03-18T12:00"), &r), BORNE_OK);
	CHECK_INT(checkin_tap(st, &badges[INES], fx_t("2026-03-19T09:00"), &r), BORNE_OK);
	v2 = r.visit_id;
	CHECK_INT(checkin_tap(st, &badges[INES], fx_t("2026-03-19T12:00"), &r), BORNE_OK);
	CHECK_INT(checkin_fix(st, v1, fx_t("2026-03-18T09:00"), fx_t("2026-03-19T15:00"),
	                      0, now), BORNE_EINVAL);          /* 30 h */
	CHECK_CONTAINS(store_errmsg(st), "24 hours");
	CHECK_INT(checkin_fix(st, v2, fx_t("2026-03-19T09:00"), fx_t("2026-03-21T09:00"),
	                      0, now), BORNE_EINVAL);          /* the future */
	CHECK_INT(checkin_fix(st, v1, fx_t("1970-01-01T09:00"), fx_t("1970-01-01T12:00"),
	                      0, now), BORNE_EINVAL);          /* 1970 */
	CHECK_INT(checkin_fix(st, v2, fx_t("2026-03-18T11:00"), fx_t("2026-03-19T10:00"),
	                      0, now), BORNE_EINVAL);          /* overlaps v1 */
	CHECK_CONTAINS(store_errmsg(st), "overlap");
	CHECK_INT(checkin_fix(st, v1, fx_t("2026-03-18T08:30"), fx_t("2026-03-18T17:00"),
	                      0, now), BORNE_OK);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM audit WHERE action = 'visit.fix'"), 1);
	store_close(st);
}

int
main(void)
{
	fx_setup();
	verdicts();
	absurd_fixes();
	shown_time();
	for (size_t k = 0; k < sizeof stories / sizeof stories[0]; k++)
		story_run(&stories[k], (int)k);
	fx_cleanup();
	return check_done();
}
