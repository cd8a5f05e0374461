/* borne_admin.c -- the facilitators' command line: `borne-admin --db FILE
** COMMAND ...` for members, badges, contributive days, check-ins,
** missions, reports, import, backup and the privacy duties.
** This file reads the global options, finds the command in one table
** and runs it; the commands live in cmd_*.c. The database is opened only
** once the command line is known to be right, so a typo never creates an
** empty database file. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "admin.h"
#include "privacy.h"
#include "timeutil.h"

typedef struct AdminCmd {
	const char *word1, *word2;   /* word2 NULL: a one-word command */
	int (*run)(Admin *a, int argc, char **argv);
	const char *usage;
} AdminCmd;

static const AdminCmd commands[] = {
	{ "member", "add", cmd_member_add, "member add --name NAME --role "
	  "cooperator|coworker|facilitator|admin [--badge UID] [--minor] "
	  "[--pin]" },
	{ "member", "pin", cmd_member_pin, "member pin ID   (the PIN is read "
	  "from the terminal, or one line of stdin)" },
	{ "member", "list", cmd_member_list, "member list [--badges]" },
	{ "member", "show", cmd_member_show, "member show ID [--badges]" },
	{ "member", "deactivate", cmd_member_deactivate, "member deactivate ID" },
	{ "member", "export", cmd_member_export, "member export ID" },
	{ "member", "forget", cmd_member_forget, "member forget ID" },
	{ "badge", "add", cmd_badge_add, "badge add MEMBER_ID UID" },
	{ "badge", "remove", cmd_badge_remove, "badge remove UID" },
	{ "day", "add", cmd_day_add, "day add YYYY-MM-DD --title TEXT --from "
	  "HH:MM --to HH:MM [--weekly-until YYYY-MM-DD]" },
	{ "day", "list", cmd_day_list, "day list [--from D --to D]" },
	{ "day", "plan", cmd_day_plan, "day plan FIRST --until D --title TEXT "
	  "--from HH:MM --to HH:MM [--skip D,D...] [--move FROM=TO,...]" },
	{ "day", "cancel", cmd_day_cancel, "day cancel ID | day cancel --series "
	  "SEASON_ID [--from D]" },
	{ "day", "streams", cmd_day_streams, "day streams DAY_ID [NAME...] "
	  "[--clear]" },
	{ "tap", NULL, cmd_tap, "tap UID [--at YYYY-MM-DDTHH:MM[:SS]]" },
	{ "checkin", "list", cmd_checkin_list, "checkin list [--date D] [--badges]" },
	{ "checkin", "fix", cmd_checkin_fix, "checkin fix ID --in TIME --out "
	  "TIME" },
	{ "mission", "add", cmd_mission_add, "mission add --poster ID --title T "
	  "--description D --category C [--place P] [--when D|D..D|flexible] "
	  "[--duration-min N] [--places N] [--reward-cents N|--reward "
	  "quote|tip] [--minors-ok] [--outdoor]" },
	{ "mission", "list", cmd_mission_list, "mission list [--status S]" },
	{ "mission", "approve", cmd_mission_approve, "mission approve ID" },
	{ "mission", "reject", cmd_mission_reject, "mission reject ID --reason R" },
	{ "mission", "take", cmd_mission_take, "mission take ID MEMBER_ID" },
	{ "mission", "release", cmd_mission_release,
	  "mission release ID MEMBER_ID" },
	{ "mission", "done", cmd_mission_done, "mission done ID --by MEMBER_ID" },
	{ "quote", "add", cmd_quote_add, "quote add MISSION_ID --by MEMBER_ID "
	  "--hours H --rate-cents N [--supplies-cents N]" },
	{ "quote", "list", cmd_quote_list, "quote list [--mission ID]" },
	{ "quote", "accept", cmd_quote_accept, "quote accept ID --by MEMBER_ID" },
	{ "quote", "vat", cmd_quote_vat, "quote vat [20|10|5.5|exempt]" },
	{ "quote", "fair", cmd_quote_fair, "quote fair [CATEGORY LOW-HIGH]   "
	  "(euros an hour)" },
	{ "quote", "coop", cmd_quote_coop, "quote coop [NAME]   (printed on "
	  "quotes)" },
	{ "heat-alert", NULL, cmd_heat_alert, "heat-alert [on|off]" },
	{ "safety", NULL, cmd_safety, "safety [KEY VALUE]   (minors' limits: "
	  "day_max_min week_max_min break_after_min break_min heat_hours)" },
	{ "report", "attendance", cmd_report_attendance, "report attendance "
	  "--from D --to D [--by day|member|stream|site]" },
	{ "import", "members", cmd_import_members, "import members FILE.csv" },
	{ "backup", NULL, cmd_backup, "backup FILE | backup --rotate DIR "
	  "[--keep-daily N] [--keep-weekly N]" },
	{ "restore", NULL, cmd_restore, "restore BACKUP" },
	{ "check", NULL, cmd_check, "check" },
	{ "web", "code", cmd_web_code, "web code [--for MEMBER_ID]   (a "
	  "one-time code to sign in to borne-web)" },
	{ "web", "end", cmd_web_end, "web end   (ends every borne-web session)" },
	{ "purge", NULL, cmd_purge, "purge --older-than-days N" },
	{ "hub", "init", cmd_hub_init, "hub init URL   (creates or migrates the "
	  "PostgreSQL hub's schema; docs/sync.md)" },
	{ "hub", "add-kiosk", cmd_hub_add_kiosk, "hub add-kiosk ROLE [--hub URL] "
	  "[--password PW]   (this database's kiosk, as that hub role)" },
	{ "hub", "revoke", cmd_hub_revoke, "hub revoke ROLE [--hub URL]" },
	{ "hub", "add-reader", cmd_hub_add_reader, "hub add-reader ROLE [--hub "
	  "URL] [--password PW]   (a coordinator: reads the report views only)" },
	{ "sync", NULL, cmd_sync, "sync [--hub URL] [--config FILE] | sync "
	  "--status" },
};

