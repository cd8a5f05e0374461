/* test_forget.c -- forgetting means gone (issue 8): what forget and purge
** erase leaves no copy in the database file, its -wal or its -shm.
**  - Deleted rows are zeroed in the file on every connection, even with
**    a SQLite built without SQLITE_SECURE_DELETE (Debian's has it on):
**    this binary is linked with --wrap=sqlite3_open_v2 and every
**    connection it opens starts with secure_delete OFF.
**  - After forget and purge the write-ahead log is emptied; when another
**    connection reads, the work stays pending and is finished later.
**  - A real kiosk (`borne --headless --script -`) holds the database
**    open and reads at the wrong moment; `borne-admin member forget`
**    runs; once the reader lets go the kiosk empties the log itself, and
**    the raw bytes of FILE, FILE-wal and FILE-shm are searched for the
**    name and the badge UID (upper and lower hex, raw bytes) while the
**    kiosk still runs.
**  - The forgotten list: a backup made before a forget, restored, does
**    not bring the person back.
** Usage: test_forget BORNE BORNE_ADMIN. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "core_fixture.h"

#include "checkin.h"
#include "maintenance.h"
#include "member.h"
#include "privacy.h"
#include "uid.h"

#define NAME      "Zoé Marchand-Quelque"
#define SURNAME   "Marchand-Quelque"
#define UID_HEX   "04A1B2C3D4E5F6"
#define UID_LOWER "04a1b2c3d4e5f6"
#define UID2_HEX  "04A0A1A2A3A4A5A6A7A8"
#define KID_TIMEOUT_MS 60000

typedef struct Kid {
	pid_t pid;
	int   in_fd, out_fd;
	char  buf[8192];
	size_t used;
	int   max_line;
	int   eof;
} Kid;

int __real_sqlite3_open_v2(const char *filename, sqlite3 **db, int flags,
                           const char *vfs);
int __wrap_sqlite3_open_v2(const char *filename, sqlite3 **db, int flags,
                           const char *vfs);

static const char *borne_path, *admin_path;
static const unsigned char uid_raw[] = { 0x04, 0xA1, 0xB2, 0xC3, 0xD4,
                                         0xE5, 0xF6 };

static size_t slurp(const char *path, char **out);
static int    holds(const char *path, const void *bytes, size_t n);
static int    leaks(const char *db, int verbose);
static int64_t populate(Store *st);
static int    file_size(const char *path);
static int    kid_start(Kid *k, const char *db);
static void   kid_send(Kid *k, const char *lines);
static int    kid_sync(Kid *k, int line);
static int    run_admin(const char *db, const char *out, char *const args[]);
static pid_t  reader_start(const char *db, int *release_fd);

/* Every connection this binary opens starts as a SQLite built without
** SQLITE_SECURE_DELETE would: the store must turn it on itself. */
int
__wrap_sqlite3_open_v2(const char *filename, sqlite3 **db, int flags,
                       const char *vfs)
{
	int rc = __real_sqlite3_open_v2(filename, db, flags, vfs);

	if (rc == SQLITE_OK)
		sqlite3_exec(*db, "PRAGMA secure_delete = OFF", NULL, NULL, NULL);
	return rc;
}

static size_t
slurp(const char *path, char **out)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 1 << 16, n = 0, got;
	char *buf = malloc(cap);

	*out = buf;
	if (f == NULL || buf == NULL) {
		if (f != NULL)
			fclose(f);
		return 0;
	}
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			char *more = realloc(buf, cap *= 2);

			if (more == NULL)
				break;
			buf = more;
		}
	}
	fclose(f);
	*out = buf;
	return n;
}

/* Whether the file holds the n bytes anywhere (a missing file: no). */
static int
holds(const char *path, const void *bytes, size_t n)
{
	char *buf;
	size_t len = slurp(path, &buf);
	int found = 0;

	for (size_t i = 0; n > 0 && i + n <= len && !found; i++)
		found = memcmp(buf + i, bytes, n) == 0;
	free(buf);
	return found;
}

