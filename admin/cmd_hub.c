/* cmd_hub.c -- borne-admin hub init / add-kiosk / revoke / add-reader and
** sync: the PostgreSQL hub of several kiosks (docs/sync.md). The hub's
** address is --hub URL, else hub_url in the configuration (--config
** FILE, default /etc/borne/borne.conf). sync --status reads this database
** only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "admin.h"
#include "config.h"
#include "outbox.h"
#include "sync_hub.h"
#include "timeutil.h"

#define HUB_CONFIG_DEFAULT "/etc/borne/borne.conf"

static int hub_url(Admin *a, const char *given, const char *conf_path,
                   char *out, size_t outlen);
static void when(int64_t utc, char *out, size_t outlen);

/* --hub, or the configuration's hub_url; exit 1 when neither says. */
static int
hub_url(Admin *a, const char *given, const char *conf_path, char *out,
        size_t outlen)
{
	Config *cfg = NULL;
	const char *v;

	if (given != NULL && *given != '\0') {
		snprintf(out, outlen, "%s", given);
		return ADMIN_GO;
	}
	(void)config_load(conf_path != NULL ? conf_path : HUB_CONFIG_DEFAULT,
	                  &cfg, NULL, NULL);
	v = cfg != NULL ? config_get(cfg, "hub_url") : NULL;
	snprintf(out, outlen, "%s", v != NULL ? v : "");
	config_free(cfg);
	if (out[0] == '\0')
		return admin_usage_error(a, "no hub: give --hub URL or set hub_url "
		                         "in the configuration");
	return ADMIN_GO;
}

static void
when(int64_t utc, char *out, size_t outlen)
{
	char date[TIME_DATE_SIZE];
	int m = time_local_minutes(utc);

	time_local_date(utc, date);
	snprintf(out, outlen, "%s %02d:%02d", date, m / 60, m % 60);
}

int
cmd_hub_init(Admin *a, int argc, char **argv)
{
	char *pos[1], err[512];
	int n_pos, rc;

	if ((rc = admin_args(a, argc, argv, NULL, pos, 1, 1, &n_pos)) != ADMIN_GO)
		return rc;
	if (hub_init(pos[0], err, sizeof err) != BORNE_OK)
		return admin_refuse("%s", err);
	printf("hub ready (schema borne, version 2)\n");
	return ADMIN_EXIT_OK;
}

int
cmd_hub_add_kiosk(Admin *a, int argc, char **argv)
{
	AdminOpt opts[] = { { "--hub", 1, NULL }, { "--config", 1, NULL },
	                    { "--password", 1, NULL }, { NULL, 0, NULL } };
	char *pos[1], url[1024], err[512], code[16];
	OutboxState s;
	int64_t seeded = 0;
	int n_pos, rc;

	if ((rc = admin_args(a, argc, argv, opts, pos, 1, 1, &n_pos)) != ADMIN_GO ||
	    (rc = hub_url(a, opts[0].value, opts[1].value, url, sizeof url))
	    != ADMIN_GO || (rc = admin_open(a)) != ADMIN_GO)
		return rc;
	if ((rc = outbox_state(a->st, &s)) != BORNE_OK)
		return admin_store_error(a, rc, "hub add-kiosk");
	if (hub_add_kiosk(url, s.kiosk_uuid, pos[0], opts[2].value, code,
	                  sizeof code, err, sizeof err) != BORNE_OK)
		return admin_refuse("%s", err);
	/* Its quotes are numbered under the hub's code from now on. */
	if (code[0] != '\0' &&
	    (rc = outbox_set_quote_prefix(a->st, code)) != BORNE_OK)
		return admin_store_error(a, rc, "hub add-kiosk");
	/* What this kiosk held before it had an outbox goes at its first sync. */
	if ((rc = outbox_seed(a->st, &seeded)) != BORNE_OK)
		return admin_store_error(a, rc, "hub add-kiosk");
	printf("kiosk %s added to the hub as role %s, code %s", s.kiosk_uuid,
	       pos[0], code[0] != '\0' ? code : "-");
	if (seeded > 0)
		printf("; %lld earlier rows will go at the first sync",
		       (long long)seeded);
	putchar('\n');
	return ADMIN_EXIT_OK;
}

int
cmd_hub_revoke(Admin *a, int argc, char **argv)
{
	AdminOpt opts[] = { { "--hub", 1, NULL }, { "--config", 1, NULL },
	                    { NULL, 0, NULL } };
	char *pos[1], url[1024], err[512];
	int n_pos, rc;

	if ((rc = admin_args(a, argc, argv, opts, pos, 1, 1, &n_pos)) != ADMIN_GO ||
	    (rc = hub_url(a, opts[0].value, opts[1].value, url, sizeof url))
	    != ADMIN_GO)
		return rc;
	if (hub_revoke(url, pos[0], err, sizeof err) != BORNE_OK)
		return admin_refuse("%s", err);
	printf("kiosk %s revoked: it can no longer sign in to the hub\n", pos[0]);
	return ADMIN_EXIT_OK;
}

