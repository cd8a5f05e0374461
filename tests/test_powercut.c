/* test_powercut.c -- power cuts during badge storms and mission edits.
** Through crashvfs (a fault-injecting VFS over "unix"), the power goes off
** at a random write or sync while members tap and missions are posted,
** approved, taken, released and done. After each cut the files are left
** as a power loss could leave them; the database is opened again the
** normal way (store_open: WAL recovery, migrations) and must pass
** maintenance_check (integrity_check, foreign_key_check), and hold every
** tap whose checkin_tap_id() returned BORNE_OK and the state of every
** mission as its last confirmed edit left it.
**
** A second database takes cuts on a card that garbles a whole sector
** when a write is torn, bytes synced before included (crashvfs_sectors),
** while the unix VFS tells SQLite the disk is "powersafe": the store
** must not count on it (store.c opens with psow=0 and starts each
** session from an empty WAL). BORNE_POWERCUT_PSOW sets its cuts (200).
**
** The negative control runs the same storms with PRAGMA synchronous=OFF
** on a fresh database each time and must FIND lost confirmed taps: a
** harness that finds nothing there would prove nothing with FULL.
**
** BORNE_SEED=N replays a run (the seed is printed); BORNE_POWERCUT_CUTS
** and BORNE_POWERCUT_CONTROL set the number of cuts (default 1000, 60;
** BORNE_LONG=1: 10,000 cuts);
** BORNE_POWERCUT_DEBUG=1 names the first lost taps.
**
** Last, the disk fills up (crashvfs_fail_writes) in the middle of the
** same storms, BORNE_DISKFULL_EPISODES times (default 200): refused taps
** and edits say so and leave no trace, saved ones stay. */
#include <inttypes.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "core_fixture.h"
#include "crashvfs.h"

#include "checkin.h"
#include "maintenance.h"
#include "member.h"
#include "mission.h"
#include "uuid.h"

#define N_MEMBERS      40
#define N_COWORKERS    6
#define N_FACILITATORS 4
#define MAX_OPS_PER_CUT 400    /* writes and syncs before the cut, at most */

typedef struct Tap {
	char    uuid[BORNE_UUID_LEN + 1];
	int64_t member_id, at_utc;
	int     out;                 /* closed a visit (else opened one) */
} Tap;

typedef struct Snap {
	int     known;               /* a confirmed edit made or read it */
	int     status, n_takers;
	int64_t poster_id;
} Snap;

typedef struct Run {
	const char *name;
	Store   *st;
	uint64_t rng;
	int64_t  now, day_start;
	int64_t  members[N_MEMBERS];
	BadgeUid badges[N_MEMBERS];
	int      last_member;
	Tap     *taps;
	size_t   n_taps, cap_taps, checked;
	long     n_in, n_out, n_edits;
	Snap    *missions;           /* by mission id */
	int64_t  cap_missions, max_mission;
	int64_t  interrupted;        /* mission of the edit the cut stopped */
	long     lost_taps, lost_edits, corrupt, unopenable, unexpected;
	long     short_counts;       /* checks that found fewer visits */
	int      disk_full;          /* writes may be refused: errors expected */
	long     refused, phantoms, wrong_codes, phantoms_reopen;
	char   (*refused_taps)[BORNE_UUID_LEN + 1];
	size_t   n_refused_taps;
} Run;

static uint64_t rnd(Run *r);
static int      rnd_n(Run *r, int n);
static int      run_open(Run *r, const char *path);
static void     run_members(Run *r);
static int      op_tap(Run *r);
static int      op_mission(Run *r);
static void     snap_read(Run *r, int64_t id);
static int      snap_pick(Run *r, int status_a, int status_b);
static int      run_ops(Run *r, int max_ops);
static void     verify(Run *r, int full);
static int64_t  sql_count(Store *st, const char *sql, const char *key);
static int      first_taker(int64_t member_id, const char *name,
                            int64_t taken_utc, void *ctx);
