/* main.c -- borne, the kiosk program: options, the loop, the pieces.
** It opens the configuration, the database and the badge reader, makes
** the App (firmware/app.h) and the Ui, then loops: wait for an SDL event
** or the app's next deadline (SDL_WaitEventTimeout, no busy loop), turn
** events into AppEvents (input.c, reader thread), redraw only when the
** view changed or the window asks. A cue (view.cue_seq grew) plays its
** tone and flashes the screen at once.
**
** Headless mode (--headless --size WxH --script FILE) runs the very same
** UI on SDL's offscreen driver with a software renderer and a VIRTUAL
** clock that moves only with the script's `wait` and `advance-clock`:
** tests are fast and give the same pixels every time (script.c).
**
** A database that cannot be opened or written (full disk, read-only,
** damaged, locked) does not stop the kiosk: under systemd that would be
** a black screen in a restart loop. The app shows "Hors service" with the
** reason, the loop keeps running (and pinging the watchdog) and tries the
** database again every store_retry_s, back to Accueil once it works.
**
** Nothing to a shell. Fullscreen (the product at the door) and headless
** are kiosk mode: only facilitator mode's "quit" leaves, and systemd's
** stop (SIGTERM, or SIGHUP) ends it cleanly with status 0. SIGINT,
** SIGQUIT and SIGTSTP (Ctrl-C, Ctrl-\, Ctrl-Z on a keyboard plugged into
** its VT) are ignored and logged; SDL_QUIT and a window closed by a
** window manager (Alt-F4) are swallowed; key chords do nothing (input.c);
** the console gets ISIG off and VT switching locked (console.c). Signals
** are blocked in every thread from the start and taken by one thread with
** sigwait(), which pushes an SDL event for a stop: no handler runs in the
** middle of anything. `--windowed WxH` is the developer's mode: Ctrl-C in
** its terminal, SIGINT and closing the window quit, as usual. */
#include <errno.h>
#include <glob.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <SDL_image.h>

#include "clock.h"
#include "config.h"
#include "console.h"
#include "demo.h"
#include "member.h"
#include "pinkey.h"
#include "i18n.h"
#include "panel.h"
#include "reader.h"
#include "sdnotify.h"
#include "timeutil.h"
#include "sysclock.h"
#include "ui_internal.h"

#define FLASH_MS        320
#define CONFIG_DEFAULT  "/etc/borne/borne.conf"

typedef struct Options {
	const char *config, *db, *reader, *lang, *script, *shots, *now;
	int  demo, headless;
	int  win_w, win_h;       /* --windowed / --size; 0: fullscreen */
	int  kiosk;              /* fullscreen or headless: nothing quits */
} Options;

struct Kiosk {
	Options opt;
	Config *cfg;
	Store  *st;
	App    *app;
	SDL_Window   *win;
	SDL_Renderer *ren;
	SDL_Surface  *surface;   /* headless: what the software renderer draws on */
	Ui     *ui;
	Input   in;
	Sound  *snd;
	ReaderThread *rt;
	Uint32  ev_reader;       /* SDL user event: the reader queued something */
	int     win_w, win_h;    /* the picture's pixels (the UI's canvas) */
	int     panel_w, panel_h;  /* the output's pixels: the panel */
	Panel   panel;           /* the picture turned, the touch mirrored */
	SDL_Texture *picture;    /* a turned picture is drawn here first */
	float   panel_scale;     /* window points to panel pixels */
	int     dark;            /* asleep outside screen_hours */
	int     lit_from, lit_to;  /* screen_hours in minutes; -1: always lit */
	int64_t idle_ms;         /* idle_timeout_s: nobody there after this */
	int     swallow;         /* the touch that woke it: until released */
	int64_t active_ms;       /* the last touch, key or badge */
	int     backlight_said;  /* the backlight's refusal was logged */
	int     config_problems; /* lines of borne.conf set aside */
	char    config_problem[200];  /* the first, as main_warn said it */
	int     config_problem_line;  /* its line in the file, 0: none */
	int     dirty;
	int64_t vclock_ms, vstart_ms, vstart_utc;   /* headless clock */
	unsigned last_cue_seq;
	AppCue  flash_cue;
	int64_t flash_until_ms;
	char    demo_db[512], demo_fifo[512];
	int64_t watchdog_ms, watchdog_last_ms;   /* systemd ping period, 0: none */
	FILE   *latency_log;     /* BORNE_LATENCY_LOG: badge -> frame figures */
	int64_t badge_seen_ms, badge_drained_ms; /* 0: no badge frame pending */
	int     trace_first_frame; /* BORNE_TRACE_FIRST_FRAME: say when, once */
	int     clock_sync;      /* ClockSync last told to the app */
	int64_t clock_asked_ms;  /* when the system was last asked */
	char    store_path[512]; /* the database being tried */
	char    store_err[256];  /* why it failed last ("" : it works) */
	int     store_rc;
	int64_t store_next_ms;   /* out of service: the next try */
	Uint32  ev_signal;       /* SDL user event: a stop signal came */
	pthread_t sig_thread;
	int     sig_thread_on;
	Console console;         /* kiosk mode: the VT held shut */
};

static int  main_usage(FILE *out);
static int  main_parse(int argc, char **argv, Options *o);
static int  main_parse_size(const char *s, int *w, int *h);
static void main_warn(const char *line, void *ctx);
static int  kiosk_open(Kiosk *k);
static void kiosk_close(Kiosk *k);
static int  kiosk_open_store(Kiosk *k);
static void kiosk_pin_key(Kiosk *k);
static void kiosk_store_failed(Kiosk *k, int rc);
static void kiosk_store_poll(Kiosk *k);
static int  kiosk_open_video(Kiosk *k);
static SDL_Renderer *kiosk_renderer(Kiosk *k);
static int  kiosk_wants_gpu(const char *choice);
static int  kiosk_panel(Kiosk *k, int pw, int ph);
static void kiosk_panel_event(Kiosk *k, SDL_Event *e);
static void kiosk_panel_mouse(const Kiosk *k, Sint32 *wx, Sint32 *wy);
static int  kiosk_should_sleep(Kiosk *k, int64_t now_ms);
static void kiosk_sleep(Kiosk *k, int64_t now_ms);
static int64_t kiosk_sleep_in_ms(Kiosk *k, int64_t now_ms);
static int  kiosk_wake(Kiosk *k, const SDL_Event *e);
static void kiosk_backlight(Kiosk *k, int on);
static int  kiosk_open_reader(Kiosk *k);
static void kiosk_app_config(Kiosk *k, AppConfig *ac);
static void kiosk_store_rules(Kiosk *k);
static int64_t kiosk_now_ms(const Kiosk *k);
static int64_t kiosk_now_utc(const Kiosk *k);
static void kiosk_drain_reader(Kiosk *k);
static void kiosk_reader_wake(void *ctx);
static void kiosk_after(Kiosk *k, int changed);
static void kiosk_draw(Kiosk *k);
static void kiosk_columns(Kiosk *k);
static int64_t mono_ms(void);
static int  kiosk_run(Kiosk *k);
static void main_signal_set(int kiosk, sigset_t *set);
static const char *main_signal_name(int sig);
static void *kiosk_signal_thread(void *arg);
static int  kiosk_signals_start(Kiosk *k);
static void kiosk_signals_stop(Kiosk *k);

