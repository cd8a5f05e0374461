/* ui_text.c -- blocks of text that must not be cut: the end of text
** being typed with its cursor, text that shrinks then wraps (into a
** paragraph, or centred on a list's row), and a long
** text read a part at a time (see ui.h). Beside ui.c, which draws single
** lines and plain paragraphs. */
#include "ui_internal.h"
#include "ui_state.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "textlayout.h"

/* Text being typed: wrapped in r, its LAST max_lines lines shown (the
** end, where typing goes on, never cut off by "…"), and with caret set
** the cursor after the last character (on a new line after a newline). */
int
ui_text_box_end(Ui *ui, UiRect r, UiFont f, int size_px, UiColor c,
                int max_lines, const char *utf8, int caret, UiColor caret_c)
{
	int lh = ui_text_line_height(size_px);
	int fh = ui_text_height(ui, f, size_px);
	int n = 0, first, cx = r.x, cy_line = 0, cap;
	size_t len = utf8 != NULL ? strlen(utf8) : 0;
	TextLine *lines;
	UiMeasure m = { ui, f, size_px, NULL, 0 };

	if (max_lines <= 0)
		max_lines = 1;
	cap = (int)len + 1;             /* a line holds one character at least */
	if ((lines = malloc((size_t)cap * sizeof *lines)) == NULL)
		return 0;
	if (len > 0)
		n = textlayout_break(utf8, len, r.w - 4, ui_measure, &m, lines, cap);
	/* The caret's line: after the last one when the text ends in a
	** newline (or is empty), else at the end of the last one. */
	if (n == 0 || utf8[len - 1] == '\n')
		cy_line = n;
	else
		cy_line = n - 1;
	first = cy_line + 1 > max_lines ? cy_line + 1 - max_lines : 0;
	for (int k = first; k < n; k++) {
		const TextLine *l = &lines[k];
		int y = r.y + (k - first) * lh + (lh - fh) / 2;
		int tw;

		if (l->len == 0)
			continue;
		tw = ui_measure(&m, utf8 + l->start, l->len);
		if (tw == INT_MAX)
			continue;
		ui_text(ui, r.x, y, f, size_px, c, m.buf);
		if (k == cy_line)
			cx = r.x + tw;
	}
	if (n > 0 && first < n)
		ui_record_text(ui, (UiRect){ r.x, r.y, r.w, (n - first) * lh },
		               utf8 + lines[first].start, 1);
	if (caret)
		ui_fill(ui, (UiRect){ cx + 1, r.y + (cy_line - first) * lh +
		        (lh - fh) / 2, 2, fh }, caret_c);
	free(m.buf);
	free(lines);
	return (cy_line - first + 1) * lh;
}

int
ui_text_wrap(Ui *ui, UiRect r, UiFont f, int size_px, int min_px, UiColor c,
             UiAlign align, int max_lines, const char *utf8)
{
	TextLine lines[16];
	size_t len;
	int px = size_px;

	if (utf8 == NULL || utf8[0] == '\0')
		return 0;
	if (max_lines <= 0 || max_lines > 16)
		max_lines = 16;
	if (min_px > size_px)
		min_px = size_px;
	len = strlen(utf8);
	for (; px > min_px; px--) {
		UiMeasure m = { ui, f, px, NULL, 0 };
		int n = textlayout_break(utf8, len, r.w, ui_measure, &m, lines,
		                         max_lines);
		int whole = n < max_lines || lines[n - 1].next >= len;
		int wide = 0;
		for (int k = 0; whole && k < n && !wide; k++)
			wide = ui_measure(&m, utf8 + lines[k].start, lines[k].len) > r.w;
		free(m.buf);
		if (whole && !wide)
			break;
	}
	return ui_text_box(ui, r, f, px, c, align, max_lines, utf8);
}

int
ui_text_part(Ui *ui, UiRect r, UiFont f, int size_px, UiColor c, int first,
             const char *utf8, int *n_lines)
{
	int lh = ui_text_line_height(size_px);
	int fh = ui_text_height(ui, f, size_px);
	int n, fit = lh > 0 ? r.h / lh : 0, max = BORNE_DESC_MAX_CH + 1;
	size_t len, from, to;
	TextLine *lines;
	UiMeasure m = { ui, f, size_px, NULL, 0 };
	char *shown;

	*n_lines = 0;
	if (utf8 == NULL || utf8[0] == '\0')
		return lh;
	len = strlen(utf8);
	if ((size_t)max < len + 1)
		max = (int)len + 1;     /* a line holds one character at least */
	if ((lines = malloc((size_t)max * sizeof *lines)) == NULL)
		return lh;
	n = textlayout_break(utf8, len, r.w, ui_measure, &m, lines, max);
	*n_lines = n;
	if (first > n - fit)
		first = n - fit;
	if (first < 0)
		first = 0;
	for (int k = first; k < n && k < first + fit; k++) {
		const TextLine *l = &lines[k];
		int tw;

		if (l->len == 0)
			continue;
		tw = ui_measure(&m, utf8 + l->start, l->len);
		if (tw == INT_MAX)
			continue;
		ui_text(ui, r.x, r.y + (k - first) * lh + (lh - fh) / 2, f, size_px,
		        c, m.buf);
	}
	/* What a person sees, as one text for `expect-text`. */
	if (n > 0 && fit > 0) {
		int last = first + fit < n ? first + fit - 1 : n - 1;

		from = lines[first].start;
		to = lines[last].start + lines[last].len;
		if (to > from && (shown = malloc(to - from + 1)) != NULL) {
			for (size_t j = from; j < to; j++)
				shown[j - from] = utf8[j] == '\n' || utf8[j] == '\r' ||
				                  utf8[j] == '\t' ? ' ' : utf8[j];
			shown[to - from] = '\0';
			ui_record_text(ui, (UiRect){ r.x, r.y, r.w, (last - first + 1)
			               * lh }, shown, 1);
			free(shown);
		}
	}
	free(m.buf);
	free(lines);
	return lh;
}

int
ui_text_fit_wrap(Ui *ui, UiRect r, UiFont f, int size_px, int min_px,
                 UiColor c, UiAlign align, int max_lines, const char *utf8)
{
	TextLine lines[16];
	UiMeasure m;
	size_t len;
	int px, n, lh, h;

	if (utf8 == NULL || utf8[0] == '\0')
		return 0;
	if (min_px > size_px)
		min_px = size_px;
	if (max_lines <= 0 || max_lines > 16)
		max_lines = 16;
	/* One line, as large as fits. */
	for (px = size_px; px >= min_px; px--) {
		int tw = ui_text_width(ui, f, px, utf8);

		if (tw <= r.w) {
			int th = ui_text_height(ui, f, px);
			ui_text_fit(ui, r.x, r.y + (r.h - th) / 2, r.w, f, px, c, align,
			            utf8);
			return th;
		}
	}
	/* Then lines at the smallest size, as many as the text needs. */
	len = strlen(utf8);
	m = (UiMeasure){ ui, f, min_px, NULL, 0 };
	n = textlayout_break(utf8, len, r.w, ui_measure, &m, lines, max_lines);
	free(m.buf);
	if (n < 1)
		n = 1;
	lh = ui_text_line_height(min_px);
	h = n * lh;
	return ui_text_box(ui, (UiRect){ r.x, r.y + (r.h - h) / 2, r.w, h }, f,
	                   min_px, c, align, max_lines, utf8);
}
