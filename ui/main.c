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
#include "kiosk.h"

static int  main_usage(FILE *out);
static int  main_parse(int argc, char **argv, Options *o);
static int  main_parse_size(const char *s, int *w, int *h);
static void main_warn(const char *line, void *ctx);
static void kiosk_demo_unlink(const char *db);


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

int64_t
kiosk_now_ms(const Kiosk *k)
{
	return k->opt.headless ? k->vclock_ms : (int64_t)SDL_GetTicks64();
}

int64_t
kiosk_now_utc(const Kiosk *k)
{
	if (k->opt.headless)
		return k->vstart_utc + (k->vclock_ms - k->vstart_ms) / 1000;
	return (int64_t)time(NULL);
}

/* ---- opening ---- */

void
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
	snprintf(ac->web_listen, sizeof ac->web_listen, "%s",
	         config_get(k->cfg, "web_listen"));
	ac->web_tls = config_get(k->cfg, "web_tls_cert")[0] != '\0' &&
	              config_get(k->cfg, "web_tls_key")[0] != '\0';
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
void
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
void
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

int
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
			/* A run killed before it could clean up may have left this
			** name's journal files: they are not this run's data. */
			kiosk_demo_unlink(k->demo_db);
		}
		path = k->demo_db;
	}
	snprintf(k->store_path, sizeof k->store_path, "%s", path);
	rc = store_open(path, &k->st, err, sizeof err);
	if (rc != BORNE_OK) {
		snprintf(k->store_err, sizeof k->store_err, "%s", err);
		return rc;
	}
	/* A page cache of 256 KiB, not SQLite's 2 MiB: the database grows
	** with every visit and its outbox, and the cache with it, a third of
	** the kiosk's memory growth over 1,000 taps (docs/performance.md).
	** What misses is read again from the system's file cache. */
	store_set_cache_kib(k->st, STORE_KIOSK_CACHE_KIB);
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
void
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
void
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

void
kiosk_reader_wake(void *ctx)
{
	Kiosk *k = ctx;
	SDL_Event e;

	memset(&e, 0, sizeof e);
	e.type = k->ev_reader;
	SDL_PushEvent(&e);             /* thread-safe */
}

int
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

int
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

void
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
	if (k->demo_db[0] && k->opt.db == NULL)
		kiosk_demo_unlink(k->demo_db);
	if (k->demo_fifo[0])
		unlink(k->demo_fifo);
	if (k->latency_log != NULL)
		fclose(k->latency_log);
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
	SDL_Quit();
	return status;
}

/* Removes a demo database and its WAL, shared-memory and journal files. */
static void
kiosk_demo_unlink(const char *db)
{
	static const char *const ext[] = { "", "-wal", "-shm", "-journal" };
	char p[600];

	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		snprintf(p, sizeof p, "%s%s", db, ext[i]);
		unlink(p);
	}
}