static long     env_long(const char *name, long def);
static void     checkpoint_often(Run *r);
static long     durable_run(uint64_t seed, long n_cuts, const char *name,
                            const char *file, int must_hold);
static void     control_run(uint64_t seed, long n_cuts);
static void     full_run(uint64_t seed, long n_episodes);

static uint64_t
rnd(Run *r)
{
	uint64_t x = r->rng;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	r->rng = x;
	return x * 0x2545F4914F6CDD1DULL;
}

static int
rnd_n(Run *r, int n)
{
	return (int)(rnd(r) % (uint64_t)n);
}

static long
env_long(const char *name, long def)
{
	const char *s = getenv(name);
	char *end;
	long v;

	if (s == NULL || *s == '\0')
		return def;
	v = strtol(s, &end, 10);
	return *end == '\0' && v >= 0 ? v : def;
}

/* 0: open; -1: store_open refused the file (counted). */
static int
run_open(Run *r, const char *path)
{
	char err[256];
	int rc = store_open(path, &r->st, err, sizeof err);

	if (rc != BORNE_OK) {
		r->unopenable++;
		if (r->unopenable <= 3)
			fprintf(stderr, "%s: store_open after a cut: %s\n", r->name, err);
		r->st = NULL;
		return -1;
	}
	return 0;
}

static void
run_members(Run *r)
{
	char name[64];

	for (int i = 0; i < N_MEMBERS; i++) {
		MemberRole role = i < N_FACILITATORS ? ROLE_FACILITATOR
		                : i < N_FACILITATORS + N_COWORKERS ? ROLE_COWORKER
		                : ROLE_COOPERATOR;

		memset(&r->badges[i], 0, sizeof r->badges[i]);
		r->badges[i].len = 4;
		r->badges[i].bytes[0] = 0xB0;
		r->badges[i].bytes[3] = (uint8_t)(i + 1);
		snprintf(name, sizeof name, "Membre %02d", i);
		if (member_add(r->st, name, role, 0, &r->badges[i], NULL, 0, r->now,
		               &r->members[i]) != BORNE_OK) {
			fprintf(stderr, "member_add: %s\n", store_errmsg(r->st));
			exit(2);
		}
	}
}

/* One tap of a badge storm: the last member again (a bounce or a quick
** return), another member, or an unknown badge. 0 done, -1 cut. */
static int
op_tap(Run *r)
{
	BadgeUid unknown = { 4, { 0xEE, 0x00, 0x00, 0x01 } };
	CheckinResult res;
	const BadgeUid *uid;
	Tap tap;
	int i = rnd_n(r, 10) < 3 ? r->last_member : rnd_n(r, N_MEMBERS);
	int rc;

	uid = rnd_n(r, 25) == 0 ? &unknown : &r->badges[i];
	r->last_member = i;
	uuid_make(tap.uuid);
	rc = checkin_tap_id(r->st, uid, r->now, tap.uuid, &res);
	if (rc != BORNE_OK && r->disk_full) {
		/* Refused, and said so: nothing of it may be in the file. */
		r->refused++;
		if (rc != BORNE_EFULL && rc != BORNE_EIO)
			r->wrong_codes++;
		if (sql_count(r->st, "SELECT count(*) FROM visits WHERE uuid = ?1"
		              " OR out_uuid = ?1", tap.uuid) != 0)
			r->phantoms++;
		if ((r->n_refused_taps & 255) == 0) {
			void *grown = realloc(r->refused_taps, (r->n_refused_taps + 256) *
			                      sizeof *r->refused_taps);

			if (grown == NULL)
				exit(2);
			r->refused_taps = grown;
		}
		memcpy(r->refused_taps[r->n_refused_taps++], tap.uuid,
		       sizeof tap.uuid);
		return 0;
	}
	if (rc != BORNE_OK) {
		if (crashvfs_down())
			return -1;
		r->unexpected++;
		fprintf(stderr, "%s: tap failed with the power on: %s\n", r->name,
		        store_errmsg(r->st));
		return -1;
	}
	if (res.outcome != CHECKIN_IN && res.outcome != CHECKIN_OUT)
		return 0;
	tap.member_id = r->members[i];
	tap.at_utc = r->now;
	tap.out = res.outcome == CHECKIN_OUT;
	if (r->n_taps == r->cap_taps) {
		size_t n = r->cap_taps != 0 ? r->cap_taps * 2 : 1024;
		Tap *grown = realloc(r->taps, n * sizeof *grown);

		if (grown == NULL)
			exit(2);
		r->taps = grown;
		r->cap_taps = n;
	}
	r->taps[r->n_taps++] = tap;
	if (tap.out)
		r->n_out++;
	else
		r->n_in++;
	return 0;
}

