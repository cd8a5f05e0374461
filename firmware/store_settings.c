/* store_settings.c -- the settings table (key, value) and the space
** rules read from it (see store.h): each rule's default comes from
** config_def.h, a saved value that is out of the config file's bounds is
** set aside, and saving a setting that is a rule applies it at once. */
#include "store.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "borne.h"
#include "config.h"
#include "store_impl.h"

static void store_rule_apply(StoreRules *r, const char *key, const char *value);

void
store_rules_defaults(StoreRules *r)
{
	memset(r, 0, sizeof *r);
	store_rule_apply(r, "checkin_repeat_s", config_default("checkin_repeat_s"));
	store_rule_apply(r, "approval_required", config_default("approval_required"));
	store_rule_apply(r, "max_open_takes", config_default("max_open_takes"));
	store_rule_apply(r, "kiosk_id", config_default("kiosk_id"));
	store_rule_apply(r, "checkout_grace_min", config_default("checkout_grace_min"));
	store_rule_apply(r, "visit_cap_h", config_default("visit_cap_h"));
}

/* Applies one settings value to the rules when it is one of them and
** sensible; anything else is left as it was. */
static void
store_rule_apply(StoreRules *r, const char *key, const char *value)
{
	char *end;
	long v, lo, hi;

	if (strcmp(key, "kiosk_id") == 0) {
		if (*value != '\0')
			snprintf(r->kiosk_id, sizeof r->kiosk_id, "%s", value);
		return;
	}
	errno = 0;
	v = strtol(value, &end, 10);
	if (errno != 0 || end == value || *end != '\0' || v < 0 || v > 1000000)
		return;
	if (config_key_bounds(key, &lo, &hi) == BORNE_OK && (v < lo || v > hi))
		return;                       /* the config file's bounds hold here too */
	if (strcmp(key, "checkin_repeat_s") == 0)
		r->checkin_repeat_s = (int)v;
	else if (strcmp(key, "approval_required") == 0)
		r->approval_required = v != 0;
	else if (strcmp(key, "max_open_takes") == 0)
		r->max_open_takes = (int)v;
	else if (strcmp(key, "checkout_grace_min") == 0 && v <= 24 * 60)
		r->checkout_grace_min = (int)v;
	else if (strcmp(key, "visit_cap_h") == 0 && v >= 1 && v <= 24)
		r->visit_cap_h = (int)v;
}

void
store_rules_load(Store *st, StoreRules *rules)
{
	static const char *const keys[] = {
		"checkin_repeat_s", "approval_required", "max_open_takes", "kiosk_id",
		"checkout_grace_min", "visit_cap_h"
	};
	char value[256];

	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (store_setting_get(st, keys[i], value, sizeof value) == BORNE_OK)
			store_rule_apply(rules, keys[i], value);
}

int
store_setting_get(Store *st, const char *key, char *out, size_t outlen)
{
	static const char sql[] = "SELECT value FROM settings WHERE key = ?1";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	if (out != NULL && outlen > 0)
		out[0] = '\0';
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, key, -1, SQLITE_TRANSIENT);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW) {
		store_col_text(stmt, 0, out, outlen);
		rc = BORNE_OK;
	} else if (src == SQLITE_DONE) {
		rc = store_set_error(st, BORNE_ENOTFOUND, "no setting %s", key);
	} else {
		rc = store_fail(st, src, "reading a setting");
	}
	store_stmt_release(st, stmt);
	return rc;
}

int
store_setting_set(Store *st, const char *key, const char *value)
{
	static const char sql[] =
		"INSERT INTO settings(key, value) VALUES (?1, ?2)"
		" ON CONFLICT(key) DO UPDATE SET value = excluded.value";
	sqlite3_stmt *stmt = NULL;
	int rc;

	if (key == NULL || *key == '\0' || value == NULL)
		return store_set_error(st, BORNE_EINVAL, "setting needs a key and a value");
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, value, -1, SQLITE_TRANSIENT);
	rc = store_step_done(st, stmt, "saving a setting");
	if (rc == BORNE_OK) {
		StoreRules rules = *store_rules(st);

		store_rule_apply(&rules, key, value);
		store_rules_set(st, &rules);
	}
	return rc;
}
