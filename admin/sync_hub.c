/* sync_hub.c -- the hub's schema and kiosks, and one sync (see
** sync_hub.h, docs/sync.md). Every hub call is one statement in its own
** transaction: when borne.push returns, the hub has committed. */
#include "sync_hub.h"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "borne.h"
#include "outbox.h"
#include "syncview.h"

/* Changes per push or pull: one hub transaction each. */
#define HUB_BATCH 1000

static PGconn   *hub_connect(const char *url, char *err, size_t errlen);
static PGresult *hub_call(PGconn *pg, const char *sql, int n,
                          const char *const *params, char *err, size_t errlen);
static int  handshake(PGconn *pg, Store *st, HubSyncStats *out, char *err,
                      size_t errlen);
static int  push(PGconn *pg, Store *st, HubSyncStats *out, char *err,
                 size_t errlen);
static int  pull(PGconn *pg, Store *st, int64_t now_utc, HubSyncStats *out,
                 char *err, size_t errlen);
static int  batch_json(Store *st, int64_t after, char **json, int64_t *last,
                       int *n);

static PGconn *
hub_connect(const char *url, char *err, size_t errlen)
{
	PGconn *pg = PQconnectdb(url);
	char *nl;

	if (pg != NULL && PQstatus(pg) == CONNECTION_OK)
		return pg;
	snprintf(err, errlen, "hub: %s", pg != NULL ? PQerrorMessage(pg)
	                                           : "out of memory");
	if ((nl = strchr(err, '\n')) != NULL)
		*nl = '\0';
	PQfinish(pg);
	return NULL;
}

/* NULL after setting err to the hub's message (its first line). */
static PGresult *
hub_call(PGconn *pg, const char *sql, int n, const char *const *params,
         char *err, size_t errlen)
{
	PGresult *res = PQexecParams(pg, sql, n, NULL, params, NULL, NULL, 0);
	ExecStatusType s = PQresultStatus(res);
	char *nl;

	if (s == PGRES_TUPLES_OK || s == PGRES_COMMAND_OK)
		return res;
	snprintf(err, errlen, "hub: %s", res != NULL ? PQresultErrorMessage(res)
	                                            : PQerrorMessage(pg));
	if ((nl = strchr(err, '\n')) != NULL)
		*nl = '\0';
	PQclear(res);
	return NULL;
}

int
hub_init(const char *url, char *err, size_t errlen)
{
	PGconn *pg = hub_connect(url, err, errlen);
	PGresult *res;
	int rc = BORNE_EIO;

	if (pg == NULL)
		return BORNE_EIO;
	res = PQexec(pg, "BEGIN");
	PQclear(res);
	/* A simple query: the file is several statements. */
	res = PQexec(pg, hub_sql);
	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK) {
		snprintf(err, errlen, "hub init: %s", PQresultErrorMessage(res));
		err[strcspn(err, "\n")] = '\0';
		PQclear(res);
		goto done;
	}
	PQclear(res);
	if ((res = hub_call(pg, "COMMIT", 0, NULL, err, errlen)) != NULL) {
		PQclear(res);
		rc = BORNE_OK;
	}
done:
	PQfinish(pg);
	return rc;
}

