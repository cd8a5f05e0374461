/* ui.c -- the drawing context: logical canvas, shapes, text, hit regions.
** Screens draw in logical pixels; this file scales to window pixels at
** the last moment (text is rasterised at its real size, never stretched),
** and records every text drawn and every hit region of the frame, which
** ui_record.c answers questions about. It knows no widget and no screen:
** frame.c puts a whole frame together on top of it. */
#include "ui_internal.h"
#include "ui_state.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "borne.h"
#include "text.h"
#include "textlayout.h"

#define UI_ELLIPSIS "\xE2\x80\xA6"



static int  ui_arena_add(Ui *ui, const char *s);
static int  ui_intersect(UiRect a, UiRect b, UiRect *out);
static int  ui_size_px(const Ui *ui, int size);
static char *ui_ellipsise(Ui *ui, UiFont f, int size_px, const char *s,
                          int w);
static int  ui_text_fit_line(Ui *ui, int x, int y, int w, UiFont f,
                             int size_px, UiColor c, UiAlign align,
                             int shrink, const char *utf8);

float
ui_scale_for(int win_w, int win_h)
{
	float s;

	if (win_w <= 0 || win_h <= 0)
		return 1.0f;
	if (win_h > win_w)
		s = (float)win_w / 480.0f;
	else
		s = fminf((float)win_w / 800.0f, (float)win_h / 480.0f);
	if (s < 1.0f)
		return s < 0.5f ? 0.5f : s;   /* a small development window */
	s = floorf(s / 1.5f * 2.0f) / 2.0f;
	return s < 1.0f ? 1.0f : s;
}

int
ui_new(SDL_Renderer *r, int win_w, int win_h, Ui **out, char *err,
       size_t errlen)
{
	Ui *ui = calloc(1, sizeof *ui);
	int rc = BORNE_ENOMEM;

	*out = NULL;
	if (ui == NULL)
		goto fail;
	ui->r = r;
	if ((rc = render_new(r, &ui->rd, err, errlen)) != BORNE_OK)
		goto fail;
	ui_resize(ui, win_w, win_h);
	*out = ui;
	return BORNE_OK;
fail:
	ui_free(ui);
	return rc;
}

void
ui_free(Ui *ui)
{
	if (ui == NULL)
		return;
	render_free(ui->rd);
	free(ui->texts);
	free(ui->hits);
	free(ui->arena);
	free(ui);
}

void
ui_resize(Ui *ui, int win_w, int win_h)
{
	float s = ui_scale_for(win_w, win_h);

	if (ui->win_w == win_w && ui->win_h == win_h)
		return;
	ui->win_w = win_w;
	ui->win_h = win_h;
	ui->scale = s;
	ui->w = (int)lroundf((float)win_w / s);
	ui->h = (int)lroundf((float)win_h / s);
	render_flush(ui->rd);
	render_set_text_cap(ui->rd, 4L * win_w * win_h);
	ui->n_texts = ui->n_hits = 0;
	ui->arena_len = 0;
}

float
ui_scale(const Ui *ui)
{
	return ui->scale;
}

int
ui_width(const Ui *ui)
{
	return ui->w;
}

int
ui_height(const Ui *ui)
{
	return ui->h;
}

int
ui_portrait(const Ui *ui)
{
	return ui->h > ui->w;
}

Render *
ui_render(Ui *ui)
{
	return ui->rd;
}

SDL_Rect
ui_px(const Ui *ui, UiRect r)
{
	SDL_Rect p;
	float s = ui->scale;
	int x1 = (int)lroundf((float)(r.x + r.w) * s);
	int y1 = (int)lroundf((float)(r.y + r.h) * s);

	p.x = (int)lroundf((float)r.x * s);
	p.y = (int)lroundf((float)r.y * s);
	p.w = x1 - p.x;
	p.h = y1 - p.y;
	return p;
}

int
ui_px_len(const Ui *ui, int logical)
{
	return (int)lroundf((float)logical * ui->scale);
}

static int
ui_size_px(const Ui *ui, int size)
{
	int px = (int)lroundf((float)size * ui->scale);

	return px < 1 ? 1 : px;
}

