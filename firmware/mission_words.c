/* mission_words.c -- a search's typed words tested on one mission's text
** in C, as missions_fts would match them: the board walks missions_board
** in order and keeps the missions that pass (borne_test, store.h) when a
** search matches too many missions to mark them all first (a first
** letter: "c" matches 82,000 of 100,000; see mission_list.c).
**
** The words are cut by FTS5's own tokenizer, made as missions_fts makes
** it (unicode61, remove_diacritics 2), so case and accents fold as the
** index folds them. Each typed word is an FTS5 phrase with a prefix star:
** its tokens must follow one another in one column, the last one a
** prefix of the mission's token, the others whole. A word that folds to
** no token matches everything, as FTS5 drops an empty phrase. */
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "borne.h"
#include "mission_impl.h"
#include "store.h"

/* A phrase's progress is a bitmask: one bit a token. */
#define WORDS_MAX_TOKENS 64

typedef struct WordsToken {
	size_t off, len;                 /* in MissionWords.text */
} WordsToken;

struct MissionWords {
	fts5_tokenizer tok;
	Fts5Tokenizer *inst;
	char          *text;             /* the phrases' folded tokens */
	size_t         len, size;
	WordsToken    *tokens;
	int            n_tokens, max_tokens;
	int            n_phrases;
	int            first[MISSION_WORDS_MAX], count[MISSION_WORDS_MAX];
	/* While testing a row: each phrase's bitmask, and which matched. */
	uint64_t       state[MISSION_WORDS_MAX];
	int            matched[MISSION_WORDS_MAX];
	int            n_matched;
	int            failed;           /* a BORNE_E* while making */
};

static int      words_api(Store *st, fts5_api **out);
static int      words_keep(void *ctx, int tflags, const char *token, int len,
                           int start, int end);
static int      words_see(void *ctx, int tflags, const char *token, int len,
                          int start, int end);

/* FTS5's API of this connection (SQLite's documented way). */
static int
words_api(Store *st, fts5_api **out)
{
	static const char sql[] = "SELECT fts5(?1)";
	sqlite3_stmt *stmt = NULL;
	int rc;

	*out = NULL;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_pointer(stmt, 1, (void *)out, "fts5_api_ptr", NULL);
	sqlite3_step(stmt);
	store_stmt_release(st, stmt);
	if (*out == NULL || (*out)->iVersion < 2)
		return store_set_error(st, BORNE_EDB, "searching missions: no FTS5");
	return BORNE_OK;
}

/* Keeps one token of the phrase being made. */
static int
words_keep(void *ctx, int tflags, const char *token, int len, int start,
           int end)
{
	MissionWords *w = ctx;
	size_t n = (size_t)len;

	(void)start;
	(void)end;
	if ((tflags & FTS5_TOKEN_COLOCATED) != 0)
		return SQLITE_OK;    /* unicode61 gives none; a synonym adds nothing */
	if (w->count[w->n_phrases] >= WORDS_MAX_TOKENS) {
		w->failed = BORNE_EREFUSED;
		return SQLITE_DONE;
	}
	if (w->n_tokens == w->max_tokens) {
		int m = w->max_tokens > 0 ? w->max_tokens * 2 : 16;
		WordsToken *t = realloc(w->tokens, (size_t)m * sizeof *t);

		if (t == NULL)
			goto nomem;
		w->tokens = t;
		w->max_tokens = m;
	}
	if (w->len + n + 1 > w->size) {
		size_t m = (w->len + n + 1) * 2;
		char *t = realloc(w->text, m);

		if (t == NULL)
			goto nomem;
		w->text = t;
		w->size = m;
	}
	memcpy(w->text + w->len, token, n);
	w->tokens[w->n_tokens].off = w->len;
	w->tokens[w->n_tokens].len = n;
	w->len += n;
	w->n_tokens++;
	w->count[w->n_phrases]++;
	return SQLITE_OK;
nomem:
	w->failed = BORNE_ENOMEM;
	return SQLITE_NOMEM;
}

