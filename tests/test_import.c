/* test_import.c -- members CSV import: parsing, every refusal naming its
** line and field, and all-or-nothing on the database. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "core_fixture.h"
#include "import.h"
#include "member.h"
#include "store.h"
#include "text.h"
#include "timeutil.h"


static int count_member(const Member *m, void *ctx);
static int parse_err(const char *csv, char *err, size_t errlen);
static void write_file(const char *path, const char *text);

static int
count_member(const Member *m, void *ctx)
{
	(void)m;
	(*(int *)ctx)++;
	return 0;
}

static int
parse_err(const char *csv, char *err, size_t errlen)
{
	ImportRow *rows = NULL;
	int n = -1, rc;

	rc = import_members_parse(csv, strlen(csv), &rows, &n, err, errlen);
	CHECK(rc != BORNE_OK ? rows == NULL && n == 0 : 1);
	free(rows);
	return rc;
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	CHECK(f != NULL);
	if (f == NULL)
		return;
	fputs(text, f);
	fclose(f);
}

static void
test_parse_good(void)
{
	const char *csv =
		"\xEF\xBB\xBFname,role,badge,minor\r\n"
		"Inès Martin,cooperator,04A1B2C3,1\r\n"
		"\"Ali \"\"Le Chef\"\"\",coworker,,0\r\n"
		"\"L'Atelier, Lyon\",facilitator, 04:a1:b2:c3:d4:e5:f6 ,0\n"
		"\n"
		"Zed,admin,,0";
	ImportRow *rows = NULL;
	char err[200];
	int n = 0;

	CHECK_INT(import_members_parse(csv, strlen(csv), &rows, &n, err,
	                               sizeof err), BORNE_OK);
	CHECK_INT(n, 4);
	if (n == 4) {
		char hex[UID_HEX_SIZE];

		CHECK_STR(rows[0].name, "Inès Martin");
		CHECK_INT(rows[0].role, ROLE_COOPERATOR);
		CHECK_INT(rows[0].minor, 1);
		CHECK_INT(rows[0].has_badge, 1);
		uid_format(&rows[0].badge, hex);
		CHECK_STR(hex, "04A1B2C3");
		CHECK_INT(rows[0].line, 2);
		CHECK_STR(rows[1].name, "Ali \"Le Chef\"");
		CHECK_INT(rows[1].has_badge, 0);
		CHECK_STR(rows[2].name, "L'Atelier, Lyon");
		uid_format(&rows[2].badge, hex);
		CHECK_STR(hex, "04A1B2C3D4E5F6");
		CHECK_INT(rows[3].line, 6);
	}
	free(rows);

	/* Columns in another order, header in capitals. */
	csv = "Minor,Badge,Role,Name\n0,,coworker,Zoé\n";
	CHECK_INT(import_members_parse(csv, strlen(csv), &rows, &n, err,
	                               sizeof err), BORNE_OK);
	CHECK_INT(n, 1);
	if (n == 1) {
		CHECK_STR(rows[0].name, "Zoé");
		CHECK_INT(rows[0].role, ROLE_COWORKER);
	}
	free(rows);
}

