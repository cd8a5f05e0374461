/* bench_kiosk.c -- the kiosk's own work, in one process, for borne-bench.
** The real core (a database on disk, every commit durable) and the real
** screens drawn on SDL's software renderer, as the kiosk does:
**   taps WxH N       a badge -> its greeting frame drawn, N taps
**                    (the check-in commit included; median, p95, max)
**   frames WxH       each screen's frame, redraw forced (median, p95)
**   commit N         the durable commit of one check-in (checkin_tap)
**   callgrind N      N taps through bench_tap_once() only, for
**                    valgrind --tool=callgrind --toggle-collect=bench_tap_once
** One line per figure: name, median, p95 or p99, max, unit. Prints;
** asserts nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "checkin.h"
#include "clock.h"
#include "demo.h"
#include "timeutil.h"
#include "ui_internal.h"

#define FRAMES_PER_SCREEN 30

typedef struct Bench {
	SDL_Surface  *surf;
	SDL_Renderer *ren;
	Store *st;
	App   *app;
	Ui    *ui;
	int64_t now_ms, now_utc;
	char db[256];
} Bench;

static double bench_now_ms(void);
static int    bench_cmp(const void *a, const void *b);
static void   bench_print(const char *name, double *t, int n, int pct,
                          const char *unit);
static void   bench_send(Bench *b, AppEventType type, AppAction act,
                         int64_t arg, const char *uid);
static int    bench_open(Bench *b, int w, int h, int with_ui);
static void   bench_close(Bench *b);
static int    bench_taps(int w, int h, int n);
static int    bench_frames(int w, int h);
static int    bench_commit(int n);
static int    bench_callgrind(int n);
void          bench_tap_once(Bench *b, const char *uid);

static double
bench_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int
bench_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* name  median X  pNN Y  max Z  unit  (n runs): borne-bench's line. */
static void
bench_print(const char *name, double *t, int n, int pct, const char *unit)
{
	int k;

	if (n <= 0)
		return;
	qsort(t, (size_t)n, sizeof t[0], bench_cmp);
	k = (int)((double)n * pct / 100.0 + 0.5) - 1;
	if (k < 0)
		k = 0;
	if (k >= n)
		k = n - 1;
	printf("%-46s median %9.3f  p%d %9.3f  max %9.3f  %s  (n=%d)\n", name,
	       n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2, pct, t[k],
	       t[n - 1], unit, n);
}

static void
bench_send(Bench *b, AppEventType type, AppAction act, int64_t arg,
           const char *uid)
{
	AppEvent ev;

	memset(&ev, 0, sizeof ev);
	ev.type = type;
	ev.action = act;
	ev.arg = arg;
	if (uid != NULL)
		uid_parse(uid, UID_DEC_LSB_FIRST, &ev.uid, NULL, 0);
	b->now_ms += 100;
	app_handle(b->app, &ev, b->now_ms, b->now_utc);
}

static int
bench_open(Bench *b, int w, int h, int with_ui)
{
	AppConfig cfg;
	char err[256] = "";

	memset(b, 0, sizeof *b);
	time_parse_local("2026-12-10T10:42", &b->now_utc);
	/* Beside the build, on a real disk: /tmp may be a tmpfs, where a
	** commit costs nothing. BENCH_DB_DIR moves it. */
	snprintf(b->db, sizeof b->db, "%s/bench-kiosk-%ld.db",
	         getenv("BENCH_DB_DIR") ? getenv("BENCH_DB_DIR") : ".",
	         (long)getpid());
	unlink(b->db);
	if (store_open(b->db, &b->st, err, sizeof err) != BORNE_OK ||
	    demo_fill(b->st, b->now_utc) != BORNE_OK) {
		fprintf(stderr, "bench_kiosk: %s %s\n", b->db, err);
		return BORNE_EIO;
	}
	if (!with_ui)
		return BORNE_OK;
	b->surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32,
	                                         SDL_PIXELFORMAT_ARGB8888);
	b->ren = b->surf ? SDL_CreateSoftwareRenderer(b->surf) : NULL;
	app_config_defaults(&cfg);
	if (b->ren == NULL ||
	    app_new(b->st, &cfg, b->now_ms, b->now_utc, &b->app) != BORNE_OK ||
	    ui_new(b->ren, w, h, &b->ui, err, sizeof err) != BORNE_OK) {
		fprintf(stderr, "bench_kiosk: setup failed %s\n", err);
		return BORNE_EIO;
	}
	bench_send(b, APP_EV_CLOCK, ACT_NONE, CLOCK_SYNC_YES, NULL);
	return BORNE_OK;
}

