/* test_member.c -- members, PINs, badges and the audit lines they leave. */
#include <sqlite3.h>
#include <string.h>

#include "audit.h"
#include "borne.h"
#include "check.h"
#include "core_fixture.h"
#include "member.h"

typedef struct AuditSeen {
	int n;
	char actions[16][32];
	int64_t actors[16];
} AuditSeen;

static int
audit_seen(int64_t id, int64_t at_utc, int64_t actor_id, const char *action,
           const char *target_kind, int64_t target_id, const char *detail,
           void *ctx)
{
	AuditSeen *a = ctx;

	(void)id; (void)at_utc; (void)target_kind; (void)target_id; (void)detail;
	if (a->n < 16) {
		snprintf(a->actions[a->n], sizeof a->actions[0], "%s", action);
		a->actors[a->n] = actor_id;
	}
	a->n++;
	return 0;
}

static int
name_list(const Member *m, void *ctx)
{
	strcat((char *)ctx, m->name);
	strcat((char *)ctx, "|");
	return 0;
}

static int
badge_list(const char *hex, int64_t added_utc, void *ctx)
{
	(void)added_utc;
	strcat((char *)ctx, hex);
	strcat((char *)ctx, "|");
	return 0;
}

static int
stop_first(const Member *m, void *ctx)
{
	(void)m;
	(*(int *)ctx)++;
	return 1;
}

static void
test_roles(void)
{
	MemberRole r;
	Member m;

	CHECK_STR(member_role_name(ROLE_COOPERATOR), "cooperator");
	CHECK_STR(member_role_name(ROLE_ADMIN), "admin");
	CHECK_STR(member_role_name((MemberRole)42), "unknown");
	CHECK_INT(member_role_parse("facilitator", &r), BORNE_OK);
	CHECK_INT(r, ROLE_FACILITATOR);
	CHECK_INT(member_role_parse("boss", &r), BORNE_EINVAL);
	CHECK_INT(member_role_parse(NULL, &r), BORNE_EINVAL);
	memset(&m, 0, sizeof m);
	m.role = ROLE_FACILITATOR;
	CHECK(member_is_staff(&m));
	m.role = ROLE_ADMIN;
	CHECK(member_is_staff(&m));
	m.role = ROLE_COWORKER;
	CHECK(!member_is_staff(&m));
	CHECK(!member_is_staff(NULL));
}