#define N_COMMANDS ((int)(sizeof commands / sizeof commands[0]))

static void print_usage(FILE *out);
static int  parse_format(Admin *a, const char *value);

static void
print_usage(FILE *out)
{
	fputs("usage: borne-admin --db FILE [--format text|csv] COMMAND ...\n"
	      "       borne-admin --help\n\ncommands:\n", out);
	for (int i = 0; i < N_COMMANDS; i++)
		fprintf(out, "  %s\n", commands[i].usage);
	fputs("\nExit status: 0 done, 1 wrong command line, 2 input refused or "
	      "database error.\n--format may also come after the command words. "
	      "Times are local (TZ,\nEurope/Paris by default). "
	      "See docs/admin.md.\n", out);
}

int
admin_usage_error(Admin *a, const char *fmt, ...)
{
	va_list ap;

	fputs("borne-admin: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (a != NULL && a->usage != NULL)
		fprintf(stderr, " (usage: borne-admin --db FILE %s)", a->usage);
	fputc('\n', stderr);
	return ADMIN_EXIT_USAGE;
}

int
admin_refuse(const char *fmt, ...)
{
	va_list ap;

	fputs("borne-admin: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return ADMIN_EXIT_REFUSED;
}

int
admin_store_error(Admin *a, int rc, const char *what)
{
	const char *msg = a->st != NULL ? store_errmsg(a->st) : "";

	if (msg == NULL || *msg == '\0')
		msg = borne_strerror(rc);
	if (what != NULL && *what != '\0')
		return admin_refuse("%s: %s", what, msg);
	return admin_refuse("%s", msg);
}

static int
parse_format(Admin *a, const char *value)
{
	if (value == NULL)
		return admin_usage_error(a, "--format needs a value: text or csv");
	if (strcmp(value, "csv") == 0)
		a->fmt = REPORT_CSV;
	else if (strcmp(value, "text") == 0)
		a->fmt = REPORT_TEXT;
	else
		return admin_usage_error(a, "--format: \"%s\" is not text or csv",
		                         value);
	return ADMIN_GO;
}

int
admin_args(Admin *a, int argc, char **argv, AdminOpt *opts, char **pos,
           int min_pos, int max_pos, int *n_pos)
{
	int n = 0, rc;

	*n_pos = 0;
	for (int i = 0; i < argc; i++) {
		const char *w = argv[i];
		AdminOpt *o = NULL;

		if (strcmp(w, "--format") == 0) {
			if ((rc = parse_format(a, i + 1 < argc ? argv[i + 1] : NULL))
			    != ADMIN_GO)
				return rc;
			i++;
			continue;
		}
		if (strcmp(w, "--help") == 0 || strcmp(w, "-h") == 0) {
			printf("usage: borne-admin --db FILE %s\n", a->usage);
			return ADMIN_EXIT_OK;
		}
		if (w[0] == '-' && w[1] == '-') {
			for (AdminOpt *p = opts; p != NULL && p->name != NULL; p++)
				if (strcmp(p->name, w) == 0)
					o = p;
			if (o == NULL)
				return admin_usage_error(a, "unknown option %s", w);
			if (o->value != NULL)
				return admin_usage_error(a, "%s given twice", w);
			if (!o->has_value) {
				o->value = "1";
				continue;
			}
			if (i + 1 >= argc)
				return admin_usage_error(a, "%s needs a value", w);
			o->value = argv[++i];
			continue;
		}
		if (n == max_pos)
			return admin_usage_error(a, "unexpected \"%s\"", w);
		pos[n++] = argv[i];
	}
	if (n < min_pos)
		return admin_usage_error(a, "missing argument");
	*n_pos = n;
	return ADMIN_GO;
}

int
admin_open(Admin *a)
{
	char err[600];
	int rc;

	if (a->st != NULL)
		return ADMIN_GO;
	rc = store_open(a->db_path, &a->st, err, sizeof err);
	if (rc == BORNE_OK)
		return ADMIN_GO;
	if (err[0] == '\0')
		snprintf(err, sizeof err, "%s", borne_strerror(rc));
	return admin_refuse("%s%s%s%s", strstr(err, a->db_path) != NULL ? "" :
	                    a->db_path, strstr(err, a->db_path) != NULL ? "" :
	                    ": ", err, rc == BORNE_EIO || rc == BORNE_EREADONLY ?
	                    " (is the file or its folder read-only, or missing?)"
	                    : "");
}

int
admin_parse_id(Admin *a, const char *s, const char *what, int64_t *out)
{
	char *end;
	long long v;

	*out = 0;
	errno = 0;
	if (s == NULL || *s < '0' || *s > '9')
		goto bad;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v <= 0)
		goto bad;
	*out = (int64_t)v;
	return ADMIN_GO;
bad:
	return admin_usage_error(a, "%s: \"%s\" is not an id (a number from 1)",
	                         what, s != NULL ? s : "");
}

int
admin_parse_int(Admin *a, const char *s, const char *what, int *out)
{
	char *end;
	long v;

	*out = 0;
	errno = 0;
	if (s == NULL || *s < '0' || *s > '9')
		goto bad;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < 0 || v > 0x7FFFFFFFL)
		goto bad;
	*out = (int)v;
	return ADMIN_GO;
bad:
	return admin_usage_error(a, "%s: \"%s\" is not a whole number", what,
	                         s != NULL ? s : "");
}