/* The confirmed state of mission id, read back from the store. */
static void
snap_read(Run *r, int64_t id)
{
	Mission m;

	if (id >= r->cap_missions) {
		int64_t n = r->cap_missions != 0 ? r->cap_missions : 256;
		Snap *grown;

		while (n <= id)
			n *= 2;
		if ((grown = realloc(r->missions, (size_t)n * sizeof *grown)) == NULL)
			exit(2);
		memset(grown + r->cap_missions, 0,
		       (size_t)(n - r->cap_missions) * sizeof *grown);
		r->missions = grown;
		r->cap_missions = n;
	}
	if (mission_get(r->st, id, &m) != BORNE_OK) {
		r->missions[id].known = 0;
		return;
	}
	r->missions[id].known = 1;
	r->missions[id].status = (int)m.status;
	r->missions[id].n_takers = m.n_takers;
	r->missions[id].poster_id = m.poster_id;
	if (id > r->max_mission)
		r->max_mission = id;
}

/* A known mission with one of two statuses, 0 when none is found. */
static int
snap_pick(Run *r, int status_a, int status_b)
{
	int64_t start;

	if (r->max_mission == 0)
		return 0;
	start = 1 + (int64_t)(rnd(r) % (uint64_t)r->max_mission);
	for (int64_t k = 0; k < r->max_mission; k++) {
		int64_t id = 1 + (start - 1 + k) % r->max_mission;
		Snap *s = &r->missions[id];

		if (s->known && (s->status == status_a || s->status == status_b))
			return (int)id;
	}
	return 0;
}

static int
first_taker(int64_t member_id, const char *name, int64_t taken_utc, void *ctx)
{
	(void)name;
	(void)taken_utc;
	*(int64_t *)ctx = member_id;
	return 1;
}

