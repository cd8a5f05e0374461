/* test_web.c -- borne-web's plumbing and signing in, through
** web_dispatch() with requests made up in memory: unknown paths and
** methods, pages refused without a session, one-time codes (once, 10
** minutes, hashed, rate-limited, audited), the session cookie, CSRF,
** sign-out, idle expiry, ending every session from the kiosk, and the
** escaping of everything a page prints. */
#include "check.h"
#include "web_fixture.h"

#include "member.h"

static Web w;
static int64_t now;

static void test_routes(void);
static void test_codes(void);
static void test_session(void);
static void test_escape(void);
static void test_every_route_needs_session(void);

static void
test_routes(void)
{
	WebX x;

	wx_send(&w, &x, now, "GET", "/no-such-page", NULL, NULL);
	CHECK_INT(x.rs.status, 404);
	wx_free(&x);
	wx_send(&w, &x, now, "DELETE", "/", NULL, NULL);
	CHECK_INT(x.rs.status, 405);
	CHECK(x.rs.allow != NULL);
	wx_free(&x);
	wx_send(&w, &x, now, "GET", "/", NULL, NULL);
	CHECK_INT(x.rs.status, 303);
	CHECK_STR(x.rs.location, "/login");
	wx_free(&x);
	wx_send(&w, &x, now, "GET", "/login", NULL, NULL);
	CHECK_INT(x.rs.status, 200);
	CHECK_CONTAINS(wx_body(&x), "name=\"code\"");
	CHECK_CONTAINS(wx_body(&x), "lang=\"fr\"");
	wx_free(&x);
	wx_send(&w, &x, now, "GET", "/style.css", NULL, NULL);
	CHECK_INT(x.rs.status, 200);
	CHECK_CONTAINS(wx_body(&x), "#B3472A");
	wx_free(&x);
	/* No way out of the fonts' folder. */
	wx_send(&w, &x, now, "GET", "/fonts/../../etc/passwd", NULL, NULL);
	CHECK(x.rs.status == 404);
	wx_free(&x);
	wx_send(&w, &x, now, "GET", "/fonts/passwd", NULL, NULL);
	CHECK_INT(x.rs.status, 404);
	wx_free(&x);
}