/* A coordinator's role: the report views, nothing else. Needs no kiosk
** database: the hub's owner runs it from anywhere. */
int
cmd_hub_add_reader(Admin *a, int argc, char **argv)
{
	AdminOpt opts[] = { { "--hub", 1, NULL }, { "--config", 1, NULL },
	                    { "--password", 1, NULL }, { NULL, 0, NULL } };
	char *pos[1], url[1024], err[512];
	int n_pos, rc;

	if ((rc = admin_args(a, argc, argv, opts, pos, 1, 1, &n_pos)) != ADMIN_GO ||
	    (rc = hub_url(a, opts[0].value, opts[1].value, url, sizeof url))
	    != ADMIN_GO)
		return rc;
	if (hub_add_reader(url, pos[0], opts[2].value, err, sizeof err)
	    != BORNE_OK)
		return admin_refuse("%s", err);
	printf("reader %s may read borne.hours_by_site, hours_by_member, "
	       "hours_by_month, visit_hours, hours and missions_by_status, "
	       "nothing else\n", pos[0]);
	return ADMIN_EXIT_OK;
}

static int
sync_status(Admin *a)
{
	OutboxState s;
	char t[40];
	int rc;
	long long taken;

	if ((rc = outbox_state(a->st, &s)) != BORNE_OK)
		return admin_store_error(a, rc, "sync --status");
	taken = (long long)s.badges_taken;
	if (s.synced_utc == 0) {
		printf("jamais synchronisée\n");
	} else {
		when(s.synced_utc, t, sizeof t);
		if (s.pending > 0 || s.last_error[0] != '\0')
			printf("pas synchronisée depuis %s\n", t);
		else
			printf("synchronisée le %s\n", t);
	}
	printf("changements en attente : %lld\n", (long long)s.pending);
	printf("kiosque %s, incarnation %d\n", s.kiosk_uuid, s.incarnation);
	if (s.update_required)
		printf("mise à jour requise : le hub a des changements d'une "
		       "version plus récente de borne\n");
	if (taken > 0)
		printf("badges pris ailleurs : %lld (voir le journal)\n", taken);
	if (s.last_error[0] != '\0')
		printf("dernière erreur : %s\n", s.last_error);
	return ADMIN_EXIT_OK;
}

int
cmd_sync(Admin *a, int argc, char **argv)
{
	AdminOpt opts[] = { { "--hub", 1, NULL }, { "--config", 1, NULL },
	                    { "--status", 0, NULL }, { "--keep-days", 1, NULL },
	                    { NULL, 0, NULL } };
	char *pos[1], url[1024], err[512], *end;
	HubSyncStats s;
	struct timespec t0, t1;
	int n_pos, rc, keep = OUTBOX_KEEP_DAYS;
	long v;

	if ((rc = admin_args(a, argc, argv, opts, pos, 0, 0, &n_pos)) != ADMIN_GO)
		return rc;
	if (opts[2].value != NULL) {
		if ((rc = admin_open(a)) != ADMIN_GO)
			return rc;
		return sync_status(a);
	}
	if ((rc = hub_url(a, opts[0].value, opts[1].value, url, sizeof url))
	    != ADMIN_GO || (rc = admin_open(a)) != ADMIN_GO)
		return rc;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (opts[3].value != NULL) {
		v = strtol(opts[3].value, &end, 10);
		if (*end != '\0' || end == opts[3].value || v < -1 || v > 36500)
			return admin_refuse("sync: --keep-days takes a number of days "
			                    "(0 to 36500, -1: keep everything)");
		keep = (int)v;
	}
	if (hub_sync(a->st, url, a->now_utc, keep, &s, err, sizeof err)
	    != BORNE_OK)
		return admin_refuse("sync: %s", err);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("sent %lld, received %lld (%lld written), incarnation %d, "
	       "%.0f ms\n", (long long)s.pushed, (long long)s.pulled,
	       (long long)s.applied, s.incarnation,
	       (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
	       (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
	if (s.restored)
		printf("restored backup noticed: new incarnation %d, the hub's rows "
		       "brought back\n", s.incarnation);
	if (s.reseeded > 0)
		printf("the hub lacked changes pruned here: %lld rows sent again, "
		       "incarnation %d\n", (long long)s.reseeded, s.incarnation);
	if (s.pruned > 0)
		printf("%lld changes the hub took were pruned from the outbox\n",
		       (long long)s.pruned);
	if (s.too_new)
		printf("mise à jour requise: changes of a newer borne passed over, "
		       "pulled again once this one is updated\n");
	return ADMIN_EXIT_OK;
}
