/* render_state.h -- the renderer's insides, shared by its two files:
** render.c (fonts, shaping, the text cache) and render_shapes.c (the
** anti-aliased rounded shapes and their corner textures). Nothing else
** includes it: the rest of the kiosk sees Render through ui_internal.h. */
#ifndef BORNE_RENDER_STATE_H
#define BORNE_RENDER_STATE_H

#include "ui_internal.h"

#define FACE_ICON        FONT_COUNT        /* index of the icon font */
#define FACE_FALLBACK    (FONT_COUNT + 1)  /* DejaVu Sans */
#define FACE_FALLBACK_BOLD (FONT_COUNT + 2)
#define FACE_EMOJI       (FONT_COUNT + 3)  /* Symbola */
#define FACE_COUNT       (FONT_COUNT + 4)
#define SHAPE_STACK_TEXT 512               /* bytes kept off the heap */
#define WIDTH_SLOTS      2048              /* power of two */
#define WIDTH_MAX_BYTES  256               /* longer texts are not kept */
#define SHAPE_STACK_RUNS 16
#define TEXT_CACHE_MAX   900               /* textures */
/* The text cache's cap in bytes of texture (4 a pixel) until
** render_set_text_cap() says the window's. A bound only: the cache holds
** two screens' texts (render_frame_end), well under a window's worth. */
#define TEXT_CACHE_BYTES_DEFAULT (8L * 1024 * 1024)
#define TEXT_CACHE_BYTES_MIN     (256L * 1024)
#define TEXT_BUCKETS     1024               /* power of two */
#define CORNER_MAX       64
#define DISCS_MAX        4     /* cached sets of discs (render_discs) */
#define DISCS_N          8
#define FONT_MAX         96
#define SIZE_MIN_PX      6
#define SIZE_MAX_PX      600

/* A face's metrics at one size, kept so that measuring never has to
** resize the face's one TTF_Font. */
typedef struct FontSlot {
	int face, size_px;
	int height;
} FontSlot;

typedef struct TextEntry {
	struct TextEntry *hnext;             /* hash chain */
	struct TextEntry *prev, *next;       /* LRU: head is the newest */
	uint32_t hash;
	int face, size_px;
	UiColor color;
	unsigned long frame, scene_seq;      /* when last drawn */
	SDL_Texture *tex;
	int w, h;
	char *s;
} TextEntry;

/* The scripts HarfBuzz is told for right-to-left runs. */
enum RtlScript { RTL_NONE = 0, RTL_HEBR, RTL_ARAB, RTL_SYRC, RTL_THAA };

/* A string cut into runs of one face and one direction. text is what is
** drawn: sanitised, clusters no face has as U+FFFD; runs index into it. */
typedef struct TextRun {
	int face, rtl;                       /* rtl: 0, else a RtlScript */
	size_t start, len;
	int w;                               /* pixels, once measured */
} TextRun;

typedef struct TextShape {
	char *text;
	size_t len;
	TextRun *runs;
	int n_runs, cap_runs;
	int rtl_line;                        /* runs go right to left */
	char stack_text[SHAPE_STACK_TEXT];
	TextRun stack_runs[SHAPE_STACK_RUNS];
} TextShape;

/* A measured width: layout measures the same words every frame. */
typedef struct WidthSlot {
	uint32_t hash;
	int face, size_px, w;
	char *s;                             /* NULL: empty slot */
} WidthSlot;

typedef struct Corner {
	int radius_px, width_px;             /* width 0: filled */
	SDL_Texture *tex;
} Corner;

typedef struct DiscsSlot {
	int n, w, h;
	UiColor bg;
	RenderDisc d[DISCS_N];
	SDL_Texture *tex;                    /* NULL: empty slot */
} DiscsSlot;

struct Render {
	SDL_Renderer *r;
	char paths[FACE_COUNT][512];
	/* One TTF_Font per face (each carries its own FreeType and HarfBuzz
	** face and tables), sized on demand with TTF_SetFontSize. */
	TTF_Font *face_font[FACE_COUNT];
	int face_size_px[FACE_COUNT];
	int n_size_changes;
	FontSlot fonts[FONT_MAX];            /* metrics by (face, size) */
	int n_fonts;
	TextEntry *buckets[TEXT_BUCKETS];
	TextEntry *lru_head, *lru_tail;
	int n_text;
	long text_bytes, text_cap_bytes;
	long hits, misses, evictions;
	unsigned long frame, scene_seq;      /* render_frame_begin() counts */
	int scene;
	Corner corners[CORNER_MAX];
	int n_corners;
	DiscsSlot discs[DISCS_MAX];          /* the oldest made goes first */
	WidthSlot widths[WIDTH_SLOTS];
};

#endif