static int
main_usage(FILE *out)
{
	fputs("usage: borne [--config FILE] [--db FILE] [--demo] [--windowed WxH]\n"
	      "             [--reader SPEC] [--lang fr|en]\n"
	      "       borne --headless --size WxH --script FILE|- [--screenshots DIR]\n"
	      "             [--now YYYY-MM-DDTHH:MM] [any option above]\n"
	      "SPEC: libnfc[:CONNSTRING], wedge:/dev/input/eventN, sim:FIFO, none\n",
	      out);
	return 2;
}

static int
main_parse_size(const char *s, int *w, int *h)
{
	char x;

	if (s == NULL || sscanf(s, "%d%c%d", w, &x, h) != 3 || (x != 'x' && x != 'X'))
		return BORNE_EINVAL;
	if (*w < 200 || *h < 200 || *w > 8192 || *h > 8192)
		return BORNE_EINVAL;
	return BORNE_OK;
}

static int
main_parse(int argc, char **argv, Options *o)
{
	memset(o, 0, sizeof *o);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;
		int takes = 1;
		if (strcmp(a, "--demo") == 0) {
			o->demo = 1;
			takes = 0;
		} else if (strcmp(a, "--headless") == 0) {
			o->headless = 1;
			takes = 0;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			main_usage(stdout);
			exit(0);
		} else if (val == NULL) {
			fprintf(stderr, "borne: %s needs a value\n", a);
			return BORNE_EINVAL;
		} else if (strcmp(a, "--config") == 0) {
			o->config = val;
		} else if (strcmp(a, "--db") == 0) {
			o->db = val;
		} else if (strcmp(a, "--reader") == 0) {
			o->reader = val;
		} else if (strcmp(a, "--lang") == 0) {
			AppLang l;
			if (i18n_lang_parse(val, &l) != 0) {
				fprintf(stderr, "borne: --lang %s: say fr or en\n", val);
				return BORNE_EINVAL;
			}
			o->lang = val;
		} else if (strcmp(a, "--windowed") == 0 || strcmp(a, "--size") == 0) {
			if (main_parse_size(val, &o->win_w, &o->win_h) != BORNE_OK) {
				fprintf(stderr, "borne: %s %s: say WxH, e.g. 800x480\n", a, val);
				return BORNE_EINVAL;
			}
		} else if (strcmp(a, "--script") == 0) {
			o->script = val;
		} else if (strcmp(a, "--screenshots") == 0) {
			o->shots = val;
		} else if (strcmp(a, "--now") == 0) {
			o->now = val;
		} else {
			fprintf(stderr, "borne: unknown option %s\n", a);
			return BORNE_EINVAL;
		}
		i += takes;
	}
	if (o->headless && (o->script == NULL || o->win_w == 0)) {
		fprintf(stderr, "borne: --headless needs --size WxH and --script FILE\n");
		return BORNE_EINVAL;
	}
	if (!o->headless && (o->script != NULL || o->shots != NULL || o->now != NULL)) {
		fprintf(stderr, "borne: --script, --screenshots and --now go with --headless\n");
		return BORNE_EINVAL;
	}
	o->kiosk = o->headless || o->win_w == 0;
	return BORNE_OK;
}

static void
main_warn(const char *line, void *ctx)
{
	Kiosk *k = ctx;

	fprintf(stderr, "borne: config: %s\n", line);
	if (k->config_problems++ == 0) {
		/* "FILE:LINE: what": the line and what, for facilitators. */
		const char *what = strstr(line, ": ");
		const char *colon = strchr(line, ':');

		if (colon != NULL && what != NULL && colon < what)
			k->config_problem_line = atoi(colon + 1);
		snprintf(k->config_problem, sizeof k->config_problem, "%s",
		         what != NULL ? what + 2 : line);
	}
}

/* ---- the clock: real, or the script's virtual one ---- */

static int64_t
kiosk_now_ms(const Kiosk *k)
{
	return k->opt.headless ? k->vclock_ms : (int64_t)SDL_GetTicks64();
}

static int64_t
kiosk_now_utc(const Kiosk *k)
{
	if (k->opt.headless)
		return k->vstart_utc + (k->vclock_ms - k->vstart_ms) / 1000;
	return (int64_t)time(NULL);
}

/* ---- opening ---- */

static void
kiosk_app_config(Kiosk *k, AppConfig *ac)
{
	const char *lang = k->opt.lang != NULL ? k->opt.lang
	                                       : config_get(k->cfg, "lang");
	AppLang l;

	app_config_defaults(ac);
	if (i18n_lang_parse(lang, &l) == 0)
		ac->lang = l;
	snprintf(ac->space_name, sizeof ac->space_name, "%s",
	         config_get(k->cfg, "space_name"));
	snprintf(ac->space_tagline, sizeof ac->space_tagline, "%s",
	         config_get(k->cfg, "space_tagline"));
	ac->idle_timeout_ms = config_get_ms(k->cfg, "idle_timeout_s");
	ac->greeting_ms = config_get_ms(k->cfg, "greeting_s");
	ac->pin_max_tries = config_get_int(k->cfg, "pin_max_tries");
	ac->pin_lock_ms = config_get_ms(k->cfg, "pin_lock_s");
	ac->pin_digits = config_get_int(k->cfg, "pin_digits");
	ac->confirm_wait_ms = config_get_ms(k->cfg, "confirm_wait_s");
	ac->store_retry_ms = config_get_ms(k->cfg, "store_retry_s");
	snprintf(ac->export_dir, sizeof ac->export_dir, "%s",
	         config_get(k->cfg, "export_dir"));
	ac->demo = k->opt.demo;
	ac->config_problems = k->config_problems;
	ac->config_problem_line = k->config_problem_line;
	snprintf(ac->config_problem, sizeof ac->config_problem, "%s",
	         k->config_problem);
	/* Held taps are timed by this boot's monotonic clock: the headless
	** clock is its own (the app makes up a boot id for the run). */
	if (!k->opt.headless) {
		int64_t since_boot_ms;

		sysclock_boot(ac->boot_id, sizeof ac->boot_id, &since_boot_ms);
		ac->mono_offset_ms = since_boot_ms - kiosk_now_ms(k);
	}
}

