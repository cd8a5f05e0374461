/* soak.c -- a year at the door, to see that memory stays flat.
** Drives the kiosk's state machine (app_handle) as the UI would, on a
** virtual clock: four contributive days a week (Tuesday, Wednesday,
** Thursday, Saturday, 9 h - 18 h) for a year, members tapping in and out
** all day (with bounces and unknown badges), missions posted and approved
** (core calls, as the post form and facilitator mode end in them), taken,
** released and marked done at the kiosk (app events: the mission page,
** then a badge), new members enrolled and others leaving every week.
** Prints the resident set size (/proc/self/statm), the heap in use
** (mallinfo2) and SQLite's own memory after the first 1,000 taps, as it
** goes and at the end.
**
**   soak [--taps N] [--edits N] [--check]
**
** Defaults: 100,000 taps and 10,000 mission edits (also with BORNE_LONG=1,
** whatever the arguments). --check (the short
** ctest run) fails on a gross leak only: the heap outside SQLite growing
** by more than 1 MB after the first 1,000 taps. The database lives in
** /dev/shm when there is one: the soak is about memory, not the disk. */
#include <malloc.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "day.h"
#include "member.h"
#include "mission.h"
#include "store.h"
#include "timeutil.h"

#if defined(__SANITIZE_ADDRESS__)
#define SOAK_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SOAK_ASAN 1
#endif
#endif
#ifndef SOAK_ASAN
#define SOAK_ASAN 0
#endif

#define MAX_MEMBERS   400
#define N_START       120      /* members on the first day */
#define N_STAFF       4        /* the first ones are facilitators */
#define N_COWORKERS   16       /* then coworkers, then cooperators */
#define MAX_ACTIVE    4096     /* missions followed at once */
#define GROSS_LEAK_BYTES (1024 * 1024)

typedef struct Mem {
	double rss_mb;
	size_t heap, sqlite;
} Mem;

typedef struct Soak {
	Store *st;
	App   *app;
	const AppView *v;
	int64_t utc, ms, start_utc;
	uint64_t rng;
	int64_t  member_id[MAX_MEMBERS];
	BadgeUid badge[MAX_MEMBERS];
	int      active[MAX_MEMBERS];
	int      n_members;
	int64_t  missions[MAX_ACTIVE];  /* pending, open or taken */
	int      n_missions;
	long     taps, edits, edit_tries, enrolled, left, in, out, ignored;
	int      days;
} Soak;

static uint64_t rnd(Soak *s);
static int      rnd_n(Soak *s, int n);
static void     mem_read(Mem *m);
static void     mem_print(const char *when, const Mem *m);
static int      ev(Soak *s, AppEventType type, AppAction act, int64_t arg,
                   const BadgeUid *uid);
static void     advance(Soak *s, int64_t seconds);
static int      member_new(Soak *s);
static int      pick_member(Soak *s, int staff_or_coworker);
static void     tap_once(Soak *s, const BadgeUid *uid);
static void     do_tap(Soak *s);
static int      do_edit(Soak *s);
static int      edit_add(Soak *s);
static int      edit_at_kiosk(Soak *s, int64_t id, AppAction act, int who);
static void     mission_forget(Soak *s, int i);
static int      first_taker(int64_t member_id, const char *name,
                            int64_t taken_utc, void *ctx);

static uint64_t
rnd(Soak *s)
{
	uint64_t x = s->rng;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	s->rng = x;
	return x * 0x2545F4914F6CDD1DULL;
}

static int
rnd_n(Soak *s, int n)
{
	return (int)(rnd(s) % (uint64_t)n);
}

static void
mem_read(Mem *m)
{
	long pages = 0, resident = 0;
	FILE *f = fopen("/proc/self/statm", "r");
	struct mallinfo2 mi = mallinfo2();

	if (f != NULL) {
		if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
			resident = 0;
		fclose(f);
	}
	m->rss_mb = (double)resident * (double)sysconf(_SC_PAGESIZE) / 1048576.0;
	m->heap = mi.uordblks + mi.hblkhd;
	m->sqlite = (size_t)sqlite3_memory_used();
}