/* One mission edit: add, approve, take, release or done. 0 done (or
** refused by a rule), -1 cut. */
static int
op_mission(Run *r)
{
	MissionDraft d;
	int64_t id = 0, who;
	int kind = rnd_n(r, 10), rc;

	if (kind < 3) {
		mission_draft_init(&d);
		snprintf(d.title, sizeof d.title, "Mission %ld", r->n_edits);
		snprintf(d.description, sizeof d.description,
		         "Ranger l'atelier, puis balayer la cour.");
		d.category = (MissionCategory)rnd_n(r, CAT_COUNT);
		d.places = 1 + rnd_n(r, 3);
		who = r->members[rnd_n(r, N_FACILITATORS + N_COWORKERS)];
		r->interrupted = 0;
		rc = mission_add(r->st, &d, who, r->now, &id);
	} else if (kind < 5) {
		if ((id = snap_pick(r, MISSION_PENDING, MISSION_PENDING)) == 0)
			return 0;
		r->interrupted = id;
		rc = mission_approve(r->st, id, r->members[0], r->now);
	} else if (kind < 8) {
		if ((id = snap_pick(r, MISSION_OPEN, MISSION_OPEN)) == 0)
			return 0;
		r->interrupted = id;
		rc = mission_take(r->st, id, r->members[rnd_n(r, N_MEMBERS)], r->now, NULL);
	} else if (kind < 9) {
		if ((id = snap_pick(r, MISSION_OPEN, MISSION_TAKEN)) == 0)
			return 0;
		who = 0;
		if (mission_takers_each(r->st, id, first_taker, &who) != BORNE_OK ||
		    who == 0)
			return crashvfs_down() ? -1 : 0;
		r->interrupted = id;
		rc = mission_release(r->st, id, who, r->now, NULL);
	} else {
		if ((id = snap_pick(r, MISSION_OPEN, MISSION_TAKEN)) == 0)
			return 0;
		r->interrupted = id;
		rc = mission_done(r->st, id, r->missions[id].poster_id, r->now, NULL);
	}
	if (rc == BORNE_OK) {
		r->n_edits++;
		r->interrupted = 0;
		snap_read(r, id);
		return crashvfs_down() ? -1 : 0;
	}
	if (crashvfs_down())
		return -1;
	r->interrupted = 0;
	if (rc == BORNE_EREFUSED || rc == BORNE_EPERM)
		return 0;
	if (r->disk_full) {          /* verify() finds any trace of it */
		r->refused++;
		if (rc != BORNE_EFULL && rc != BORNE_EIO)
			r->wrong_codes++;
		return 0;
	}
	r->unexpected++;
	fprintf(stderr, "%s: mission edit failed with the power on: %s\n",
	        r->name, store_errmsg(r->st));
	return -1;
}

/* Taps and edits, the clock moving on, until the cut (1) or max_ops (0). */
static int
run_ops(Run *r, int max_ops)
{
	for (int i = 0; i < max_ops; i++) {
		int rc;

		r->now += 5 + rnd_n(r, 240);
		if (r->now - r->day_start > 11 * 3600) {
			r->day_start += 86400;
			r->now = r->day_start;
		}
		rc = rnd_n(r, 5) == 0 ? op_mission(r) : op_tap(r);
		if (rc != 0 || crashvfs_down())
			return 1;
	}
	return 0;
}

static int64_t
sql_count(Store *st, const char *sql, const char *key)
{
	sqlite3_stmt *stmt = NULL;
	int64_t v = -1;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &stmt, NULL) == SQLITE_OK) {
		if (key != NULL)
			sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			v = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_finalize(stmt);
	return v;
}

/* After a cut and a reopen: the file is sound, and what was confirmed is
** there. full: every tap since the start; else the taps since the last
** check one by one, and the older ones by count (no visit is ever
** deleted, so a lost old tap lowers a count). */
static void
verify(Run *r, int full)
{
	static const char sql_in[] =
		"SELECT count(*) FROM visits WHERE uuid = ?1";
	static const char sql_out[] =
		"SELECT count(*) FROM visits WHERE out_uuid = ?1";
	char msg[512];
	Mission m;

	if (maintenance_check(r->st, msg, sizeof msg) != BORNE_OK) {
		r->corrupt++;
		if (r->corrupt <= 3)
			fprintf(stderr, "%s: after a cut: %s\n", r->name, msg);
	}
	for (size_t i = full ? 0 : r->checked; i < r->n_taps; i++) {
		const Tap *t = &r->taps[i];

		if (sql_count(r->st, t->out ? sql_out : sql_in, t->uuid) != 1) {
			r->lost_taps++;
			if (r->lost_taps <= 5 && getenv("BORNE_POWERCUT_DEBUG"))
				fprintf(stderr, "%s: lost tap %zu of %zu (checked %zu): %s %s at %lld member %lld\n",
				        r->name, i, r->n_taps, r->checked, t->out ? "out" : "in", t->uuid,
				        (long long)t->at_utc, (long long)t->member_id);
		}
	}
	if (sql_count(r->st, "SELECT count(*) FROM visits", NULL) < (int64_t)r->n_in ||
	    sql_count(r->st, "SELECT count(*) FROM visits WHERE out_uuid IS NOT NULL",
	              NULL) < (int64_t)r->n_out)
		r->short_counts++;       /* an older tap is gone */
	r->checked = r->n_taps;
	for (int64_t id = 1; id <= r->max_mission; id++) {
		Snap *s = &r->missions[id];

		if (!s->known || id == r->interrupted)
			continue;
		if (mission_get(r->st, id, &m) != BORNE_OK ||
		    (int)m.status != s->status || m.n_takers != s->n_takers)
			r->lost_edits++;
	}
	if (r->interrupted != 0)
		snap_read(r, r->interrupted);   /* either outcome is right */
	r->interrupted = 0;
}