static int
ui_intersect(UiRect a, UiRect b, UiRect *out)
{
	int x0 = a.x > b.x ? a.x : b.x;
	int y0 = a.y > b.y ? a.y : b.y;
	int x1 = a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w;
	int y1 = a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h;

	if (x1 <= x0 || y1 <= y0) {
		*out = (UiRect){ 0, 0, 0, 0 };
		return 0;
	}
	*out = (UiRect){ x0, y0, x1 - x0, y1 - y0 };
	return 1;
}

/* The arena holds the frame's strings; offsets stay valid as it grows. */
static int
ui_arena_add(Ui *ui, const char *s)
{
	size_t n = strlen(s) + 1;

	if (ui->arena_len + n > ui->arena_cap) {
		size_t cap = ui->arena_cap ? ui->arena_cap * 2 : 16384;
		while (cap < ui->arena_len + n)
			cap *= 2;
		char *p = realloc(ui->arena, cap);
		if (p == NULL)
			return -1;
		ui->arena = p;
		ui->arena_cap = cap;
	}
	memcpy(ui->arena + ui->arena_len, s, n);
	ui->arena_len += n;
	return (int)(ui->arena_len - n);
}

const char *
ui_arena_str(const Ui *ui, int off)
{
	return off >= 0 ? ui->arena + off : "";
}

void
ui_record_text(Ui *ui, UiRect r, const char *s, int whole)
{
	UiRect vis;
	UiRect canvas = { 0, 0, ui->w, ui->h };
	int off;

	if (!ui_intersect(r, canvas, &vis))
		return;
	if (ui->has_clip && !ui_intersect(vis, ui->clip, &vis))
		return;
	if (ui->n_texts == ui->cap_texts) {
		int cap = ui->cap_texts ? ui->cap_texts * 2 : 256;
		UiTextRec *p = realloc(ui->texts, (size_t)cap * sizeof *p);
		if (p == NULL)
			return;
		ui->texts = p;
		ui->cap_texts = cap;
	}
	if ((off = ui_arena_add(ui, s)) < 0)
		return;
	ui->texts[ui->n_texts++] = (UiTextRec){ vis, r.y, r.x + r.w, off, whole,
	                                        ui->n_hits };
}

/* ---- shapes ---- */

void
ui_fill(Ui *ui, UiRect r, UiColor c)
{
	render_fill(ui->rd, ui_px(ui, r), c, 255);
}

void
ui_fill_alpha(Ui *ui, UiRect r, UiColor c, uint8_t a)
{
	render_fill(ui->rd, ui_px(ui, r), c, a);
}

void
ui_rrect(Ui *ui, UiRect r, int radius, UiColor fill)
{
	render_rrect(ui->rd, ui_px(ui, r), ui_px_len(ui, radius), fill, 255);
}

void
ui_rrect_alpha(Ui *ui, UiRect r, int radius, UiColor c, uint8_t a)
{
	render_rrect(ui->rd, ui_px(ui, r), ui_px_len(ui, radius), c, a);
}

void
ui_rrect_lip(Ui *ui, UiRect r, int radius, UiColor fill, UiColor lip,
             int lip_px)
{
	UiRect under = r;

	under.y += lip_px;
	ui_rrect(ui, under, radius, lip);
	ui_rrect(ui, r, radius, fill);
}

void
ui_rrect_border(Ui *ui, UiRect r, int radius, int width, UiColor c)
{
	int wpx = ui_px_len(ui, width);

	render_rrect_ring(ui->rd, ui_px(ui, r), ui_px_len(ui, radius),
	                  wpx < 1 ? 1 : wpx, c, 255);
}

void
ui_circle(Ui *ui, int cx, int cy, int radius, UiColor fill)
{
	float s = ui->scale;
	int rp = (int)lroundf((float)radius * s);
	SDL_Rect p = { (int)lroundf((float)cx * s) - rp,
	               (int)lroundf((float)cy * s) - rp, 2 * rp, 2 * rp };

	render_rrect(ui->rd, p, rp, fill, 255);
}

