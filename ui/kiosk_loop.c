/* kiosk_loop.c -- the kiosk's loop: SDL events and the reader's news into
** AppEvents, the app's answer drawn when the view changed, cues flashed;
** and the handles the headless script drives it by (kiosk_send,
** kiosk_advance on the virtual clock, kiosk_screenshot...). */

#include "kiosk.h"

#include <malloc.h>
#include <png.h>

#include "widgets.h"

#define TRIM_AFTER_MS 1000      /* drawn: freed memory goes back then */

static int64_t kiosk_trim(Kiosk *k, int64_t now, int64_t wait);
static int screenshot_png(png_structp png, png_infop info, FILE *f,
                          SDL_Surface *rgba);

/* ---- the loop ---- */

/* After app_handle: a new cue plays and flashes, a change redraws. */
void
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

void
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

void
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
	if (k->trim_due_ms == 0)
		k->trim_due_ms = now + TRIM_AFTER_MS;
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
	if (k->fullscreen_later) {
		k->fullscreen_later = 0;
		if (SDL_SetWindowFullscreen(k->win, SDL_WINDOW_FULLSCREEN_DESKTOP) != 0)
			fprintf(stderr, "borne: fullscreen: %s\n", SDL_GetError());
	}
}

/* The board lays out as many cards per row as this canvas allows; the
** app scrolls by rows of that many. */
void
kiosk_columns(Kiosk *k)
{
	AppEvent ev;

	memset(&ev, 0, sizeof ev);
	ev.type = APP_EV_ACTION;
	ev.action = ACT_SET_COLUMNS;
	ev.arg = ui_board_columns(k->ui);
	kiosk_send(k, &ev);
}

int64_t
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

Store *
kiosk_store(Kiosk *k, int64_t *now_utc)
{
	*now_utc = kiosk_now_utc(k);
	return k->st;
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

/* Writes rgba as a PNG to f: what SDL2_image's IMG_SavePNG wrote (8-bit
** RGBA, libpng's defaults), so screenshots stay byte for byte the same
** without linking SDL2_image (and the TIFF, WebP, JPEG and C++ libraries
** it brings: 0.8 MiB of the kiosk's PSS, docs/performance.md). */
static int
screenshot_png(png_structp png, png_infop info, FILE *f, SDL_Surface *rgba)
{
	if (setjmp(png_jmpbuf(png)) != 0)
		return BORNE_EIO;
	png_init_io(png, f);
	png_set_IHDR(png, info, (png_uint_32)rgba->w, (png_uint_32)rgba->h, 8,
	             PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
	             PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_write_info(png, info);
	for (int y = 0; y < rgba->h; y++)
		png_write_row(png, (png_const_bytep)rgba->pixels
		              + (size_t)y * (size_t)rgba->pitch);
	png_write_end(png, NULL);
	return BORNE_OK;
}

int
kiosk_screenshot(Kiosk *k, const char *path)
{
	SDL_Surface *rgba = NULL;
	png_structp png = NULL;
	png_infop info = NULL;
	FILE *f = NULL;
	int rc = BORNE_EIO;

	if (k->dirty)
		kiosk_draw(k);
	if (k->surface == NULL ||
	    (rgba = SDL_ConvertSurfaceFormat(k->surface, SDL_PIXELFORMAT_RGBA32,
	                                     0)) == NULL) {
		fprintf(stderr, "borne: screenshot %s: %s\n", path, SDL_GetError());
		return BORNE_EIO;
	}
	if ((f = fopen(path, "wb")) == NULL) {
		fprintf(stderr, "borne: screenshot %s: %s\n", path, strerror(errno));
		goto done;
	}
	if ((png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL,
	                                   NULL)) == NULL ||
	    (info = png_create_info_struct(png)) == NULL)
		goto done;
	rc = screenshot_png(png, info, f, rgba);
done:
	if (png != NULL)
		png_destroy_write_struct(&png, info != NULL ? &info : NULL);
	if (f != NULL && fclose(f) != 0)
		rc = BORNE_EIO;
	if (rc != BORNE_OK && f != NULL)
		fprintf(stderr, "borne: screenshot %s: cannot write\n", path);
	SDL_FreeSurface(rgba);
	return rc;
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

/* What drawing freed (texts gone from the cache, a screen's surfaces)
** is given back to the system a second after the first frame drawn
** since the last time: malloc keeps it for later otherwise (0.7 MiB
** after 1,000 taps, docs/performance.md). Never wakes an idle kiosk:
** only drawing sets the next time. Returns wait, shortened to it. */
static int64_t
kiosk_trim(Kiosk *k, int64_t now, int64_t wait)
{
	if (now < k->trim_due_ms)
		return k->trim_due_ms - now < wait ? k->trim_due_ms - now : wait;
#ifdef __GLIBC__
	malloc_trim(0);
#endif
	k->trim_due_ms = 0;
	return wait;
}

int
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
		if (k->trim_due_ms != 0)
			wait = kiosk_trim(k, now, wait);
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