/* Half the time, checkpoints every few pages instead of every 1,000, so
** that many cuts fall while the database file itself is written (the
** test's connection only: the store keeps SQLite's default). */
static void
checkpoint_often(Run *r)
{
	char sql[64];

	if (rnd_n(r, 2) == 0)
		return;
	snprintf(sql, sizeof sql, "PRAGMA wal_autocheckpoint = %d",
	         4 + rnd_n(r, 60));
	CHECK_INT(sqlite3_exec(store_db(r->st), sql, NULL, NULL, NULL), SQLITE_OK);
}

/* Cuts on one database that lives on through them. must_hold: the test
** fails on any loss. Returns the losses found. */
static long
durable_run(uint64_t seed, long n_cuts, const char *name, const char *file,
            int must_hold)
{
	const char *path = fx_path(file);
	Run r;
	long cuts = 0, found;

	memset(&r, 0, sizeof r);
	r.name = name;
	r.rng = seed ^ 0xF011;
	r.day_start = r.now = fx_t("2027-01-04T08:00");
	if (run_open(&r, path) != 0)
		exit(2);
	run_members(&r);
	store_close(r.st);
	crashvfs_forget();
	while (cuts < n_cuts) {
		CHECK(run_open(&r, path) == 0);
		if (r.st == NULL)
			break;
		verify(&r, cuts % 100 == 99);
		checkpoint_often(&r);
		crashvfs_arm(1 + rnd_n(&r, MAX_OPS_PER_CUT));
		if (!run_ops(&r, 100000)) {
			store_close(r.st);
			break;
		}
		store_close(r.st);
		r.st = NULL;
		crashvfs_cut(CRASH_RANDOM);
		cuts++;
		if (r.unexpected > 0)
			break;
	}
	if (run_open(&r, path) == 0) {
		verify(&r, 1);
		printf("%s: final database: %lld visits, %lld missions, %lld pages\n",
		       r.name, (long long)sql_count(r.st, "SELECT count(*) FROM visits", NULL),
		       (long long)sql_count(r.st, "SELECT count(*) FROM missions", NULL),
		       (long long)sql_count(r.st, "PRAGMA page_count", NULL));
		store_close(r.st);
		crashvfs_forget();
	}
	printf("%s: %ld cuts survived, %zu taps and %ld mission edits confirmed;"
	       " lost: %ld taps, %ld edits (%ld checks short by count); %ld"
	       " damaged, %ld unopenable\n", r.name, cuts, r.n_taps, r.n_edits,
	       r.lost_taps, r.lost_edits, r.short_counts, r.corrupt,
	       r.unopenable);
	CHECK_INT(cuts, n_cuts);
	CHECK_INT(r.unexpected, 0);
	if (must_hold) {
		CHECK_INT(r.lost_taps, 0);
		CHECK_INT(r.short_counts, 0);
		CHECK_INT(r.lost_edits, 0);
		CHECK_INT(r.corrupt, 0);
		CHECK_INT(r.unopenable, 0);
	}
	found = r.lost_taps + r.lost_edits + r.short_counts + r.corrupt +
	        r.unopenable;
	free(r.taps);
	free(r.missions);
	return found;
}