void
ui_discs(Ui *ui, int cx, int cy, const UiDisc *d, int n, UiColor bg)
{
	RenderDisc px[UI_DISCS_MAX];
	float s = ui->scale;
	int x0 = 0, y0 = 0;

	if (n <= 0 || n > UI_DISCS_MAX)
		return;
	/* Each as ui_circle places it, in window pixels. */
	for (int i = 0; i < n; i++) {
		memset(&px[i], 0, sizeof px[i]);  /* compared as bytes: no padding left */
		px[i].r = (int)lroundf((float)d[i].radius * s);
		px[i].cx = (int)lroundf((float)(cx + d[i].dx) * s);
		px[i].cy = (int)lroundf((float)(cy + d[i].dy) * s);
		px[i].c = d[i].fill;
		if (i == 0 || px[i].cx - px[i].r < x0)
			x0 = px[i].cx - px[i].r;
		if (i == 0 || px[i].cy - px[i].r < y0)
			y0 = px[i].cy - px[i].r;
	}
	for (int i = 0; i < n; i++) {
		px[i].cx -= x0;
		px[i].cy -= y0;
	}
	render_discs(ui->rd, x0, y0, px, n, bg);
}

void
ui_hline(Ui *ui, int x, int y, int w, UiColor c)
{
	SDL_Rect p = ui_px(ui, (UiRect){ x, y, w, 1 });
	int t = ui_px_len(ui, 1);

	p.h = t < 1 ? 1 : t;
	render_fill(ui->rd, p, c, 255);
}

void
ui_clip(Ui *ui, const UiRect *r)
{
	if (r == NULL) {
		ui->has_clip = 0;
		render_set_clip(ui->rd, NULL);
		return;
	}
	SDL_Rect p = ui_px(ui, *r);
	ui->has_clip = 1;
	ui->clip = *r;
	render_set_clip(ui->rd, &p);
}

/* ---- text ---- */

int
ui_text(Ui *ui, int x, int y, UiFont f, int size_px, UiColor c,
        const char *utf8)
{
	int w, h, lw;
	SDL_Texture *t;
	float s = ui->scale;

	if (utf8 == NULL || utf8[0] == '\0')
		return 0;
	t = render_text(ui->rd, f, 0, ui_size_px(ui, size_px), c, utf8, &w, &h);
	if (t == NULL)
		return 0;
	SDL_Rect dst = { (int)lroundf((float)x * s), (int)lroundf((float)y * s),
	                 w, h };
	SDL_RenderCopy(ui->r, t, NULL, &dst);
	lw = (int)lroundf((float)w / s);
	ui_record_text(ui, (UiRect){ x, y, lw, (int)lroundf((float)h / s) }, utf8, 0);
	return lw;
}

int
ui_text_width(Ui *ui, UiFont f, int size_px, const char *utf8)
{
	int w, h;

	render_text_size(ui->rd, f, ui_size_px(ui, size_px), utf8, &w, &h);
	return (int)lroundf((float)w / ui->scale);
}

int
ui_text_height(Ui *ui, UiFont f, int size_px)
{
	int h = render_font_height(ui->rd, f, ui_size_px(ui, size_px));

	return (int)lroundf((float)h / ui->scale);
}


/* The width of s[0..len) for textlayout: a terminated copy, measured. */
int
ui_measure(void *ctx, const char *s, size_t len)
{
	UiMeasure *m = ctx;

	if (len + 1 > m->cap) {
		size_t cap = m->cap ? m->cap : 256;
		while (cap < len + 1)
			cap *= 2;
		char *p = realloc(m->buf, cap);
		if (p == NULL)
			return INT_MAX;     /* too wide: one cluster a line */
		m->buf = p;
		m->cap = cap;
	}
	memcpy(m->buf, s, len);
	m->buf[len] = '\0';
	return ui_text_width(m->ui, m->f, m->size_px, m->buf);
}