static void
bench_close(Bench *b)
{
	char p[300];

	ui_free(b->ui);
	app_free(b->app);
	store_close(b->st);
	if (b->ren != NULL)
		SDL_DestroyRenderer(b->ren);
	SDL_FreeSurface(b->surf);
	unlink(b->db);
	snprintf(p, sizeof p, "%s-wal", b->db);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", b->db);
	unlink(p);
}

/* One tap as the kiosk takes it: the event (check-in committed), then
** the greeting frame drawn. Not static, not inlined: callgrind counts
** instructions inside this function only. */
__attribute__((noinline)) void
bench_tap_once(Bench *b, const char *uid)
{
	AppEvent ev;

	memset(&ev, 0, sizeof ev);
	ev.type = APP_EV_BADGE;
	uid_parse(uid, UID_DEC_LSB_FIRST, &ev.uid, NULL, 0);
	app_handle(b->app, &ev, b->now_ms, b->now_utc);
	ui_draw_frame(b->ui, app_view(b->app), app_view(b->app)->cue, 1.0f);
	SDL_RenderPresent(b->ren);
}

/* Taps of the active demo members in turn, 61 s apart (a second tap
** within checkin_repeat_s would be a bounce): in, out, in... */
static int
bench_taps(int w, int h, int n)
{
	static const char *const uids[] = { "04A1B2C3", "04D4E5F6", "0451C0A7",
	                                    "04AA0001", "04AA0002", "04AA0003" };
	Bench b;
	double *t = calloc((size_t)n, sizeof *t);
	char name[80];
	int rc = 1;

	if (t == NULL || bench_open(&b, w, h, 1) != BORNE_OK)
		goto done;
	ui_draw_frame(b.ui, app_view(b.app), CUE_NONE, 0);
	for (int i = 0; i < n; i++) {
		double t0;

		b.now_ms += 61000;
		b.now_utc += 61;
		t0 = bench_now_ms();
		bench_tap_once(&b, uids[i % 6]);
		t[i] = bench_now_ms() - t0;
	}
	snprintf(name, sizeof name, "tap -> greeting drawn, %dx%d", w, h);
	bench_print(name, t, n, 95, "ms");
	rc = 0;
done:
	bench_close(&b);
	free(t);
	return rc;
}

/* Each screen reached as a person would, then FRAMES_PER_SCREEN frames
** drawn from scratch (the text cache warm, as on a running kiosk). */
static int
bench_frames(int w, int h)
{
	static const struct {
		const char *name;
		AppEventType type;
		AppAction act;
		int64_t arg;
		const char *uid;
	} steps[] = {
		{ "accueil", APP_EV_TICK, ACT_NONE, 0, NULL },
		{ "badge-result", APP_EV_BADGE, ACT_NONE, 0, "0451C0A7" },
		{ "member-home", APP_EV_ACTION, ACT_MY_MISSIONS, 0, NULL },
		{ "board", APP_EV_ACTION, ACT_BOARD, 0, NULL },
		{ "mission", APP_EV_ACTION, ACT_OPEN_MISSION, -1, NULL },
		{ "board, back", APP_EV_ACTION, ACT_BACK, 0, NULL },
		{ "post-mission", APP_EV_ACTION, ACT_POST, 0, NULL },
		{ "accueil, again", APP_EV_ACTION, ACT_HOME, 0, NULL },
		{ "unknown-badge", APP_EV_BADGE, ACT_NONE, 0, DEMO_UNKNOWN_UID },
		{ "accueil, back", APP_EV_ACTION, ACT_HOME, 0, NULL },
		{ "pin (facilitator)", APP_EV_BADGE, ACT_NONE, 0, "04B3E7A1" },
	};
	Bench b;
	double t[FRAMES_PER_SCREEN];
	char name[120];
	int rc = 1;

	if (bench_open(&b, w, h, 1) != BORNE_OK)
		goto done;
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		int64_t arg = steps[i].arg;

		if (arg == -1)           /* the board's first card */
			arg = app_view(b.app)->board.cards[0].id;
		bench_send(&b, steps[i].type, steps[i].act, arg, steps[i].uid);
		if (strncmp(steps[i].name, "pin", 3) == 0)
			bench_send(&b, APP_EV_ACTION, ACT_FACILITATOR, 0, NULL);
		ui_draw_frame(b.ui, app_view(b.app), CUE_NONE, 0);
		for (int k = 0; k < FRAMES_PER_SCREEN; k++) {
			double t0 = bench_now_ms();

			ui_draw_frame(b.ui, app_view(b.app), CUE_NONE, 0);
			SDL_RenderPresent(b.ren);
			t[k] = bench_now_ms() - t0;
		}
		snprintf(name, sizeof name, "frame %s (%s), %dx%d", steps[i].name,
		         app_screen_name(app_view(b.app)->screen), w, h);
		bench_print(name, t, FRAMES_PER_SCREEN, 95, "ms");
	}
	rc = 0;