int
hub_add_kiosk(const char *url, const char *kiosk_uuid, const char *role,
              const char *password, char *code, size_t codelen, char *err,
              size_t errlen)
{
	const char *params[3] = { kiosk_uuid, role, password };
	PGconn *pg = hub_connect(url, err, errlen);
	PGresult *res;

	code[0] = '\0';
	if (pg == NULL)
		return BORNE_EIO;
	res = hub_call(pg, "SELECT borne.add_kiosk($1::uuid, $2, $3)", 3, params,
	               err, errlen);
	if (res != NULL && PQntuples(res) == 1)
		snprintf(code, codelen, "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	PQfinish(pg);
	return res != NULL ? BORNE_OK : BORNE_EIO;
}

int
hub_revoke(const char *url, const char *role, char *err, size_t errlen)
{
	const char *params[1] = { role };
	PGconn *pg = hub_connect(url, err, errlen);
	PGresult *res;

	if (pg == NULL)
		return BORNE_EIO;
	res = hub_call(pg, "SELECT borne.revoke_kiosk($1)", 1, params, err,
	               errlen);
	PQclear(res);
	PQfinish(pg);
	return res != NULL ? BORNE_OK : BORNE_EIO;
}

int
hub_add_reader(const char *url, const char *role, const char *password,
               char *err, size_t errlen)
{
	const char *params[2] = { role, password };
	PGconn *pg = hub_connect(url, err, errlen);
	PGresult *res;

	if (pg == NULL)
		return BORNE_EIO;
	res = hub_call(pg, "SELECT borne.add_reader($1, $2)", 2, params, err,
	               errlen);
	PQclear(res);
	PQfinish(pg);
	return res != NULL ? BORNE_OK : BORNE_EIO;
}

/* The hub remembers the last change it took from this kiosk and under
** which incarnation. Behind it: the hub committed but the kiosk never
** heard (the same change, by its clock: move the cursor up), or this
** database is a restored backup whose change numbers the hub already
** gave to other changes (take a new incarnation; what the backup lacks
** comes back by the pull). Ahead of it: the hub lost changes, which go
** again; when the hub lacks changes already pruned here, every row of
** this kiosk goes again (outbox_reseed) under a new incarnation that
** starts after them. */
static int
handshake(PGconn *pg, Store *st, HubSyncStats *out, char *err, size_t errlen)
{
	const char *params[2];
	char based[24], hlc[80], code[16];
	OutboxState s;
	PGresult *res;
	int hub_inc, restored = 0, rc;
	int64_t hub_last, hub_seq, base;

	if ((rc = outbox_state(st, &s)) != BORNE_OK) {
		snprintf(err, errlen, "%s", store_errmsg(st));
		return rc;
	}
	params[0] = s.kiosk_uuid;
	res = hub_call(pg, "SELECT incarnation, last_seq, last_hlc, hub_seq,"
	               " COALESCE(code, '') FROM borne.handshake($1::uuid)", 1,
	               params, err, errlen);
	if (res == NULL)
		return BORNE_EIO;
	hub_inc = atoi(PQgetvalue(res, 0, 0));
	hub_last = strtoll(PQgetvalue(res, 0, 1), NULL, 10);
	snprintf(hlc, sizeof hlc, "%s", PQgetvalue(res, 0, 2));
	hub_seq = strtoll(PQgetvalue(res, 0, 3), NULL, 10);
	snprintf(code, sizeof code, "%s", PQgetvalue(res, 0, 4));
	PQclear(res);
	/* A kiosk added before the hub gave codes learns its own now. */
	if (s.quote_prefix[0] == '\0' && code[0] != '\0' &&
	    (rc = outbox_set_quote_prefix(st, code)) != BORNE_OK)
		goto db_fail;
	/* The hub's log is shorter than what was pulled here: it was
	** restored; pull again from where it stands. */
	if (hub_seq < s.pulled_seq &&
	    (rc = outbox_set_pulled(st, hub_seq)) != BORNE_OK)
		goto db_fail;
	base = s.pushed_seq;
	if (hub_inc > s.incarnation) {
		restored = 1;
	} else if (hub_inc < s.incarnation) {
		snprintf(err, errlen, "hub: it knows this kiosk at incarnation %d, "
		         "this database is at %d: was the hub restored from a "
		         "backup? (docs/sync.md)", hub_inc, s.incarnation);
		return BORNE_EREFUSED;
	} else if (hub_last > s.last_seq) {
		restored = 1;
	} else if (hub_last > s.pushed_seq) {
		char mine[80];

		if ((rc = outbox_hlc_of(st, hub_last, mine, sizeof mine)) != BORNE_OK)
			return rc;
		if (strcmp(mine, hlc) != 0)
			restored = 1;
		else if ((rc = outbox_mark_pushed(st, hub_last, 0)) != BORNE_OK)
			return rc;
	} else if (hub_last < s.pruned_seq) {
		/* The hub lost changes this kiosk no longer has. */
		if ((rc = outbox_reseed(st, &out->reseeded)) != BORNE_OK ||
		    (rc = outbox_mark_pushed(st, s.pruned_seq, 1)) != BORNE_OK)
			goto db_fail;
		base = s.pruned_seq;
		restored = 1;
	} else if (hub_last < s.pushed_seq) {
		if ((rc = outbox_mark_pushed(st, hub_last, 1)) != BORNE_OK)
			return rc;
	}
	out->incarnation = s.incarnation;
	if (!restored)
		return BORNE_OK;
	snprintf(based, sizeof based, "%lld", (long long)base);
	params[1] = based;
	res = hub_call(pg, "SELECT borne.new_incarnation($1::uuid, $2)", 2,
	               params, err, errlen);
	if (res == NULL)
		return BORNE_EIO;
	out->incarnation = atoi(PQgetvalue(res, 0, 0));
	out->restored = out->reseeded == 0;
	PQclear(res);
	return outbox_set_incarnation(st, out->incarnation);
db_fail:
	snprintf(err, errlen, "%s", store_errmsg(st));
	return rc;
}

/* The next batch after seq `after` as the JSON array borne.push takes. */
static int
batch_json(Store *st, int64_t after, char **json, int64_t *last, int *n)
{
	static const char sql[] =
		"SELECT json_group_array(json_object('seq', seq, 'tbl', tbl,"
		" 'row_uuid', row_uuid, 'op', op, 'payload', json(payload),"
		" 'hlc', hlc, 'wall_ms', wall_ms, 'wall_trusted', wall_trusted,"
		" 'boot_id', boot_id, 'schema_version', schema_version)),"
		" max(seq), count(*) FROM (SELECT * FROM outbox WHERE seq > ?1"
		" ORDER BY seq LIMIT ?2)";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	*json = NULL;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, after);
	sqlite3_bind_int(stmt, 2, HUB_BATCH);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW) {
		*json = strdup((const char *)sqlite3_column_text(stmt, 0));
		*last = sqlite3_column_int64(stmt, 1);
		*n = sqlite3_column_int(stmt, 2);
		rc = *json != NULL ? BORNE_OK : BORNE_ENOMEM;
	} else {
		rc = store_fail(st, src, "reading the outbox");
	}
	store_stmt_release(st, stmt);
	return rc;
}