/* How many of (name, surname, hex, lower hex, raw UID) x (db, -wal,
** -shm) are found. */
static int
leaks(const char *db, int verbose)
{
	static const char *const ext[] = { "", "-wal", "-shm" };
	struct { const void *p; size_t n; const char *what; } needle[] = {
		{ NAME, strlen(NAME), "name" },
		{ SURNAME, strlen(SURNAME), "surname" },
		{ UID_HEX, strlen(UID_HEX), "badge hex" },
		{ UID_LOWER, strlen(UID_LOWER), "badge lower hex" },
		{ uid_raw, sizeof uid_raw, "badge bytes" },
		{ UID2_HEX, strlen(UID2_HEX), "second badge hex" },
	};
	char path[600];
	int n = 0;

	for (size_t e = 0; e < 3; e++) {
		snprintf(path, sizeof path, "%s%s", db, ext[e]);
		for (size_t i = 0; i < sizeof needle / sizeof needle[0]; i++) {
			if (!holds(path, needle[i].p, needle[i].n))
				continue;
			n++;
			if (verbose)
				fprintf(stderr, "  %s found in %s\n", needle[i].what, path);
		}
	}
	return n;
}

static int
file_size(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (int)sb.st_size : -1;
}

/* The person to forget, with what points to them everywhere: an unknown
** tap of their badge before they had it, two badges (7 and 10 bytes),
** visits, audit lines; and somebody else. (Held taps: checkin.c's
** tests.) Returns the person's id. */
static int64_t
populate(Store *st)
{
	BadgeUid uid, uid2, other;
	CheckinResult r;
	int64_t id = 0, t0 = fx_t("2026-11-02T09:00");

	CHECK_INT(uid_parse(UID_HEX, UID_DEC_LSB_FIRST, &uid, NULL, 0), BORNE_OK);
	CHECK_INT(uid_parse("04112233445566", UID_DEC_LSB_FIRST, &other, NULL, 0),
	          BORNE_OK);
	CHECK_INT(uid_parse(UID2_HEX, UID_DEC_LSB_FIRST, &uid2,
	                    NULL, 0), BORNE_OK);
	CHECK_INT(member_add(st, "Autre Personne", ROLE_COOPERATOR, 0, &other,
	                     NULL, 0, t0, NULL), BORNE_OK);
	CHECK_INT(checkin_tap(st, &uid, t0 + 60, &r), BORNE_OK);   /* unknown */
	CHECK_INT(member_add(st, NAME, ROLE_COOPERATOR, 1, &uid, NULL, 0,
	                     t0 + 120, &id), BORNE_OK);
	CHECK_INT(badge_add(st, id, &uid2, 0, t0 + 180), BORNE_OK);
	for (int d = 0; d < 5; d++) {
		int64_t day = t0 + (int64_t)d * 86400;

		CHECK_INT(checkin_tap(st, &uid, day + 600, &r), BORNE_OK);
		CHECK_INT(checkin_tap(st, &other, day + 700, &r), BORNE_OK);
		CHECK_INT(checkin_tap(st, &uid, day + 7200, &r), BORNE_OK);
		CHECK_INT(checkin_tap(st, &other, day + 7300, &r), BORNE_OK);
	}
	return id;
}

/* ---- secure_delete --------------------------------------------------- */