static void
mem_print(const char *when, const Mem *m)
{
	if (SOAK_ASAN) {             /* mallinfo2 does not see ASan's heap */
		printf("soak: %-22s rss %6.2f MB (AddressSanitizer build), SQLite"
		       " %7.1f KB\n", when, m->rss_mb, (double)m->sqlite / 1024.0);
		fflush(stdout);
		return;
	}
	printf("soak: %-22s rss %6.2f MB, heap %7.1f KB (SQLite %7.1f KB,"
	       " the rest %7.1f KB)\n", when, m->rss_mb, (double)m->heap / 1024.0,
	       (double)m->sqlite / 1024.0,
	       ((double)m->heap - (double)m->sqlite) / 1024.0);
	fflush(stdout);
}

static int
ev(Soak *s, AppEventType type, AppAction act, int64_t arg, const BadgeUid *uid)
{
	AppEvent e;

	memset(&e, 0, sizeof e);
	e.type = type;
	e.action = act;
	e.arg = arg;
	if (uid != NULL)
		e.uid = *uid;
	return app_handle(s->app, &e, s->ms, s->utc);
}

/* Time passes; the UI's tick comes. */
static void
advance(Soak *s, int64_t seconds)
{
	s->utc += seconds;
	s->ms += seconds * 1000;
	ev(s, APP_EV_TICK, ACT_NONE, 0, NULL);
}

/* Enrols one more member (badge C0 hi lo 01). Index, or -1. */
static int
member_new(Soak *s)
{
	int i = s->n_members;
	MemberRole role = i < N_STAFF ? ROLE_FACILITATOR
	                : i < N_STAFF + N_COWORKERS ? ROLE_COWORKER
	                : ROLE_COOPERATOR;
	char name[48];

	if (i == MAX_MEMBERS)
		return -1;
	memset(&s->badge[i], 0, sizeof s->badge[i]);
	s->badge[i].len = 4;
	s->badge[i].bytes[0] = 0xC0;
	s->badge[i].bytes[1] = (uint8_t)(i >> 8);
	s->badge[i].bytes[2] = (uint8_t)i;
	s->badge[i].bytes[3] = 0x01;
	snprintf(name, sizeof name, "Membre %03d", i);
	if (member_add(s->st, name, role, i % 7 == 0, &s->badge[i], NULL, 0,
	               s->utc, &s->member_id[i]) != BORNE_OK) {
		fprintf(stderr, "soak: member_add: %s\n", store_errmsg(s->st));
		exit(2);
	}
	s->active[i] = 1;
	s->n_members++;
	return i;
}

/* An active member at random; staff_or_coworker: one who may post. */
static int
pick_member(Soak *s, int staff_or_coworker)
{
	int n = staff_or_coworker ? N_STAFF + N_COWORKERS : s->n_members;

	for (;;) {
		int i = rnd_n(s, n);

		if (s->active[i])
			return i;
	}
}

static void
tap_once(Soak *s, const BadgeUid *uid)
{
	unsigned seq = s->v->cue_seq;

	ev(s, APP_EV_BADGE, ACT_NONE, 0, uid);
	s->taps++;
	if (s->v->screen == SCREEN_BADGE_RESULT && s->v->cue_seq != seq) {
		s->in += s->v->result.outcome == CHECKIN_IN;
		s->out += s->v->result.outcome == CHECKIN_OUT;
		s->ignored += s->v->result.outcome == CHECKIN_IGNORED;
	}
}

static void
do_tap(Soak *s)
{
	static const BadgeUid unknown = { 4, { 0xEE, 0x10, 0x20, 0x30 } };
	int i = pick_member(s, 0);

	tap_once(s, rnd_n(s, 50) == 0 ? &unknown : &s->badge[i]);
	if (rnd_n(s, 20) == 0) {          /* the badge bounces */
		advance(s, 2);
		tap_once(s, &s->badge[i]);
	}
	ev(s, APP_EV_BADGE_REMOVED, ACT_NONE, 0, NULL);
	if (rnd_n(s, 3) == 0) {           /* looks at the board */
		ev(s, APP_EV_ACTION, ACT_CONTINUE, 0, NULL);
		ev(s, APP_EV_ACTION, ACT_BOARD, 0, NULL);
		ev(s, APP_EV_ACTION, ACT_SCROLL, 1, NULL);
	}
	ev(s, APP_EV_ACTION, ACT_HOME, 0, NULL);
}

static int
first_taker(int64_t member_id, const char *name, int64_t taken_utc, void *ctx)
{
	(void)name;
	(void)taken_utc;
	*(int64_t *)ctx = member_id;
	return 1;
}

