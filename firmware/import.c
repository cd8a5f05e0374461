/* import.c -- members from a CSV file, all or nothing (see import.h).
** Two passes: the whole file is parsed and every row checked first, with
** nothing written; only then are the members added, inside one
** transaction that is rolled back if any add fails. So a file with one
** bad row leaves the database exactly as it was. */
#include "import.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define CSV_MAX_COLS 16
#define SHOWN_SIZE   41          /* a field quoted in a message, bytes */

enum { COL_NAME = 0, COL_ROLE, COL_BADGE, COL_MINOR, COL_COUNT };

/* Reads one record at a time from the text; fields live in buf. */
typedef struct CsvReader {
	const char *p, *end;
	int     line;            /* physical line of p, from 1 */
	char   *buf;
	size_t  len, cap;
	size_t  off[CSV_MAX_COLS];
	int     n;
} CsvReader;

static int  csv_put(CsvReader *r, char c);
static int  csv_next(CsvReader *r, int *start_line, char *err, size_t errlen);
static const char *csv_field(const CsvReader *r, int i);
static int  trim_copy(char *out, size_t outlen, const char *s);
static const char *shown(char out[SHOWN_SIZE], const char *s);
static int  seterr(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int  map_header(const CsvReader *r, int map[COL_COUNT], char *err,
                       size_t errlen);
static int  check_row(const CsvReader *r, const int map[COL_COUNT], int line,
                      ImportRow *row, char *err, size_t errlen);
static int  read_file(const char *path, char **text, size_t *len, char *err,
                      size_t errlen);

static int
seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err != NULL && errlen > 0) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return BORNE_EINVAL;
}

static int
csv_put(CsvReader *r, char c)
{
	if (r->len + 1 >= r->cap) {
		size_t cap = r->cap == 0 ? 256 : r->cap * 2;
		char *b = realloc(r->buf, cap);

		if (b == NULL)
			return BORNE_ENOMEM;
		r->buf = b;
		r->cap = cap;
	}
	r->buf[r->len++] = c;
	return BORNE_OK;
}

static const char *
csv_field(const CsvReader *r, int i)
{
	return r->buf + r->off[i];
}

/* Reads the next record. Returns 1 with r->n fields, 0 at the end of the
** text, BORNE_EINVAL (err says why) or BORNE_ENOMEM. A line ends with LF
** or CRLF; a quoted field may hold commas, quotes doubled, and newlines. */
static int
csv_next(CsvReader *r, int *start_line, char *err, size_t errlen)
{
	r->len = 0;
	r->n = 0;
	*start_line = r->line;
	if (r->p >= r->end)
		return 0;
	for (;;) {
		if (r->n == CSV_MAX_COLS)
			return seterr(err, errlen, "line %d: more than %d fields",
			              *start_line, CSV_MAX_COLS);
		r->off[r->n++] = r->len;
		if (r->p < r->end && *r->p == '"') {
			int open_line = r->line;

			r->p++;
			for (;;) {
				if (r->p >= r->end)
					return seterr(err, errlen, "line %d: unbalanced quote "
					              "(the quoted field is never closed)",
					              open_line);
				if (*r->p == '"') {
					if (r->p + 1 < r->end && r->p[1] == '"') {
						if (csv_put(r, '"') != BORNE_OK)
							return BORNE_ENOMEM;
						r->p += 2;
						continue;
					}
					r->p++;
					break;
				}
				if (*r->p == '\n')
					r->line++;
				if (csv_put(r, *r->p++) != BORNE_OK)
					return BORNE_ENOMEM;
			}
			if (r->p < r->end && *r->p != ',' && *r->p != '\n' &&
			    !(*r->p == '\r' && r->p + 1 < r->end && r->p[1] == '\n'))
				return seterr(err, errlen, "line %d: unbalanced quote "
				              "(text after a closing quote)", r->line);
		} else {
			while (r->p < r->end && *r->p != ',' && *r->p != '\n' &&
			       !(*r->p == '\r' && r->p + 1 < r->end &&
			         r->p[1] == '\n')) {
				if (*r->p == '"')
					return seterr(err, errlen, "line %d: unbalanced quote "
					              "(a quote inside an unquoted field)",
					              r->line);
				if (csv_put(r, *r->p++) != BORNE_OK)
					return BORNE_ENOMEM;
			}
		}
		if (csv_put(r, '\0') != BORNE_OK)
			return BORNE_ENOMEM;
		if (r->p >= r->end)
			return 1;
		if (*r->p == ',') {
			r->p++;
			continue;
		}
		r->p += *r->p == '\r' ? 2 : 1;   /* CRLF or LF */
		r->line++;
		return 1;
	}
}