static void
test_codes(void)
{
	char code[WEBAUTH_CODE_SIZE], token[WEBAUTH_TOKEN_SIZE];
	int64_t coop = 0, actor = -1;
	WebX x;

	CHECK_INT(member_add(w.st, "Zoé", ROLE_COOPERATOR, 0, NULL, NULL, 0, now,
	                     &coop), BORNE_OK);
	/* A cooperator gets no code. */
	CHECK_INT(webauth_code_new(w.st, coop, now, code), BORNE_EPERM);
	CHECK_INT(webauth_code_new(w.st, 0, now, code), BORNE_OK);
	CHECK_INT((int)strlen(code), 9);
	/* Kept as a hash only. */
	CHECK_INT(fx_sql_int(w.st, "SELECT count(*) FROM web_codes"), 1);
	{
		char digits[16];

		snprintf(digits, sizeof digits, "%.4s%.4s", code, code + 5);
		CHECK_INT(fx_sql_int(w.st, "SELECT count(*) FROM web_codes WHERE "
		                     "hash GLOB '*[^0-9a-f]*' OR length(hash) != 64"), 0);
		/* Typed without its space. */
		CHECK_INT(webauth_login(w.st, digits, "t", now + 60, token, &actor),
		          BORNE_OK);
	}
	CHECK_INT(actor, 0);
	CHECK_INT((int)strlen(token), 64);
	/* Once only. */
	CHECK_INT(webauth_login(w.st, code, "t", now + 61, token, &actor),
	          BORNE_ENOTFOUND);
	/* Ten minutes only. */
	CHECK_INT(webauth_code_new(w.st, 0, now, code), BORNE_OK);
	CHECK_INT(webauth_login(w.st, code, "t", now + WEBAUTH_CODE_TTL_S, token,
	                        &actor), BORNE_ENOTFOUND);
	/* Wrong codes through the page: 403, the form again, audited. */
	wx_send(&w, &x, now + 700, "POST", "/login", NULL, "code", "0000 0000",
	        NULL);
	CHECK_INT(x.rs.status, 403);
	CHECK_INT(x.rs.cookie[0], '\0');
	CHECK_CONTAINS(wx_body(&x), "aria-invalid");
	wx_free(&x);
	CHECK(fx_sql_int(w.st, "SELECT count(*) FROM audit WHERE action = "
	                 "'web.login_refused' AND detail = '192.0.2.7'") >= 1);
	/* Five wrong in five minutes: even a right code waits. */
	CHECK_INT(webauth_code_new(w.st, 0, now + 700, code), BORNE_OK);
	wx_send(&w, &x, now + 701, "POST", "/login", NULL, "code", "not a code",
	        NULL);
	CHECK_INT(x.rs.status, 403);
	wx_free(&x);
	CHECK_INT(webauth_login(w.st, "1", "t", now + 702, token, &actor),
	          BORNE_ENOTFOUND);
	CHECK_INT(webauth_login(w.st, "12345678", "t", now + 702, token, &actor),
	          BORNE_ENOTFOUND);
	wx_send(&w, &x, now + 703, "POST", "/login", NULL, "code", code, NULL);
	CHECK_INT(x.rs.status, 429);
	CHECK_INT(x.rs.cookie[0], '\0');
	wx_free(&x);
	CHECK_INT(fx_sql_int(w.st, "SELECT count(*) FROM audit WHERE action = "
	                     "'web.login_locked'"), 1);
	/* The window passes: the code (still valid) works. */
	wx_send(&w, &x, now + 700 + WEBAUTH_FAIL_WINDOW_S + 5, "POST", "/login",
	        NULL, "code", code, NULL);
	CHECK_INT(x.rs.status, 303);
	CHECK_CONTAINS(x.rs.cookie, "HttpOnly");
	CHECK_CONTAINS(x.rs.cookie, "SameSite=Strict");
	CHECK(strstr(x.rs.cookie, "Secure") == NULL);
	wx_free(&x);
	now += 700 + WEBAUTH_FAIL_WINDOW_S + 10;
}

