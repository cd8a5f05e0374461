/* scr_fac_web.c -- facilitator mode's door to the back office: "Ouvrir
** l'administration sur un ordinateur" makes a one-time code (webauth.c)
** for the facilitator and shows it with the address to open (FAC_WEB);
** "Fermer toutes les sessions web" ends every borne-web session. The
** code is a secret while shown: facilitator mode's clear() wipes it,
** so it never outlives the facilitator's session at the kiosk. */
#include "app_impl.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

#include "format.h"
#include "i18n.h"
#include "text.h"
#include "webauth.h"

static void web_url(const char *listen, int tls, char *out, size_t outlen);

/* The address people type: the listen address when it names one, else
** this machine's first IPv4 address on a network (not loopback); https
** when borne-web has a certificate. */
static void
web_url(const char *listen, int tls, char *out, size_t outlen)
{
	const char *scheme = tls ? "https" : "http";
	const char *colon = strrchr(listen, ':');
	char host[INET6_ADDRSTRLEN + 2] = "";
	struct ifaddrs *ifs = NULL;

	if (colon == NULL) {
		snprintf(out, outlen, "%s://%s", scheme, listen);
		return;
	}
	snprintf(host, sizeof host, "%.*s", (int)(colon - listen), listen);
	if ((strcmp(host, "0.0.0.0") == 0 || strcmp(host, "[::]") == 0 ||
	     host[0] == '\0') && getifaddrs(&ifs) == 0) {
		snprintf(host, sizeof host, "%s", "borne.local");
		for (struct ifaddrs *i = ifs; i != NULL; i = i->ifa_next) {
			if (i->ifa_addr == NULL || i->ifa_addr->sa_family != AF_INET ||
			    (i->ifa_flags & IFF_LOOPBACK) || !(i->ifa_flags & IFF_UP))
				continue;
			inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)
			          i->ifa_addr)->sin_addr, host, sizeof host);
			break;
		}
		freeifaddrs(ifs);
	}
	snprintf(out, outlen, "%s://%s:%s", scheme, host, colon + 1);
}

int
app_fac_web_action(App *a, AppAction act)
{
	AppView *v = &a->v;
	int rc, n = 0;

	if (act == ACT_WEB_CODE) {
		rc = webauth_code_new(a->st, a->staff.id, a->now_utc, v->fac.web_code);
		v->fac.web_msg[0] = '\0';
		if (rc != BORNE_OK) {
			v->fac.web_code[0] = '\0';
			text_copy(v->fac.web_msg, sizeof v->fac.web_msg,
			          tr(v->lang, "app.web.failed"));
		}
		web_url(a->cfg.web_listen, a->cfg.web_tls, v->fac.web_url,
		        sizeof v->fac.web_url);
		v->fac.fac_tab = FAC_WEB;
		app_cue(a, rc == BORNE_OK ? CUE_SUCCESS : CUE_REFUSED);
		return 1;
	}
	rc = webauth_end_all(a->st, a->staff.id, a->now_utc, &n);
	if (rc == BORNE_OK)
		app_trf(v->lang, v->fac.web_msg, sizeof v->fac.web_msg,
		        "app.web.ended", n);
	else
		text_copy(v->fac.web_msg, sizeof v->fac.web_msg,
		          tr(v->lang, "app.web.failed"));
	v->fac.web_code[0] = '\0';
	app_cue(a, rc == BORNE_OK ? CUE_SUCCESS : CUE_REFUSED);
	return 1;
}

void
app_fac_web_clear(App *a)
{
	AppView *v = &a->v;

	memset(v->fac.web_code, 0, sizeof v->fac.web_code);
	v->fac.web_url[0] = '\0';
	v->fac.web_msg[0] = '\0';
	if (v->fac.fac_tab == FAC_WEB)
		v->fac.fac_tab = FAC_PRESENT;
}
