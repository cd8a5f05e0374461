/* test_deploy_conf.c -- the packaged /etc/borne/borne.conf documents every
** key of firmware/config_def.h with its real default, and nothing else.
** Run on the file the build writes (cmake/borne_conf.cmake):
**   test_deploy_conf BUILD/deploy/borne.conf
** As shipped (every key commented out) it loads with no warning; with every
** "#key = value" line uncommented it still loads with no warning and each
** key holds its config_def.h default: the file names no unknown key, shows
** no default that is not the real one, and leaves no key out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "borne.h"
#include "check.h"
#include "config.h"

typedef struct Warnings {
	int n;
	char all[8192];
} Warnings;

static void collect(const char *line, void *ctx);
static char *read_all(const char *path, size_t *len);
static char *uncomment_keys(const char *text, size_t len, size_t *out_len,
                            int *n_keys);
static int has_line(const char *text, const char *line);

static void
collect(const char *line, void *ctx)
{
	Warnings *w = ctx;
	size_t used = strlen(w->all);

	w->n++;
	snprintf(w->all + used, sizeof w->all - used, "%s\n", line);
}

/* The whole file, NUL-terminated; NULL if it cannot be read. */
static char *
read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	*len = 0;
	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0)
		goto done;
	if ((buf = malloc((size_t)n + 1)) == NULL)
		goto done;
	if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
		goto done;
	}
	buf[n] = '\0';
	*len = (size_t)n;
done:
	fclose(f);
	return buf;
}

/* A copy of text where every "#key = value" line (a '#' straight before
** a lower-case key and " =") loses its '#'; counts them in *n_keys. */
static char *
uncomment_keys(const char *text, size_t len, size_t *out_len, int *n_keys)
{
	char *out = malloc(len + 1);
	size_t o = 0;
	const char *p = text, *end = text + len;

	*n_keys = 0;
	if (out == NULL)
		return NULL;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl != NULL ? nl + 1 : end;
		const char *k = p + 1;

		while (k < eol && ((*k >= 'a' && *k <= 'z') || *k == '_' ||
		                   (*k >= '0' && *k <= '9')))
			k++;
		if (p[0] == '#' && k > p + 1 && eol - k >= 2 &&
		    k[0] == ' ' && k[1] == '=') {
			p++;
			(*n_keys)++;
		}
		memcpy(out + o, p, (size_t)(eol - p));
		o += (size_t)(eol - p);
		p = eol;
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}

/* 1 when text has a line that is exactly line. */
static int
has_line(const char *text, const char *line)
{
	size_t n = strlen(line);
	const char *p = text;

	while ((p = strstr(p, line)) != NULL) {
		if ((p == text || p[-1] == '\n') && (p[n] == '\n' || p[n] == '\0'))
			return 1;
		p += n;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "deploy/borne.conf";
	const char *key, *def, *help;
	char *text = NULL, *open_text = NULL;
	size_t len = 0, open_len = 0;
	Config *cfg = NULL;
	Warnings w;
	int n_keys = 0, n_lines = 0;

	text = read_all(path, &len);
	CHECK(text != NULL);
	if (text == NULL) {
		fprintf(stderr, "cannot read %s\n", path);
		return check_done();
	}

	/* As shipped: every line a comment, the kiosk runs on defaults. */
	memset(&w, 0, sizeof w);
	CHECK_INT(config_load(path, &cfg, collect, &w), BORNE_OK);
	CHECK_INT(w.n, 0);
	if (w.n != 0)
		fprintf(stderr, "%s", w.all);
	config_free(cfg);
	cfg = NULL;

	/* Every key: its help line, then "#key = default". */
	for (int i = 0; config_key_at(i, &key, &def, &help) == BORNE_OK; i++) {
		char line[512], comment[512];

		n_keys++;
		if (def[0] == '\0')
			snprintf(line, sizeof line, "#%s =", key);
		else
			snprintf(line, sizeof line, "#%s = %s", key, def);
		snprintf(comment, sizeof comment, "# %s.", help);
		if (!has_line(text, line))
			fprintf(stderr, "%s: no line '%s'\n", path, line);
		CHECK(has_line(text, line));
		if (!has_line(text, comment))
			fprintf(stderr, "%s: no line '%s'\n", path, comment);
		CHECK(has_line(text, comment));
	}
	CHECK(n_keys > 10);

	/* Uncommented: the shown values are accepted and are the defaults. */
	open_text = uncomment_keys(text, len, &open_len, &n_lines);
	CHECK(open_text != NULL);
	if (open_text == NULL)
		goto done;
	CHECK_INT(n_lines, n_keys);
	memset(&w, 0, sizeof w);
	CHECK_INT(config_load_mem("uncommented borne.conf", open_text, open_len,
	                          &cfg, collect, &w), BORNE_OK);
	CHECK_INT(w.n, 0);
	if (w.n != 0)
		fprintf(stderr, "%s", w.all);
	for (int i = 0; cfg != NULL &&
	     config_key_at(i, &key, &def, &help) == BORNE_OK; i++)
		CHECK_STR(config_get(cfg, key), def);
	config_free(cfg);

	/* The check itself catches a wrong default and an unknown key. */
	{
		static const char wrong[] = "#idle_timeout_s = 61\n#colour = blue\n";
		char *o = uncomment_keys(wrong, sizeof wrong - 1, &open_len, &n_lines);

		CHECK(o != NULL);
		CHECK_INT(n_lines, 2);
		memset(&w, 0, sizeof w);
		cfg = NULL;
		CHECK_INT(config_load_mem("wrong", o, open_len, &cfg, collect, &w),
		          BORNE_OK);
		CHECK_INT(w.n, 1);
		CHECK_CONTAINS(w.all, "colour");
		CHECK(cfg != NULL && strcmp(config_get(cfg, "idle_timeout_s"), "60") != 0);
		config_free(cfg);
		free(o);
	}
done:
	free(open_text);
	free(text);
	return check_done();
}
