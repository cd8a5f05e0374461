/* bench_board.c -- how fast the mission board answers with 10,000
** missions (or N): the first page, the next one, a category, each
** keystroke of an accent-blind search, deep paging, and "my missions"
** of a member who posted a tenth of them. Prints one line per query:
** median and p95 of RUNS runs in milliseconds (borne-bench's format);
** never fails on a figure.
** Usage: bench_board [N_MISSIONS]  (the database goes to a temp folder,
** or BENCH_DB_DIR; BENCH_KEEP=1 keeps it, and BENCH_DB=PATH measures a
** database kept before instead of filling a new one: it is migrated to
** this borne's schema first, which takes a copy of it). The queries run
** with the kiosk's page cache (STORE_KIOSK_CACHE_KIB), or BENCH_CACHE_KIB. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "borne.h"
#include "member.h"
#include "mission.h"
#include "store.h"
#include "timeutil.h"

#define RUNS 21

static double now_ms(void);
static double cpu_ms(void);
static int    cmp_double(const void *a, const void *b);
static void   bench(Store *st, const char *label, const MissionQuery *q);
static void   bench_mine(Store *st, const char *label, int64_t member_id);
static void   report(const char *label, double *t, double *cpu,
                     const char *extra);
static void   fill(Store *st, int n, int64_t poster, int64_t poster2,
                   int64_t now);
static void   run(Store *st, int n, int64_t poster, int64_t poster2);
static void   kiosk_cache(Store *st);

static const char *const words[] = {
	"Arroser", "Café", "école", "Jardin", "Peindre", "Réparer", "chaise",
	"volets", "potager", "chat", "Déménager", "tables", "Couture", "ourlets",
	"Numérique", "ordinateur", "Cuisine", "soupe", "Bricolage", "étagère"
};

/* The page cache the kiosk gives SQLite: the board is measured as the
** kiosk reads it, not with SQLite's larger default. */
static void
kiosk_cache(Store *st)
{
	const char *kib = getenv("BENCH_CACHE_KIB");
	int n = kib != NULL ? atoi(kib) : STORE_KIOSK_CACHE_KIB;

	if (store_set_cache_kib(st, n) == BORNE_OK)
		printf("# SQLite page cache: %d KiB\n", n);
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* This thread's CPU time: what a query costs whatever else the machine
** runs (the wall time is that plus waiting for a core). */
static double
cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void
bench(Store *st, const char *label, const MissionQuery *q)
{
	MissionCard cards[20];
	double t[RUNS], cpu[RUNS];
	char extra[64];
	int n = 0, total = 0;

	for (int i = 0; i < RUNS; i++) {
		double t0 = now_ms(), c0 = cpu_ms();

		if (mission_search(st, q, cards, &n, &total) != BORNE_OK) {
			printf("%-46s error: %s\n", label, store_errmsg(st));
			return;
		}
		t[i] = now_ms() - t0;
		cpu[i] = cpu_ms() - c0;
	}
	snprintf(extra, sizeof extra, "%d shown of %d", n, total);
	report(label, t, cpu, extra);
}

static void
bench_mine(Store *st, const char *label, int64_t member_id)
{
	MissionCard cards[20];
	double t[RUNS], cpu[RUNS];
	char extra[64];
	int n = 0;

	for (int i = 0; i < RUNS; i++) {
		double t0 = now_ms(), c0 = cpu_ms();

		if (mission_of_member(st, member_id, cards, 20, &n) != BORNE_OK) {
			printf("%-46s error: %s\n", label, store_errmsg(st));
			return;
		}
		t[i] = now_ms() - t0;
		cpu[i] = cpu_ms() - c0;
	}
	snprintf(extra, sizeof extra, "%d shown", n);
	report(label, t, cpu, extra);
}

/* One line: name, median, p95, max, unit, then the median CPU time and
** what was found. */
static void
report(const char *label, double *t, double *cpu, const char *extra)
{
	qsort(t, RUNS, sizeof t[0], cmp_double);
	qsort(cpu, RUNS, sizeof cpu[0], cmp_double);
	printf("%-46s median %9.3f  p95 %9.3f  max %9.3f  ms  (n=%d, cpu %.3f"
	       " ms, %s)\n", label, t[RUNS / 2], t[(RUNS * 95 + 99) / 100 - 1],
	       t[RUNS - 1], RUNS, cpu[RUNS / 2], extra);
}

/* n missions, one in ten by poster2 (a member with many of their own). */
static void
fill(Store *st, int n, int64_t poster, int64_t poster2, int64_t now)
{
	char today[TIME_DATE_SIZE];
	MissionDraft d;
	double t0 = now_ms();

	time_local_date(now, today);
	srand(42);
	store_begin(st);
	for (int i = 0; i < n; i++) {
		mission_draft_init(&d);
		snprintf(d.title, sizeof d.title, "%s %s n°%d",
		         words[rand() % 20], words[rand() % 20], i);
		snprintf(d.description, sizeof d.description,
		         "%s %s %s, %s. Mission de test numéro %d.",
		         words[rand() % 20], words[rand() % 20], words[rand() % 20],
		         words[rand() % 20], i);
		d.category = (MissionCategory)(rand() % CAT_COUNT);
		if (rand() % 4 != 0)
			time_date_add(today, rand() % 120, d.date_from);
		d.places = 1 + rand() % 3;
		d.minors_ok = rand() % 2;
		if (mission_add(st, &d, i % 10 == 3 ? poster2 : poster, now - (n - i),
		                NULL) != BORNE_OK) {
			fprintf(stderr, "fill: %s\n", store_errmsg(st));
			exit(1);
		}
	}
	store_commit(st);
	printf("# inserted %d missions in %.0f ms (one transaction)\n", n,
	       now_ms() - t0);
}

/* Every query, on a board of n missions posted by poster and poster2. */
static void
run(Store *st, int n, int64_t poster, int64_t poster2)
{
	static const char *const keys[] = { "c", "ca", "caf", "cafe" };
	MissionQuery q = { -1, NULL, 0, 0, -1, 0, 20 };
	char label[80];

	bench(st, "board, first page", &q);
	q.offset = 20;
	bench(st, "board, next page", &q);
	q.offset = 0;
	q.include_taken = 1;
	bench(st, "board + taken, first page", &q);
	q.include_taken = 0;
	q.minors_only = 1;
	bench(st, "board, minors only", &q);
	q.minors_only = 0;
	q.category = CAT_JARDIN;
	bench(st, "category jardin", &q);
	q.category = -1;
	q.offset = n / 2;
	bench(st, "page in the middle", &q);
	q.offset = n - 20;
	bench(st, "last page", &q);
	q.offset = 0;
	for (int k = 0; k < 4; k++) {
		snprintf(label, sizeof label, "search keystroke \"%s\"", keys[k]);
		q.text = keys[k];
		bench(st, label, &q);
	}
	q.text = "ecole chaise";
	bench(st, "search \"ecole chaise\"", &q);
	q.text = "rep";
	bench(st, "search prefix \"rep\"", &q);
	q.text = "zzzz";
	bench(st, "search, no match", &q);
	q.text = "potager";
	q.category = CAT_JARDIN;
	q.minors_only = 1;
	bench(st, "search + category + minors", &q);
	q.text = "cafe";
	q.category = -1;
	q.minors_only = 0;
	q.include_taken = 1;
	bench(st, "search \"cafe\", board + taken", &q);
	q.include_taken = 0;
	q.offset = 200;
	bench(st, "search \"cafe\", page 11", &q);
	q.offset = 0;
	snprintf(label, sizeof label, "my missions, member with %d", n / 10);
	bench_mine(st, label, poster2);
	snprintf(label, sizeof label, "my missions, member with %d", n - n / 10);
	bench_mine(st, label, poster);
}

int
main(int argc, char **argv)
{
	char dir[512], path[600], err[256];
	int n = argc > 1 ? atoi(argv[1]) : 10000;
	int64_t poster, poster2, now = (int64_t)time(NULL);
	Store *st = NULL;

	/* How a search that matches many is read (mission_search_tune):
	** BENCH_SEARCH_CAP and BENCH_SEARCH_WALK, 0 for the defaults. */
	mission_search_tune(getenv("BENCH_SEARCH_CAP") ? atoi(getenv("BENCH_SEARCH_CAP")) : 0,
	                    getenv("BENCH_SEARCH_WALK") ? atoi(getenv("BENCH_SEARCH_WALK")) : 0);
	if (getenv("BENCH_DB") != NULL) {
		double t0 = now_ms();

		setvbuf(stdout, NULL, _IOLBF, 0);
		timeutil_init();
		if (store_open(getenv("BENCH_DB"), &st, err, sizeof err) != BORNE_OK) {
			fprintf(stderr, "%s\n", err);
			return 1;
		}
		printf("# opened (and migrated) %s in %.0f ms\n", getenv("BENCH_DB"),
		       now_ms() - t0);
		kiosk_cache(st);
		run(st, n, 1, 2);
		store_close(st);
		return 0;
	}
	snprintf(dir, sizeof dir, "%s/borne-bench-XXXXXX",
	         getenv("BENCH_DB_DIR") ? getenv("BENCH_DB_DIR") : "/tmp");
	setvbuf(stdout, NULL, _IOLBF, 0);    /* each figure as it comes */
	if (n <= 0 || mkdtemp(dir) == NULL)
		return 1;
	timeutil_init();
	snprintf(path, sizeof path, "%s/bench.db", dir);
	if (store_open(path, &st, err, sizeof err) != BORNE_OK) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	member_add(st, "Fatou", ROLE_FACILITATOR, 0, NULL, NULL, 0, now, &poster);
	member_add(st, "Karim", ROLE_FACILITATOR, 0, NULL, NULL, 0, now, &poster2);
	fill(st, n, poster, poster2, now);

	kiosk_cache(st);
	run(st, n, poster, poster2);
	store_close(st);
	if (getenv("BENCH_KEEP") != NULL) {
		printf("database kept: %s\n", path);
		return 0;
	}
	unlink(path);
	snprintf(path, sizeof path, "%s/bench.db-wal", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/bench.db-shm", dir);
	unlink(path);
	rmdir(dir);
	return 0;
}