/* The space's rules live in the database; this kiosk's file may set them
** for itself (and always names the kiosk). */
static void
kiosk_store_rules(Kiosk *k)
{
	static const struct { const char *key; size_t off; } ints[] = {
		{ "checkin_repeat_s",   offsetof(StoreRules, checkin_repeat_s) },
		{ "approval_required",  offsetof(StoreRules, approval_required) },
		{ "max_open_takes",     offsetof(StoreRules, max_open_takes) },
		{ "checkout_grace_min", offsetof(StoreRules, checkout_grace_min) },
		{ "visit_cap_h",        offsetof(StoreRules, visit_cap_h) },
	};
	StoreRules rules = *store_rules(k->st);
	Config *defaults = NULL;

	config_load(NULL, &defaults, NULL, NULL);
	for (size_t i = 0; defaults != NULL && i < sizeof ints / sizeof ints[0]; i++)
		if (strcmp(config_get(k->cfg, ints[i].key),
		           config_get(defaults, ints[i].key)) != 0)
			*(int *)(void *)((char *)&rules + ints[i].off) =
				config_get_int(k->cfg, ints[i].key);
	config_free(defaults);
	snprintf(rules.kiosk_id, sizeof rules.kiosk_id, "%s",
	         config_get(k->cfg, "kiosk_id"));
	store_rules_set(k->st, &rules);
}

/* The PIN key (pinkey.h): the board's OTP key, else the key file, made
** at first start. Without one the kiosk runs and the PIN pad says why;
** the log says it once here. */
static void
kiosk_pin_key(Kiosk *k)
{
	PinKeyOptions o;
	char file[600], msg[600];
	int n_legacy = 0, n_keyed = 0;

	memset(&o, 0, sizeof o);
	o.otp_device = config_get(k->cfg, "pin_otp_device");
	if (config_get(k->cfg, "pin_key_file")[0] != '\0')
		snprintf(file, sizeof file, "%s", config_get(k->cfg, "pin_key_file"));
	else
		pinkey_default_file(k->store_path, file, sizeof file);
	o.key_file = file;
	o.create = 1;
	if (pinkey_load(k->st, &o, msg, sizeof msg) != BORNE_OK)
		fprintf(stderr, "borne: %s; facilitator mode cannot open until "
		        "this is fixed\n", msg);
	else
		fprintf(stderr, "borne: %s\n", msg);
	if (member_pin_counts(k->st, &n_legacy, &n_keyed) == BORNE_OK &&
	    n_legacy > 0)
		fprintf(stderr, "borne: %d PIN%s hashed without the key: each is "
		        "hashed with it at its next right entry\n", n_legacy,
		        n_legacy == 1 ? " is" : "s are");
}

static int
kiosk_open_store(Kiosk *k)
{
	char err[256];
	const char *path = k->opt.db != NULL ? k->opt.db : config_get(k->cfg, "db");
	int rc;

	if (k->opt.demo) {
		/* A fresh database each run: never an existing file, which
		** could be someone's real data. */
		if (k->opt.db != NULL) {
			struct stat sb;
			if (stat(k->opt.db, &sb) == 0) {
				fprintf(stderr, "borne: --demo makes a new database, and %s"
				        " exists: remove it or leave out --db\n", k->opt.db);
				return BORNE_EINVAL;
			}
			snprintf(k->demo_db, sizeof k->demo_db, "%s", k->opt.db);
		} else {
			const char *dir = getenv("XDG_RUNTIME_DIR");
			if (dir == NULL || access(dir, W_OK) != 0)
				dir = "/tmp";
			snprintf(k->demo_db, sizeof k->demo_db, "%s/borne-demo-%ld.db",
			         dir, (long)getpid());
			unlink(k->demo_db);
		}
		path = k->demo_db;
	}
	snprintf(k->store_path, sizeof k->store_path, "%s", path);
	rc = store_open(path, &k->st, err, sizeof err);
	if (rc != BORNE_OK) {
		snprintf(k->store_err, sizeof k->store_err, "%s", err);
		return rc;
	}
	kiosk_store_rules(k);
	if (k->opt.demo) {
		/* A clock before the build date (a Pi with no RTC nor network)
		** cannot date the demo's visits: they are dated from the build
		** date, and the kiosk then says its clock is wrong. demo_fill
		** makes a PIN key in memory. */
		int64_t now = kiosk_now_utc(k);

		rc = demo_fill(k->st, now > clock_build_utc() ? now : clock_build_utc());
	} else
		kiosk_pin_key(k);
	/* It opens; can it take a tap? Found now, not at the first badge. */
	if (rc == BORNE_OK)
		rc = store_check_writable(k->st);
	if (rc != BORNE_OK) {
		snprintf(k->store_err, sizeof k->store_err, "%s",
		         store_errmsg(k->st));
		store_close(k->st);
		k->st = NULL;
		return rc;
	}
	k->store_err[0] = '\0';
	return BORNE_OK;
}

/* The database cannot be used: "Hors service", said once in the log
** for each new reason, and another try in store_retry_s. */
static void
kiosk_store_failed(Kiosk *k, int rc)
{
	int retry_ms = config_get_int(k->cfg, "store_retry_s") * 1000;
	char status[400];

	if (retry_ms <= 0 || retry_ms > 60000)
		retry_ms = 5000;
	if (rc != k->store_rc || app_view(k->app)->screen != SCREEN_OUT_OF_SERVICE) {
		fprintf(stderr, "borne: database %s: %s; out of service, trying "
		        "again every %d s\n", k->store_path, k->store_err,
		        retry_ms / 1000);
		snprintf(status, sizeof status, "STATUS=out of service: %s",
		         k->store_err);
		(void)sdnotify_send(status);
	}
	k->store_rc = rc;
	app_out_of_service(k->app, rc, k->store_path, k->store_err);
	k->store_next_ms = kiosk_now_ms(k) + retry_ms;
	k->dirty = 1;
}

/* Out of service and time to try again: the store, and Accueil if it
** works now. */
static void
kiosk_store_poll(Kiosk *k)
{
	int rc;

	if (k->st != NULL || k->app == NULL || kiosk_now_ms(k) < k->store_next_ms)
		return;
	rc = kiosk_open_store(k);
	if (rc != BORNE_OK) {
		kiosk_store_failed(k, rc);
		return;
	}
	fprintf(stderr, "borne: database %s: back in service\n", k->store_path);
	(void)sdnotify_send("STATUS=in service");
	k->store_rc = BORNE_OK;
	app_store_ready(k->app, k->st, kiosk_now_ms(k), kiosk_now_utc(k));
	kiosk_columns(k);
	k->dirty = 1;
}

