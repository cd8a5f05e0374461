/* cmd_member.c -- borne-admin member ... and badge ... commands.
** Names and badges are checked by the core (member_add, badge_add); this
** file only reads the command line, calls it and prints the result. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "member.h"
#include "privacy.h"
#include "uid.h"

/* Badges of one member, for lists: their UIDs joined by spaces, and how
** many. A badge UID is the only thing a check-in asks for, so lists show
** the count and the UIDs only when --badges asks for them. */
typedef struct BadgeJoin {
	char text[8 * (UID_HEX_SIZE + 1)];
	int  n;
} BadgeJoin;

/* Rows of `member list`; badges: --badges was given. */
typedef struct MemberRows {
	Admin       *a;
	ReportTable *t;
	int          rc;
	int          badges;
} MemberRows;

static int  join_badge(const char *uid_hex, int64_t added_utc, void *ctx);
static int  member_row(const Member *m, void *ctx);
static int  show_badge(const char *uid_hex, int64_t added_utc, void *ctx);
static int  parse_uid(Admin *a, const char *text, BadgeUid *out);
static int  one_id_command(Admin *a, int argc, char **argv, int64_t *id);
static ReportTable *member_table(void);

static int
join_badge(const char *uid_hex, int64_t added_utc, void *ctx)
{
	BadgeJoin *j = ctx;
	size_t n = strlen(j->text);

	(void)added_utc;
	snprintf(j->text + n, sizeof j->text - n, "%s%s", n > 0 ? " " : "",
	         uid_hex);
	j->n++;
	return 0;
}

static ReportTable *
member_table(void)
{
	static const char *const head[] = {
		"id", "name", "role", "minor", "active", "forgotten", "pin",
		"badges", "created"
	};

	return report_table_new(9, head, "rllrrrrll");
}

static int
member_row(const Member *m, void *ctx)
{
	MemberRows *mr = ctx;
	BadgeJoin bj;
	char id[24], created[17], n_badges[16];
	const char *row[9];

	memset(&bj, 0, sizeof bj);
	if ((mr->rc = badge_each(mr->a->st, m->id, join_badge, &bj)) != BORNE_OK)
		return 1;
	snprintf(id, sizeof id, "%lld", (long long)m->id);
	admin_format_local(m->created_utc, created);
	row[0] = id;
	row[1] = m->name;
	row[2] = member_role_name(m->role);
	row[3] = m->minor ? "1" : "0";
	row[4] = m->active ? "1" : "0";
	row[5] = m->forgotten ? "1" : "0";
	row[6] = m->has_pin ? "1" : "0";
	snprintf(n_badges, sizeof n_badges, "%d", bj.n);
	row[7] = mr->badges ? bj.text : n_badges;
	row[8] = created;
	if ((mr->rc = report_table_add(mr->t, row)) != BORNE_OK)
		return 1;
	return 0;
}

/* Badge UIDs in the form the kiosk's wedge readers type are read with
** the space's byte order (setting uid_decimal_order). */
static int
parse_uid(Admin *a, const char *text, BadgeUid *out)
{
	char why[160], order[16];
	UidDecOrder o = UID_DEC_LSB_FIRST;

	if (store_setting_get(a->st, "uid_decimal_order", order, sizeof order)
	    == BORNE_OK && strcmp(order, "msb") == 0)
		o = UID_DEC_MSB_FIRST;
	if (uid_parse(text, o, out, why, sizeof why) != BORNE_OK)
		return admin_refuse("badge: \"%.60s\": %s", text, why);
	return ADMIN_GO;
}

static int
one_id_command(Admin *a, int argc, char **argv, int64_t *id)
{
	char *pos[1];
	int n, rc;

	if ((rc = admin_args(a, argc, argv, NULL, pos, 1, 1, &n)) != ADMIN_GO)
		return rc;
	if ((rc = admin_parse_id(a, pos[0], "ID", id)) != ADMIN_GO)
		return rc;
	return admin_open(a);
}