/* s without its blanks around into out: 0, or -1 when it does not fit
** (out then holds its beginning, for messages). */
static int
trim_copy(char *out, size_t outlen, const char *s)
{
	size_t n;
	int rc = 0;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n >= outlen) {
		n = outlen - 1;
		rc = -1;
	}
	memcpy(out, s, n);
	out[n] = '\0';
	return rc;
}

/* A field as a message may quote it: at most 40 bytes of whole
** characters, any byte of invalid UTF-8 or control character as '?'. */
static const char *
shown(char out[SHOWN_SIZE], const char *s)
{
	size_t n = 0;

	if (text_check(s, (size_t)-1 / 8, TEXT_SINGLE_LINE, 0, NULL, 0) ==
	    BORNE_OK) {
		text_copy(out, SHOWN_SIZE, s);
		return out;
	}
	for (; *s != '\0' && n < SHOWN_SIZE - 1; s++)
		out[n++] = (unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7F ?
		           '?' : *s;
	out[n] = '\0';
	return out;
}

static int
map_header(const CsvReader *r, int map[COL_COUNT], char *err, size_t errlen)
{
	static const char *const names[COL_COUNT] = {
		"name", "role", "badge", "minor"
	};
	char h[64], quoted[SHOWN_SIZE];

	for (int c = 0; c < COL_COUNT; c++)
		map[c] = -1;
	for (int i = 0; i < r->n; i++) {
		int found = -1;

		trim_copy(h, sizeof h, csv_field(r, i));
		for (char *q = h; *q != '\0'; q++)
			if (*q >= 'A' && *q <= 'Z')
				*q = (char)(*q - 'A' + 'a');
		for (int c = 0; c < COL_COUNT; c++)
			if (strcmp(h, names[c]) == 0)
				found = c;
		if (found < 0)
			return seterr(err, errlen, "line 1: header: unknown column "
			              "\"%s\" (expected name,role,badge,minor)",
			              shown(quoted, h));
		if (map[found] >= 0)
			return seterr(err, errlen, "line 1: header: column \"%s\" "
			              "appears twice", h);
		map[found] = i;
	}
	for (int c = 0; c < COL_COUNT; c++)
		if (map[c] < 0)
			return seterr(err, errlen, "line 1: header: column \"%s\" is "
			              "missing (expected name,role,badge,minor)",
			              names[c]);
	return BORNE_OK;
}

static int
check_row(const CsvReader *r, const int map[COL_COUNT], int line,
          ImportRow *row, char *err, size_t errlen)
{
	char why[128], v[64], uerr[128], q[SHOWN_SIZE];
	const char *name = csv_field(r, map[COL_NAME]);

	memset(row, 0, sizeof *row);
	row->line = line;
	if (r->n != COL_COUNT)
		return seterr(err, errlen, "line %d: expected %d fields, found %d",
		              line, COL_COUNT, r->n);
	if (text_check(name, BORNE_NAME_MAX_CH, TEXT_SINGLE_LINE, 1, why,
	               sizeof why) != BORNE_OK)
		return seterr(err, errlen, "line %d: name: %s", line, why);
	snprintf(row->name, sizeof row->name, "%s", name);

	if (trim_copy(v, sizeof v, csv_field(r, map[COL_ROLE])) != 0 ||
	    member_role_parse(v, &row->role) != BORNE_OK)
		return seterr(err, errlen, "line %d: role: unknown role \"%s\" "
		              "(cooperator, coworker, facilitator or admin)", line,
		              shown(q, v));

	/* A field too long for any badge is refused whole, never cut. */
	if (trim_copy(v, sizeof v, csv_field(r, map[COL_BADGE])) != 0)
		return seterr(err, errlen, "line %d: badge: \"%s...\" is too "
		              "long for a badge", line, shown(q, v));
	if (v[0] != '\0') {
		if (uid_parse(v, UID_DEC_LSB_FIRST, &row->badge, uerr,
		              sizeof uerr) != BORNE_OK)
			return seterr(err, errlen, "line %d: badge: \"%s\": %s",
			              line, shown(q, v), uerr);
		row->has_badge = 1;
	}

	if (trim_copy(v, sizeof v, csv_field(r, map[COL_MINOR])) != 0)
		return seterr(err, errlen, "line %d: minor: \"%s...\" is not 1 "
		              "or 0", line, shown(q, v));
	if (strcmp(v, "1") == 0)
		row->minor = 1;
	else if (strcmp(v, "0") == 0)
		row->minor = 0;
	else
		return seterr(err, errlen, "line %d: minor: \"%s\" is not 1 or 0",
		              line, shown(q, v));
	return BORNE_OK;
}

int
import_members_parse(const char *text, size_t len, ImportRow **rows,
                     int *n_rows, char *err, size_t errlen)
{
	CsvReader r;
	ImportRow *out = NULL;
	int map[COL_COUNT], n = 0, cap = 0, line, got, rc;

	*rows = NULL;
	*n_rows = 0;
	if (err != NULL && errlen > 0)
		err[0] = '\0';
	memset(&r, 0, sizeof r);
	r.p = text;
	r.end = text + len;
	r.line = 1;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		r.p += 3;
	if (len > IMPORT_MAX_BYTES)
		return seterr(err, errlen, "file is larger than %d bytes",
		              IMPORT_MAX_BYTES);
	if (memchr(text, '\0', len) != NULL) {
		const char *z = memchr(text, '\0', len);
		int zl = 1;

		for (const char *q = text; q < z; q++)
			zl += *q == '\n';
		return seterr(err, errlen, "line %d: has a NUL byte (not a text "
		              "file?)", zl);
	}

	if ((got = csv_next(&r, &line, err, errlen)) <= 0) {
		rc = got == 0 ? seterr(err, errlen, "file is empty (expected a "
		                       "header row name,role,badge,minor)") : got;
		goto fail;
	}
	if ((rc = map_header(&r, map, err, errlen)) != BORNE_OK)
		goto fail;

	while ((got = csv_next(&r, &line, err, errlen)) == 1) {
		if (r.n == 1 && csv_field(&r, 0)[0] == '\0')
			continue;        /* a blank line */
		if (n == IMPORT_MAX_ROWS) {
			rc = seterr(err, errlen, "line %d: more than %d members in one "
			            "file", line, IMPORT_MAX_ROWS);
			goto fail;
		}
		if (n == cap) {
			int ncap = cap == 0 ? 64 : cap * 2;
			ImportRow *o = realloc(out, (size_t)ncap * sizeof *o);

			if (o == NULL) {
				rc = BORNE_ENOMEM;
				goto fail;
			}
			out = o;
			cap = ncap;
		}
		if ((rc = check_row(&r, map, line, &out[n], err, errlen))
		    != BORNE_OK)
			goto fail;
		for (int i = 0; i < n; i++)
			if (out[n].has_badge && out[i].has_badge &&
			    uid_equal(&out[i].badge, &out[n].badge)) {
				char hex[UID_HEX_SIZE];

				uid_format(&out[n].badge, hex);
				rc = seterr(err, errlen, "line %d: badge: %s is already "
				            "given on line %d", line, hex, out[i].line);
				goto fail;
			}
		n++;
	}
	if (got < 0) {
		rc = got;
		goto fail;
	}
	if (n == 0) {
		rc = seterr(err, errlen, "no member in the file (only a header)");
		goto fail;
	}
	free(r.buf);
	*rows = out;
	*n_rows = n;
	return BORNE_OK;
fail:
	free(r.buf);
	free(out);
	return rc;
}

static int
read_file(const char *path, char **text, size_t *len, char *err,
          size_t errlen)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0;
	int rc = BORNE_EIO;

	*text = NULL;
	*len = 0;
	if (f == NULL) {
		seterr(err, errlen, "%s: %s", path, strerror(errno));
		return BORNE_EIO;
	}
	for (;;) {
		size_t got;

		if (n == cap) {
			char *b;

			if (cap > IMPORT_MAX_BYTES) {
				rc = seterr(err, errlen, "%s: file is larger than %d bytes",
				            path, IMPORT_MAX_BYTES);
				goto done;
			}
			cap = cap == 0 ? 65536 : cap * 2;
			if ((b = realloc(buf, cap)) == NULL) {
				rc = BORNE_ENOMEM;
				goto done;
			}
			buf = b;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		seterr(err, errlen, "%s: read error (is it a directory?)", path);
		goto done;
	}
	*text = buf;
	*len = n;
	buf = NULL;
	rc = BORNE_OK;
done:
	free(buf);
	fclose(f);
	return rc;
}

int
import_members_csv(Store *st, const char *path, int64_t actor_id,
                   int64_t now_utc, int *n_added, char *err, size_t errlen)
{
	char *text = NULL;
	size_t len = 0;
	int rc;

	*n_added = 0;
	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if ((rc = read_file(path, &text, &len, err, errlen)) == BORNE_OK)
		rc = import_members_text(st, text, len, actor_id, now_utc, n_added,
		                         err, errlen);
	free(text);
	return rc;
}

int
import_members_text(Store *st, const char *text, size_t len,
                    int64_t actor_id, int64_t now_utc, int *n_added,
                    char *err, size_t errlen)
{
	ImportRow *rows = NULL;
	int n = 0, rc, began = 0;

	*n_added = 0;
	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if ((rc = import_members_parse(text, len, &rows, &n, err, errlen))
	    != BORNE_OK)
		goto done;
	/* Badges already enrolled: said before writing, with the line. */
	for (int i = 0; i < n; i++) {
		Member m;
		char hex[UID_HEX_SIZE];

		if (!rows[i].has_badge)
			continue;
		rc = member_by_badge(st, &rows[i].badge, &m);
		if (rc == BORNE_ENOTFOUND)
			continue;
		if (rc != BORNE_OK) {
			seterr(err, errlen, "%s", store_errmsg(st));
			goto done;
		}
		uid_format(&rows[i].badge, hex);
		rc = seterr(err, errlen, "line %d: badge: %s already belongs to "
		            "member #%lld", rows[i].line, hex, (long long)m.id);
		goto done;
	}
	if ((rc = store_begin(st)) != BORNE_OK) {
		seterr(err, errlen, "%s", store_errmsg(st));
		goto done;
	}
	began = 1;
	for (int i = 0; i < n; i++) {
		int64_t id;

		rc = member_add(st, rows[i].name, rows[i].role, rows[i].minor,
		                rows[i].has_badge ? &rows[i].badge : NULL, NULL,
		                actor_id, now_utc, &id);
		if (rc != BORNE_OK) {
			seterr(err, errlen, "line %d: %s", rows[i].line,
			       store_errmsg(st));
			goto done;
		}
	}
	if ((rc = store_commit(st)) != BORNE_OK) {
		began = 0;           /* store_commit rolled back */
		seterr(err, errlen, "%s", store_errmsg(st));
		goto done;
	}
	began = 0;
	*n_added = n;
done:
	if (began)
		store_rollback(st);
	free(rows);
	return rc;
}