/* Defect 8's data side: the disk fills up (or fails writing) in the
** middle of taps and edits. Each refused tap or edit must say so
** (BORNE_EFULL or BORNE_EIO) and leave no trace; what was saved before
** stays; once there is room again the same connection goes on, and the
** file is sound, reopened or not. */
static void
full_run(uint64_t seed, long n_episodes)
{
	const char *path = fx_path("full.db");
	Run r;

	memset(&r, 0, sizeof r);
	r.name = "disk full";
	r.rng = seed ^ 0xF1111;
	r.day_start = r.now = fx_t("2027-01-04T08:00");
	if (run_open(&r, path) != 0)
		exit(2);
	run_members(&r);
	for (long ep = 0; ep < n_episodes; ep++) {
		run_ops(&r, 5 + rnd_n(&r, 30));
		crashvfs_fail_writes(rnd_n(&r, 4) == 0 ? SQLITE_IOERR_WRITE
		                                       : SQLITE_FULL,
		                     1 + rnd_n(&r, 40));
		r.disk_full = 1;
		run_ops(&r, 5 + rnd_n(&r, 20));
		crashvfs_fail_writes(0, 0);
		r.disk_full = 0;
		verify(&r, 0);               /* the same connection */
		if (rnd_n(&r, 4) == 0) {
			store_close(r.st);
			crashvfs_forget();
			CHECK(run_open(&r, path) == 0);
			if (r.st == NULL)
				break;
			verify(&r, 0);
			/* WAL recovery must not bring back a refused tap. */
			for (size_t i = 0; i < r.n_refused_taps; i++)
				if (sql_count(r.st, "SELECT count(*) FROM visits WHERE"
				              " uuid = ?1 OR out_uuid = ?1",
				              r.refused_taps[i]) != 0)
					r.phantoms_reopen++;
			r.n_refused_taps = 0;
		}
	}
	if (r.st != NULL) {
		verify(&r, 1);
		store_close(r.st);
	}
	crashvfs_forget();
	printf("%s: %ld episodes, %ld taps or edits refused (%ld writes"
	       " refused), %zu taps and %ld edits confirmed; lost: %ld taps,"
	       " %ld edits; %ld refused but saved (%ld back after a reopen),"
	       " %ld with a wrong code; %ld damaged\n", r.name, n_episodes,
	       r.refused, crashvfs_refused(), r.n_taps, r.n_edits, r.lost_taps,
	       r.lost_edits, r.phantoms, r.phantoms_reopen, r.wrong_codes,
	       r.corrupt);
	CHECK(r.refused > 0);
	CHECK_INT(r.unexpected, 0);
	CHECK_INT(r.lost_taps, 0);
	CHECK_INT(r.lost_edits, 0);
	CHECK_INT(r.short_counts, 0);
	CHECK_INT(r.phantoms, 0);
	CHECK_INT(r.phantoms_reopen, 0);
	CHECK_INT(r.wrong_codes, 0);
	CHECK_INT(r.corrupt, 0);
	free(r.taps);
	free(r.missions);
	free(r.refused_taps);
}