int
cmd_member_add(Admin *a, int argc, char **argv)
{
	AdminOpt opts[] = {
		{ "--name", 1, NULL }, { "--role", 1, NULL }, { "--badge", 1, NULL },
		{ "--minor", 0, NULL }, { "--pin", 0, NULL }, { NULL, 0, NULL }
	};
	MemberRole role;
	BadgeUid uid;
	int64_t id;
	char *pos[1], pin[64] = "";
	int n, rc;

	if ((rc = admin_args(a, argc, argv, opts, pos, 0, 0, &n)) != ADMIN_GO)
		return rc;
	if (opts[0].value == NULL)
		return admin_usage_error(a, "missing --name");
	if (opts[1].value == NULL)
		return admin_usage_error(a, "missing --role");
	if (member_role_parse(opts[1].value, &role) != BORNE_OK)
		return admin_refuse("role: unknown role \"%.40s\" (cooperator, "
		                    "coworker, facilitator or admin)",
		                    opts[1].value);
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	if (opts[2].value != NULL &&
	    (rc = parse_uid(a, opts[2].value, &uid)) != ADMIN_GO)
		return rc;
	/* --pin: read as `member pin` reads it, never from the command line. */
	if (opts[4].value != NULL &&
	    ((rc = admin_pin_key(a)) != ADMIN_GO ||
	     (rc = admin_read_pin(a, opts[0].value, pin, sizeof pin)) != ADMIN_GO))
		return rc;
	rc = member_add(a->st, opts[0].value, role, opts[3].value != NULL,
	                opts[2].value != NULL ? &uid : NULL,
	                opts[4].value != NULL ? pin : NULL, 0, a->now_utc, &id);
	memset(pin, 0, sizeof pin);
	if (rc != BORNE_OK)
		return admin_store_error(a, rc, NULL);
	printf("%lld\n", (long long)id);
	return ADMIN_EXIT_OK;
}

int
cmd_member_list(Admin *a, int argc, char **argv)
{
	AdminOpt opts[] = { { "--badges", 0, NULL }, { NULL, 0, NULL } };
	MemberRows mr;
	char *pos[1];
	int n, rc;

	if ((rc = admin_args(a, argc, argv, opts, pos, 0, 0, &n)) != ADMIN_GO)
		return rc;
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	mr.a = a;
	mr.rc = BORNE_OK;
	mr.badges = opts[0].value != NULL;
	if ((mr.t = member_table()) == NULL)
		return admin_refuse("out of memory");
	rc = member_each(a->st, member_row, &mr);
	if (rc == BORNE_OK)
		rc = mr.rc;
	if (rc == BORNE_OK)
		rc = report_table_print(mr.t, a->fmt, stdout);
	report_table_free(mr.t);
	return rc == BORNE_OK ? ADMIN_EXIT_OK :
	       admin_store_error(a, rc, "listing members");
}

static int
show_badge(const char *uid_hex, int64_t added_utc, void *ctx)
{
	char when[17];

	(void)ctx;
	admin_format_local(added_utc, when);
	printf("badge:     %s (since %s)\n", uid_hex, when);
	return 0;
}

int
cmd_member_show(Admin *a, int argc, char **argv)
{
	AdminOpt opts[] = { { "--badges", 0, NULL }, { NULL, 0, NULL } };
	MemberRows mr = { a, NULL, BORNE_OK, 0 };
	BadgeJoin bj;
	Member m;
	int64_t id;
	char created[17], *pos[1];
	int n, rc;

	if ((rc = admin_args(a, argc, argv, opts, pos, 1, 1, &n)) != ADMIN_GO ||
	    (rc = admin_parse_id(a, pos[0], "ID", &id)) != ADMIN_GO ||
	    (rc = admin_open(a)) != ADMIN_GO)
		return rc;
	mr.badges = opts[0].value != NULL;
	if ((rc = member_get(a->st, id, &m)) != BORNE_OK)
		return admin_store_error(a, rc, NULL);
	if (a->fmt == REPORT_CSV) {
		if ((mr.t = member_table()) == NULL)
			return admin_refuse("out of memory");
		member_row(&m, &mr);
		rc = mr.rc;
		if (rc == BORNE_OK)
			rc = report_table_print(mr.t, a->fmt, stdout);
		report_table_free(mr.t);
		return rc == BORNE_OK ? ADMIN_EXIT_OK :
		       admin_store_error(a, rc, "showing a member");
	}
	admin_format_local(m.created_utc, created);
	printf("id:        %lld\nname:      %s\nrole:      %s\nminor:     %s\n"
	       "active:    %s\nforgotten: %s\npin:       %s\ncreated:   %s\n",
	       (long long)m.id, m.name, member_role_name(m.role),
	       m.minor ? "yes" : "no", m.active ? "yes" : "no",
	       m.forgotten ? "yes" : "no", m.has_pin ? "set" : "none", created);
	memset(&bj, 0, sizeof bj);
	rc = mr.badges ? badge_each(a->st, id, show_badge, NULL) :
	     badge_each(a->st, id, join_badge, &bj);
	if (rc != BORNE_OK)
		return admin_store_error(a, rc, "listing badges");
	if (!mr.badges)
		printf("badges:    %d (--badges shows them)\n", bj.n);
	return ADMIN_EXIT_OK;
}