/* The longest prefix of s (whole grapheme clusters, trailing spaces
** dropped) that, followed by "…", fits w; malloc'd, NULL when out of
** memory. */
static char *
ui_ellipsise(Ui *ui, UiFont f, int size_px, const char *s, int w)
{
	UiMeasure m = { ui, f, size_px, NULL, 0 };
	size_t len = strlen(s), p;
	int ew = ui_text_width(ui, f, size_px, UI_ELLIPSIS);
	char *out = NULL;

	p = textlayout_prefix(s, len, w - ew, ui_measure, &m);
	for (;;) {
		while (p > 0 && s[p - 1] == ' ')
			p--;
		free(out);
		if ((out = malloc(p + sizeof UI_ELLIPSIS)) == NULL)
			break;
		memcpy(out, s, p);
		memcpy(out + p, UI_ELLIPSIS, sizeof UI_ELLIPSIS);
		/* Kerning may make the whole a pixel wider than its parts. */
		int tw = ui_text_width(ui, f, size_px, out);
		if (tw <= w || p == 0)
			break;
		p = textlayout_prefix(s, p, ui_measure(&m, s, p) - (tw - w), ui_measure,
		                      &m);
	}
	free(m.buf);
	return out;
}

int
ui_text_fit(Ui *ui, int x, int y, int w, UiFont f, int size_px, UiColor c,
            UiAlign align, const char *utf8)
{
	return ui_text_fit_line(ui, x, y, w, f, size_px, c, align, 1, utf8);
}

/* One line in w; shrink: smaller type before an ellipsis. */
static int
ui_text_fit_line(Ui *ui, int x, int y, int w, UiFont f, int size_px,
                 UiColor c, UiAlign align, int shrink, const char *utf8)
{
	char *cut = NULL;
	const char *s = utf8;
	int tw, drawn;

	if (utf8 == NULL || utf8[0] == '\0')
		return 0;
	tw = ui_text_width(ui, f, size_px, utf8);
	if (shrink && tw > w && w > 0) {
		/* Shrink first (a name, a time range): down to three quarters,
		** never under the meta size; centred on the line it had. */
		int floor_px = size_px * 3 / 4;
		int small = (int)((long long)size_px * w / tw);
		int h0 = ui_text_height(ui, f, size_px);
		if (floor_px < TYPE_META)
			floor_px = size_px < TYPE_META ? size_px : TYPE_META;
		if (small > size_px - 1)
			small = size_px - 1;
		for (; small >= floor_px; small--) {
			int sw = ui_text_width(ui, f, small, utf8);
			if (sw <= w) {
				y += (h0 - ui_text_height(ui, f, small)) / 2;
				size_px = small;
				tw = sw;
				break;
			}
		}
	}
	if (tw > w && (cut = ui_ellipsise(ui, f, size_px, utf8, w)) != NULL) {
		s = cut;
		tw = ui_text_width(ui, f, size_px, s);
	}
	if (align == ALIGN_CENTER)
		x += (w - tw) / 2;
	else if (align == ALIGN_RIGHT)
		x += w - tw;
	drawn = ui_text(ui, x, y, f, size_px, c, s);
	free(cut);
	return drawn;
}

int
ui_text_line_height(int size_px)
{
	return size_px <= 22 ? (size_px * 7 + 2) / 5 : (size_px * 6 + 2) / 5;
}