static void
test_add_and_refusals(Store *st)
{
	char long_name[400] = "", list[512] = "";
	int64_t id = 99, a, b, c;
	Member m;
	int n = 0;

	CHECK_INT(member_add(st, "L'Atelier", ROLE_COWORKER, 0, NULL, NULL, 0,
	                     1000, &a), BORNE_OK);
	CHECK(a > 0);
	CHECK_INT(member_add(st, "  Ali \"Le Chef\" 🍳 ", ROLE_COOPERATOR, 1, NULL,
	                     NULL, 0, 1001, &b), BORNE_OK);
	CHECK_INT(member_add(st, "'); DROP TABLE members;--", ROLE_COOPERATOR, 0,
	                     NULL, NULL, 0, 1002, &c), BORNE_OK);
	CHECK_INT(member_get(st, b, &m), BORNE_OK);
	CHECK_STR(m.name, "Ali \"Le Chef\" 🍳");            /* trimmed, verbatim */
	CHECK_INT(m.minor, 1);
	CHECK_INT(m.active, 1);
	CHECK_INT(m.has_pin, 0);
	CHECK_INT(m.role, ROLE_COOPERATOR);
	CHECK_INT(m.created_utc, 1001);
	CHECK_INT((int)strlen(m.uuid), BORNE_UUID_LEN);
	CHECK_INT(m.uuid[14], '4');                          /* version 4 */
	CHECK_INT(member_get(st, c, &m), BORNE_OK);
	CHECK_STR(m.name, "'); DROP TABLE members;--");
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM members"), 3);

	for (int i = 0; i < 81; i++)
		strcat(long_name, "é");
	CHECK_INT(member_add(st, long_name, ROLE_COOPERATOR, 0, NULL, NULL, 0, 1,
	                     &id), BORNE_EINVAL);
	CHECK_STR(store_errmsg(st), "name is longer than 80 characters");
	CHECK_INT(id, 0);
	CHECK_INT(member_add(st, "", ROLE_COOPERATOR, 0, NULL, NULL, 0, 1, NULL),
	          BORNE_EINVAL);
	CHECK_STR(store_errmsg(st), "name is empty");
	CHECK_INT(member_add(st, "In\xE8s", ROLE_COOPERATOR, 0, NULL, NULL, 0, 1,
	                     NULL), BORNE_EINVAL);
	CHECK_STR(store_errmsg(st), "name is not valid UTF-8");
	CHECK_INT(member_add(st, "Inès\nMartin", ROLE_COOPERATOR, 0, NULL, NULL, 0,
	                     1, NULL), BORNE_EINVAL);
	CHECK_STR(store_errmsg(st), "name has a control character");
	CHECK_INT(member_add(st, "In\xE2\x80\xAEs", ROLE_COOPERATOR, 0, NULL, NULL,
	                     0, 1, NULL), BORNE_EINVAL);
	CHECK_STR(store_errmsg(st),
	          "name has an invisible or direction-changing character (U+202E)");
	CHECK_INT(member_add(st, "In\xE2\x80\x8Bs", ROLE_COOPERATOR, 0, NULL, NULL,
	                     0, 1, NULL), BORNE_EINVAL);
	CHECK_CONTAINS(store_errmsg(st), "(U+200B)");
	CHECK_INT(member_add(st, "Inès", (MemberRole)9, 0, NULL, NULL, 0, 1, NULL),
	          BORNE_EINVAL);
	CHECK_CONTAINS(store_errmsg(st), "role");
	CHECK_INT(member_add(st, "Inès", ROLE_FACILITATOR, 0, NULL, "123", 0, 1,
	                     NULL), BORNE_EINVAL);
	CHECK_STR(store_errmsg(st), "PIN must be 4 to 8 digits");
	CHECK_INT(member_add(st, "Inès", ROLE_FACILITATOR, 0, NULL, "123456789", 0,
	                     1, NULL), BORNE_EINVAL);
	CHECK_INT(member_add(st, "Inès", ROLE_FACILITATOR, 0, NULL, "12a4", 0, 1,
	                     NULL), BORNE_EINVAL);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM members"), 3);  /* none added */

	CHECK_INT(member_get(st, 12345, &m), BORNE_ENOTFOUND);
	CHECK_INT(m.id, 0);
	CHECK_INT(member_each(st, name_list, list), BORNE_OK);
	CHECK_STR(list, "'); DROP TABLE members;--|Ali \"Le Chef\" 🍳|L'Atelier|");
	CHECK_INT(member_each(st, stop_first, &n), BORNE_OK);
	CHECK_INT(n, 1);
}

static void
test_pin(Store *st)
{
	int64_t f, g;
	Member m;
	sqlite3_stmt *s = NULL;

	CHECK_INT(member_add(st, "Fatou", ROLE_FACILITATOR, 0, NULL, "2468", 0,
	                     2000, &f), BORNE_OK);
	CHECK_INT(member_get(st, f, &m), BORNE_OK);
	CHECK_INT(m.has_pin, 1);
	CHECK_INT(member_check_pin(st, f, "2468"), BORNE_OK);
	CHECK_INT(member_check_pin(st, f, "2469"), BORNE_EREFUSED);
	CHECK_STR(store_errmsg(st), "wrong PIN");
	CHECK_INT(member_check_pin(st, f, ""), BORNE_EREFUSED);
	CHECK_INT(member_check_pin(st, f, NULL), BORNE_EREFUSED);
	CHECK_INT(member_check_pin(st, 999, "2468"), BORNE_ENOTFOUND);
	/* Only a hash is stored, made with the kiosk's key (test_pinkey.c). */
	sqlite3_prepare_v2(store_db(st), "SELECT pin_hash FROM members WHERE id = ?1",
	                   -1, &s, NULL);
	sqlite3_bind_int64(s, 1, f);
	CHECK_INT(sqlite3_step(s), SQLITE_ROW);
	CHECK(strncmp((const char *)sqlite3_column_text(s, 0), "$borne-k1$", 10) == 0);
	CHECK(strstr((const char *)sqlite3_column_text(s, 0), "2468") == NULL);
	sqlite3_finalize(s);

	CHECK_INT(member_add(st, "Gaspard", ROLE_COWORKER, 0, NULL, NULL, 0, 2001,
	                     &g), BORNE_OK);
	CHECK_INT(member_check_pin(st, g, "0000"), BORNE_EREFUSED);
	CHECK_STR(store_errmsg(st), "this member has no PIN");
	CHECK_INT(member_set_pin(st, g, "12345678", 0, 2002), BORNE_OK);
	CHECK_INT(member_check_pin(st, g, "12345678"), BORNE_OK);
	CHECK_INT(member_check_pin(st, g, "1234567"), BORNE_EREFUSED);
	CHECK_INT(member_set_pin(st, g, "12", g, 2003), BORNE_EINVAL);
	CHECK_INT(member_check_pin(st, g, "12345678"), BORNE_OK);   /* kept */
	CHECK_INT(member_set_pin(st, 999, "1234", 0, 2003), BORNE_ENOTFOUND);
}