static int
kiosk_open_video(Kiosk *k)
{
	Uint32 flags = SDL_WINDOW_SHOWN;
	SDL_DisplayMode dm;
	int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
	int w = k->opt.win_w, h = k->opt.win_h;

	if (k->opt.headless) {
		k->surface = SDL_CreateRGBSurfaceWithFormat(0, k->opt.win_w,
		                                            k->opt.win_h, 32,
		                                            SDL_PIXELFORMAT_ARGB8888);
		if (k->surface == NULL ||
		    (k->ren = SDL_CreateSoftwareRenderer(k->surface)) == NULL) {
			fprintf(stderr, "borne: software renderer: %s\n", SDL_GetError());
			return BORNE_EIO;
		}
		k->panel_scale = 1.0f;
		return kiosk_panel(k, k->opt.win_w, k->opt.win_h);
	}
	if (!kiosk_wants_gpu(config_get(k->cfg, "renderer")))
		SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
	if (w == 0) {
		/* Fullscreen: made at the screen's size from the start, so the
		** window is right even where no window manager honours the
		** fullscreen request (a bare X server on a kiosk). */
		flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
		w = 800;
		h = 480;
		if (SDL_GetDesktopDisplayMode(0, &dm) == 0 && dm.w > 0 && dm.h > 0) {
			x = y = 0;
			w = dm.w;
			h = dm.h;
		}
	} else {
		flags |= SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
	}
	k->win = SDL_CreateWindow("borne", x, y, w, h, flags);
	if (k->win == NULL) {
		fprintf(stderr, "borne: window: %s\n", SDL_GetError());
		return BORNE_EIO;
	}
	if ((k->ren = kiosk_renderer(k)) == NULL) {
		fprintf(stderr, "borne: renderer: %s\n", SDL_GetError());
		return BORNE_EIO;
	}
	if (k->opt.win_w == 0)
		SDL_ShowCursor(SDL_DISABLE);
	{
		int pw, ph, ow, oh;

		SDL_GetRendererOutputSize(k->ren, &ow, &oh);
		SDL_GetWindowSize(k->win, &pw, &ph);
		k->panel_scale = pw > 0 ? (float)ow / (float)pw : 1.0f;
		k->in.mouse_scale = k->panel_scale;
		if (kiosk_panel(k, ow, oh) != BORNE_OK)
			return BORNE_EIO;
	}
	SDL_StartTextInput();
	return BORNE_OK;
}

/* "auto": the GPU's renderer where the machine has a GPU (a DRM render
** node: a Pi's v3d), else the software one, which draws a kiosk's frame
** fast enough and spares the ~80 MiB and threads of Mesa's llvmpipe. */
static int
kiosk_wants_gpu(const char *choice)
{
	glob_t g;
	int found;

	if (strcmp(choice, "gl") == 0)
		return 1;
	if (strcmp(choice, "software") == 0)
		return 0;
	found = glob("/dev/dri/renderD*", 0, NULL, &g) == 0 && g.gl_pathc > 0;
	globfree(&g);
	return found;
}

/* The renderer the config asks for; the other one when it cannot be
** made (KMSDRM has no software window surface; a GPU may be missing). */
static SDL_Renderer *
kiosk_renderer(Kiosk *k)
{
	Uint32 gpu = SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC;
	int wants_gpu = kiosk_wants_gpu(config_get(k->cfg, "renderer"));
	SDL_Renderer *r = SDL_CreateRenderer(k->win, -1, wants_gpu ? gpu :
	                                     SDL_RENDERER_SOFTWARE);
	SDL_RendererInfo info;

	if (r == NULL) {
		fprintf(stderr, "borne: %s renderer: %s; trying the %s one\n",
		        wants_gpu ? "GPU" : "software", SDL_GetError(),
		        wants_gpu ? "software" : "GPU");
		SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "1");
		r = SDL_CreateRenderer(k->win, -1, wants_gpu ? SDL_RENDERER_SOFTWARE
		                                            : gpu);
	}
	if (r != NULL && SDL_GetRendererInfo(r, &info) == 0)
		fprintf(stderr, "borne: renderer %s (%s)\n", info.name,
		        config_get(k->cfg, "renderer"));
	return r;
}

/* The panel is pw x ph output pixels; the picture is that, turned as
** display_rotate says, drawn through a texture when it is turned. */
static int
kiosk_panel(Kiosk *k, int pw, int ph)
{
	panel_init(&k->panel, config_get_int(k->cfg, "display_rotate"),
	           config_get(k->cfg, "touch_flip"));
	k->panel_w = pw;
	k->panel_h = ph;
	panel_picture_size(&k->panel, pw, ph, &k->win_w, &k->win_h);
	if (k->picture != NULL) {
		SDL_DestroyTexture(k->picture);
		k->picture = NULL;
	}
	if (k->panel.rotate == 0)
		return BORNE_OK;
	k->picture = SDL_CreateTexture(k->ren, SDL_PIXELFORMAT_ARGB8888,
	                               SDL_TEXTUREACCESS_TARGET, k->win_w,
	                               k->win_h);
	if (k->picture == NULL) {
		fprintf(stderr, "borne: display_rotate %d: %s\n", k->panel.rotate,
		        SDL_GetError());
		return BORNE_EIO;
	}
	return BORNE_OK;
}

/* A mouse point of the window (points) to the picture's point under it,
** still in window points (input.c scales them by mouse_scale). */
static void
kiosk_panel_mouse(const Kiosk *k, Sint32 *wx, Sint32 *wy)
{
	float x = (float)*wx * k->panel_scale / (float)k->panel_w;
	float y = (float)*wy * k->panel_scale / (float)k->panel_h;

	panel_touch_to_picture(&k->panel, &x, &y);
	*wx = (Sint32)(x * (float)k->win_w / k->panel_scale);
	*wy = (Sint32)(y * (float)k->win_h / k->panel_scale);
}

/* A touch or a click at a point of the panel becomes one at the point
** of the picture under it, the mirrored touch layer undone. */
static void
kiosk_panel_event(Kiosk *k, SDL_Event *e)
{
	if (k->panel.rotate == 0 && !k->panel.flip_x && !k->panel.flip_y)
		return;
	switch (e->type) {
	case SDL_FINGERDOWN:
	case SDL_FINGERMOTION:
	case SDL_FINGERUP:
		panel_touch_to_picture(&k->panel, &e->tfinger.x, &e->tfinger.y);
		return;
	case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEBUTTONUP:
		kiosk_panel_mouse(k, &e->button.x, &e->button.y);
		return;
	case SDL_MOUSEMOTION:
		kiosk_panel_mouse(k, &e->motion.x, &e->motion.y);
		return;
	default:
		return;
	}
}

void
kiosk_picture_to_window(const Kiosk *k, int *x, int *y)
{
	float fx = ((float)*x + 0.5f) / (float)k->win_w;
	float fy = ((float)*y + 0.5f) / (float)k->win_h;

	panel_picture_to_touch(&k->panel, &fx, &fy);
	*x = (int)(fx * (float)k->panel_w / k->panel_scale);
	*y = (int)(fy * (float)k->panel_h / k->panel_scale);
}

/* ---- the screen outside its hours ---- */

