/* admin.h -- what the borne-admin command files share: the run's context,
** the option parser and the one-line error helpers.
** Exit codes: 0 done, 1 the command line is wrong (usage), 2 the input
** was refused or the data said no (bad name, unknown member, locked or
** damaged database). Every failure prints exactly one line on stderr,
** starting with "borne-admin: ". */
#ifndef BORNE_ADMIN_H
#define BORNE_ADMIN_H

#include <stdint.h>
#include <stdio.h>

#include "borne.h"
#include "mission.h"
#include "report.h"
#include "store.h"

enum { ADMIN_EXIT_OK = 0, ADMIN_EXIT_USAGE = 1, ADMIN_EXIT_REFUSED = 2 };

/* admin_args() returns this when the command may go on. */
#define ADMIN_GO (-1)

typedef struct Admin {
	const char  *db_path;
	Store       *st;         /* opened by admin_open() */
	ReportFormat fmt;        /* --format: text (default) or csv */
	int64_t      now_utc;
	const char  *usage;      /* the running command's usage line */
} Admin;

/* One option a command takes. A flag's value is "1" once seen. */
typedef struct AdminOpt {
	const char *name;        /* "--title" */
	int         has_value;
	const char *value;       /* NULL when not given */
} AdminOpt;

/* Splits argv into the options in opts (NULL-terminated by name) and
** between min_pos and max_pos positional words. --format is taken
** everywhere. Returns ADMIN_GO, or an exit code after printing the
** usage error (or the usage itself for --help, exit 0). */
int admin_args(Admin *a, int argc, char **argv, AdminOpt *opts,
               char **pos, int min_pos, int max_pos, int *n_pos);

/* Opens the database. ADMIN_GO, or 2 after printing why. */
int admin_open(Admin *a);

/* Print one line on stderr and return the exit code. */
int admin_usage_error(Admin *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int admin_refuse(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* rc is a BORNE_E* from the store: prints store_errmsg (or
** borne_strerror when empty) after what, returns 2. */
int admin_store_error(Admin *a, int rc, const char *what);

/* A positive id ("12"). ADMIN_GO or 1 after a usage error naming what. */
int admin_parse_id(Admin *a, const char *s, const char *what, int64_t *out);
/* A whole number, 0 or more, below 2^31. Same returns. */
int admin_parse_int(Admin *a, const char *s, const char *what, int *out);

/* A mission category, French (with or without accents) or English:
** BORNE_OK or BORNE_EINVAL (cmd_mission.c). */
int admin_parse_category(const char *s, MissionCategory *out);

/* After forget or purge: says on stdout whether the erased rows are gone
** from the files too, or left to the kiosk (privacy_scrub). */
void admin_note_scrub(Admin *a);

/* "YYYY-MM-DD HH:MM" local, or "" for 0. */
void admin_format_local(int64_t utc, char out[17]);

/* Reads a PIN for who (cmd_pin.c): twice on the terminal, echo off, or
** one line of stdin when it is no terminal. ADMIN_GO or 2 after saying
** why (out wiped). */
int admin_read_pin(Admin *a, const char *who, char *out, size_t outlen);
/* Loads the kiosk's PIN key (pinkey.h). ADMIN_GO or 2 after saying why. */
int admin_pin_key(Admin *a);

/* Commands: argc/argv are the words after the command words. */
int cmd_member_add(Admin *a, int argc, char **argv);
int cmd_member_list(Admin *a, int argc, char **argv);
int cmd_member_show(Admin *a, int argc, char **argv);
int cmd_member_deactivate(Admin *a, int argc, char **argv);
int cmd_member_export(Admin *a, int argc, char **argv);
int cmd_member_forget(Admin *a, int argc, char **argv);
int cmd_member_pin(Admin *a, int argc, char **argv);
int cmd_badge_add(Admin *a, int argc, char **argv);
int cmd_badge_remove(Admin *a, int argc, char **argv);
int cmd_day_add(Admin *a, int argc, char **argv);
int cmd_day_list(Admin *a, int argc, char **argv);
int cmd_day_plan(Admin *a, int argc, char **argv);
int cmd_day_cancel(Admin *a, int argc, char **argv);
int cmd_day_streams(Admin *a, int argc, char **argv);
int cmd_tap(Admin *a, int argc, char **argv);
int cmd_checkin_list(Admin *a, int argc, char **argv);
int cmd_checkin_fix(Admin *a, int argc, char **argv);
int cmd_mission_add(Admin *a, int argc, char **argv);
int cmd_mission_list(Admin *a, int argc, char **argv);
int cmd_mission_approve(Admin *a, int argc, char **argv);
int cmd_mission_reject(Admin *a, int argc, char **argv);
int cmd_mission_take(Admin *a, int argc, char **argv);
int cmd_mission_release(Admin *a, int argc, char **argv);
int cmd_mission_done(Admin *a, int argc, char **argv);
int cmd_quote_add(Admin *a, int argc, char **argv);
int cmd_quote_list(Admin *a, int argc, char **argv);
int cmd_quote_accept(Admin *a, int argc, char **argv);
int cmd_quote_vat(Admin *a, int argc, char **argv);
int cmd_quote_fair(Admin *a, int argc, char **argv);
int cmd_quote_coop(Admin *a, int argc, char **argv);
int cmd_heat_alert(Admin *a, int argc, char **argv);
int cmd_safety(Admin *a, int argc, char **argv);
int cmd_report_attendance(Admin *a, int argc, char **argv);
int cmd_import_members(Admin *a, int argc, char **argv);
int cmd_backup(Admin *a, int argc, char **argv);
int cmd_restore(Admin *a, int argc, char **argv);
int cmd_check(Admin *a, int argc, char **argv);
int cmd_purge(Admin *a, int argc, char **argv);
/* cmd_web.c: the back office's codes and sessions */
int cmd_web_code(Admin *a, int argc, char **argv);
int cmd_web_end(Admin *a, int argc, char **argv);
/* cmd_hub.c: the PostgreSQL hub (docs/sync.md) */
int cmd_hub_init(Admin *a, int argc, char **argv);
int cmd_hub_add_kiosk(Admin *a, int argc, char **argv);
int cmd_hub_revoke(Admin *a, int argc, char **argv);
int cmd_hub_add_reader(Admin *a, int argc, char **argv);
int cmd_sync(Admin *a, int argc, char **argv);

#endif