static void
test_badges(Store *st)
{
	BadgeUid u1 = { 4, { 0x04, 0xA1, 0xB2, 0xC3 } };
	BadgeUid u2 = { 7, { 0x04, 1, 2, 3, 4, 5, 6 } };
	BadgeUid bad = { 5, { 1, 2, 3, 4, 5 } };
	char list[256] = "";
	int64_t a, b, n_before;
	Member m;

	CHECK_INT(member_add(st, "Inès", ROLE_COOPERATOR, 1, &u1, NULL, 0, 3000,
	                     &a), BORNE_OK);
	CHECK_INT(member_by_badge(st, &u1, &m), BORNE_OK);
	CHECK_INT(m.id, a);
	CHECK_STR(m.name, "Inès");
	CHECK_INT(member_by_badge(st, &u2, &m), BORNE_ENOTFOUND);
	CHECK_INT(m.id, 0);

	/* A badge held by someone else: refused, and the whole add undone. */
	n_before = fx_sql_int(st, "SELECT count(*) FROM members");
	CHECK_INT(member_add(st, "Zoé", ROLE_COOPERATOR, 0, &u1, NULL, 0, 3001,
	                     &b), BORNE_EREFUSED);
	{
		char want[96];
		snprintf(want, sizeof want, "badge 04A1B2C3 already belongs to member %lld",
		         (long long)a);
		CHECK_STR(store_errmsg(st), want);
	}
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM members"), n_before);
	CHECK_INT(member_add(st, "Zoé", ROLE_COOPERATOR, 0, NULL, NULL, 0, 3001,
	                     &b), BORNE_OK);
	CHECK_INT(badge_add(st, b, &u1, 0, 3002), BORNE_EREFUSED);
	CHECK_CONTAINS(store_errmsg(st), "already belongs to member");
	CHECK_INT(badge_add(st, a, &u1, 0, 3002), BORNE_OK);     /* same owner */
	CHECK_INT(badge_add(st, b, &bad, 0, 3002), BORNE_EINVAL);
	CHECK_INT(badge_add(st, 9999, &u2, 0, 3002), BORNE_ENOTFOUND);
	CHECK_INT(badge_add(st, a, &u2, 0, 3003), BORNE_OK);
	CHECK_INT(badge_each(st, a, badge_list, list), BORNE_OK);
	CHECK_STR(list, "04A1B2C3|04010203040506|");

	/* Removed: nobody's any more, and may be given to someone else. */
	CHECK_INT(badge_remove(st, &u1, 0, 3004), BORNE_OK);
	CHECK_INT(member_by_badge(st, &u1, &m), BORNE_ENOTFOUND);
	CHECK_INT(badge_remove(st, &u1, 0, 3004), BORNE_ENOTFOUND);
	CHECK_INT(badge_add(st, b, &u1, 0, 3005), BORNE_OK);
	CHECK_INT(member_by_badge(st, &u1, &m), BORNE_OK);
	CHECK_INT(m.id, b);
	list[0] = '\0';
	CHECK_INT(badge_each(st, a, badge_list, list), BORNE_OK);
	CHECK_STR(list, "04010203040506|");

	/* A deactivated member is still found by badge, flagged inactive. */
	CHECK_INT(member_deactivate(st, b, 0, 3006), BORNE_OK);
	CHECK_INT(member_by_badge(st, &u1, &m), BORNE_OK);
	CHECK_INT(m.active, 0);
	CHECK_INT(member_deactivate(st, 9999, 0, 3006), BORNE_ENOTFOUND);
}

