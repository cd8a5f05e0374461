/* report_table.c -- the small table every report prints through (see
** report.h): aligned text columns, or RFC 4180 CSV (UTF-8, header row,
** CRLF) with cells that a spreadsheet would take for a formula made
** plain text. */
#include "report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "borne.h"
#include "report_impl.h"

struct ReportTable {
	int    n_cols;
	char **headers;
	char  *align;
	char **cells;            /* rows * n_cols, row-major */
	int   *is_total;
	int    n_rows, cap_rows;
};

static char   *dup_str(const char *s);
static size_t  utf8_width(const char *s);
static void    put_padded(FILE *out, const char *s, size_t width, char align);
static int     stream_status(FILE *out);
static int     csv_is_number(const char *s);
static int     csv_is_formula(const char *s);

static char *
dup_str(const char *s)
{
	size_t n;
	char *d;

	if (s == NULL)
		s = "";
	n = strlen(s) + 1;
	d = malloc(n);
	if (d != NULL)
		memcpy(d, s, n);
	return d;
}

/* Columns are measured in code points: every continuation byte is skipped.
** Wide characters (CJK, emoji) will be off by one; names are mostly Latin. */
static size_t
utf8_width(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

static void
put_padded(FILE *out, const char *s, size_t width, char align)
{
	size_t w = utf8_width(s);

	if (align == 'r')
		for (size_t i = w; i < width; i++)
			fputc(' ', out);
	fputs(s, out);
	if (align != 'r')
		for (size_t i = w; i < width; i++)
			fputc(' ', out);
}

/* A plain number ("-3", "12", "-1.5", "-2:30"): a minus sign, digits, and
** single separators . , : between digits. Nothing a spreadsheet would run. */
static int
csv_is_number(const char *s)
{
	int digits = 0;

	if (*s == '-')
		s++;
	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if ((*s == '.' || *s == ',' || *s == ':') && digits > 0 &&
		         s[1] >= '0' && s[1] <= '9')
			continue;
		else
			return 0;
	}
	return digits > 0;
}

/* A cell a spreadsheet would read as a formula (OWASP CSV injection):
** it begins with = + - @ TAB or CR and is not a plain number. */
static int
csv_is_formula(const char *s)
{
	if (s[0] == '\0' || strchr("=+-@\t\r", s[0]) == NULL)
		return 0;
	return !csv_is_number(s);
}