/* textlayout breaks the lines; this draws them. When max_lines stops it,
** the last line takes the rest of the text, on one line, ellipsised. */
int
ui_text_box(Ui *ui, UiRect r, UiFont f, int size_px, UiColor c,
            UiAlign align, int max_lines, const char *utf8)
{
	int lh = ui_text_line_height(size_px);
	int fh = ui_text_height(ui, f, size_px);
	int n, cut = 0;
	size_t len;
	TextLine stack_lines[64], *lines = stack_lines;
	UiMeasure m = { ui, f, size_px, NULL, 0 };

	if (utf8 == NULL || utf8[0] == '\0')
		return 0;
	if (max_lines <= 0)
		max_lines = 1000;
	if (max_lines > 64 &&
	    (lines = malloc((size_t)max_lines * sizeof *lines)) == NULL)
		return 0;
	len = strlen(utf8);
	n = textlayout_break(utf8, len, r.w, ui_measure, &m, lines, max_lines);
	for (int k = 0; k < n; k++) {
		int y = r.y + k * lh + (lh - fh) / 2;
		const TextLine *l = &lines[k];

		if (k == n - 1 && l->next < len) {
			/* The rest goes on this line, cut to fit. */
			size_t rest = len - l->start;
			char *buf = malloc(rest + 1);
			if (buf == NULL)
				break;
			for (size_t j = 0; j < rest; j++) {
				char ch = utf8[l->start + j];
				buf[j] = ch == '\n' || ch == '\r' || ch == '\t' ? ' ' : ch;
			}
			buf[rest] = '\0';
			cut = ui_text_width(ui, f, size_px, buf) > r.w;
			ui_text_fit_line(ui, r.x, y, r.w, f, size_px, c, align, 0, buf);
			free(buf);
			break;
		}
		if (l->len == 0)
			continue;
		int tw = ui_measure(&m, utf8 + l->start, l->len);  /* and m.buf */
		int x = r.x;
		if (tw == INT_MAX)
			continue;           /* out of memory: m.buf is not the line */
		if (align == ALIGN_CENTER)
			x += (r.w - tw) / 2;
		else if (align == ALIGN_RIGHT)
			x += r.w - tw;
		ui_text(ui, x, y, f, size_px, c, m.buf);
	}
	if (n > 1 && !cut)
		ui_record_text(ui, (UiRect){ r.x, r.y, r.w, n * lh }, utf8, 1);
	free(m.buf);
	if (lines != stack_lines)
		free(lines);
	return n * lh;
}

void
ui_icon(Ui *ui, int cx, int cy, int size_px, UiColor c, uint32_t code)
{
	char s[5];
	int w, h;
	float sc = ui->scale;
	SDL_Texture *t;

	text_utf8_put(code, s);
	t = render_text(ui->rd, FONT_REGULAR, 1, ui_size_px(ui, size_px), c, s,
	                &w, &h);
	if (t == NULL)
		return;
	SDL_Rect dst = { (int)lroundf((float)cx * sc) - w / 2,
	                 (int)lroundf((float)cy * sc) - h / 2, w, h };
	SDL_RenderCopy(ui->r, t, NULL, &dst);
}

/* ---- hit regions ---- */

void
ui_hit(Ui *ui, UiRect r, AppAction action, int64_t arg, const char *label)
{
	UiRect vis;
	UiRect canvas = { 0, 0, ui->w, ui->h };

	if (!ui_intersect(r, canvas, &vis))
		return;
	if (ui->has_clip && !ui_intersect(vis, ui->clip, &vis))
		return;
	if (ui->n_hits == ui->cap_hits) {
		int cap = ui->cap_hits ? ui->cap_hits * 2 : 64;
		UiHitRec *p = realloc(ui->hits, (size_t)cap * sizeof *p);
		if (p == NULL)
			return;
		ui->hits = p;
		ui->cap_hits = cap;
	}
	ui->hits[ui->n_hits++] = (UiHitRec){
		vis, action, arg, label != NULL ? ui_arena_add(ui, label) : -1 };
}

/* ---- frames ---- */

void
ui_reader_banner_at(Ui *ui, UiRect r)
{
	ui->has_slot = 1;
	ui->slot = r;
}

int
ui_banner_slot(const Ui *ui, UiRect *out)
{
	if (!ui->has_slot)
		return 0;
	*out = ui->slot;
	return 1;
}

/* Starts a frame: the record emptied, no clip, the canvas cleared to bg. */
void
ui_frame_begin(Ui *ui, int scene, UiColor bg)
{
	render_frame_begin(ui->rd, scene);
	ui->n_texts = ui->n_hits = 0;
	ui->arena_len = 0;
	ui->has_slot = 0;
	ui_clip(ui, NULL);
	SDL_SetRenderDrawColor(ui->r, (uint8_t)(bg >> 16), (uint8_t)(bg >> 8),
	                       (uint8_t)bg, 255);
	SDL_RenderClear(ui->r);
}

void
ui_frame_end(Ui *ui)
{
	render_frame_end(ui->rd);
}
