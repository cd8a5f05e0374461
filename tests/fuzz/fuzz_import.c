/* fuzz_import.c -- the CSV member import (import.c).
** The input is the whole file. It is parsed alone (import_members_parse),
** then imported into one in-memory store inside a transaction that is
** rolled back after each run, so every run starts from the same members.
** Invariants: parsed rows hold a valid name, role, badge and minor; the
** import adds exactly the parsed rows or nothing (with a message); every
** imported badge finds its member by that name; a refusal is one line
** of valid UTF-8. */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "borne.h"
#include "import.h"
#include "member.h"
#include "store.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static Store *st;

static long long
count_members(void)
{
	sqlite3_stmt *q = NULL;
	long long n = -1;

	if (sqlite3_prepare_v2(store_db(st), "SELECT count(*) FROM members", -1,
	                       &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
		n = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return n;
}

static void
open_store(void)
{
	static const uint8_t known[4] = { 0x04, 0xA1, 0xB2, 0xC3 };
	char err[256];
	BadgeUid u;
	int64_t id;

	if (store_open(":memory:", &st, err, sizeof err) != BORNE_OK) {
		fprintf(stderr, "fuzz_import: store_open: %s\n", err);
		abort();
	}
	/* One member already enrolled: a file giving her badge is refused. */
	uid_from_bytes(known, sizeof known, &u);
	if (member_add(st, "Inès Martin", ROLE_COOPERATOR, 0, &u, NULL, 0, 1000,
	               &id) != BORNE_OK)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ImportRow *rows = NULL;
	char err[256];
	int n_rows = 0, n_added = -1, rc_parse, rc;
	long long before, after;

	if (st == NULL)
		open_store();
	err[0] = '\0';
	rc_parse = import_members_parse((const char *)data, size, &rows, &n_rows,
	                                err, sizeof err);
	if (rc_parse == BORNE_OK) {
		if (rows == NULL || n_rows <= 0 || n_rows > IMPORT_MAX_ROWS)
			abort();
		for (int i = 0; i < n_rows; i++) {
			const ImportRow *r = &rows[i];

			if (text_check(r->name, BORNE_NAME_MAX_CH, TEXT_SINGLE_LINE, 1,
			               NULL, 0) != BORNE_OK ||
			    (unsigned)r->role > (unsigned)ROLE_ADMIN ||
			    (r->minor != 0 && r->minor != 1) || r->line < 2 ||
			    (i > 0 && r->line <= rows[i - 1].line) ||
			    (r->has_badge && r->badge.len != 4 && r->badge.len != 7 &&
			     r->badge.len != 10))
				abort();
		}
	} else if (rows != NULL || n_rows != 0 ||
	           (rc_parse == BORNE_EINVAL &&
	            text_check(err, 1000, TEXT_SINGLE_LINE, 1, NULL, 0) !=
	            BORNE_OK)) {
		abort();                  /* a message is one line of UTF-8 */
	}

	before = count_members();
	if (store_begin(st) != BORNE_OK)
		abort();
	err[0] = '\0';
	rc = import_members_text(st, (const char *)data, size, 0, 2000, &n_added,
	                         err, sizeof err);
	after = count_members();
	if (rc == BORNE_OK) {
		if (rc_parse != BORNE_OK || n_added != n_rows ||
		    after != before + n_rows)
			abort();
		for (int i = 0; i < n_rows; i++) {
			Member m;
			char clean[sizeof m.name];

			if (!rows[i].has_badge)
				continue;
			text_copy(clean, sizeof clean, rows[i].name);  /* as stored */
			if (member_by_badge(st, &rows[i].badge, &m) != BORNE_OK ||
			    strcmp(m.name, clean) != 0 || m.name[0] == '\0')
				abort();
		}
	} else if (n_added != 0 || after != before || err[0] == '\0') {
		abort();
	}
	store_rollback(st);
	if (count_members() != before)
		abort();
	free(rows);
	return 0;
}