void
report_csv_field(FILE *out, const char *s)
{
	int formula;

	if (s == NULL)
		s = "";
	formula = csv_is_formula(s);
	if (!formula && strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	if (formula)
		fputc('\'', out);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

ReportTable *
report_table_new(int n_cols, const char *const *headers, const char *align)
{
	ReportTable *t;

	if (n_cols <= 0)
		return NULL;
	t = calloc(1, sizeof *t);
	if (t == NULL)
		return NULL;
	t->n_cols = n_cols;
	t->headers = calloc((size_t)n_cols, sizeof *t->headers);
	t->align = calloc((size_t)n_cols + 1, 1);
	if (t->headers == NULL || t->align == NULL)
		goto fail;
	for (int i = 0; i < n_cols; i++) {
		if ((t->headers[i] = dup_str(headers[i])) == NULL)
			goto fail;
		t->align[i] = (align != NULL && i < (int)strlen(align)) ?
		              align[i] : 'l';
	}
	return t;
fail:
	report_table_free(t);
	return NULL;
}

static int
table_push(ReportTable *t, const char *const *cells, int is_total)
{
	if (t->n_rows == t->cap_rows) {
		int cap = t->cap_rows == 0 ? 16 : t->cap_rows * 2;
		char **c = realloc(t->cells,
		                   (size_t)cap * (size_t)t->n_cols * sizeof *c);
		int *tot;

		if (c == NULL)
			return BORNE_ENOMEM;
		t->cells = c;
		tot = realloc(t->is_total, (size_t)cap * sizeof *tot);
		if (tot == NULL)
			return BORNE_ENOMEM;
		t->is_total = tot;
		t->cap_rows = cap;
	}
	for (int i = 0; i < t->n_cols; i++) {
		char *d = dup_str(cells[i]);

		if (d == NULL) {
			for (int j = 0; j < i; j++)
				free(t->cells[t->n_rows * t->n_cols + j]);
			return BORNE_ENOMEM;
		}
		t->cells[t->n_rows * t->n_cols + i] = d;
	}
	t->is_total[t->n_rows] = is_total;
	t->n_rows++;
	return BORNE_OK;
}

int
report_table_add(ReportTable *t, const char *const *cells)
{
	return table_push(t, cells, 0);
}

int
report_table_add_total(ReportTable *t, const char *const *cells)
{
	return table_push(t, cells, 1);
}

int
report_table_rows(const ReportTable *t)
{
	return t == NULL ? 0 : t->n_rows;
}

int
report_errno_rc(int err)
{
	if (err == ENOSPC || err == EDQUOT)
		return BORNE_EFULL;
	if (err == EROFS || err == EACCES || err == EPERM)
		return BORNE_EREADONLY;
	return BORNE_EIO;
}

static int
stream_status(FILE *out)
{
	errno = 0;
	if (fflush(out) != 0 || ferror(out))
		return report_errno_rc(errno);
	return BORNE_OK;
}

int
report_table_print(const ReportTable *t, ReportFormat fmt, FILE *out)
{
	size_t *width = NULL;
	int rc = BORNE_ENOMEM;

	if (fmt == REPORT_CSV) {
		for (int c = 0; c < t->n_cols; c++) {
			if (c > 0)
				fputc(',', out);
			report_csv_field(out, t->headers[c]);
		}
		fputs("\r\n", out);
		for (int r = 0; r < t->n_rows; r++) {
			if (t->is_total[r])
				continue;
			for (int c = 0; c < t->n_cols; c++) {
				if (c > 0)
					fputc(',', out);
				report_csv_field(out, t->cells[r * t->n_cols + c]);
			}
			fputs("\r\n", out);
		}
		return stream_status(out);
	}

	width = calloc((size_t)t->n_cols, sizeof *width);
	if (width == NULL)
		goto done;
	for (int c = 0; c < t->n_cols; c++)
		width[c] = utf8_width(t->headers[c]);
	for (int r = 0; r < t->n_rows; r++)
		for (int c = 0; c < t->n_cols; c++) {
			size_t w = utf8_width(t->cells[r * t->n_cols + c]);
			if (w > width[c])
				width[c] = w;
		}
	for (int r = -1; r < t->n_rows; r++) {
		if (r >= 0 && t->is_total[r]) {
			size_t all = 0;
			for (int c = 0; c < t->n_cols; c++)
				all += width[c] + (c > 0 ? 2 : 0);
			for (size_t i = 0; i < all; i++)
				fputc('-', out);
			fputc('\n', out);
		}
		for (int c = 0; c < t->n_cols; c++) {
			const char *s = r < 0 ? t->headers[c] :
			                t->cells[r * t->n_cols + c];
			int last = c == t->n_cols - 1;

			if (c > 0)
				fputs("  ", out);
			/* no trailing blanks after a left-aligned last column */
			put_padded(out, s, last && t->align[c] != 'r' ? 0 : width[c],
			           t->align[c]);
		}
		fputc('\n', out);
	}
	rc = stream_status(out);
done:
	free(width);
	return rc;
}

void
report_table_free(ReportTable *t)
{
	if (t == NULL)
		return;
	if (t->cells != NULL)
		for (int i = 0; i < t->n_rows * t->n_cols; i++)
			free(t->cells[i]);
	if (t->headers != NULL)
		for (int i = 0; i < t->n_cols; i++)
			free(t->headers[i]);
	free(t->headers);
	free(t->align);
	free(t->cells);
	free(t->is_total);
	free(t);
}