int
mission_words_make(Store *st, const char *const *word, const size_t *len,
                   int n, MissionWords **out)
{
	const char *args[] = { "remove_diacritics", "2" };
	MissionWords *w;
	fts5_api *api = NULL;
	void *user = NULL;
	int rc;

	*out = NULL;
	if (n > MISSION_WORDS_MAX)
		return store_set_error(st, BORNE_EINVAL, "search: too many words");
	if ((rc = words_api(st, &api)) != BORNE_OK)
		return rc;
	if ((w = calloc(1, sizeof *w)) == NULL)
		return store_set_error(st, BORNE_ENOMEM, "searching missions: out of memory");
	if (api->xFindTokenizer(api, "unicode61", &user, &w->tok) != SQLITE_OK ||
	    w->tok.xCreate(user, args, 2, &w->inst) != SQLITE_OK) {
		w->inst = NULL;
		rc = store_set_error(st, BORNE_EDB, "searching missions: no unicode61");
		goto fail;
	}
	for (int i = 0; i < n; i++) {
		w->first[i] = w->n_tokens;
		w->count[i] = 0;
		w->n_phrases = i;
		if (w->tok.xTokenize(w->inst, w, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX,
		                     word[i], (int)len[i], words_keep) != SQLITE_OK ||
		    w->failed != BORNE_OK) {
			rc = w->failed != BORNE_OK ? w->failed : BORNE_EDB;
			if (rc != BORNE_EREFUSED)
				store_set_error(st, rc, "searching missions: cutting words");
			goto fail;
		}
	}
	w->n_phrases = n;
	*out = w;
	return BORNE_OK;
fail:
	mission_words_free(w);
	return rc;
}

/* One token of the mission's column: moves every phrase on. */
static int
words_see(void *ctx, int tflags, const char *token, int len, int start,
          int end)
{
	MissionWords *w = ctx;
	size_t n = (size_t)len;

	(void)start;
	(void)end;
	if ((tflags & FTS5_TOKEN_COLOCATED) != 0)
		return SQLITE_OK;
	for (int p = 0; p < w->n_phrases; p++) {
		const WordsToken *t = w->tokens + w->first[p];
		int k = w->count[p];
		uint64_t was = w->state[p], now = 0;

		if (w->matched[p] || k == 0)
			continue;
		for (int i = 0; i < k; i++) {
			int last = i == k - 1;

			if (i > 0 && (was & ((uint64_t)1 << (i - 1))) == 0)
				continue;
			if (last ? t[i].len <= n && memcmp(w->text + t[i].off, token, t[i].len) == 0
			         : t[i].len == n && memcmp(w->text + t[i].off, token, n) == 0)
				now |= (uint64_t)1 << i;
		}
		w->state[p] = now;
		if ((now & ((uint64_t)1 << (k - 1))) != 0) {
			w->matched[p] = 1;
			w->n_matched++;
		}
	}
	/* Every phrase found: nothing left to read in this row. */
	return w->n_matched == w->n_phrases ? SQLITE_DONE : SQLITE_OK;
}

int
mission_words_test(void *ctx, int argc, sqlite3_value **argv)
{
	MissionWords *w = ctx;

	w->n_matched = 0;
	for (int p = 0; p < w->n_phrases; p++) {
		w->matched[p] = w->count[p] == 0;
		w->n_matched += w->matched[p];
	}
	for (int c = 0; c < argc && w->n_matched < w->n_phrases; c++) {
		const char *s = (const char *)sqlite3_value_text(argv[c]);
		int rc;

		if (s == NULL)
			continue;
		/* A phrase's tokens follow one another in one column. */
		memset(w->state, 0, sizeof w->state);
		rc = w->tok.xTokenize(w->inst, w, FTS5_TOKENIZE_DOCUMENT, s,
		                      sqlite3_value_bytes(argv[c]), words_see);
		if (rc != SQLITE_OK && rc != SQLITE_DONE)
			return rc == SQLITE_NOMEM ? BORNE_ENOMEM : BORNE_EDB;
	}
	return w->n_matched == w->n_phrases;
}

void
mission_words_free(MissionWords *w)
{
	if (w == NULL)
		return;
	if (w->inst != NULL)
		w->tok.xDelete(w->inst);
	free(w->tokens);
	free(w->text);
	free(w);
}