static void
mission_forget(Soak *s, int i)
{
	s->missions[i] = s->missions[--s->n_missions];
}

/* A coworker's mission waits for approval; a facilitator's is open. */
static int
edit_add(Soak *s)
{
	MissionDraft d;
	char date[TIME_DATE_SIZE];
	int64_t id;
	int who = pick_member(s, 1);

	if (s->n_missions == MAX_ACTIVE)
		return 0;
	mission_draft_init(&d);
	snprintf(d.title, sizeof d.title, "Mission %ld : ranger l'atelier",
	         s->edits);
	snprintf(d.description, sizeof d.description, "Trier les vis, "
	         "balayer, puis noter ce qui manque. Infos : https://www."
	         "exemple-tiers-lieu.org/ateliers/rangement-%ld", s->edits);
	snprintf(d.place, sizeof d.place, "Atelier");
	d.category = (MissionCategory)rnd_n(s, CAT_COUNT);
	d.places = 1 + rnd_n(s, 3);
	d.duration_min = 30 * (1 + rnd_n(s, 6));
	d.minors_ok = rnd_n(s, 2);
	if (rnd_n(s, 4) != 0) {           /* dated: it will expire */
		time_local_date(s->utc + 86400 * (2 + rnd_n(s, 20)), date);
		snprintf(d.date_from, sizeof d.date_from, "%s", date);
	}
	if (mission_add(s->st, &d, s->member_id[who], s->utc, &id) != BORNE_OK)
		return 0;
	s->missions[s->n_missions++] = id;
	return 1;
}

/* The mission page, a button, then who's badge. 1 when it changed the
** mission. */
static int
edit_at_kiosk(Soak *s, int64_t id, AppAction act, int who)
{
	Mission before, after;

	if (mission_get(s->st, id, &before) != BORNE_OK)
		return 0;
	ev(s, APP_EV_ACTION, ACT_HOME, 0, NULL);
	ev(s, APP_EV_ACTION, ACT_BOARD, 0, NULL);
	ev(s, APP_EV_ACTION, ACT_OPEN_MISSION, id, NULL);
	ev(s, APP_EV_ACTION, act, 0, NULL);
	advance(s, 3);
	ev(s, APP_EV_BADGE, ACT_NONE, 0, &s->badge[who]);
	ev(s, APP_EV_BADGE_REMOVED, ACT_NONE, 0, NULL);
	ev(s, APP_EV_ACTION, ACT_HOME, 0, NULL);
	if (mission_get(s->st, id, &after) != BORNE_OK)
		return 0;
	return after.status != before.status ||
	       after.n_takers != before.n_takers;
}

/* One mission edit attempt; 1 when it changed something. */
static int
do_edit(Soak *s)
{
	Mission m;
	int i, k = rnd_n(s, 10);
	int64_t id;

	s->edit_tries++;
	if (s->n_missions == 0 || k < 2)
		return edit_add(s);
	i = rnd_n(s, s->n_missions);
	id = s->missions[i];
	if (mission_get(s->st, id, &m) != BORNE_OK ||
	    (m.status != MISSION_PENDING && m.status != MISSION_OPEN &&
	     m.status != MISSION_TAKEN)) {
		mission_forget(s, i);            /* done, expired */
		return 0;
	}
	if (m.status == MISSION_PENDING)
		return mission_approve(s->st, id, s->member_id[0], s->utc) == BORNE_OK;
	if (k < 6 && m.status == MISSION_OPEN)
		return edit_at_kiosk(s, id, ACT_TAKE, pick_member(s, 0));
	if (k < 8 && m.n_takers > 0) {
		int64_t taker = 0;

		if (mission_takers_each(s->st, id, first_taker, &taker) != BORNE_OK)
			return 0;
		for (int j = 0; j < s->n_members; j++)
			if (s->member_id[j] == taker)
				return edit_at_kiosk(s, id, ACT_RELEASE, j);
		return 0;
	}
	for (int j = 0; j < s->n_members; j++)
		if (s->member_id[j] == m.poster_id)
			return edit_at_kiosk(s, id, ACT_MARK_DONE, j);
	return 0;
}