int
cmd_member_deactivate(Admin *a, int argc, char **argv)
{
	int64_t id;
	int rc;

	if ((rc = one_id_command(a, argc, argv, &id)) != ADMIN_GO)
		return rc;
	if ((rc = member_deactivate(a->st, id, 0, a->now_utc)) != BORNE_OK)
		return admin_store_error(a, rc, NULL);
	printf("member %lld deactivated\n", (long long)id);
	return ADMIN_EXIT_OK;
}

int
cmd_member_export(Admin *a, int argc, char **argv)
{
	int64_t id;
	int rc;

	if ((rc = one_id_command(a, argc, argv, &id)) != ADMIN_GO)
		return rc;
	if ((rc = privacy_export_member(a->st, id, stdout)) != BORNE_OK)
		return admin_store_error(a, rc, "export");
	return ADMIN_EXIT_OK;
}

int
cmd_member_forget(Admin *a, int argc, char **argv)
{
	int64_t id;
	int rc;

	if ((rc = one_id_command(a, argc, argv, &id)) != ADMIN_GO)
		return rc;
	if ((rc = privacy_forget_member(a->st, id, 0, a->now_utc)) != BORNE_OK)
		return admin_store_error(a, rc, NULL);
	printf("member %lld forgotten: name, badges and PIN erased, visits "
	       "kept anonymous\n", (long long)id);
	admin_note_scrub(a);
	return ADMIN_EXIT_OK;
}

int
cmd_badge_add(Admin *a, int argc, char **argv)
{
	BadgeUid uid;
	char hex[UID_HEX_SIZE], *pos[2];
	int64_t id;
	int n, rc;

	if ((rc = admin_args(a, argc, argv, NULL, pos, 2, 2, &n)) != ADMIN_GO)
		return rc;
	if ((rc = admin_parse_id(a, pos[0], "MEMBER_ID", &id)) != ADMIN_GO)
		return rc;
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	if ((rc = parse_uid(a, pos[1], &uid)) != ADMIN_GO)
		return rc;
	if ((rc = badge_add(a->st, id, &uid, 0, a->now_utc)) != BORNE_OK)
		return admin_store_error(a, rc, NULL);
	uid_format(&uid, hex);
	printf("badge %s added to member %lld\n", hex, (long long)id);
	return ADMIN_EXIT_OK;
}

int
cmd_badge_remove(Admin *a, int argc, char **argv)
{
	BadgeUid uid;
	char hex[UID_HEX_SIZE], *pos[1];
	int n, rc;

	if ((rc = admin_args(a, argc, argv, NULL, pos, 1, 1, &n)) != ADMIN_GO)
		return rc;
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	if ((rc = parse_uid(a, pos[0], &uid)) != ADMIN_GO)
		return rc;
	if ((rc = badge_remove(a->st, &uid, 0, a->now_utc)) != BORNE_OK)
		return admin_store_error(a, rc, NULL);
	uid_format(&uid, hex);
	printf("badge %s removed\n", hex);
	return ADMIN_EXIT_OK;
}