static void
test_secure_delete(void)
{
	static const char marker[] = "Zoé-Effacée-7Q4K";
	const char *path = fx_path("secure.db");
	Store *st = fx_open("secure.db");
	sqlite3 *db = store_db(st);
	sqlite3_stmt *stmt = NULL;
	char row[300];

	CHECK_INT(sqlite3_prepare_v2(db, "PRAGMA secure_delete", -1, &stmt,
	                             NULL), SQLITE_OK);
	CHECK_INT(sqlite3_step(stmt), SQLITE_ROW);
	CHECK_INT(sqlite3_column_int(stmt, 0), 1);       /* ON, not FAST (2) */
	sqlite3_finalize(stmt);
	stmt = NULL;

	/* One row among others in a page that stays... */
	CHECK_INT(store_setting_set(st, "keep", "kept"), BORNE_OK);
	CHECK_INT(store_setting_set(st, "note", marker), BORNE_OK);
	/* ...and whole pages of rows that go to the free list. */
	CHECK_INT(sqlite3_exec(db, "CREATE TABLE scratch(x TEXT)", NULL, NULL,
	                       NULL), SQLITE_OK);
	CHECK_INT(sqlite3_prepare_v2(db, "INSERT INTO scratch VALUES (?1)", -1,
	                             &stmt, NULL), SQLITE_OK);
	for (int i = 0; i < 100; i++) {
		snprintf(row, sizeof row, "%03d %s %s %s %s %s", i, marker, marker,
		         marker, marker, marker);
		sqlite3_bind_text(stmt, 1, row, -1, SQLITE_TRANSIENT);
		CHECK_INT(sqlite3_step(stmt), SQLITE_DONE);
		sqlite3_reset(stmt);
	}
	sqlite3_finalize(stmt);
	CHECK_INT(sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_TRUNCATE,
	                                    NULL, NULL), SQLITE_OK);
	CHECK(holds(path, marker, strlen(marker)));       /* the test sees it */
	CHECK_INT(sqlite3_exec(db, "DELETE FROM settings WHERE key = 'note';"
	                       "DELETE FROM scratch", NULL, NULL, NULL), SQLITE_OK);
	CHECK_INT(sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_TRUNCATE,
	                                    NULL, NULL), SQLITE_OK);
	CHECK(!holds(path, marker, strlen(marker)));
	store_close(st);
	CHECK(!holds(path, marker, strlen(marker)));
}

/* ---- The log, in one process ----------------------------------------- */