/* Dark when screen_hours are set and now is outside them, nobody has
** touched the kiosk for idle_timeout_s, and it rests on Accueil. */
static int
kiosk_should_sleep(Kiosk *k, int64_t now_ms)
{
	int from = k->lit_from, to = k->lit_to, min;

	if (k->app == NULL || from < 0 ||
	    app_view(k->app)->screen != SCREEN_ACCUEIL ||
	    now_ms - k->active_ms < k->idle_ms)
		return 0;
	min = time_local_minutes(kiosk_now_utc(k));
	return from < to ? min < from || min >= to : min < from && min >= to;
}

/* Turns the screen dark or lit as kiosk_should_sleep says. */
static void
kiosk_sleep(Kiosk *k, int64_t now_ms)
{
	int dark = kiosk_should_sleep(k, now_ms);

	if (dark == k->dark)
		return;
	k->dark = dark;
	k->dirty = 1;
	kiosk_backlight(k, !dark);
}

/* How long until the screen may go dark; -1: not on the way to it. */
static int64_t
kiosk_sleep_in_ms(Kiosk *k, int64_t now_ms)
{
	int64_t left;

	if (k->dark || k->lit_from < 0)
		return -1;
	left = k->active_ms + k->idle_ms - now_ms;
	return left > 0 ? left : -1;
}

/* Any touch, click or key counts as activity. While dark, the touch
** that lights the screen does nothing else (nobody saw what it hit),
** up to its release: 1 when e is swallowed so. */
static int
kiosk_wake(Kiosk *k, const SDL_Event *e)
{
	int press = e->type == SDL_FINGERDOWN || e->type == SDL_MOUSEBUTTONDOWN ||
	            e->type == SDL_KEYDOWN || e->type == SDL_TEXTINPUT ||
	            e->type == SDL_MOUSEWHEEL;
	int release = e->type == SDL_FINGERUP || e->type == SDL_MOUSEBUTTONUP;
	int motion = e->type == SDL_FINGERMOTION || e->type == SDL_MOUSEMOTION;

	if (!press && !release && !motion)
		return 0;
	if (press || release)
		k->active_ms = kiosk_now_ms(k);
	if (k->swallow) {
		if (release)
			k->swallow = 0;
		return 1;
	}
	if (!k->dark || !press)
		return 0;
	k->swallow = e->type == SDL_FINGERDOWN || e->type == SDL_MOUSEBUTTONDOWN;
	kiosk_sleep(k, k->active_ms);
	return 1;
}

/* The panel's backlight off while dark, where the kiosk may change it
** (a Pi's DSI screen: /sys/class/backlight/NAME/bl_power, 0 on, 1 off);
** elsewhere the black picture is all there is, said once. */
static void
kiosk_backlight(Kiosk *k, int on)
{
	glob_t g;
	int done = 0;

	if (k->opt.headless)
		return;
	if (glob("/sys/class/backlight/*/bl_power", 0, NULL, &g) == 0) {
		for (size_t i = 0; i < g.gl_pathc; i++) {
			FILE *f = fopen(g.gl_pathv[i], "w");

			if (f == NULL)
				continue;
			done |= fputs(on ? "0\n" : "1\n", f) >= 0;
			done &= fclose(f) == 0;
		}
	}
	globfree(&g);
	if (!done && !k->backlight_said) {
		fprintf(stderr, "borne: no backlight this kiosk may switch off:"
		        " the screen shows black outside screen_hours\n");
		k->backlight_said = 1;
	}
}

static void
kiosk_reader_wake(void *ctx)
{
	Kiosk *k = ctx;
	SDL_Event e;

	memset(&e, 0, sizeof e);
	e.type = k->ev_reader;
	SDL_PushEvent(&e);             /* thread-safe */
}

static int
kiosk_open_reader(Kiosk *k)
{
	ReaderOptions ro;
	Reader *r = NULL;
	char err[256], spec[600];
	const char *s = k->opt.reader;
	int rc;

	if (s == NULL && k->opt.demo) {
		if (k->opt.headless)
			return BORNE_OK;       /* the script is the reader */
		const char *dir = getenv("XDG_RUNTIME_DIR");
		if (dir == NULL || access(dir, W_OK) != 0)
			dir = "/tmp";
		snprintf(k->demo_fifo, sizeof k->demo_fifo, "%s/borne-demo-%ld.fifo",
		         dir, (long)getpid());
		snprintf(spec, sizeof spec, "sim:%s", k->demo_fifo);
		s = spec;
	}
	if (s == NULL)
		s = k->opt.headless ? "none" : config_get(k->cfg, "reader");
	memset(&ro, 0, sizeof ro);
	ro.dec_order = strcmp(config_get(k->cfg, "uid_decimal_order"), "msb") == 0
	               ? UID_DEC_MSB_FIRST : UID_DEC_LSB_FIRST;
	ro.poll_ms = config_get_int(k->cfg, "reader_poll_ms");
	if ((rc = reader_new(s, &ro, &r, err, sizeof err)) != BORNE_OK) {
		fprintf(stderr, "borne: --reader %s: %s\n", s, err);
		return rc;
	}
	if (strcmp(reader_name(r), "none") == 0) {
		reader_free(r);
		return BORNE_OK;
	}
	k->ev_reader = SDL_RegisterEvents(1);
	if ((rc = reader_thread_start(r, kiosk_reader_wake, k, &k->rt)) != BORNE_OK) {
		fprintf(stderr, "borne: reader thread: %s\n", borne_strerror(rc));
		return rc;
	}
	if (k->demo_fifo[0]) {
		printf("borne: demo reader: echo %s > %s\n", demo_badges[0].uid,
		       k->demo_fifo);
		for (int i = 0; i < DEMO_N_BADGES; i++)
			printf("borne: F%d taps %s (%s): %s\n", i + 1, demo_badges[i].uid,
			       demo_badges[i].name, demo_badges[i].note);
		printf("borne: an unknown badge: echo %s > %s\n", DEMO_UNKNOWN_UID,
		       k->demo_fifo);
		fflush(stdout);
	}
	return BORNE_OK;
}