static void
test_session(void)
{
	char token[WEBAUTH_TOKEN_SIZE], other[WEBAUTH_TOKEN_SIZE];
	int64_t fac = 0, actor = 0;
	WebX x;

	CHECK_INT(member_add(w.st, "Awa <b>Diallo</b>", ROLE_FACILITATOR, 0, NULL,
	                     NULL, 0, now, &fac), BORNE_OK);
	wx_login(&w, fac, now, token);
	CHECK_INT(fx_sql_int(w.st, "SELECT count(*) FROM audit WHERE action = "
	                     "'web.login' AND actor_id = (SELECT max(id) FROM "
	                     "members)"), 1);
	wx_send(&w, &x, now + 5, "GET", "/", token, NULL);
	CHECK_INT(x.rs.status, 200);
	CHECK_CONTAINS(wx_body(&x), "Tableau de bord");
	/* Her name, escaped. */
	CHECK_CONTAINS(wx_body(&x), "Awa &lt;b&gt;Diallo&lt;/b&gt;");
	CHECK(strstr(wx_body(&x), "<b>Diallo") == NULL);
	wx_free(&x);
	/* A restart keeps it: the session is in the database. */
	CHECK_INT(webauth_session(w.st, token, now + 6, &actor), BORNE_OK);
	CHECK_INT(actor, fac);
	/* A forged or stale form is refused, nothing done. */
	wx_send(&w, &x, now + 7, "POST", "/logout", token, NULL);
	CHECK_INT(x.rs.status, 403);
	wx_free(&x);
	wx_send(&w, &x, now + 7, "POST", "/logout", token, "csrf",
	        "0000000000000000000000000000000000000000000000000000000000000000",
	        NULL);
	CHECK_INT(x.rs.status, 403);
	wx_free(&x);
	CHECK_INT(webauth_session(w.st, token, now + 8, &actor), BORNE_OK);
	/* Another session's token is not this one's. */
	wx_login(&w, fac, now, other);
	wx_send(&w, &x, now + 9, "POST", "/logout", token, "csrf", WX_CSRF, NULL);
	CHECK_INT(x.rs.status, 303);
	CHECK_STR(x.rs.location, "/login");
	CHECK_CONTAINS(x.rs.cookie, "Max-Age=0");
	wx_free(&x);
	CHECK_INT(webauth_session(w.st, token, now + 10, &actor), BORNE_ENOTFOUND);
	wx_send(&w, &x, now + 11, "GET", "/", token, NULL);
	CHECK_INT(x.rs.status, 303);
	wx_free(&x);
	/* 12 hours idle: ended; a request within keeps it going. */
	CHECK_INT(webauth_session(w.st, other, now + WEBAUTH_IDLE_S - 10,
	                          &actor), BORNE_OK);
	CHECK_INT(webauth_session(w.st, other, now + 2 * WEBAUTH_IDLE_S - 20,
	                          &actor), BORNE_OK);
	CHECK_INT(webauth_session(w.st, other, now + 3 * WEBAUTH_IDLE_S, &actor),
	          BORNE_ENOTFOUND);
	/* A deactivated facilitator's session ends. */
	wx_login(&w, fac, now, other);
	CHECK_INT(member_deactivate(w.st, fac, 0, now), BORNE_OK);
	CHECK_INT(webauth_session(w.st, other, now + 1, &actor), BORNE_ENOTFOUND);
	/* "End web sessions" at the kiosk ends them all, and the codes. */
	wx_login(&w, 0, now, token);
	wx_login(&w, 0, now, other);
	{
		char code[WEBAUTH_CODE_SIZE];
		int n = -1, n_open = webauth_count(w.st, now);

		CHECK_INT(webauth_code_new(w.st, 0, now, code), BORNE_OK);
		CHECK(n_open >= 2);
		CHECK_INT(webauth_end_all(w.st, 0, now, &n), BORNE_OK);
		CHECK_INT(n, n_open);
		CHECK_INT(webauth_count(w.st, now), 0);
		CHECK_INT(webauth_session(w.st, token, now, &actor), BORNE_ENOTFOUND);
		CHECK_INT(webauth_login(w.st, code, "t", now, token, &actor),
		          BORNE_ENOTFOUND);
	}
	/* English on asking. */
	wx_send(&w, &x, now, "GET", "/lang?l=en", NULL, NULL);
	CHECK_CONTAINS(x.rs.cookie2, "borne_lang=en");
	wx_free(&x);
}

static void
test_every_route_needs_session(void)
{
	for (int i = 0; i < web_n_routes; i++) {
		const WebRoute *r = &web_routes[i];
		char path[256];
		WebX x;

		if (!r->needs_session)
			continue;
		snprintf(path, sizeof path, "%s%s", r->path,
		         r->path[strlen(r->path) - 1] == '/' && strlen(r->path) > 1 ?
		         "x" : "");
		wx_send(&w, &x, now, r->method, path, NULL, "csrf", "x", NULL);
		if (x.rs.status != 303 || strcmp(x.rs.location, "/login") != 0)
			fprintf(stderr, "%s %s: %d\n", r->method, path, x.rs.status);
		CHECK_INT(x.rs.status, 303);
		CHECK_STR(x.rs.location, "/login");
		wx_free(&x);
	}
}

static void
test_escape(void)
{
	WebBuf b = { 0 };

	html_f(&b, "<p title=\"%s\">%s %d %D %u%%</p>", "\"><script>",
	       "a & b < c", -3, (int64_t)1 << 40, "é &x=1");
	CHECK_STR(b.data, "<p title=\"&quot;&gt;&lt;script&gt;\">a &amp; b "
	          "&lt; c -3 1099511627776 %C3%A9%20%26x%3D1%</p>");
	wb_free(&b);
}

int
main(void)
{
	fx_setup();
	now = fx_t("2026-03-02T10:00");
	wx_open(&w);
	test_routes();
	test_every_route_needs_session();
	test_codes();
	test_session();
	test_escape();
	store_close(w.st);
	return check_done();
}
