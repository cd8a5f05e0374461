/* member_edit.c -- changing a member's role and minor status after the
** fact (the back office's Membres page). The same rule as member_add:
** a facilitator changes coworkers and cooperators; making, or changing,
** a facilitator or an admin takes an admin. Audited as member.update
** with what changed ("role coworker->facilitator, minor 1->0"). */
#include <sqlite3.h>
#include <stdio.h>

#include "audit.h"
#include "member.h"

int
member_update(Store *st, int64_t id, MemberRole role, int minor,
              int64_t actor_id, int64_t now_utc)
{
	static const char sql[] =
		"UPDATE members SET role = ?2, minor = ?3 WHERE id = ?1";
	sqlite3_stmt *stmt = NULL;
	char detail[96];
	Member m;
	int rc;

	if (role < 0 || role >= ROLE_COUNT)
		return store_set_error(st, BORNE_EINVAL, "role: unknown role");
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = member_get(st, id, &m)) != BORNE_OK)
		goto fail;
	if (m.forgotten) {
		rc = store_set_error(st, BORNE_EREFUSED, "this member was forgotten");
		goto fail;
	}
	if ((rc = member_actor_may(st, actor_id, m.role >= ROLE_FACILITATOR ||
	                           role >= ROLE_FACILITATOR ? ROLE_ADMIN :
	                           ROLE_FACILITATOR)) != BORNE_OK)
		goto fail;
	if (m.role == role && !m.minor == !minor) {
		store_rollback(st);
		return BORNE_OK;
	}
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, member_role_name(role), -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 3, minor ? 1 : 0);
	if ((rc = store_step_done(st, stmt, "changing a member")) != BORNE_OK)
		goto fail;
	snprintf(detail, sizeof detail, "role %s->%s, minor %d->%d",
	         member_role_name(m.role), member_role_name(role), m.minor ? 1 : 0,
	         minor ? 1 : 0);
	if ((rc = audit_log(st, actor_id, "member.update", "member", id, detail,
	                    now_utc)) != BORNE_OK)
		goto fail;
	return store_commit(st);
fail:
	store_rollback(st);
	return rc;
}