/* The same storms with synchronous=OFF, each on a fresh database: the
** harness must find confirmed taps lost. */
static void
control_run(uint64_t seed, long n_cuts)
{
	const char *path = fx_path("off.db");
	char p[600];
	Run r;
	long cuts = 0, lost_before, cuts_with_loss = 0;

	memset(&r, 0, sizeof r);
	r.name = "synchronous=OFF (control)";
	r.rng = seed ^ 0x0FF;
	r.day_start = r.now = fx_t("2027-01-04T08:00");
	for (; cuts < n_cuts; cuts++) {
		fx_rm(path);
		snprintf(p, sizeof p, "%s-wal", path);
		fx_rm(p);
		snprintf(p, sizeof p, "%s-shm", path);
		fx_rm(p);
		r.n_taps = r.checked = 0;
		r.n_in = r.n_out = 0;
		if (r.missions != NULL)
			memset(r.missions, 0,
			       (size_t)r.cap_missions * sizeof *r.missions);
		r.max_mission = 0;
		if (run_open(&r, path) != 0)
			exit(2);
		run_members(&r);
		store_close(r.st);
		crashvfs_forget();
		if (run_open(&r, path) != 0)
			exit(2);
		CHECK_INT(sqlite3_exec(store_db(r.st), "PRAGMA synchronous = OFF",
		                       NULL, NULL, NULL), SQLITE_OK);
		checkpoint_often(&r);
		crashvfs_arm(1 + rnd_n(&r, MAX_OPS_PER_CUT));
		run_ops(&r, 100000);
		store_close(r.st);
		r.st = NULL;
		crashvfs_cut(CRASH_RANDOM);
		lost_before = r.lost_taps + r.lost_edits;
		if (run_open(&r, path) == 0) {
			verify(&r, 1);
			store_close(r.st);
			crashvfs_forget();
		} else {
			r.lost_taps += (long)r.n_taps;   /* nothing can be read */
		}
		if (r.lost_taps + r.lost_edits > lost_before)
			cuts_with_loss++;
	}
	printf("%s: %ld cuts, losses found in %ld of them: %ld taps, %ld edits;"
	       " %ld damaged, %ld unopenable\n", r.name, cuts, cuts_with_loss,
	       r.lost_taps, r.lost_edits, r.corrupt, r.unopenable);
	CHECK(r.lost_taps > 0);      /* the harness bites */
	free(r.taps);
	free(r.missions);
}

int
main(void)
{
	uint64_t seed = (uint64_t)env_long("BORNE_SEED", 0);
	int is_long = getenv("BORNE_LONG") != NULL &&
	              strcmp(getenv("BORNE_LONG"), "1") == 0;
	long n_cuts = env_long("BORNE_POWERCUT_CUTS", is_long ? 10000 : 1000);
	long n_control = env_long("BORNE_POWERCUT_CONTROL", 60);
	long n_psow = env_long("BORNE_POWERCUT_PSOW", 200);
	CrashStats cs;
	struct timespec t0, t1;

	fx_setup();
	if (seed == 0)
		seed = (uint64_t)time(NULL);
	printf("powercut: seed %" PRIu64 " (BORNE_SEED=%" PRIu64 " replays it),"
	       " %ld cuts, %ld control cuts, %ld whole-sector cuts\n", seed,
	       seed, n_cuts, n_control, n_psow);
	if (crashvfs_install(seed) != 0) {
		fprintf(stderr, "crashvfs: no unix VFS\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	durable_run(seed, n_cuts, "synchronous=FULL", "cut.db", 1);
	/* A card that garbles a whole sector when a write is torn, bytes
	** synced before included, while the unix VFS tells SQLite the disk
	** has POWERSAFE_OVERWRITE: the store must not count on it. */
	crashvfs_sectors(1, 1);
	durable_run(seed ^ 1, n_psow, "whole-sector tears", "psow.db", 1);
	crashvfs_sectors(1, 0);
	control_run(seed, n_control);
	full_run(seed, env_long("BORNE_DISKFULL_EPISODES", 200));
	clock_gettime(CLOCK_MONOTONIC, &t1);
	crashvfs_stats(&cs);
	printf("crashvfs: %ld cuts (%ld during a checkpoint), %ld writes, %ld"
	       " syncs; unsynced sectors at the cuts: %ld lost, %ld kept, %ld"
	       " torn; %.1f s\n", cs.cuts, cs.cuts_in_db,
	       cs.writes, cs.syncs, cs.sectors_lost, cs.sectors_kept,
	       cs.sectors_torn, (double)(t1.tv_sec - t0.tv_sec) +
	       (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return check_done();
}