static void
test_audit(Store *st)
{
	AuditSeen a;
	int64_t f, x;
	int n0;

	memset(&a, 0, sizeof a);
	CHECK_INT(audit_each(st, audit_seen, &a), BORNE_OK);
	n0 = a.n;
	CHECK_INT(member_add(st, "Facil", ROLE_FACILITATOR, 0, NULL, "1234", 0,
	                     4000, &f), BORNE_OK);
	CHECK_INT(member_add(st, "Xavier", ROLE_COOPERATOR, 0, NULL, NULL, f, 4001,
	                     &x), BORNE_OK);
	CHECK_INT(member_deactivate(st, x, f, 4002), BORNE_OK);
	memset(&a, 0, sizeof a);
	CHECK_INT(audit_each(st, audit_seen, &a), BORNE_OK);
	CHECK_INT(a.n, n0 + 3);
	CHECK_STR(a.actions[n0], "member.add");
	CHECK_INT(a.actors[n0], 0);               /* command line */
	CHECK_STR(a.actions[n0 + 1], "member.add");
	CHECK_INT(a.actors[n0 + 1], f);
	CHECK_STR(a.actions[n0 + 2], "member.deactivate");
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM audit WHERE actor_id IS NULL"
	                         " AND action = 'badge.add'"), 3);   /* not the no-op re-add */
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM audit WHERE action = 'member.pin'"), 1);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM audit WHERE action = 'badge.remove'"), 1);
	CHECK_INT(fx_sql_int(st, "SELECT count(DISTINCT uuid) = count(*) FROM audit"), 1);
	CHECK_INT(audit_log(st, f, "", "member", 1, NULL, 1), BORNE_EINVAL);
}