void
admin_note_scrub(Admin *a)
{
	if (privacy_scrub_pending(a->st) > 0)
		printf("the kiosk is reading the database: it empties the log "
		       "(the erased rows' last copies) within seconds, once it "
		       "lets go\n");
	else
		printf("erased from the files too (log emptied)\n");
}

void
admin_format_local(int64_t utc, char out[17])
{
	char date[TIME_DATE_SIZE], hm[6];

	if (utc <= 0) {
		out[0] = '\0';
		return;
	}
	time_local_date(utc, date);
	time_format_hm(utc, hm);
	snprintf(out, 17, "%.10s %.5s", date, hm);
}

int
main(int argc, char **argv)
{
	Admin a;
	const AdminCmd *cmd = NULL;
	int i = 1, rc;

	memset(&a, 0, sizeof a);
	a.fmt = REPORT_TEXT;
	if (argc < 2) {
		print_usage(stdout);
		return admin_usage_error(NULL, "no command given");
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		print_usage(stdout);
		return ADMIN_EXIT_OK;
	}
	if (strcmp(argv[1], "--db") != 0)
		return admin_usage_error(NULL, "--db FILE must come first "
		                         "(borne-admin --help lists the commands)");
	if (argc < 3 || argv[2][0] == '\0')
		return admin_usage_error(NULL, "--db needs a file name");
	a.db_path = argv[2];
	for (i = 3; i < argc && strcmp(argv[i], "--format") == 0; i += 2)
		if ((rc = parse_format(&a, i + 1 < argc ? argv[i + 1] : NULL))
		    != ADMIN_GO)
			return rc;
	if (i < argc && (strcmp(argv[i], "--help") == 0 ||
	                 strcmp(argv[i], "-h") == 0)) {
		print_usage(stdout);
		return ADMIN_EXIT_OK;
	}
	if (i >= argc) {
		print_usage(stdout);
		return admin_usage_error(NULL, "no command given");
	}
	for (int c = 0; c < N_COMMANDS && cmd == NULL; c++) {
		if (strcmp(commands[c].word1, argv[i]) != 0)
			continue;
		if (commands[c].word2 == NULL)
			cmd = &commands[c];
		else if (i + 1 < argc && strcmp(commands[c].word2, argv[i + 1]) == 0)
			cmd = &commands[c];
	}
	if (cmd == NULL) {
		int known = 0;

		for (int c = 0; c < N_COMMANDS; c++)
			known |= strcmp(commands[c].word1, argv[i]) == 0;
		if (known)
			return admin_usage_error(NULL, "%s: unknown or missing "
			                         "subcommand \"%s\" (borne-admin --help "
			                         "lists the commands)", argv[i],
			                         i + 1 < argc ? argv[i + 1] : "");
		return admin_usage_error(NULL, "unknown command \"%s\" (borne-admin "
		                         "--help lists the commands)", argv[i]);
	}
	i += cmd->word2 != NULL ? 2 : 1;
	a.usage = cmd->usage;
	timeutil_init();
	a.now_utc = (int64_t)time(NULL);
	rc = cmd->run(&a, argc - i, argv + i);
	if (fflush(stdout) != 0 && rc == ADMIN_EXIT_OK)
		rc = admin_refuse("writing the output failed: %s", strerror(errno));
	store_close(a.st);
	return rc;
}