done:
	bench_close(&b);
	return rc;
}

/* checkin_tap alone: the transaction and its fsyncs (WAL, synchronous
** as store_open sets it), on the disk the database is on. */
static int
bench_commit(int n)
{
	Bench b;
	BadgeUid uid;
	CheckinResult res;
	double *t = calloc((size_t)n, sizeof *t);
	int rc = 1;

	if (t == NULL || bench_open(&b, 0, 0, 0) != BORNE_OK)
		goto done;
	uid_parse("04D4E5F6", UID_DEC_LSB_FIRST, &uid, NULL, 0);
	for (int i = 0; i < n; i++) {
		double t0;

		b.now_utc += 61;
		t0 = bench_now_ms();
		if (checkin_tap(b.st, &uid, b.now_utc, &res) != BORNE_OK) {
			fprintf(stderr, "bench_kiosk: %s\n", store_errmsg(b.st));
			goto done;
		}
		t[i] = bench_now_ms() - t0;
	}
	bench_print("durable commit of one check-in", t, n, 99, "ms");
	rc = 0;
done:
	bench_close(&b);
	free(t);
	return rc;
}

static int
bench_callgrind(int n)
{
	Bench b;
	int rc = 1;

	if (bench_open(&b, 800, 480, 1) != BORNE_OK)
		goto done;
	/* A first tap warms the text cache, as on a kiosk that has run. */
	bench_tap_once(&b, "04A1B2C3");
	for (int i = 0; i < n; i++) {
		b.now_ms += 61000;
		b.now_utc += 61;
		bench_tap_once(&b, i % 2 ? "04A1B2C3" : "04D4E5F6");
	}
	printf("callgrind: %d taps through bench_tap_once\n", n);
	rc = 0;
done:
	bench_close(&b);
	return rc;
}

int
main(int argc, char **argv)
{
	int w = 800, h = 480, n = 1000, rc;
	const char *mode = argc > 1 ? argv[1] : "";

	if (argc > 2 && sscanf(argv[2], "%dx%d", &w, &h) != 2)
		n = atoi(argv[2]);
	if (argc > 3)
		n = atoi(argv[3]);
	if (n <= 0 || w <= 0 || h <= 0) {
		fprintf(stderr, "usage: bench_kiosk taps WxH N | frames WxH |"
		        " commit N | callgrind N\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);    /* each figure as it comes */
	setenv("SDL_VIDEODRIVER", "offscreen", 1);
	timeutil_init();
	if (SDL_Init(SDL_INIT_VIDEO) != 0) {
		fprintf(stderr, "bench_kiosk: SDL: %s\n", SDL_GetError());
		return 1;
	}
	if (strcmp(mode, "taps") == 0)
		rc = bench_taps(w, h, n);
	else if (strcmp(mode, "frames") == 0)
		rc = bench_frames(w, h);
	else if (strcmp(mode, "commit") == 0)
		rc = bench_commit(n);
	else if (strcmp(mode, "callgrind") == 0)
		rc = bench_callgrind(n);
	else {
		fprintf(stderr, "usage: bench_kiosk taps WxH N | frames WxH |"
		        " commit N | callgrind N\n");
		rc = 2;
	}
	TTF_Quit();
	SDL_Quit();
	return rc;
}