static int
kiosk_open(Kiosk *k)
{
	char err[256];
	AppConfig ac;
	int rc, store_rc;

	rc = config_load(k->opt.config != NULL ? k->opt.config :
	                 (access(CONFIG_DEFAULT, R_OK) == 0 ? CONFIG_DEFAULT : NULL),
	                 &k->cfg, main_warn, k);
	if (k->cfg == NULL)
		return BORNE_ENOMEM;
	if (rc == BORNE_ENOTFOUND)
		fprintf(stderr, "borne: config %s not found: defaults used\n",
		        k->opt.config);
	if (config_get(k->cfg, "tz")[0] != '\0')
		setenv("TZ", config_get(k->cfg, "tz"), 1);
	timeutil_init();
	k->vstart_ms = k->vclock_ms = (int64_t)SDL_GetTicks64();
	k->vstart_utc = (int64_t)time(NULL);
	if (k->opt.now != NULL && time_parse_local(k->opt.now, &k->vstart_utc) != BORNE_OK) {
		fprintf(stderr, "borne: --now %s: say YYYY-MM-DDTHH:MM\n", k->opt.now);
		return BORNE_EINVAL;
	}
	store_rc = kiosk_open_store(k);
	if (store_rc == BORNE_EINVAL)
		return store_rc;                /* --demo over an existing file */
	kiosk_app_config(k, &ac);
	if ((rc = app_new(k->st, &ac, kiosk_now_ms(k), kiosk_now_utc(k), &k->app)) != BORNE_OK) {
		fprintf(stderr, "borne: %s\n", borne_strerror(rc));
		return rc;
	}
	if (store_rc != BORNE_OK)
		kiosk_store_failed(k, store_rc);
	if ((rc = kiosk_open_video(k)) != BORNE_OK)
		return rc;
	if ((rc = ui_new(k->ren, k->win_w, k->win_h, &k->ui, err, sizeof err)) != BORNE_OK) {
		fprintf(stderr, "borne: %s\n", err);
		return rc;
	}
	kiosk_columns(k);
	if (k->opt.headless || config_get_int(k->cfg, "sound"))
		sound_open(&k->snd);
	if ((rc = kiosk_open_reader(k)) != BORNE_OK)
		return rc;
	k->last_cue_seq = app_view(k->app)->cue_seq;
	k->active_ms = kiosk_now_ms(k);
	k->idle_ms = config_get_ms(k->cfg, "idle_timeout_s");
	if (config_hours(config_get(k->cfg, "screen_hours"), &k->lit_from,
	                 &k->lit_to) != BORNE_OK)
		k->lit_from = k->lit_to = -1;      /* empty: always lit */
	k->dirty = 1;
	return BORNE_OK;
}

static void
kiosk_close(Kiosk *k)
{
	reader_thread_stop(k->rt);
	sound_close(k->snd);
	ui_free(k->ui);
	if (k->picture != NULL)
		SDL_DestroyTexture(k->picture);
	if (k->ren != NULL)
		SDL_DestroyRenderer(k->ren);
	if (k->surface != NULL)
		SDL_FreeSurface(k->surface);
	if (k->win != NULL)
		SDL_DestroyWindow(k->win);
	app_free(k->app);
	store_close(k->st);
	config_free(k->cfg);
	if (k->demo_db[0] && k->opt.db == NULL) {
		char p[600];
		unlink(k->demo_db);
		snprintf(p, sizeof p, "%s-wal", k->demo_db);
		unlink(p);
		snprintf(p, sizeof p, "%s-shm", k->demo_db);
		unlink(p);
	}
	if (k->demo_fifo[0])
		unlink(k->demo_fifo);
	if (k->latency_log != NULL)
		fclose(k->latency_log);
}

/* ---- the loop ---- */

/* After app_handle: a new cue plays and flashes, a change redraws. */
static void
kiosk_after(Kiosk *k, int changed)
{
	const AppView *v = app_view(k->app);

	if (v->cue_seq != k->last_cue_seq) {
		k->last_cue_seq = v->cue_seq;
		if (v->cue != CUE_NONE) {
			sound_play(k->snd, v->cue);
			k->flash_cue = v->cue;
			k->flash_until_ms = kiosk_now_ms(k) + FLASH_MS;
			changed = 1;
		}
	}
	if (changed)
		k->dirty = 1;
	if (k->opt.headless && k->dirty)
		kiosk_draw(k);          /* the script reads the frame next */
}

void
kiosk_send(Kiosk *k, const AppEvent *ev)
{
	if (ev->type == APP_EV_BADGE) {          /* a badge lights it and counts */
		k->active_ms = kiosk_now_ms(k);
		kiosk_sleep(k, k->active_ms);
	}
	kiosk_after(k, app_handle(k->app, ev, kiosk_now_ms(k), kiosk_now_utc(k)));
}

void
kiosk_sdl_event(Kiosk *k, const SDL_Event *e)
{
	AppEvent evs[INPUT_MAX_EVENTS];
	SDL_Event on_picture = *e;
	int n;

	if (kiosk_wake(k, e)) {         /* the touch that lit the screen */
		kiosk_after(k, 0);
		return;
	}
	kiosk_panel_event(k, &on_picture);
	n = input_translate(&k->in, k->ui, app_view(k->app), &on_picture, evs,
	                    INPUT_MAX_EVENTS);

	for (int i = 0; i < n; i++)
		kiosk_send(k, &evs[i]);
}

static void
kiosk_drain_reader(Kiosk *k)
{
	ReaderEvent re;
	AppEvent ev;

	while (k->rt != NULL && reader_thread_next(k->rt, &re) == 1) {
		memset(&ev, 0, sizeof ev);
		switch (re.type) {
		case READER_EV_ARRIVED:
			ev.type = APP_EV_BADGE;
			ev.uid = re.uid;
			if (k->latency_log != NULL) {
				k->badge_seen_ms = re.at_ms;
				k->badge_drained_ms = mono_ms();
			}
			break;
		case READER_EV_REMOVED:
			ev.type = APP_EV_BADGE_REMOVED;
			ev.uid = re.uid;
			break;
		case READER_EV_SEVERAL:
			ev.type = APP_EV_BADGE_SEVERAL;
			break;
		case READER_EV_LOST:
		case READER_EV_BACK:
			ev.type = APP_EV_READER;
			ev.arg = re.type == READER_EV_BACK;
			snprintf(ev.text, sizeof ev.text, "%.*s", (int)sizeof ev.text - 1,
			         re.detail);
			fprintf(stderr, "borne: reader %s: %s\n",
			        re.type == READER_EV_BACK ? "back" : "lost", re.detail);
			break;
		}
		kiosk_send(k, &ev);
	}
}

