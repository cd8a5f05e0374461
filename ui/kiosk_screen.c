/* kiosk_screen.c -- the kiosk's screen: SDL's window and renderer (the GPU's
** or the software one, offscreen when headless), the panel turned or
** mirrored (panel.h) with its touch mapped back, and the screen dark
** outside its hours with the backlight off. */

#include "kiosk.h"

int
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
		** fullscreen request (a bare X server on a kiosk). On X11 the
		** request waits (SDL: up to 100 ms) for a window manager to
		** move and resize the window, which one already covering the
		** screen never sees: asked after the first frame instead
		** (kiosk_draw), so that Accueil is not kept waiting for it. */
		const char *driver = SDL_GetCurrentVideoDriver();

		flags |= SDL_WINDOW_BORDERLESS;
		if (driver != NULL && strcmp(driver, "x11") == 0)
			k->fullscreen_later = 1;
		else
			flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
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
int
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
SDL_Renderer *
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
int
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
void
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
void
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
int
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
void
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
int64_t
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
int
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
void
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
