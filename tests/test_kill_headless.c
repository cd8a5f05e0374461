/* test_kill_headless.c -- SIGKILL a running kiosk during taps, again and
** again, and check that nothing it said it saved is lost.
** Each round starts `borne --headless --db FILE --script -` on the same
** database, feeds it badge taps on stdin (advance-clock, expect-screen
** accueil, badge UID), and kills it with SIGKILL at a random moment: most
** often a few milliseconds after a `badge` line starts, sometimes while
** it starts up. The script prints each line before running it and runs
** one line at a time, so a printed line N + 1 means line N returned, its
** tap committed (checkin_tap() returns after the durable commit). After
** each kill the database is opened the normal way and must pass
** maintenance_check, and every completed tap must be in a visit of its
** member, as the arrival or the departure at the tap's exact time (each
** tap of the test has its own second on the virtual clock).
**
** Usage: test_kill_headless BORNE. BORNE_SEED=N replays the random
** moments (mostly: the kiosk's speed decides the rest), BORNE_KILLS sets
** the number of kills (default 200; ctest runs two of these with 100
** each, in parallel, each on its own database). */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "core_fixture.h"

#include "maintenance.h"
#include "member.h"

#define N_MEMBERS     24
#define TAPS_PER_RUN  8
#define LINES_PER_TAP 3        /* advance-clock, expect-screen, badge */
#define RUN_TIMEOUT_MS 60000

typedef struct Done {
	int64_t member_id, at_utc;
} Done;

typedef struct Kid {
	pid_t pid;
	int   in_fd, out_fd;
	char  buf[8192];
	size_t used;
	int   max_line;              /* highest "N: ..." printed */
	int   eof;
} Kid;

static uint64_t rng;
static const char *borne_path;

static uint64_t rnd(void);
static int      rnd_n(int n);
static long     env_long(const char *name, long def);
static int      kid_start(Kid *k, const char *db, int64_t start_utc);
static int      kid_read(Kid *k, int timeout_ms);
static int64_t  now_ms(void);
static int      visit_has(Store *st, const Done *d);

static uint64_t
rnd(void)
{
	uint64_t x = rng;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng = x;
	return x * 0x2545F4914F6CDD1DULL;
}