static void
kiosk_draw(Kiosk *k)
{
	int64_t now = kiosk_now_ms(k);
	float flash = 0.0f;

	if (k->flash_until_ms > now)
		flash = 0.35f + 0.65f * (float)(k->flash_until_ms - now) / FLASH_MS;
	if (k->dark) {
		SDL_SetRenderTarget(k->ren, NULL);
		ui_draw_dark(k->ui);
	} else if (k->picture != NULL) {
		SDL_Rect to = { (k->panel_w - k->win_w) / 2, (k->panel_h - k->win_h) / 2,
		                k->win_w, k->win_h };

		SDL_SetRenderTarget(k->ren, k->picture);
		ui_draw_frame(k->ui, app_view(k->app), k->flash_cue, flash);
		SDL_SetRenderTarget(k->ren, NULL);
		SDL_RenderCopyEx(k->ren, k->picture, NULL, &to, k->panel.rotate, NULL,
		                 SDL_FLIP_NONE);
	} else
		ui_draw_frame(k->ui, app_view(k->app), k->flash_cue, flash);
	SDL_RenderPresent(k->ren);
	k->dirty = 0;
	if (k->trace_first_frame) {
		/* The yardstick's line (../shared/yardstick), so borne-bench
		** reads both alike: wall-clock ms when the first frame was
		** presented. */
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME, &ts);
		fprintf(stderr, "PERFBASE {\"k\":\"fcp\",\"t\":%.1f,"
		        "\"screen\":\"%s\"}\n",
		        (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6,
		        app_screen_name(app_view(k->app)->screen));
		fflush(stderr);
		k->trace_first_frame = 0;
	}
	if (k->latency_log != NULL && k->badge_seen_ms != 0) {
		/* One line per badge: when the driver saw it, when the UI
		** thread took it, when its frame was presented (monotonic ms;
		** bench/bench_e2e.sh reads them). */
		fprintf(k->latency_log, "badge %lld %lld %lld %s\n",
		        (long long)k->badge_seen_ms, (long long)k->badge_drained_ms,
		        (long long)mono_ms(), app_screen_name(app_view(k->app)->screen));
		fflush(k->latency_log);
		k->badge_seen_ms = 0;
	}
}

/* The board lays out as many cards per row as this canvas allows; the
** app scrolls by rows of that many. */
static void
kiosk_columns(Kiosk *k)
{
	AppEvent ev;

	memset(&ev, 0, sizeof ev);
	ev.type = APP_EV_ACTION;
	ev.action = ACT_SET_COLUMNS;
	ev.arg = ui_board_columns(k->ui);
	kiosk_send(k, &ev);
}

static int64_t
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
kiosk_redraw(Kiosk *k)
{
	kiosk_draw(k);
}

void
kiosk_advance(Kiosk *k, int64_t ms)
{
	AppEvent tick;
	int64_t target = k->vclock_ms + ms;

	memset(&tick, 0, sizeof tick);
	tick.type = APP_EV_TICK;
	while (k->vclock_ms < target) {
		int64_t step = app_next_tick_ms(k->app, k->vclock_ms);
		if (k->flash_until_ms > k->vclock_ms &&
		    k->flash_until_ms - k->vclock_ms < step)
			step = k->flash_until_ms - k->vclock_ms;
		if (k->st == NULL && k->store_next_ms - k->vclock_ms < step)
			step = k->store_next_ms - k->vclock_ms;
		int64_t dark_in = kiosk_sleep_in_ms(k, k->vclock_ms);
		if (dark_in >= 0 && dark_in < step)
			step = dark_in;
		if (step < 10)
			step = 10;
		if (step > target - k->vclock_ms)
			step = target - k->vclock_ms;
		k->vclock_ms += step;
		if (k->flash_until_ms != 0 && k->flash_until_ms <= k->vclock_ms) {
			k->flash_until_ms = 0;
			k->dirty = 1;
		}
		kiosk_send(k, &tick);
		kiosk_store_poll(k);
		kiosk_sleep(k, k->vclock_ms);
	}
	kiosk_drain_reader(k);
	if (k->dirty)
		kiosk_draw(k);
}

App *
kiosk_app(Kiosk *k)
{
	return k->app;
}

Ui *
kiosk_ui(Kiosk *k)
{
	return k->ui;
}

int
kiosk_window_w(const Kiosk *k)
{
	return (int)((float)k->panel_w / k->panel_scale);
}

int
kiosk_window_h(const Kiosk *k)
{
	return (int)((float)k->panel_h / k->panel_scale);
}

int
kiosk_screenshot(Kiosk *k, const char *path)
{
	if (k->dirty)
		kiosk_draw(k);
	if (k->surface == NULL || IMG_SavePNG(k->surface, path) != 0) {
		fprintf(stderr, "borne: screenshot %s: %s\n", path, IMG_GetError());
		return BORNE_EIO;
	}
	return BORNE_OK;
}

/* Tells the app what the time service says, when that changes (asked
** every CLOCK_ASK_MS: two stat calls). */
#define CLOCK_ASK_MS 10000
static void
kiosk_clock_news(Kiosk *k, int64_t now)
{
	AppEvent ev;
	ClockSync sync;

	if (k->opt.headless || (k->clock_asked_ms != 0 &&
	                        now - k->clock_asked_ms < CLOCK_ASK_MS))
		return;
	k->clock_asked_ms = now;
	sync = sysclock_sync();
	if ((int)sync == k->clock_sync)
		return;
	k->clock_sync = (int)sync;
	memset(&ev, 0, sizeof ev);
	ev.type = APP_EV_CLOCK;
	ev.arg = sync;
	kiosk_send(k, &ev);
}

void
kiosk_clock_set(Kiosk *k, int64_t utc)
{
	k->vstart_utc = utc - (k->vclock_ms - k->vstart_ms) / 1000;
}

int
kiosk_dispatch(Kiosk *k, const SDL_Event *e)
{
	if (e->type == SDL_QUIT) {
		if (!k->opt.kiosk)
			return 1;
		fprintf(stderr, "borne: SDL_QUIT ignored: kiosk mode\n");
		return 0;
	}
	if (k->ev_signal != 0 && e->type == k->ev_signal) {
		fprintf(stderr, "borne: %s: stopping\n",
		        main_signal_name(e->user.code));
		return 1;
	}
	if (k->rt != NULL && e->type == k->ev_reader) {
		kiosk_drain_reader(k);
	} else if (e->type == SDL_WINDOWEVENT) {
		if (e->window.event == SDL_WINDOWEVENT_CLOSE) {
			/* Alt-F4 under a window manager, or its close button. */
			if (!k->opt.kiosk)
				return 1;
			fprintf(stderr, "borne: window close ignored: kiosk mode\n");
			return 0;
		}
		if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED &&
		    k->win != NULL) {
			int pw, ph, ow, oh;
			SDL_GetRendererOutputSize(k->ren, &ow, &oh);
			SDL_GetWindowSize(k->win, &pw, &ph);
			k->panel_scale = pw > 0 ? (float)ow / (float)pw : 1.0f;
			k->in.mouse_scale = k->panel_scale;
			if (kiosk_panel(k, ow, oh) != BORNE_OK)
				return 1;
			ui_resize(k->ui, k->win_w, k->win_h);
			kiosk_columns(k);
		}
		k->dirty = 1;
	} else if (e->type == SDL_RENDER_TARGETS_RESET ||
	           e->type == SDL_RENDER_DEVICE_RESET) {
		ui_resize(k->ui, 0, 0);
		ui_resize(k->ui, k->win_w, k->win_h);
		k->dirty = 1;
	} else {
		kiosk_sdl_event(k, e);
	}
	return 0;
}

/* ---- signals (not in headless mode, where a signal simply kills) ---- */