int
main(int argc, char **argv)
{
	long want_taps = 100000, want_edits = 10000;
	int check = 0, n_days = 0, first_printed = 0, rc = 0;
	char dir[256], path[300], err[320], date[TIME_DATE_SIZE];
	const char *tmp = getenv("TMPDIR");
	AppConfig cfg;
	Mem first = { 0, 0, 0 }, last;
	Soak s;
	long taps_per_day, edits_per_day, next_print;
	struct timespec t0, t1;
	int64_t day0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--taps") == 0 && i + 1 < argc)
			want_taps = atol(argv[++i]);
		else if (strcmp(argv[i], "--edits") == 0 && i + 1 < argc)
			want_edits = atol(argv[++i]);
		else if (strcmp(argv[i], "--check") == 0)
			check = 1;
		else {
			fprintf(stderr, "usage: soak [--taps N] [--edits N] [--check]\n");
			return 2;
		}
	}
	if (getenv("BORNE_LONG") != NULL && strcmp(getenv("BORNE_LONG"), "1") == 0) {
		want_taps = 100000;          /* the whole year, even from ctest */
		want_edits = 10000;
	}
	if (want_taps < 2000 || want_taps > 10000000 || want_edits < 0 ||
	    want_edits > 1000000) {
		fprintf(stderr, "soak: --taps 2000..10000000, --edits 0..1000000\n");
		return 2;
	}
	setenv("TZ", "Europe/Paris", 1);
	tzset();
	if (tmp == NULL || *tmp == '\0')
		tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	snprintf(dir, sizeof dir, "%s/borne-soak-XXXXXX", tmp);
	if (mkdtemp(dir) == NULL) {
		perror("soak: mkdtemp");
		return 2;
	}
	snprintf(path, sizeof path, "%s/soak.db", dir);
	memset(&s, 0, sizeof s);
	s.rng = 0x50A4ULL;
	if (time_parse_local("2027-01-04T08:00", &s.utc) != BORNE_OK ||
	    store_open(path, &s.st, err, sizeof err) != BORNE_OK) {
		fprintf(stderr, "soak: %s\n", err);
		return 2;
	}
	s.start_utc = day0 = s.utc;
	s.ms = 1000000;
	while (s.n_members < N_START)
		member_new(&s);
	/* The year's contributive days, weekly. */
	for (int wd = 1; wd <= 5; wd++) {
		int64_t first_id;
		int n;

		if (wd == 4)
			continue;                /* Tue Wed Thu, then Sat */
		time_local_date(day0 + 86400 * wd, date);
		if (day_add(s.st, date, "Journée contributive", 9 * 60, 18 * 60,
		            "2027-12-31", 0, s.utc, &first_id, &n) != BORNE_OK) {
			fprintf(stderr, "soak: day_add: %s\n", store_errmsg(s.st));
			return 2;
		}
		n_days += n;
	}
	app_config_defaults(&cfg);
	if (app_new(s.st, &cfg, s.ms, s.utc, &s.app) != BORNE_OK) {
		fprintf(stderr, "soak: app_new failed\n");
		return 2;
	}
	s.v = app_view(s.app);
	taps_per_day = (want_taps + n_days - 1) / n_days;
	edits_per_day = (want_edits + n_days - 1) / n_days;
	next_print = want_taps / 10;
	printf("soak: %ld taps and %ld mission edits over %d contributive days"
	       " (%ld and %ld a day), %d members to start, database in %s\n",
	       want_taps, want_edits, n_days, taps_per_day, edits_per_day,
	       N_START, dir);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int64_t day = 0; s.taps < want_taps || s.edits < want_edits; day++) {
		ContribDay cd;
		int64_t open_utc, span;
		long day_taps = 0, day_edits = 0;
		struct tm tm;
		time_t tt;

		time_local_date(day0 + 86400 * day, date);
		if (day_on(s.st, date, &cd) != BORNE_OK) {
			if (day > 800)
				break;               /* past the year: stop */
			continue;
		}
		s.days++;
		/* Weekly: two people join, one leaves. */
		tt = (time_t)(day0 + 86400 * day);
		localtime_r(&tt, &tm);
		if (tm.tm_wday == 2) {
			for (int j = 0; j < 2 && member_new(&s) >= 0; j++)
				s.enrolled++;
			for (int tries = 0; tries < 10; tries++) {
				int j = N_STAFF + N_COWORKERS + rnd_n(&s, s.n_members -
				                                     N_STAFF - N_COWORKERS);

				if (s.active[j] && member_deactivate(s.st, s.member_id[j], 0,
				                                     s.utc) == BORNE_OK) {
					s.active[j] = 0;
					s.left++;
					break;
				}
			}
		}
		if (time_local_to_utc(date, 8 * 60 + 45, &open_utc) != BORNE_OK)
			return 2;
		if (open_utc > s.utc)
			advance(&s, open_utc - s.utc);
		span = (int64_t)(9 * 3600 + 45 * 60) / (taps_per_day + edits_per_day + 1);
		while ((day_taps < taps_per_day && s.taps < want_taps) ||
		       (day_edits < edits_per_day && s.edits < want_edits)) {
			int edit = day_edits < edits_per_day && s.edits < want_edits &&
			           (day_taps >= taps_per_day || s.taps >= want_taps ||
			            rnd_n(&s, (int)(taps_per_day + edits_per_day)) <
			            (int)edits_per_day);

			advance(&s, 1 + rnd_n(&s, (int)(2 * span > 2 ? 2 * span : 2)));
			if (edit) {
				int ok = 0;

				for (int tries = 0; tries < 8 && !ok; tries++)
					ok = do_edit(&s);
				s.edits += ok;
				day_edits++;
			} else {
				long before = s.taps;

				do_tap(&s);
				day_taps += s.taps - before;
			}
			if (!first_printed && s.taps >= 1000) {
				mem_read(&first);
				mem_print("after 1,000 taps:", &first);
				first_printed = 1;
			}
			if (s.taps >= next_print) {
				char when[64];

				mem_read(&last);
				snprintf(when, sizeof when, "after %ld taps:", s.taps);
				mem_print(when, &last);
				next_print += want_taps / 10;
			}
		}
		/* The evening: the day closes; nobody taps until tomorrow. */
		advance(&s, 3600 * 2);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	mem_read(&last);
	{
		sqlite3_stmt *q = NULL;

		if (sqlite3_prepare_v2(store_db(s.st), "SELECT cache_size,"
		                       " page_count * page_size FROM pragma_cache_size,"
		                       " pragma_page_count, pragma_page_size", -1, &q,
		                       NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
			printf("soak: SQLite's page cache is bounded by cache_size %d"
			       " (negative: KiB); the database is %.1f MB\n",
			       sqlite3_column_int(q, 0),
			       (double)sqlite3_column_int64(q, 1) / 1048576.0);
		sqlite3_finalize(q);
	}
	mem_print("at the end:", &last);
	printf("soak: %ld taps (%ld in, %ld out, %ld ignored repeats), %ld mission"
	       " edits (%ld tries), %d days, %ld members joined, %ld left; %.1f s\n",
	       s.taps, s.in, s.out, s.ignored, s.edits, s.edit_tries, s.days,
	       s.enrolled, s.left, (double)(t1.tv_sec - t0.tv_sec) +
	       (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	printf("soak: rss after 1,000 taps %.2f MB, at the end %.2f MB (%+.1f %%);"
	       " heap outside SQLite %.1f KB -> %.1f KB%s\n", first.rss_mb,
	       last.rss_mb, first.rss_mb > 0 ? 100.0 * (last.rss_mb - first.rss_mb) /
	       first.rss_mb : 0.0, ((double)first.heap - (double)first.sqlite) / 1024.0,
	       ((double)last.heap - (double)last.sqlite) / 1024.0,
	       SOAK_ASAN ? " (not measured under AddressSanitizer)" : "");
	if (check) {
		long long grew = (long long)(last.heap - last.sqlite) -
		                 (long long)(first.heap - first.sqlite);

		if (SOAK_ASAN) {
			printf("soak: AddressSanitizer build: the heap figures are its"
			       " own; LeakSanitizer checks leaks at exit\n");
		} else if (grew > GROSS_LEAK_BYTES) {
			fprintf(stderr, "soak: FAILED: the heap outside SQLite grew by"
			        " %lld bytes after the first 1,000 taps\n", grew);
			rc = 1;
		}
		if (s.taps < want_taps || s.edits < want_edits) {
			fprintf(stderr, "soak: FAILED: only %ld taps and %ld edits\n",
			        s.taps, s.edits);
			rc = 1;
		}
	}
	app_free(s.app);
	store_close(s.st);
	snprintf(err, sizeof err, "%s-wal", path);
	unlink(err);
	snprintf(err, sizeof err, "%s-shm", path);
	unlink(err);
	unlink(path);
	rmdir(dir);
	return rc;
}
