/* ui_internal.h -- what the kiosk program shares behind ui.h.
** ui.h is the drawing API the screens use; this header is for the parts
** that run the screens: the Ui's lifecycle and frame, the record of what
** the last frame drew (texts and hit regions, for taps and scripts), the
** renderer's caches, input, sound and the headless script runner.
**
** Units: "logical" pixels are the canvas the screens draw on (800x480,
** 1280x720 at 1.5 for 1920x1080, 480x800 in portrait); "window" pixels
** are the real ones. The renderer converts at the last moment, so text is
** rasterised at its real pixel size and stays crisp at any scale. */
#ifndef BORNE_UI_INTERNAL_H
#define BORNE_UI_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "app.h"
#include "ui.h"

/* ---- Ui lifecycle and frames (ui.c) ---- */

/* Makes a Ui drawing on r (borrowed) for a window of win_w x win_h pixels.
** Returns BORNE_OK, BORNE_ENOMEM, or BORNE_EIO when no font can be opened
** (err says which). */
int  ui_new(SDL_Renderer *r, int win_w, int win_h, Ui **out, char *err,
            size_t errlen);
void ui_free(Ui *ui);                                   /* NULL-safe */
/* The window changed size: new scale and canvas, caches flushed. */
void ui_resize(Ui *ui, int win_w, int win_h);
float ui_scale(const Ui *ui);

/* The scale for a window: 1 up to 1.5x the 7" screen, then steps of 0.5
** so that 1920x1080 is a 1280x720 canvas at 1.5. Exposed for tests. */
float ui_scale_for(int win_w, int win_h);

/* Draws one whole frame of the view: background, the screen, the toast,
** the reader banner, and the flash of a cue when flash > 0 (0..1). The
** caller presents it. */
void ui_draw_frame(Ui *ui, const AppView *v, AppCue flash_cue, float flash);
/* A dark frame (the screen asleep outside its hours): black, nothing
** to read or tap. */
void ui_draw_dark(Ui *ui);

/* Starts a frame of scene (render_frame_begin): nothing recorded yet,
** no clip, the canvas cleared to bg. ui_draw_frame (frame.c) then draws
** the screen and what lies over it, and ends the frame. */
void ui_frame_begin(Ui *ui, int scene, UiColor bg);
void ui_frame_end(Ui *ui);              /* the frame is drawn */
/* Where ui_reader_banner_at() put the banner this frame: 1 and *out. */
int  ui_banner_slot(const Ui *ui, UiRect *out);

/* The screen table (screens.c). */
const ScreenOps *ui_screen_ops(ScreenId s);

/* ---- What the last frame drew (ui.c records, ui_record.c reads) ---- */

typedef struct UiHitRec {
	UiRect  r;               /* visible part, logical */
	AppAction action;
	int64_t arg;
	int     label;           /* offset in the text arena, -1 none */
} UiHitRec;

/* The topmost hit region under window pixel (px, py), or NULL. Borrowed
** until the next frame. */
const UiHitRec *ui_hit_at(const Ui *ui, int px, int py);
/* 1 when any text of the last frame contains needle (a line drawn in
** several pieces counts as one text). */
int  ui_frame_has_text(const Ui *ui, const char *needle);
/* Finds the topmost hit region whose label or inner text contains needle
** and gives the centre of its visible part in window pixels. 1 found. */
int  ui_frame_find_tap(const Ui *ui, const char *needle, int *px, int *py);
/* Every text of the last frame, one per line, for failure messages. */
void ui_frame_dump_texts(const Ui *ui, FILE *out);

/* ---- Renderer internals (render.c) ---- */

typedef struct Render Render;

int  render_new(SDL_Renderer *r, Render **out, char *err, size_t errlen);
void render_free(Render *rd);                           /* NULL-safe */
void render_flush(Render *rd);       /* drops cached textures (resize) */

typedef struct RenderStats {
	long text_hits, text_misses, text_evictions;
	int  text_entries, fonts_open, corner_textures, disc_textures;
	long text_bytes, text_cap_bytes;     /* texture bytes held, and cap */
	int  font_size_changes;              /* TTF_SetFontSize calls */
} RenderStats;
void render_stats(const Render *rd, RenderStats *out);
/* Caps the cached texts' textures at cap_bytes (4 bytes a pixel; at least
** TEXT_CACHE_BYTES_MIN), the least recently drawn going first; evicts
** down to it now. A text bigger than the cap is still drawn and kept
** alone. ui_resize() sets one window's worth. */
void render_set_text_cap(Render *rd, long cap_bytes);

/* A frame of scene (the screen shown: any number that changes when it
** does) begins, and ends. At its end the text cache keeps what the frame
** drew and what the scene before drew; the rest goes, so that the cache
** holds two screens' texts, not a day's names and times. */
void render_frame_begin(Render *rd, int scene);
void render_frame_end(Render *rd);

/* Drawing in window pixels. a is the opacity (255 opaque). */
void render_fill(Render *rd, SDL_Rect px, UiColor c, uint8_t a);
void render_rrect(Render *rd, SDL_Rect px, int radius_px, UiColor c,
                  uint8_t a);
void render_rrect_ring(Render *rd, SDL_Rect px, int radius_px, int width_px,
                       UiColor c, uint8_t a);