/* A: the kiosk, B: borne-admin, R: a read at the wrong moment. */
static void
test_scrub_core(void)
{
	const char *path = fx_path("core.db");
	Store *a = fx_open("core.db"), *b = fx_open("core.db");
	sqlite3 *r = NULL;
	sqlite3_stmt *stmt = NULL;
	PurgeCounts pc;
	int64_t id = populate(b);

	CHECK(leaks(path, 0) > 0);                     /* the test sees them */
	CHECK_INT(privacy_scrub_pending(a), 0);
	CHECK_INT(sqlite3_open_v2(path, &r, SQLITE_OPEN_READONLY, NULL),
	          SQLITE_OK);
	CHECK_INT(sqlite3_exec(r, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
	CHECK_INT(sqlite3_prepare_v2(r, "SELECT count(*) FROM members", -1,
	                             &stmt, NULL), SQLITE_OK);
	CHECK_INT(sqlite3_step(stmt), SQLITE_ROW);
	sqlite3_finalize(stmt);

	CHECK_INT(privacy_forget_member(b, id, 0, fx_t("2026-11-20T10:00")),
	          BORNE_OK);
	CHECK_INT(privacy_scrub_pending(b), 1);        /* R held it back */
	CHECK_INT(privacy_scrub_pending(a), 1);
	CHECK(leaks(path, 0) > 0);
	CHECK_INT(privacy_scrub(a, 0), BORNE_EBUSY);   /* never waits */
	CHECK_INT(privacy_scrub_pending(a), 1);

	CHECK_INT(sqlite3_exec(r, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	CHECK_INT(privacy_scrub(a, 0), BORNE_OK);
	CHECK_INT(privacy_scrub_pending(a), 0);
	CHECK_INT(leaks(path, 1), 0);
	CHECK_INT(file_size(fx_path("core.db-wal")), 0);
	CHECK_INT(privacy_scrub(a, 0), BORNE_OK);      /* nothing to do */

	/* Purge: nobody reading, done at once, the log empty. */
	CHECK_INT(privacy_purge(b, fx_t("2026-11-05T00:00"), 0,
	                        fx_t("2026-11-20T10:00"), &pc), BORNE_OK);
	CHECK(pc.visits > 0);
	CHECK_INT(privacy_scrub_pending(b), 0);
	CHECK_INT(file_size(fx_path("core.db-wal")), 0);

	/* Two forgets, the second committed between the read of the mark
	** and its clearing, keep it: the mark counts. */
	CHECK_INT(store_setting_set(b, PRIVACY_SCRUB_KEY, "1"), BORNE_OK);
	CHECK_INT(sqlite3_exec(store_db(b), "UPDATE settings SET value = '2'"
	                       " WHERE key = '" PRIVACY_SCRUB_KEY "'", NULL, NULL,
	                       NULL), SQLITE_OK);
	CHECK_INT(privacy_scrub_pending(a), 1);
	CHECK_INT(privacy_scrub(a, 0), BORNE_OK);
	CHECK_INT(privacy_scrub_pending(a), 0);
	sqlite3_close(r);
	store_close(a);
	store_close(b);
}

/* ---- A kiosk process holding the database ---------------------------- */

static int
kid_start(Kid *k, const char *db)
{
	int in[2], out[2];

	memset(k, 0, sizeof *k);
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
		      "--db", db, "--script", "-", (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	k->in_fd = in[1];
	k->out_fd = out[0];
	return 0;
}

static void
kid_send(Kid *k, const char *lines)
{
	size_t n = strlen(lines);

	CHECK(write(k->in_fd, lines, n) == (ssize_t)n);
}

/* Waits until the kiosk printed line N (so line N - 1 is done). 1 when
** it did, 0 on timeout or end. */
static int
kid_sync(Kid *k, int line)
{
	struct timespec ts;
	int64_t end;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	end = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 + KID_TIMEOUT_MS;
	while (k->max_line < line && !k->eof) {
		struct pollfd p = { k->out_fd, POLLIN, 0 };
		ssize_t n;
		char *nl;
		int64_t now;

		clock_gettime(CLOCK_MONOTONIC, &ts);
		now = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
		if (now >= end)
			return 0;
		if (poll(&p, 1, (int)(end - now)) <= 0)
			continue;
		n = read(k->out_fd, k->buf + k->used, sizeof k->buf - 1 - k->used);
		if (n <= 0) {
			k->eof = 1;
			break;
		}
		k->used += (size_t)n;
		k->buf[k->used] = '\0';
		while ((nl = strchr(k->buf, '\n')) != NULL) {
			int l;

			*nl = '\0';
			if (sscanf(k->buf, "%d:", &l) == 1 && l > k->max_line)
				k->max_line = l;
			k->used -= (size_t)(nl + 1 - k->buf);
			memmove(k->buf, nl + 1, k->used + 1);
		}
		if (k->used == sizeof k->buf - 1)
			k->used = 0;
	}
	return k->max_line >= line;
}

/* Runs borne-admin --db db ARGS, stdout to out. Its exit status. */
static int
run_admin(const char *db, const char *out, char *const args[])
{
	char *argv[16];
	int n = 0, status;
	pid_t pid;

	argv[n++] = (char *)admin_path;
	argv[n++] = (char *)"--db";
	argv[n++] = (char *)db;
	for (int i = 0; args[i] != NULL && n < 15; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	if ((pid = fork()) == 0) {
		int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);

		if (fd >= 0)
			dup2(fd, 1);
		execv(admin_path, argv);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/* A process that reads the database (a transaction open on a snapshot)
** until a byte comes on *release_fd. Another process: this one opens and
** closes the files to search them, and closing any descriptor of a file
** drops every POSIX lock the process holds on it, the reader's too. */
static pid_t
reader_start(const char *db, int *release_fd)
{
	int ready[2], release[2];
	char c = 0;
	pid_t pid;

	if (pipe(ready) != 0 || pipe(release) != 0)
		return -1;
	if ((pid = fork()) == 0) {
		sqlite3 *r = NULL;
		sqlite3_stmt *stmt = NULL;
		int ok;

		close(ready[0]);
		close(release[1]);
		ok = sqlite3_open_v2(db, &r, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
		     sqlite3_exec(r, "BEGIN", NULL, NULL, NULL) == SQLITE_OK &&
		     sqlite3_prepare_v2(r, "SELECT count(*) FROM members", -1, &stmt,
		                        NULL) == SQLITE_OK &&
		     sqlite3_step(stmt) == SQLITE_ROW;
		sqlite3_finalize(stmt);
		if (write(ready[1], ok ? "1" : "0", 1) != 1 ||
		    read(release[0], &c, 1) != 1)
			ok = 0;
		ok = ok && sqlite3_exec(r, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
		sqlite3_close(r);
		_exit(ok ? 0 : 1);
	}
	close(ready[1]);
	close(release[0]);
	if (pid < 0 || read(ready[0], &c, 1) != 1 || c != '1') {
		close(ready[0]);
		close(release[1]);
		return -1;
	}
	close(ready[0]);
	*release_fd = release[1];
	return pid;
}

static void
test_kiosk_process(void)
{
	const char *db = fx_path("kiosk.db"), *out = fx_path("admin.out");
	char idtext[32], *said = NULL;
	char *forget[] = { "member", "forget", idtext, NULL };
	Store *st = fx_open("kiosk.db");
	int64_t id = populate(st);
	pid_t reader;
	Kid k;
	int status = -1, release_fd = -1;

	snprintf(idtext, sizeof idtext, "%lld", (long long)id);
	store_close(st);
	CHECK(leaks(db, 0) > 0);                       /* the test sees them */
	if (kid_start(&k, db) != 0) {
		CHECK(!"fork");
		return;
	}
	kid_send(&k, "expect-screen accueil\nwait 10\n");
	CHECK(kid_sync(&k, 2));

	/* A read at the moment of the forget: the checkpoint cannot end. */
	reader = reader_start(db, &release_fd);
	CHECK(reader > 0);
	CHECK_INT(run_admin(db, out, forget), 0);
	slurp(out, &said);
	CHECK_CONTAINS(said, "forgotten");
	CHECK_CONTAINS(said, "the kiosk is reading");
	free(said);
	CHECK(leaks(db, 0) > 0);                       /* not done yet */

	/* The kiosk looks, tries, cannot: the read still holds. */
	kid_send(&k, "wait 6000\nwait 10\n");
	CHECK(kid_sync(&k, 4));
	CHECK(leaks(db, 0) > 0);

	/* The read ends; the kiosk's next try goes through, on its own. */
	CHECK(write(release_fd, "x", 1) == 1);
	CHECK_INT(waitpid(reader, &status, 0), reader);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(release_fd);
	kid_send(&k, "wait 6000\nexpect-screen accueil\nwait 10\n");
	CHECK(kid_sync(&k, 7));
	CHECK_INT(waitpid(k.pid, &status, WNOHANG), 0);     /* still running */
	CHECK_INT(leaks(db, 1), 0);
	CHECK_INT(file_size(fx_path("kiosk.db-wal")), 0);

	close(k.in_fd);
	CHECK_INT(waitpid(k.pid, &status, 0), k.pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(k.out_fd);
	CHECK_INT(leaks(db, 1), 0);
}

/* ---- The forgotten list and restore ---------------------------------- */

static void
test_restore(void)
{
	char live[512], b1[512], b2[512], fresh[512];
	Store *st = fx_open("live.db"), *f;
	int64_t id = populate(st), later = 0;
	char msg[400], uuid[64], sql[160];
	Member m;
	int n = -1;

	snprintf(live, sizeof live, "%s", fx_path("live.db"));
	snprintf(b1, sizeof b1, "%s", fx_path("before.db"));
	snprintf(b2, sizeof b2, "%s", fx_path("after.db"));
	snprintf(fresh, sizeof fresh, "%s", fx_path("fresh.db"));
	CHECK_INT(member_get(st, id, &m), BORNE_OK);
	snprintf(uuid, sizeof uuid, "%s", m.uuid);
	CHECK_INT(maintenance_backup(st, b1, msg, sizeof msg), BORNE_OK);
	CHECK_INT(privacy_forget_member(st, id, 0, fx_t("2026-11-20T10:00")),
	          BORNE_OK);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM forgotten"), 1);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM forgotten WHERE "
	                     "forgotten_utc > 0 AND length(uuid) > 30"), 1);
	CHECK_INT(maintenance_backup(st, b2, msg, sizeof msg), BORNE_OK);
	CHECK_INT(member_add(st, "Arrivée Après", ROLE_COOPERATOR, 0, NULL, NULL,
	                     0, fx_t("2026-11-21T10:00"), &later), BORNE_OK);

	/* The backup made before holds the person... */
	CHECK(holds(b1, NAME, strlen(NAME)));
	/* ...restored, they are forgotten again, as forget does it. */
	CHECK_INT(maintenance_restore(st, b1, fx_t("2026-11-22T10:00"), &n, msg,
	                              sizeof msg), BORNE_OK);
	CHECK_INT(n, 1);
	CHECK_INT(member_get(st, id, &m), BORNE_OK);
	CHECK_STR(m.uuid, uuid);
	CHECK(m.forgotten);
	CHECK(strstr(m.name, "oublié") != NULL);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM badges"), 1);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM members"), 2);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM audit WHERE detail LIKE "
	                     "'%Marchand%' OR detail LIKE '%" UID_HEX "%'"), 0);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM unknown_taps WHERE uid = '"
	                     UID_HEX "'"), 0);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM visits WHERE badge <> ''"
	         " AND member_id = %lld", (long long)id);
	CHECK_INT(fx_sql_int(st, sql), 0);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM forgotten"), 1);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM visits"), 10);
	CHECK_INT(leaks(live, 1), 0);
	CHECK_STR(msg, "1 member(s) forgotten again");

	/* What cannot be restored leaves the live database as it was. */
	CHECK_INT(maintenance_restore(st, fx_path("none.db"), 0, NULL, msg,
	                              sizeof msg), BORNE_ENOTFOUND);
	CHECK_INT(maintenance_restore(st, live, 0, NULL, msg, sizeof msg),
	          BORNE_EINVAL);
	{
		FILE *junk = fopen(fx_path("junk.db"), "w");

		fputs("this is not a database, it only has a name like one\n", junk);
		fclose(junk);
	}
	CHECK_INT(maintenance_restore(st, fx_path("junk.db"), 0, NULL, msg,
	                              sizeof msg), BORNE_ECORRUPT);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM members"), 2);
	store_close(st);

	/* The live database lost: a new one gets the backup's own list. */
	f = fx_open("fresh.db");
	CHECK_INT(maintenance_restore(f, b2, 0, &n, msg, sizeof msg), BORNE_OK);
	CHECK_INT(n, 0);
	CHECK_INT(fx_sql_int(f, "SELECT count(*) FROM forgotten"), 1);
	CHECK_INT(store_schema_version(f), store_schema_latest());
	store_close(f);
	CHECK_INT(leaks(fresh, 1), 0);
	(void)later;
}

int
main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: test_forget BORNE BORNE_ADMIN\n");
		return 2;
	}
	borne_path = argv[1];
	admin_path = argv[2];
	fx_setup();
	signal(SIGPIPE, SIG_IGN);
	test_secure_delete();
	test_scrub_core();
	test_restore();
	test_kiosk_process();
	return check_done();
}
