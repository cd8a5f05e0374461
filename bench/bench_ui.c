/* bench_ui.c -- how long the kiosk takes to draw a frame.
** Draws the real screens from a demo database on SDL's software renderer
** (the slowest case: a Pi without GPU acceleration) at 800x480 and
** 1920x1080: the first frame of each screen (text rasterised: a cold
** cache) and the mean of the next ones (texts from the cache), then the
** text cache's figures. Prints; asserts nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "demo.h"
#include "timeutil.h"
#include "ui_internal.h"

#define WARM_FRAMES 50

static double bench_now_ms(void);
static void   bench_send(App *app, AppEventType type, AppAction act,
                         int64_t arg, const char *uid, int64_t *now_ms,
                         int64_t now_utc);
static int    bench_size(int w, int h, const char *db);

static double
bench_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static void
bench_send(App *app, AppEventType type, AppAction act, int64_t arg,
           const char *uid, int64_t *now_ms, int64_t now_utc)
{
	AppEvent ev;

	memset(&ev, 0, sizeof ev);
	ev.type = type;
	ev.action = act;
	ev.arg = arg;
	if (uid != NULL)
		uid_parse(uid, UID_DEC_LSB_FIRST, &ev.uid, NULL, 0);
	*now_ms += 100;
	app_handle(app, &ev, *now_ms, now_utc);
}

static int
bench_size(int w, int h, const char *db)
{
	static const struct {
		const char *name;
		AppEventType type;
		AppAction act;
		const char *uid;
	} steps[] = {
		{ "accueil", APP_EV_TICK, ACT_NONE, NULL },
		{ "badge-result", APP_EV_BADGE, ACT_NONE, "04A1B2C3" },
		{ "member-home", APP_EV_ACTION, ACT_MY_MISSIONS, NULL },
		{ "board", APP_EV_ACTION, ACT_BOARD, NULL },
		{ "accueil again", APP_EV_ACTION, ACT_HOME, NULL },
		{ "unknown-badge", APP_EV_BADGE, ACT_NONE, DEMO_UNKNOWN_UID },
	};
	SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32,
	                                                   SDL_PIXELFORMAT_ARGB8888);
	SDL_Renderer *ren = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
	Store *st = NULL;
	App *app = NULL;
	Ui *ui = NULL;
	AppConfig cfg;
	RenderStats rs;
	char err[256];
	int64_t now_ms = 0, now_utc;
	int rc = 1;

	time_parse_local("2026-12-10T10:42", &now_utc);
	unlink(db);
	if (ren == NULL || store_open(db, &st, err, sizeof err) != BORNE_OK ||
	    demo_fill(st, now_utc) != BORNE_OK)
		goto done;
	app_config_defaults(&cfg);
	cfg.demo = 1;
	if (app_new(st, &cfg, now_ms, now_utc, &app) != BORNE_OK ||
	    ui_new(ren, w, h, &ui, err, sizeof err) != BORNE_OK)
		goto done;
	printf("%dx%d (canvas %dx%d, scale %.1f), software renderer\n", w, h,
	       ui_width(ui), ui_height(ui), (double)ui_scale(ui));
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		double t0, cold, warm;
		bench_send(app, steps[i].type, steps[i].act, 0, steps[i].uid,
		           &now_ms, now_utc);
		t0 = bench_now_ms();
		ui_draw_frame(ui, app_view(app), CUE_NONE, 0);
		cold = bench_now_ms() - t0;
		t0 = bench_now_ms();
		for (int k = 0; k < WARM_FRAMES; k++)
			ui_draw_frame(ui, app_view(app), CUE_NONE, 0);
		warm = (bench_now_ms() - t0) / WARM_FRAMES;
		printf("  %-14s first frame %7.2f ms, then %6.2f ms/frame\n",
		       steps[i].name, cold, warm);
	}
	render_stats(ui_render(ui), &rs);
	printf("  text cache: %ld hits, %ld misses (%.1f%% hits), %ld evicted,"
	       " %d textures, %d fonts open, %d corner textures\n",
	       rs.text_hits, rs.text_misses,
	       100.0 * (double)rs.text_hits /
	       (double)(rs.text_hits + rs.text_misses > 0 ?
	                rs.text_hits + rs.text_misses : 1),
	       rs.text_evictions, rs.text_entries, rs.fonts_open,
	       rs.corner_textures);
	rc = 0;
done:
	if (rc != 0)
		fprintf(stderr, "bench_ui: setup failed %s\n", err);
	ui_free(ui);
	app_free(app);
	store_close(st);
	if (ren != NULL)
		SDL_DestroyRenderer(ren);
	SDL_FreeSurface(surf);
	unlink(db);
	return rc;
}

int
main(void)
{
	char db[256], wal[300], shm[300];
	int rc;

	setenv("SDL_VIDEODRIVER", "offscreen", 1);
	timeutil_init();
	if (SDL_Init(SDL_INIT_VIDEO) != 0) {
		fprintf(stderr, "bench_ui: SDL: %s\n", SDL_GetError());
		return 1;
	}
	snprintf(db, sizeof db, "/tmp/bench-ui-%ld.db", (long)getpid());
	rc = bench_size(800, 480, db) | bench_size(1920, 1080, db) |
	     bench_size(480, 800, db);
	snprintf(wal, sizeof wal, "%s-wal", db);
	snprintf(shm, sizeof shm, "%s-shm", db);
	unlink(wal);
	unlink(shm);
	TTF_Quit();
	SDL_Quit();
	return rc;
}
