/* web_fixture.h -- what the tests of borne-web's handlers share: a Web on
** a temp database (core_fixture.h) and requests made up in memory, sent
** through web_dispatch() as the HTTP side would. Header-only, static. */
#ifndef BORNE_WEB_FIXTURE_H
#define BORNE_WEB_FIXTURE_H

#include <stdarg.h>

#include "core_fixture.h"
#include "web.h"
#include "webauth.h"

/* One exchange: the request's params are freed, the response kept until
** wx_free(). */
typedef struct WebX {
	WebReq  rq;
	WebResp rs;
} WebX;

FX_UNUSED static void
wx_free(WebX *x)
{
	web_req_free(&x->rq);
	web_resp_free(&x->rs);
}

/* The body as a string ("" when empty). */
FX_UNUSED static const char *
wx_body(const WebX *x)
{
	return x->rs.body.data != NULL ? x->rs.body.data : "";
}

/* Sends method path (a query after '?' is parsed) with the session
** cookie (may be NULL) and, for a POST, name/value pairs ended by NULL.
** The pair "csrf", WX_CSRF puts the session's own token. */
#define WX_CSRF ((const char *)1)
FX_UNUSED static void
wx_send(Web *w, WebX *x, int64_t now_utc, const char *method,
        const char *path, const char *cookie, ...)
{
	static char pathbuf[1024];
	const char *name;
	char *q;
	va_list ap;

	memset(x, 0, sizeof *x);
	web_resp_init(&x->rs);
	snprintf(pathbuf, sizeof pathbuf, "%s", path);
	if ((q = strchr(pathbuf, '?')) != NULL) {
		*q++ = '\0';
		web_parse_urlencoded(x->rq.query, &x->rq.n_query, q, strlen(q));
	}
	x->rq.method = method;
	x->rq.path = pathbuf;
	x->rq.cookie = cookie;
	x->rq.client = "192.0.2.7";
	x->rq.now_utc = now_utc;
	va_start(ap, cookie);
	while ((name = va_arg(ap, const char *)) != NULL) {
		const char *value = va_arg(ap, const char *);
		char csrf[WEBAUTH_TOKEN_SIZE];

		if (value == WX_CSRF) {
			webauth_csrf(cookie != NULL ? cookie : "", csrf);
			value = csrf;
		}
		web_param_add(x->rq.form, &x->rq.n_form, name, value, strlen(value));
	}
	va_end(ap);
	web_dispatch(w, &x->rq, &x->rs);
}

/* w on a new database "web.db" in the fixture's folder, backups beside
** it. Exits when it cannot be opened. */
FX_UNUSED static void
wx_open(Web *w)
{
	char err[256];

	memset(w, 0, sizeof *w);
	if (store_open(fx_path("web.db"), &w->st, err, sizeof err) != BORNE_OK) {
		fprintf(stderr, "%s\n", err);
		exit(2);
	}
	w->db_path = fx_path("web.db");
	w->backup_dir = fx_dir;
}

/* Signs in as actor (0: borne-admin) through POST /login; the token goes
** to token. Exits when it cannot. */
FX_UNUSED static void
wx_login(Web *w, int64_t actor, int64_t now_utc, char token[WEBAUTH_TOKEN_SIZE])
{
	char code[WEBAUTH_CODE_SIZE];
	const char *eq;
	WebX x;

	if (webauth_code_new(w->st, actor, now_utc, code) != BORNE_OK) {
		fprintf(stderr, "webauth_code_new: %s\n", store_errmsg(w->st));
		exit(2);
	}
	wx_send(w, &x, now_utc, "POST", "/login", NULL, "code", code, NULL);
	eq = strchr(x.rs.cookie, '=');
	if (x.rs.status != 303 || eq == NULL) {
		fprintf(stderr, "login failed: %d %s\n", x.rs.status, wx_body(&x));
		exit(2);
	}
	snprintf(token, WEBAUTH_TOKEN_SIZE, "%.64s", eq + 1);
	wx_free(&x);
}

#endif
