/* pdf_text.h -- what the back office's PDFs (report_pdf.c, quote_pdf.c)
** share: cairo writing to a FILE, the kiosk's font, and text drawn only
** with characters the font has (an emoji in a title is left out, never
** printed as an empty box). */
#ifndef BORNE_PDF_TEXT_H
#define BORNE_PDF_TEXT_H

#include <cairo.h>

/* A cairo_write_func_t writing to the FILE * in closure. */
cairo_status_t pdf_text_write(void *closure, const unsigned char *data,
                              unsigned int length);
/* Selects Inter (any sans face when it is missing) at size, bold or not. */
void pdf_text_font(cairo_t *cr, double size, int bold);
/* Draws s with its baseline starting at (x, y). */
void pdf_text_show(cairo_t *cr, double x, double y, const char *s);
/* Draws s with its baseline ending at (x_right, y). */
void pdf_text_right(cairo_t *cr, double x_right, double y, const char *s);

#endif