/* A text's texture for font f at size_px real pixels (icon font when
** icon is set); NULL when it cannot be made. w/h in real pixels. */
SDL_Texture *render_text(Render *rd, UiFont f, int icon, int size_px,
                         UiColor c, const char *utf8, int *w, int *h);
int  render_text_size(Render *rd, UiFont f, int size_px, const char *utf8,
                      int *w, int *h);
int  render_font_height(Render *rd, UiFont f, int size_px);
void render_set_clip(Render *rd, const SDL_Rect *px);
/* Discs in window pixels: centres relative to (x, y), the top left of
** their square; cached (RenderDiscs) by everything but (x, y). */
typedef struct RenderDisc {
	int cx, cy, r;
	UiColor c;
} RenderDisc;
void render_discs(Render *rd, int x, int y, const RenderDisc *d, int n,
                  UiColor bg);

/* The Ui's renderer (for widgets that draw with opacity). */
Render *ui_render(Ui *ui);
/* A logical rect in window pixels. */
SDL_Rect ui_px(const Ui *ui, UiRect r);
int  ui_px_len(const Ui *ui, int logical);
/* Shapes with opacity (overlays, halos). */
void ui_fill_alpha(Ui *ui, UiRect r, UiColor c, uint8_t a);
void ui_rrect_alpha(Ui *ui, UiRect r, int radius, UiColor c, uint8_t a);

/* ---- Input (input.c): the only place SDL events become AppEvents ---- */

typedef struct Input {
	int     active;          /* a press is in progress */
	int     is_finger;
	SDL_FingerID finger;
	int     down_x, down_y;  /* window pixels */
	int     last_y;
	int     dragging;        /* moved too far: no tap, scroll instead */
	int     scroll_acc;      /* logical px of drag not yet sent as rows */
	UiHitRec down_hit;
	int     has_hit;
	float   mouse_scale;     /* window pixels per mouse unit (HiDPI) */
} Input;

#define INPUT_MAX_EVENTS 32

void input_init(Input *in);
/* Turns one SDL event into up to max AppEvents (returns how many).
** Touch and mouse act on release inside the region pressed, like a real
** button; a drag scrolls; a second finger is ignored. */
int  input_translate(Input *in, const Ui *ui, const AppView *v,
                     const SDL_Event *e, AppEvent *out, int max);
/* A key by the script's name ("Backspace", "F1"...): 1 and *out set,
** 0 unknown name. F1..F6 tap the demo badges (demo mode only: else
** *out is an ACTIVITY). */
int  input_key_named(const char *name, const AppView *v, AppEvent *out);

/* ---- Sound (sound.c) ---- */

typedef struct Sound Sound;
/* Opens the audio device (NULL *out, not an error, when there is none). */
int  sound_open(Sound **out);
void sound_close(Sound *s);                             /* NULL-safe */
/* 1 when the machine has somewhere to play (an ALSA playback device, a
** PulseAudio or PipeWire socket, or SDL_AUDIODRIVER set): sound_open
** does not start SDL's audio otherwise. */
int  sound_output_exists(void);
void sound_play(Sound *s, AppCue cue);                  /* NULL-safe */

/* ---- The program (main.c) and the script runner (script.c) ---- */

typedef struct Kiosk Kiosk;

/* What the script runner needs from the program. */
App  *kiosk_app(Kiosk *k);
Ui   *kiosk_ui(Kiosk *k);
/* The kiosk's database (NULL: out of service) and its time now (the
** virtual clock when headless), for the script's hub-answer. */
Store *kiosk_store(Kiosk *k, int64_t *now_utc);
/* script_hub.c: hub-answer (tests only). BORNE_OK, or an error with err. */
int  script_hub_answer(Store *st, int refuse, int64_t now_utc, char *err,
                       size_t errlen);
/* Sends one event at the virtual time; redraws when the view changed. */
void kiosk_send(Kiosk *k, const AppEvent *ev);
/* Passes an SDL event through input.c, then kiosk_send. */
void kiosk_sdl_event(Kiosk *k, const SDL_Event *e);
/* Any SDL event, as the main loop takes it (quit, window, reader, input).
** 1 when the kiosk leaves its loop: a stop signal, or in windowed mode
** SDL_QUIT; in kiosk mode (fullscreen, headless) SDL_QUIT and a closed
** window are swallowed. */
int  kiosk_dispatch(Kiosk *k, const SDL_Event *e);
/* Moves the virtual clock by ms, ticking the app at each deadline. */
void kiosk_advance(Kiosk *k, int64_t ms);
/* Headless: sets the wall clock to utc, the monotonic one unmoved (a
** clock set by hand, NTP arriving). */
void kiosk_clock_set(Kiosk *k, int64_t utc);
/* Redraws now (after a resize or for a screenshot). */
void kiosk_redraw(Kiosk *k);
/* Writes the last frame as a PNG. BORNE_OK or BORNE_EIO. */
int  kiosk_screenshot(Kiosk *k, const char *path);
int  kiosk_window_w(const Kiosk *k);
int  kiosk_window_h(const Kiosk *k);
/* A point of the picture (what the UI draws) to the window's point a
** finger must touch for it, the panel's rotation and mirror included. */
void kiosk_picture_to_window(const Kiosk *k, int *x, int *y);

/* Runs a script (path or "-" for stdin). Returns 0 when every line ran
** and every expectation held; else 1, having printed the line number and
** text of the first failure on stderr. */
int  script_run(Kiosk *k, const char *path, const char *shots_dir);

#endif
