/* cmd_web.c -- borne-admin web code / web end: signing in to the back
** office (borne-web) without the kiosk, and ending every web session.
** `web code` prints the one-time code alone on its first line (scripts
** read it), then how to use it. Without --for, the session acts as the
** machine's administrator, as borne-admin itself does. */
#include <stdio.h>

#include "admin.h"
#include "webauth.h"

int
cmd_web_code(Admin *a, int argc, char **argv)
{
	AdminOpt opts[] = { { "--for", 1, NULL }, { NULL, 0, NULL } };
	char *pos[1], code[WEBAUTH_CODE_SIZE];
	int64_t actor = 0;
	int n_pos, rc;

	if ((rc = admin_args(a, argc, argv, opts, pos, 0, 0, &n_pos)) != ADMIN_GO)
		return rc;
	if (opts[0].value != NULL &&
	    (rc = admin_parse_id(a, opts[0].value, "--for", &actor)) != ADMIN_GO)
		return rc;
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	if ((rc = webauth_code_new(a->st, actor, a->now_utc, code)) != BORNE_OK)
		return admin_store_error(a, rc, "web code");
	printf("%s\nvalid %d minutes, once: type it on the back office's "
	       "login page (borne-web, http://THIS-MACHINE:8080/login)\n", code,
	       WEBAUTH_CODE_TTL_S / 60);
	return ADMIN_EXIT_OK;
}

int
cmd_web_end(Admin *a, int argc, char **argv)
{
	char *pos[1];
	int n_pos, n = 0, rc;

	if ((rc = admin_args(a, argc, argv, NULL, pos, 0, 0, &n_pos)) != ADMIN_GO)
		return rc;
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	if ((rc = webauth_end_all(a->st, 0, a->now_utc, &n)) != BORNE_OK)
		return admin_store_error(a, rc, "web end");
	printf("%d web session%s ended\n", n, n == 1 ? "" : "s");
	return ADMIN_EXIT_OK;
}