/* Who may change whom is the core's rule, whatever the front end: the
** kiosk, borne-admin (actor 0, the machine's administrator), and the web
** and sync front ends to come all get the same answer. */
static void
test_rules(Store *st)
{
	BadgeUid u1 = { 4, { 0x04, 0x11, 0x22, 0x33 } };
	BadgeUid u2 = { 4, { 0x04, 0x44, 0x55, 0x66 } };
	int64_t adm, fac, cow, coop, gone, id = -1;
	int64_t n_before;

	CHECK_INT(member_add(st, "Admin", ROLE_ADMIN, 0, NULL, "1111", 0, 5000,
	                     &adm), BORNE_OK);
	CHECK_INT(member_add(st, "Facil", ROLE_FACILITATOR, 0, NULL, "2222", adm,
	                     5001, &fac), BORNE_OK);
	CHECK_INT(member_add(st, "Cowork", ROLE_COWORKER, 0, NULL, NULL, fac, 5002,
	                     &cow), BORNE_OK);
	CHECK_INT(member_add(st, "Coop", ROLE_COOPERATOR, 0, &u1, "3333", fac,
	                     5003, &coop), BORNE_OK);
	CHECK_INT(member_add(st, "Parti", ROLE_FACILITATOR, 0, NULL, NULL, 0, 5004,
	                     &gone), BORNE_OK);
	CHECK_INT(member_deactivate(st, gone, adm, 5005), BORNE_OK);

	/* member_add: staff by an administrator only; anyone by staff. */
	n_before = fx_sql_int(st, "SELECT count(*) FROM members");
	CHECK_INT(member_add(st, "X", ROLE_FACILITATOR, 0, NULL, NULL, cow, 5010,
	                     &id), BORNE_EPERM);
	CHECK_INT(id, 0);
	CHECK_STR(store_errmsg(st), "only an administrator may do that");
	CHECK_INT(member_add(st, "X", ROLE_ADMIN, 0, NULL, NULL, fac, 5010, NULL),
	          BORNE_EPERM);
	CHECK_INT(member_add(st, "X", ROLE_FACILITATOR, 0, NULL, NULL, fac, 5010,
	                     NULL), BORNE_EPERM);
	CHECK_INT(member_add(st, "X", ROLE_COOPERATOR, 0, NULL, NULL, cow, 5010,
	                     NULL), BORNE_EPERM);
	CHECK_STR(store_errmsg(st), "only a facilitator may do that");
	CHECK_INT(member_add(st, "X", ROLE_COOPERATOR, 0, &u2, NULL, coop, 5010,
	                     NULL), BORNE_EPERM);
	CHECK_INT(member_add(st, "X", ROLE_COOPERATOR, 0, NULL, NULL, gone, 5010,
	                     NULL), BORNE_EPERM);              /* deactivated */
	CHECK_INT(member_add(st, "X", ROLE_COOPERATOR, 0, NULL, NULL, 987654, 5010,
	                     NULL), BORNE_EPERM);              /* nobody */
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM members"), n_before);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM badges WHERE uid = '04445566'"), 0);

	/* PIN: one's own, or an administrator's doing. */
	CHECK_INT(member_set_pin(st, coop, "4444", cow, 5020), BORNE_EPERM);
	CHECK_INT(member_set_pin(st, fac, "4444", coop, 5020), BORNE_EPERM);
	CHECK_INT(member_set_pin(st, coop, "4444", fac, 5020), BORNE_EPERM);
	CHECK_INT(member_check_pin(st, coop, "3333"), BORNE_OK);   /* unchanged */
	CHECK_INT(member_check_pin(st, fac, "2222"), BORNE_OK);
	CHECK_INT(member_set_pin(st, fac, "5555", fac, 5021), BORNE_OK);
	CHECK_INT(member_set_pin(st, coop, "6666", adm, 5022), BORNE_OK);
	CHECK_INT(member_check_pin(st, coop, "6666"), BORNE_OK);

	/* Badges: a facilitator gives and takes them back. */
	CHECK_INT(badge_add(st, coop, &u2, coop, 5030), BORNE_EPERM);
	CHECK_INT(badge_add(st, cow, &u2, cow, 5030), BORNE_EPERM);
	CHECK_INT(badge_remove(st, &u1, coop, 5030), BORNE_EPERM);
	CHECK_INT(badge_remove(st, &u1, cow, 5030), BORNE_EPERM);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM badges WHERE uid = '04445566'"), 0);
	CHECK_INT(fx_sql_int(st, "SELECT active FROM badges WHERE uid = '04112233'"), 1);
	CHECK_INT(badge_add(st, cow, &u2, fac, 5031), BORNE_OK);
	CHECK_INT(badge_remove(st, &u2, fac, 5032), BORNE_OK);

	/* Deactivating: staff; a facilitator or admin: an administrator. */
	CHECK_INT(member_deactivate(st, coop, cow, 5040), BORNE_EPERM);
	CHECK_INT(member_deactivate(st, adm, fac, 5040), BORNE_EPERM);
	CHECK_INT(member_deactivate(st, cow, fac, 5041), BORNE_OK);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM members WHERE active = 0"), 2);
	/* A deactivated facilitator is no longer staff for anything. */
	CHECK_INT(member_deactivate(st, fac, adm, 5042), BORNE_OK);
	CHECK_INT(badge_add(st, coop, &u2, fac, 5043), BORNE_EPERM);
}

int
main(void)
{
	Store *st;

	fx_setup();
	st = fx_open("member.db");
	test_roles();
	test_add_and_refusals(st);
	test_pin(st);
	test_badges(st);
	test_audit(st);
	store_close(st);
	/* Saved members survive a reopen. */
	st = fx_open("member.db");
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM members"), 9);
	store_close(st);
	st = fx_open("rules.db");
	test_rules(st);
	store_close(st);
	return check_done();
}