static int
push(PGconn *pg, Store *st, HubSyncStats *out, char *err, size_t errlen)
{
	const char *params[3];
	char inc[16];
	OutboxState s;
	PGresult *res;
	char *json = NULL;
	int64_t last = 0, taken;
	int n = 0, rc;

	for (;;) {
		if ((rc = outbox_state(st, &s)) != BORNE_OK ||
		    (rc = batch_json(st, s.pushed_seq, &json, &last, &n)) != BORNE_OK) {
			snprintf(err, errlen, "%s", store_errmsg(st));
			return rc;
		}
		if (n == 0) {
			free(json);
			return BORNE_OK;
		}
		snprintf(inc, sizeof inc, "%d", s.incarnation);
		params[0] = s.kiosk_uuid;
		params[1] = inc;
		params[2] = json;
		res = hub_call(pg, "SELECT borne.push($1::uuid, $2::int, $3::jsonb)",
		               3, params, err, errlen);
		free(json);
		if (res == NULL)
			return BORNE_EIO;
		taken = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		PQclear(res);
		/* Tests: the hub has committed, the kiosk dies before noting it. */
		if (getenv("BORNE_SYNC_DIE_AFTER_PUSH") != NULL)
			_exit(75);
		if ((rc = outbox_mark_pushed(st, taken, 0)) != BORNE_OK) {
			snprintf(err, errlen, "%s", store_errmsg(st));
			return rc;
		}
		out->pushed += taken - s.pushed_seq;
		if (taken < last) {
			snprintf(err, errlen, "hub: took up to change %lld of %lld",
			         (long long)taken, (long long)last);
			return BORNE_EIO;
		}
	}
}