/* Every refusal names the line and the field. */
static void
test_parse_bad(void)
{
	char err[300];
	char longname[200];

	CHECK_INT(parse_err("name,role,badge,minor\nA,cooperator,,0\n"
	                    "\"B,cooperator,,0\n", err, sizeof err), BORNE_EINVAL);
	CHECK_CONTAINS(err, "line 3");
	CHECK_CONTAINS(err, "unbalanced quote");

	/* A newline inside quotes is one record over two lines: refused in
	** a name, and the next record's line number still counts it. */
	CHECK_INT(parse_err("name,role,badge,minor\n\"Deux\nlignes\",admin,,0\n",
	                    err, sizeof err), BORNE_EINVAL);
	CHECK_STR(err, "line 2: name: has a control character");
	CHECK_INT(parse_err("name,role,badge,minor\n\"A,\n\"\"B\"\"\",admin,,0\n"
	                    "C,admin,,2\n", err, sizeof err), BORNE_EINVAL);
	CHECK_STR(err, "line 2: name: has a control character");
	/* A name that poses as another (right-to-left override) is refused,
	** and so is the badge a reader gives when it misreads. */
	CHECK_INT(parse_err("name,role,badge,minor\nA,admin,,0\n"
	                    "Ali\xE2\x80\xAE" "ecnI,admin,,0\n", err, sizeof err),
	          BORNE_EINVAL);
	CHECK_STR(err, "line 3: name: has an invisible or direction-changing "
	          "character (U+202E)");
	CHECK_INT(parse_err("name,role,badge,minor\nA,admin,00000000,0\n", err,
	                    sizeof err), BORNE_EINVAL);
	CHECK_CONTAINS(err, "all zeros");

	CHECK_INT(parse_err("name,role,badge,minor\n\"B\"x,cooperator,,0\n", err,
	                    sizeof err), BORNE_EINVAL);
	CHECK_CONTAINS(err, "line 2");

	CHECK_INT(parse_err("name,role,badge,minor\nA,cooperator,,0\n"
	                    "B,chef,,0\n", err, sizeof err), BORNE_EINVAL);
	CHECK_STR(err, "line 3: role: unknown role \"chef\" (cooperator, "
	          "coworker, facilitator or admin)");

	/* A message quotes a field as valid UTF-8: whole letters, '?' for
	** bytes that are not text. */
	{
		char csv[400], *q;

		q = csv + sprintf(csv, "name,role,badge,minor\nA,");
		for (int i = 0; i < 30; i++)
			q += sprintf(q, "rôle");
		strcpy(q, ",,0\n");
		CHECK_INT(parse_err(csv, err, sizeof err), BORNE_EINVAL);
		CHECK_CONTAINS(err, "line 2: role: unknown role \"rôlerôle");
		CHECK_INT(text_check(err, 1000, TEXT_SINGLE_LINE, 1, NULL, 0),
		          BORNE_OK);
		CHECK_INT(parse_err("name,role,badge,minor\nA,ch\xC3" "f\x01,,0\n",
		                    err, sizeof err), BORNE_EINVAL);
		CHECK_CONTAINS(err, "unknown role \"ch?f?\"");
		CHECK_INT(parse_err("n\xE9m,role,badge,minor\nA,admin,,0\n", err,
		                    sizeof err), BORNE_EINVAL);
		CHECK_CONTAINS(err, "unknown column \"n?m\"");
	}

	/* A field longer than any badge, role or minor is refused whole, not
	** cut: the garbage past 63 bytes used to be dropped unseen. */
	{
		char csv[400];

		snprintf(csv, sizeof csv, "name,role,badge,minor\nA,cooperator,"
		         "04A1B2C3%60sZZ,0\n", "");
		CHECK_INT(parse_err(csv, err, sizeof err), BORNE_EINVAL);
		CHECK_CONTAINS(err, "line 2: badge:");
		snprintf(csv, sizeof csv, "name,role,badge,minor\nA,cooperator,,"
		         "1%70sx\n", "");
		CHECK_INT(parse_err(csv, err, sizeof err), BORNE_EINVAL);
		CHECK_CONTAINS(err, "line 2: minor:");
		snprintf(csv, sizeof csv, "name,role,badge,minor\nA,%70scooperator"
		         ",,0\n", "");
		CHECK_INT(parse_err(csv, err, sizeof err), BORNE_OK);
	}

	CHECK_INT(parse_err("name,role,badge,minor\nA,cooperator,XYZ,0\n", err,
	                    sizeof err), BORNE_EINVAL);
	CHECK_CONTAINS(err, "line 2: badge:");

	CHECK_INT(parse_err("name,role,badge,minor\nA,cooperator,0102,0\n", err,
	                    sizeof err), BORNE_EINVAL);
	CHECK_CONTAINS(err, "line 2: badge:");

	CHECK_INT(parse_err("name,role,badge,minor\nA,cooperator,,yes\n", err,
	                    sizeof err), BORNE_EINVAL);
	CHECK_STR(err, "line 2: minor: \"yes\" is not 1 or 0");

	CHECK_INT(parse_err("name,role,badge,minor\n,cooperator,,0\n", err,
	                    sizeof err), BORNE_EINVAL);
	CHECK_STR(err, "line 2: name: is empty");

	memset(longname, 'a', 81);
	longname[81] = '\0';
	{
		char csv[400];

		snprintf(csv, sizeof csv, "name,role,badge,minor\n%s,admin,,0\n",
		         longname);
		CHECK_INT(parse_err(csv, err, sizeof err), BORNE_EINVAL);
		CHECK_STR(err, "line 2: name: is longer than 80 characters");
	}

	CHECK_INT(parse_err("name,role,badge,minor\nA\xff,admin,,0\n", err,
	                    sizeof err), BORNE_EINVAL);
	CHECK_STR(err, "line 2: name: is not valid UTF-8");

	CHECK_INT(parse_err("name,role,badge,minor\nA\x01,admin,,0\n", err,
	                    sizeof err), BORNE_EINVAL);
	CHECK_STR(err, "line 2: name: has a control character");

	CHECK_INT(parse_err("name,role,badge,minor\nA,admin,,0,extra\n", err,
	                    sizeof err), BORNE_EINVAL);
	CHECK_STR(err, "line 2: expected 4 fields, found 5");

	CHECK_INT(parse_err("name,role,minor\nA,admin,0\n", err, sizeof err),
	          BORNE_EINVAL);
	CHECK_CONTAINS(err, "line 1: header: column \"badge\" is missing");

	CHECK_INT(parse_err("name,role,badge,minor,email\n", err, sizeof err),
	          BORNE_EINVAL);
	CHECK_CONTAINS(err, "unknown column \"email\"");

	CHECK_INT(parse_err("", err, sizeof err), BORNE_EINVAL);
	CHECK_CONTAINS(err, "empty");

	CHECK_INT(parse_err("name,role,badge,minor\n", err, sizeof err),
	          BORNE_EINVAL);
	CHECK_CONTAINS(err, "no member");

	CHECK_INT(parse_err("name,role,badge,minor\nA,admin,04A1B2C3,0\n"
	                    "B,admin,04:a1:b2:c3,0\n", err, sizeof err),
	          BORNE_EINVAL);
	CHECK_STR(err, "line 3: badge: 04A1B2C3 is already given on line 2");

	{
		static const char nul[] = "name,role,badge,minor\nA\0,admin,,0\n";
		ImportRow *rows = NULL;
		int n;

		CHECK_INT(import_members_parse(nul, sizeof nul - 1, &rows, &n, err,
		                               sizeof err), BORNE_EINVAL);
		CHECK_CONTAINS(err, "line 2");
	}
}