static int
rnd_n(int n)
{
	return (int)(rnd() % (uint64_t)n);
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

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Starts the kiosk on db, its virtual clock at start_utc (a whole
** minute), stdin and stdout on pipes, stderr appended to borne.err. */
static int
kid_start(Kid *k, const char *db, int64_t start_utc)
{
	char now[32];
	struct tm tm;
	time_t t = (time_t)start_utc;
	int in[2], out[2];

	memset(k, 0, sizeof *k);
	localtime_r(&t, &tm);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M", &tm);
	if (pipe(in) != 0 || pipe(out) != 0)
		return -1;
	if ((k->pid = fork()) < 0)
		return -1;
	if (k->pid == 0) {
		int err = open(fx_path("borne.err"), O_WRONLY | O_CREAT | O_APPEND,
		               0600);

		dup2(in[0], 0);
		dup2(out[1], 1);
		if (err >= 0)
			dup2(err, 2);
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		execl(borne_path, borne_path, "--headless", "--size", "800x480",
		      "--db", db, "--now", now, "--script", "-", (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	k->in_fd = in[1];
	k->out_fd = out[0];
	return 0;
}

/* Reads what the kiosk printed, waiting up to timeout_ms for something;
** updates max_line. 0, or -1 at end of output. */
static int
kid_read(Kid *k, int timeout_ms)
{
	struct pollfd p = { k->out_fd, POLLIN, 0 };
	ssize_t n;
	char *nl;

	if (k->eof)
		return -1;
	if (poll(&p, 1, timeout_ms) <= 0)
		return 0;
	n = read(k->out_fd, k->buf + k->used, sizeof k->buf - 1 - k->used);
	if (n <= 0) {
		k->eof = 1;
		return -1;
	}
	k->used += (size_t)n;
	k->buf[k->used] = '\0';
	while ((nl = strchr(k->buf, '\n')) != NULL) {
		int line;

		*nl = '\0';
		if (sscanf(k->buf, "%d:", &line) == 1 && line > k->max_line)
			k->max_line = line;
		k->used -= (size_t)(nl + 1 - k->buf);
		memmove(k->buf, nl + 1, k->used + 1);
	}
	if (k->used == sizeof k->buf - 1)
		k->used = 0;             /* a line too long to be ours */
	return 0;
}

static int
visit_has(Store *st, const Done *d)
{
	static const char sql[] =
		"SELECT count(*) FROM visits WHERE member_id = ?1"
		" AND (in_utc = ?2 OR out_utc = ?2)";
	sqlite3_stmt *stmt = NULL;
	int n = -1;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &stmt, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(stmt, 1, d->member_id);
		sqlite3_bind_int64(stmt, 2, d->at_utc);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			n = sqlite3_column_int(stmt, 0);
	}
	sqlite3_finalize(stmt);
	return n == 1;
}

int
main(int argc, char **argv)
{
	uint64_t seed = (uint64_t)env_long("BORNE_SEED", 0);
	long n_kills = env_long("BORNE_KILLS", 200);
	const char *db;
	int64_t members[N_MEMBERS], clock_utc, t0 = now_ms();
	BadgeUid badges[N_MEMBERS];
	Done *done = NULL;
	size_t n_done = 0, cap_done = 0, checked = 0;
	long kills = 0, at_start = 0, lost = 0, damaged = 0, not_killed = 0;
	Store *st;
	char msg[512];

	if (argc != 2) {
		fprintf(stderr, "usage: test_kill_headless BORNE\n");
		return 2;
	}
	borne_path = argv[1];
	/* A kill is not a power cut: what write() gave the kernel outlives
	** the process, so the disk's fsync time is nothing to this test and
	** would be most of its run time. The database lives in memory. */
	if (getenv("TMPDIR") == NULL && access("/dev/shm", W_OK) == 0)
		setenv("TMPDIR", "/dev/shm", 1);
	fx_setup();
	signal(SIGPIPE, SIG_IGN);
	if (seed == 0)
		seed = (uint64_t)time(NULL);
	rng = seed;
	printf("kill_headless: seed %" PRIu64 " (BORNE_SEED replays it), %ld"
	       " kills of %s\n", seed, n_kills, borne_path);
	db = fx_path("kill.db");
	clock_utc = fx_t("2027-01-04T08:00");
	st = fx_open("kill.db");
	for (int i = 0; i < N_MEMBERS; i++) {
		char name[32];

		memset(&badges[i], 0, sizeof badges[i]);
		badges[i].len = 4;
		badges[i].bytes[0] = 0xB0;
		badges[i].bytes[3] = (uint8_t)(i + 1);
		snprintf(name, sizeof name, "Membre %02d", i);
		if (member_add(st, name, ROLE_COOPERATOR, 0, &badges[i], NULL, 0,
		               clock_utc, &members[i]) != BORNE_OK) {
			fprintf(stderr, "member_add: %s\n", store_errmsg(st));
			return 2;
		}
	}
	store_close(st);

	while (kills < n_kills) {
		char script[TAPS_PER_RUN * 96];
		Done taps[TAPS_PER_RUN];
		size_t len = 0;
		int status, target_line, killed_at_start = rnd_n(10) == 0;
		int64_t start, deadline;
		struct tm tm;
		time_t tt;
		Kid k;

		/* A new run starts on a later whole minute, by day. */
		start = (clock_utc / 60 + 2) * 60;
		tt = (time_t)start;
		localtime_r(&tt, &tm);
		if (tm.tm_hour >= 18)
			start += (int64_t)(24 - tm.tm_hour + 8) * 3600;
		clock_utc = start;
		for (int j = 0; j < TAPS_PER_RUN; j++) {
			int m = rnd_n(N_MEMBERS), adv = 90 + rnd_n(300);
			char hex[UID_HEX_SIZE];

			clock_utc += adv;
			uid_format(&badges[m], hex);
			taps[j].member_id = members[m];
			taps[j].at_utc = clock_utc;
			len += (size_t)snprintf(script + len, sizeof script - len,
			                        "advance-clock %d\nexpect-screen accueil\n"
			                        "badge %s\n", adv, hex);
		}
		if (kid_start(&k, db, start) != 0) {
			perror("starting borne");
			return 2;
		}
		if (write(k.in_fd, script, len) != (ssize_t)len) {
			perror("feeding borne");
			return 2;
		}
		/* Kill a little after a badge line starts, or during start-up. */
		target_line = (1 + rnd_n(TAPS_PER_RUN)) * LINES_PER_TAP;
		deadline = now_ms() + RUN_TIMEOUT_MS;
		if (killed_at_start) {
			usleep((useconds_t)rnd_n(150000));
			at_start++;
		} else {
			while (!k.eof && k.max_line < target_line && now_ms() < deadline)
				kid_read(&k, 100);
			usleep((useconds_t)rnd_n(4000));
		}
		kill(k.pid, SIGKILL);
		close(k.in_fd);
		while (kid_read(&k, 1000) == 0 && now_ms() < deadline)
			;
		close(k.out_fd);
		waitpid(k.pid, &status, 0);
		if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL) {
			not_killed++;
			fprintf(stderr, "round %ld: borne ended by itself (status %d),"
			        " after line %d; its errors are in borne.err:\n", kills,
			        status, k.max_line);
			{
				char cmd[700];
				snprintf(cmd, sizeof cmd, "tail -5 %s >&2", fx_path("borne.err"));
				if (system(cmd) != 0)
					fprintf(stderr, "(none)\n");
			}
			break;
		}
		kills++;
		/* Line max_line may have been cut short; those before it ran. */
		for (int j = 0; j < TAPS_PER_RUN; j++) {
			if ((j + 1) * LINES_PER_TAP >= k.max_line)
				break;
			if (n_done == cap_done) {
				size_t n = cap_done != 0 ? cap_done * 2 : 512;
				Done *grown = realloc(done, n * sizeof *grown);

				if (grown == NULL)
					return 2;
				done = grown;
				cap_done = n;
			}
			done[n_done++] = taps[j];
		}
		/* The restart: open as the kiosk does, and check. */
		{
			char err[256];
			int rc = store_open(db, &st, err, sizeof err);

			if (rc != BORNE_OK) {
				fprintf(stderr, "round %ld: store_open: %s\n", kills, err);
				damaged++;
				break;
			}
			if (maintenance_check(st, msg, sizeof msg) != BORNE_OK) {
				fprintf(stderr, "round %ld: %s\n", kills, msg);
				damaged++;
			}
			for (size_t i = kills % 50 == 0 ? 0 : checked; i < n_done; i++)
				if (!visit_has(st, &done[i])) {
					lost++;
					fprintf(stderr, "round %ld: the tap of member %lld at"
					        " %lld completed and is not saved\n", kills,
					        (long long)done[i].member_id,
					        (long long)done[i].at_utc);
				}
			store_close(st);
			checked = n_done;
		}
	}
	/* Last: every completed tap, once more. */
	if (store_open(db, &st, msg, sizeof msg) == BORNE_OK) {
		for (size_t i = 0; i < n_done; i++)
			if (!visit_has(st, &done[i]))
				lost++;
		store_close(st);
	}
	printf("kill_headless: %ld SIGKILLs survived (%ld during start-up),"
	       " %zu completed taps checked, %ld lost, %ld damaged; %.1f s\n",
	       kills, at_start, n_done, lost, damaged,
	       (double)(now_ms() - t0) / 1000.0);
	CHECK_INT(kills, n_kills);
	CHECK_INT(not_killed, 0);
	CHECK_INT(lost, 0);
	CHECK_INT(damaged, 0);
	CHECK(n_done > (size_t)n_kills);   /* the kills came during taps */
	free(done);
	return check_done();
}