/* What the signal thread waits for. SIGUSR2 only stops the thread. */
static void
main_signal_set(int kiosk, sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGTERM);
	sigaddset(set, SIGHUP);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGUSR2);
	if (kiosk) {
		sigaddset(set, SIGQUIT);
		sigaddset(set, SIGTSTP);
	}
}

static const char *
main_signal_name(int sig)
{
	switch (sig) {
	case SIGTERM: return "SIGTERM";
	case SIGHUP:  return "SIGHUP";
	case SIGINT:  return "SIGINT";
	case SIGQUIT: return "SIGQUIT";
	case SIGTSTP: return "SIGTSTP";
	default:      return "a signal";
	}
}

/* Stops (SIGTERM, SIGHUP; in windowed mode SIGINT too) become an SDL
** event the loop reads; in kiosk mode the keyboard's signals are only
** logged. SDL_PushEvent is thread-safe; nothing here runs in a handler. */
static void *
kiosk_signal_thread(void *arg)
{
	Kiosk *k = arg;
	sigset_t set;
	int sig;

	main_signal_set(k->opt.kiosk, &set);
	for (;;) {
		if (sigwait(&set, &sig) != 0)
			continue;
		if (sig == SIGUSR2)
			return NULL;                /* kiosk_signals_stop */
		if (sig == SIGTERM || sig == SIGHUP || !k->opt.kiosk) {
			SDL_Event e;

			memset(&e, 0, sizeof e);
			e.type = k->ev_signal;
			e.user.code = sig;
			SDL_PushEvent(&e);
			continue;
		}
		fprintf(stderr, "borne: %s ignored: kiosk mode (facilitator mode "
		        "quits; systemctl stop sends SIGTERM)\n",
		        main_signal_name(sig));
	}
}

static int
kiosk_signals_start(Kiosk *k)
{
	k->ev_signal = SDL_RegisterEvents(1);
	if (k->ev_signal == (Uint32)-1) {
		k->ev_signal = 0;
		fprintf(stderr, "borne: no SDL event left for signals\n");
		return BORNE_EIO;
	}
	if (pthread_create(&k->sig_thread, NULL, kiosk_signal_thread, k) != 0) {
		fprintf(stderr, "borne: signal thread: %s\n", strerror(errno));
		return BORNE_EIO;
	}
	k->sig_thread_on = 1;
	return BORNE_OK;
}

static void
kiosk_signals_stop(Kiosk *k)
{
	if (!k->sig_thread_on)
		return;
	pthread_kill(k->sig_thread, SIGUSR2);
	pthread_join(k->sig_thread, NULL);
	k->sig_thread_on = 0;
}

static int
kiosk_run(Kiosk *k)
{
	SDL_Event e;
	AppEvent tick;

	memset(&tick, 0, sizeof tick);
	tick.type = APP_EV_TICK;
	if (sdnotify_send("READY=1") < 0)
		fprintf(stderr, "borne: NOTIFY_SOCKET refused READY=1\n");
	k->watchdog_ms = sdnotify_watchdog_ms();
	while (!app_view(k->app)->quit) {
		int64_t now = kiosk_now_ms(k);
		int64_t wait = app_next_tick_ms(k->app, now);
		int64_t deadline;

		kiosk_clock_news(k, now);
		if (k->dirty)
			kiosk_draw(k);
		if (k->watchdog_ms > 0) {
			/* Pinged from the loop itself: a hung loop stops the pings
			** and systemd restarts the kiosk. */
			if (now - k->watchdog_last_ms >= k->watchdog_ms) {
				(void)sdnotify_send("WATCHDOG=1");
				k->watchdog_last_ms = now;
			}
			if (wait > k->watchdog_ms)
				wait = k->watchdog_ms;
		}
		if (k->flash_until_ms > now && k->flash_until_ms - now < wait)
			wait = k->flash_until_ms - now;
		if (k->st == NULL && k->store_next_ms - now < wait)
			wait = k->store_next_ms - now;
		int64_t dark_in = kiosk_sleep_in_ms(k, now);
		if (dark_in >= 0 && dark_in < wait)
			wait = dark_in;
		if (wait < 1)
			wait = 1;
		if (wait > 60000)
			wait = 60000;
		deadline = now + wait;
		if (SDL_WaitEventTimeout(&e, (int)wait)) {
			do {
				if (kiosk_dispatch(k, &e))
					return 0;
			} while (SDL_PollEvent(&e));
		}
		now = kiosk_now_ms(k);
		if (k->flash_until_ms != 0 && now >= k->flash_until_ms) {
			k->flash_until_ms = 0;
			k->dirty = 1;
		}
		if (now >= deadline)
			kiosk_send(k, &tick);
		kiosk_store_poll(k);
		kiosk_sleep(k, now);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	static Kiosk kiosk;
	Kiosk *k = &kiosk;
	int rc, status = 1;

	input_init(&k->in);
	k->console.fd = -1;
	if (main_parse(argc, argv, &k->opt) != BORNE_OK)
		return main_usage(stderr);
	if (!k->opt.headless) {
		sigset_t set;

		/* Before any thread exists (SDL's, the reader's): they all
		** inherit the mask, and only the signal thread takes them. */
		main_signal_set(k->opt.kiosk, &set);
		pthread_sigmask(SIG_BLOCK, &set, NULL);
	}
	if (k->opt.kiosk)
		SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
	if (k->opt.headless) {
		setenv("SDL_VIDEODRIVER", "offscreen", 1);
		setenv("SDL_AUDIODRIVER", "dummy", 1);
		SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
		/* SIGTERM/SIGINT must stop a script at once (timeouts). */
		SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	}
	SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
	if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
		fprintf(stderr, "borne: SDL: %s\n", SDL_GetError());
		return 1;
	}
	/* A kiosk ignores SIGPIPE (a FIFO writer may vanish). */
	signal(SIGPIPE, SIG_IGN);
	k->trace_first_frame = getenv("BORNE_TRACE_FIRST_FRAME") != NULL;
	if (getenv("BORNE_LATENCY_LOG") != NULL &&
	    (k->latency_log = fopen(getenv("BORNE_LATENCY_LOG"), "w")) == NULL)
		fprintf(stderr, "borne: BORNE_LATENCY_LOG: %s\n", strerror(errno));
	if (!k->opt.headless && kiosk_signals_start(k) != BORNE_OK) {
		SDL_Quit();
		return 1;
	}
	if (k->opt.kiosk && !k->opt.headless) {
		console_hold(&k->console, STDIN_FILENO);
		fprintf(stderr, "borne: console: %s\n", k->console.note);
	}
	rc = kiosk_open(k);
	if (rc == BORNE_OK) {
		if (k->opt.headless)
			status = script_run(k, k->opt.script, k->opt.shots);
		else
			status = kiosk_run(k);
	}
	kiosk_close(k);
	kiosk_signals_stop(k);
	console_release(&k->console);
	TTF_Quit();
	IMG_Quit();
	SDL_Quit();
	return status;
}