static void
test_import_store(void)
{
	char db[128], csv[128], err[300];
	Store *st = NULL;
	int n = -1, count = 0;
	int64_t id;
	BadgeUid uid;

	snprintf(db, sizeof db, "%s", fx_path("import.db"));
	snprintf(csv, sizeof csv, "%s", fx_path("members.csv"));
	CHECK_INT(store_open(db, &st, err, sizeof err), BORNE_OK);
	if (st == NULL)
		return;
	uid_parse("0A0B0C0D", UID_DEC_LSB_FIRST, &uid, NULL, 0);
	CHECK_INT(member_add(st, "Déjà Là", ROLE_COWORKER, 0, &uid, NULL, 0,
	                     1000, &id), BORNE_OK);

	/* A badge already enrolled: refused with the line, nothing added. */
	write_file(csv, "name,role,badge,minor\nA,cooperator,,1\n"
	                "B,cooperator,0a0b0c0d,0\n");
	CHECK_INT(import_members_csv(st, csv, 0, 2000, &n, err, sizeof err),
	          BORNE_EINVAL);
	CHECK_INT(n, 0);
	CHECK_CONTAINS(err, "line 3: badge: 0A0B0C0D already belongs to member");
	count = 0;
	member_each(st, count_member, &count);
	CHECK_INT(count, 1);

	/* A bad row at the end: nothing from the good rows before it. */
	write_file(csv, "name,role,badge,minor\nA,cooperator,,1\nB,boss,,0\n");
	CHECK_INT(import_members_csv(st, csv, 0, 2000, &n, err, sizeof err),
	          BORNE_EINVAL);
	CHECK_CONTAINS(err, "line 3: role");
	count = 0;
	member_each(st, count_member, &count);
	CHECK_INT(count, 1);

	/* A missing file. */
	CHECK_INT(import_members_csv(st, "/nonexistent/x.csv", 0, 2000, &n, err,
	                             sizeof err), BORNE_EIO);
	CHECK_CONTAINS(err, "/nonexistent/x.csv");

	/* A directory given as the file. */
	CHECK(import_members_csv(st, fx_dir, 0, 2000, &n, err, sizeof err)
	      != BORNE_OK);

	/* A good file. */
	write_file(csv, "name,role,badge,minor\n\"L'Atelier\",coworker,,0\n"
	                "\"'); DROP TABLE members;--\",cooperator,11223344,1\n");
	CHECK_INT(import_members_csv(st, csv, 0, 2000, &n, err, sizeof err),
	          BORNE_OK);
	CHECK_INT(n, 2);
	count = 0;
	member_each(st, count_member, &count);
	CHECK_INT(count, 3);
	{
		Member m;

		uid_parse("11223344", UID_DEC_LSB_FIRST, &uid, NULL, 0);
		CHECK_INT(member_by_badge(st, &uid, &m), BORNE_OK);
		CHECK_STR(m.name, "'); DROP TABLE members;--");
		CHECK_INT(m.minor, 1);
	}
	store_close(st);
}

int
main(void)
{
	fx_setup();                     /* temp folder, TZ, fast PIN hash */
	timeutil_init();
	test_parse_good();
	test_parse_bad();
	test_import_store();
	return check_done();
}
