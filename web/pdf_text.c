/* pdf_text.c -- text in the back office's PDFs (see pdf_text.h). */
#include "pdf_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

static char *pdf_text_drawable(cairo_t *cr, const char *s);

cairo_status_t
pdf_text_write(void *closure, const unsigned char *data, unsigned int length)
{
	FILE *out = closure;

	return fwrite(data, 1, length, out) == length ? CAIRO_STATUS_SUCCESS :
	       CAIRO_STATUS_WRITE_ERROR;
}

void
pdf_text_font(cairo_t *cr, double size, int bold)
{
	cairo_select_font_face(cr, "Inter", CAIRO_FONT_SLANT_NORMAL,
	                       bold ? CAIRO_FONT_WEIGHT_BOLD :
	                       CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, size);
}

/* s as the current font can draw it, in a new string (NULL when out of
** memory): a character the face has no glyph for is left out. */
static char *
pdf_text_drawable(cairo_t *cr, const char *s)
{
	cairo_scaled_font_t *sf = cairo_get_scaled_font(cr);
	size_t len = strlen(s), o = 0;
	char *out = malloc(len + 1);

	if (out == NULL)
		return NULL;
	while (*s != '\0') {
		size_t n = text_prefix_bytes(s, 1);
		cairo_glyph_t *g = NULL;
		int ng = 0;

		if (n == 0)
			break;
		if (cairo_scaled_font_text_to_glyphs(sf, 0, 0, s, (int)n, &g, &ng,
		                                     NULL, NULL, NULL) ==
		    CAIRO_STATUS_SUCCESS && ng > 0 && g[0].index != 0) {
			memcpy(out + o, s, n);
			o += n;
		}
		cairo_glyph_free(g);
		s += n;
	}
	out[o] = '\0';
	return out;
}

void
pdf_text_show(cairo_t *cr, double x, double y, const char *s)
{
	char *d = pdf_text_drawable(cr, s);

	cairo_move_to(cr, x, y);
	cairo_show_text(cr, d != NULL ? d : s);
	free(d);
}

void
pdf_text_right(cairo_t *cr, double x_right, double y, const char *s)
{
	cairo_text_extents_t e;
	char *d = pdf_text_drawable(cr, s);
	const char *t = d != NULL ? d : s;

	cairo_text_extents(cr, t, &e);
	cairo_move_to(cr, x_right - e.x_advance, y);
	cairo_show_text(cr, t);
	free(d);
}
