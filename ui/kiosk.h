/* kiosk.h -- what the kiosk program's files share (ui/main.c, kiosk_screen.c,
** kiosk_loop.c, kiosk_signals.c): the options, the Kiosk they all drive
** and the functions one calls in another. Private to borne (the script
** and the UI see only ui_internal.h's kiosk_* functions). */
#ifndef BORNE_KIOSK_H
#define BORNE_KIOSK_H

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
	int     fullscreen_later; /* X11: asked after the first frame */
	int64_t trim_due_ms;     /* frames were drawn: give back the freed
	                         ** memory then (0: nothing to give back) */
	char    demo_db[512], demo_fifo[512];
	int64_t watchdog_ms, watchdog_last_ms;   /* systemd ping period, 0: none */
	FILE   *latency_log;     /* BORNE_LATENCY_LOG: badge -> frame figures */
	int     trace_first_frame; /* BORNE_TRACE_FIRST_FRAME: say when, once */
	int64_t badge_seen_ms, badge_drained_ms; /* 0: no badge frame pending */
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

int  kiosk_open(Kiosk *k);
void kiosk_close(Kiosk *k);
int  kiosk_open_store(Kiosk *k);
void kiosk_pin_key(Kiosk *k);
void kiosk_store_failed(Kiosk *k, int rc);
void kiosk_store_poll(Kiosk *k);
int  kiosk_open_video(Kiosk *k);
SDL_Renderer *kiosk_renderer(Kiosk *k);
int  kiosk_wants_gpu(const char *choice);
int  kiosk_panel(Kiosk *k, int pw, int ph);
void kiosk_panel_event(Kiosk *k, SDL_Event *e);
void kiosk_panel_mouse(const Kiosk *k, Sint32 *wx, Sint32 *wy);
int  kiosk_should_sleep(Kiosk *k, int64_t now_ms);
void kiosk_sleep(Kiosk *k, int64_t now_ms);
int64_t kiosk_sleep_in_ms(Kiosk *k, int64_t now_ms);
int  kiosk_wake(Kiosk *k, const SDL_Event *e);
void kiosk_backlight(Kiosk *k, int on);
int  kiosk_open_reader(Kiosk *k);
void kiosk_app_config(Kiosk *k, AppConfig *ac);
void kiosk_store_rules(Kiosk *k);
int64_t kiosk_now_ms(const Kiosk *k);
int64_t kiosk_now_utc(const Kiosk *k);
void kiosk_drain_reader(Kiosk *k);
void kiosk_reader_wake(void *ctx);
void kiosk_after(Kiosk *k, int changed);
void kiosk_draw(Kiosk *k);
void kiosk_columns(Kiosk *k);
int64_t mono_ms(void);
int  kiosk_run(Kiosk *k);
void main_signal_set(int kiosk, sigset_t *set);
const char *main_signal_name(int sig);
void *kiosk_signal_thread(void *arg);
int  kiosk_signals_start(Kiosk *k);
void kiosk_signals_stop(Kiosk *k);

#endif
