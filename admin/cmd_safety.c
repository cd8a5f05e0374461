/* cmd_safety.c -- borne-admin heat-alert and safety: the minors' limits
** and the heat alert (safety.h), shown and set by the command line. */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "safety.h"

static void print_rules(Admin *a);

static void
print_rules(Admin *a)
{
	SafetyRules r;

	safety_rules(a->st, &r);
	printf("day_max_min %d\nweek_max_min %d\nbreak_after_min %d\n"
	       "break_min %d\nheat_hours %02d:%02d-%02d:%02d\n", r.day_max_min,
	       r.week_max_min, r.break_after_min, r.break_min,
	       r.heat_from_min / 60, r.heat_from_min % 60, r.heat_to_min / 60,
	       r.heat_to_min % 60);
}

int
cmd_heat_alert(Admin *a, int argc, char **argv)
{
	char *pos[1];
	int n, rc, on;

	if ((rc = admin_args(a, argc, argv, NULL, pos, 0, 1, &n)) != ADMIN_GO)
		return rc;
	if (n == 1 && strcmp(pos[0], "on") != 0 && strcmp(pos[0], "off") != 0)
		return admin_usage_error(a, "heat-alert takes on or off");
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	if (n == 1) {
		on = strcmp(pos[0], "on") == 0;
		if ((rc = safety_heat_set(a->st, on, 0, a->now_utc)) != BORNE_OK)
			return admin_store_error(a, rc, NULL);
	}
	printf("heat alert: %s\n", safety_heat_on(a->st, a->now_utc) ?
	       "on today: no outdoor mission for minors in the hot hours" : "off");
	return ADMIN_EXIT_OK;
}

int
cmd_safety(Admin *a, int argc, char **argv)
{
	char *pos[2], key[48];
	int n, rc;

	if ((rc = admin_args(a, argc, argv, NULL, pos, 0, 2, &n)) != ADMIN_GO)
		return rc;
	if (n == 1)
		return admin_usage_error(a, "give a rule and its value, or nothing "
		                         "to list them");
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	if (n == 2) {
		snprintf(key, sizeof key, "safety.%.40s", pos[0]);
		if ((rc = safety_rule_set(a->st, key, pos[1], 0, a->now_utc)) !=
		    BORNE_OK)
			return admin_store_error(a, rc, NULL);
	}
	print_rules(a);
	return ADMIN_EXIT_OK;
}