/* The hub's log after what was applied here, a batch per local
** transaction, triggers off. A change of a newer schema than this
** build's is applied when its table is known here (a newer payload
** only adds fields), else passed over and noted: "mise à jour requise"
** until an update that reads it, after which the pull starts again from
** the first passed over (applying a change twice changes nothing). */
static int
pull(PGconn *pg, Store *st, int64_t now_utc, HubSyncStats *out, char *err,
     size_t errlen)
{
	const char *params[3];
	char after[24], limit[16];
	OutboxState s;
	PGresult *res;
	int rows, rc, applied;
	int64_t seq, confirmed = -1;

	snprintf(limit, sizeof limit, "%d", HUB_BATCH);
	if ((rc = outbox_skip_reset(st)) != BORNE_OK) {
		snprintf(err, errlen, "%s", store_errmsg(st));
		return rc;
	}
	for (;;) {
		if ((rc = outbox_state(st, &s)) != BORNE_OK) {
			snprintf(err, errlen, "%s", store_errmsg(st));
			return rc;
		}
		if (confirmed < 0)
			confirmed = s.pushed_seq;   /* pushed before this pull */
		snprintf(after, sizeof after, "%lld", (long long)s.pulled_seq);
		params[0] = s.kiosk_uuid;
		params[1] = after;
		params[2] = limit;
		res = hub_call(pg, "SELECT hub_seq, tbl, row_uuid, op, payload::text,"
		               " hlc, schema_version FROM borne.pull($1::uuid, $2, $3)",
		               3, params, err, errlen);
		if (res == NULL)
			return BORNE_EIO;
		rows = PQntuples(res);
		if (rows == 0) {
			/* The end of the hub's log: the hub's answer to every
			** change pushed before is here (takes no longer "en
			** attente de confirmation"). */
			PQclear(res);
			out->too_new = s.skipped_from > 0;
			if ((rc = syncview_note_pull(st, confirmed,
			                             s.skipped_from > 0)) != BORNE_OK)
				snprintf(err, errlen, "%s", store_errmsg(st));
			return rc;
		}
		if ((rc = store_begin(st)) != BORNE_OK ||
		    (rc = outbox_applying(st, 1)) != BORNE_OK)
			goto fail;
		for (int i = 0; i < rows; i++) {
			int version = atoi(PQgetvalue(res, i, 6));

			seq = strtoll(PQgetvalue(res, i, 0), NULL, 10);
			applied = 0;
			if (version > store_schema_latest() &&
			    !outbox_knows(PQgetvalue(res, i, 1),
			                  PQgetvalue(res, i, 3)))
				rc = outbox_note_skipped(st, seq, version);
			else if ((rc = outbox_observe_hlc(st, PQgetvalue(res, i, 5)))
			         == BORNE_OK)
				rc = outbox_apply(st, PQgetvalue(res, i, 1),
				                  PQgetvalue(res, i, 3),
				                  PQgetvalue(res, i, 2),
				                  PQgetvalue(res, i, 4), now_utc, &applied);
			if (rc != BORNE_OK ||
			    (rc = outbox_mark_pulled(st, seq)) != BORNE_OK)
				goto fail;
			out->pulled++;
			out->applied += applied;
		}
		if ((rc = outbox_applying(st, 0)) != BORNE_OK ||
		    (rc = store_commit(st)) != BORNE_OK)
			goto fail;
		PQclear(res);
	}
fail:
	snprintf(err, errlen, "%s", store_errmsg(st));
	store_rollback(st);
	PQclear(res);
	return rc;
}

int
hub_sync(Store *st, const char *url, int64_t now_utc, int keep_days,
         HubSyncStats *out, char *err, size_t errlen)
{
	PGconn *pg;
	int rc;

	memset(out, 0, sizeof *out);
	err[0] = '\0';
	if ((pg = hub_connect(url, err, errlen)) == NULL) {
		rc = BORNE_EIO;
		goto done;
	}
	if ((rc = handshake(pg, st, out, err, errlen)) != BORNE_OK ||
	    (rc = push(pg, st, out, err, errlen)) != BORNE_OK ||
	    (rc = pull(pg, st, now_utc, out, err, errlen)) != BORNE_OK)
		goto done;
	/* Only now: what the hub has taken, past the retention, goes. */
	if ((rc = outbox_prune(st, now_utc, keep_days, &out->pruned))
	    != BORNE_OK) {
		snprintf(err, errlen, "%s", store_errmsg(st));
		goto done;
	}
	rc = outbox_note_sync(st, now_utc, NULL);
done:
	PQfinish(pg);
	if (rc != BORNE_OK)
		(void)outbox_note_sync(st, now_utc, err[0] != '\0' ? err
		                       : borne_strerror(rc));
	return rc;
}
