/* app_fixture.h -- drives an App the way the UI does, on a demo database
** in a temp folder, with a clock the test moves by hand. Header-only,
** static; include after check.h and core_fixture.h. */
#ifndef BORNE_APP_FIXTURE_H
#define BORNE_APP_FIXTURE_H

#include "app.h"
#include "demo.h"
#include "mission.h"
#include "uid.h"

typedef struct T {
	Store *st;
	App *app;
	const AppView *v;
	int64_t ms, utc;
	char name[64];
} T;

/* A demo database named name, the kiosk at local time `local`. */
static void
t_open_cfg(T *t, const char *name, const char *local, const AppConfig *cfg)
{
	int rc;

	memset(t, 0, sizeof *t);
	snprintf(t->name, sizeof t->name, "%s", name);
	t->st = fx_open(name);
	t->utc = fx_t(local);
	t->ms = 1000000;
	if (demo_fill(t->st, t->utc) != BORNE_OK) {
		fprintf(stderr, "demo_fill: %s\n", store_errmsg(t->st));
		exit(2);
	}
	/* The kiosk under test was built before the day it runs (the fixture's
	** dates are in 2024-2025): its clock is trusted unless a test says
	** otherwise through cfg. */
	if (cfg->build_utc > t->utc) {
		AppConfig c = *cfg;

		c.build_utc = BORNE_CLOCK_FLOOR_UTC;
		rc = app_new(t->st, &c, t->ms, t->utc, &t->app);
	} else {
		rc = app_new(t->st, cfg, t->ms, t->utc, &t->app);
	}
	if (rc != BORNE_OK) {
		fprintf(stderr, "app_new failed\n");
		exit(2);
	}
	t->v = app_view(t->app);
}

static void
t_open(T *t, const char *name, const char *local, AppLang lang)
{
	AppConfig cfg;

	app_config_defaults(&cfg);
	cfg.lang = lang;
	cfg.idle_timeout_ms = 60000;
	t_open_cfg(t, name, local, &cfg);
}

static void
t_close(T *t)
{
	app_free(t->app);
	store_close(t->st);
	t->app = NULL;
	t->st = NULL;
}

static int
t_ev(T *t, AppEvent *e)
{
	return app_handle(t->app, e, t->ms, t->utc);
}

static int
t_badge(T *t, const char *hex)
{
	AppEvent e;

	memset(&e, 0, sizeof e);
	e.type = APP_EV_BADGE;
	if (uid_parse(hex, UID_DEC_LSB_FIRST, &e.uid, NULL, 0) != BORNE_OK) {
		fprintf(stderr, "bad test uid %s\n", hex);
		exit(2);
	}
	return t_ev(t, &e);
}

static int
t_act(T *t, AppAction a, int64_t arg)
{
	AppEvent e;

	memset(&e, 0, sizeof e);
	e.type = APP_EV_ACTION;
	e.action = a;
	e.arg = arg;
	return t_ev(t, &e);
}

static int
t_text(T *t, const char *s)
{
	AppEvent e;

	memset(&e, 0, sizeof e);
	e.type = APP_EV_TEXT;
	snprintf(e.text, sizeof e.text, "%s", s);
	return t_ev(t, &e);
}

static int
t_key(T *t, int key)
{
	AppEvent e;

	memset(&e, 0, sizeof e);
	e.type = APP_EV_KEY;
	e.key = key;
	return t_ev(t, &e);
}

/* Time passes, wall and monotonic clocks together, and nothing is sent
** (a clock moving alone is a jump: app_clock.c). */
FX_UNUSED static void
t_later(T *t, int64_t secs)
{
	t->utc += secs;
	t->ms += secs * 1000;
}

/* Time passes (no input), then the UI's tick. */
static int
t_wait_ms(T *t, int64_t ms)
{
	AppEvent e;

	t->ms += ms;
	t->utc += ms / 1000;
	memset(&e, 0, sizeof e);
	e.type = APP_EV_TICK;
	return t_ev(t, &e);
}

struct t_find { const char *title; int64_t id; };

static int
t_find_cb(const Mission *m, void *ctx)
{
	struct t_find *f = ctx;

	if (strcmp(m->d.title, f->title) == 0) {
		f->id = m->id;
		return 1;
	}
	return 0;
}

/* The id of the mission with this title (0 when none). */
static inline int64_t
t_mission(T *t, const char *title)
{
	struct t_find f = { title, 0 };

	mission_each(t->st, -1, t_find_cb, &f);
	return f.id;
}

/* The demo badges by name. */
#define B_INES    "04A1B2C3"
#define B_MAMADOU "04D4E5F6"
#define B_SOPHIE  "0451C0A7"
#define B_BERNARD "04B3E7A1"
#define B_YASMINE "04F00D42"
#define B_THEO    "04DEAD01"
#define B_LEA     "04AA0001"
#define B_NEW     DEMO_UNKNOWN_UID

#endif
