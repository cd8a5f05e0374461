/* page_login.c -- signing in with a one-time code from the kiosk,
** signing out, and the page's language.
** The session cookie is HttpOnly (no script reads it), SameSite=Strict
** (no other site's page sends it) and Secure under HTTPS. */
#include <stdio.h>
#include <string.h>

#include "web.h"

static void login_form(Web *w, WebReq *rq, WebResp *rs, const char *error);

static void
login_form(Web *w, WebReq *rq, WebResp *rs, const char *error)
{
	WebBuf *b = &rs->body;

	web_page_begin(w, rq, rs, TR(rq, "Administration de la borne",
	                             "The kiosk's back office"));
	if (error != NULL)
		web_notice(rs, "err", error);
	html_f(b, "<section class=\"card narrow\"><p>%s</p><ol><li>%s</li>"
	       "<li>%s</li><li>%s</li></ol>",
	       TR(rq, "Le code s'obtient à la borne.", "Get the code at the kiosk."),
	       TR(rq, "Passez votre badge d'animateur, puis tapez votre code PIN.",
	          "Tap your facilitator badge, then type your PIN."),
	       TR(rq, "Touchez « Ouvrir l'administration sur un ordinateur ».",
	          "Touch \"Open the back office on a computer\"."),
	       TR(rq, "Tapez ici le code affiché (8 chiffres, valable 10 minutes).",
	          "Type the code shown here (8 digits, valid 10 minutes)."));
	/* No CSRF token: there is no session yet. SameSite and the one-time
	** code are what a forged login would lack. */
	html_f(b, "<form method=\"post\" action=\"/login\"><label for=\"code\">%s"
	       "</label><input id=\"code\" name=\"code\" inputmode=\"numeric\" "
	       "autocomplete=\"one-time-code\" maxlength=\"12\" required "
	       "autofocus%r><button class=\"primary\">%s</button></form></section>",
	       TR(rq, "Code", "Code"), error != NULL ? " aria-invalid=\"true\"" : "",
	       TR(rq, "Se connecter", "Sign in"));
	web_page_end(w, rq, rs);
}

int
page_login_get(Web *w, WebReq *rq, WebResp *rs)
{
	if (rq->signed_in) {
		web_redirect(rs, "/");
		return BORNE_OK;
	}
	login_form(w, rq, rs, NULL);
	return BORNE_OK;
}

int
page_login_post(Web *w, WebReq *rq, WebResp *rs)
{
	char token[WEBAUTH_TOKEN_SIZE];
	int64_t actor = 0;
	int rc;

	rc = webauth_login(w->st, web_form(rq, "code"), rq->client, rq->now_utc,
	                   token, &actor);
	if (rc == BORNE_OK) {
		snprintf(rs->cookie, sizeof rs->cookie, "%s=%s; Path=/; HttpOnly; "
		         "SameSite=Strict; Max-Age=%d%s", WEB_COOKIE, token,
		         WEBAUTH_IDLE_S, w->https ? "; Secure" : "");
		web_redirect(rs, "/");
		return BORNE_OK;
	}
	rs->status = rc == BORNE_ELOCKED ? 429 : rc == BORNE_ENOTFOUND ||
	             rc == BORNE_EPERM ? 403 : 503;
	login_form(w, rq, rs, rc == BORNE_ELOCKED ? TR(rq, "Trop de codes faux : "
	           "attendez 5 minutes, puis demandez un nouveau code à la borne.",
	           "Too many wrong codes: wait 5 minutes, then get a new code at "
	           "the kiosk.") : rc == BORNE_ENOTFOUND ? TR(rq, "Ce code est "
	           "faux ou a expiré. Demandez-en un nouveau à la borne.", "This "
	           "code is wrong or has expired. Get a new one at the kiosk.") :
	           web_store_error(rq, w->st, rc));
	return BORNE_OK;
}

int
page_logout_post(Web *w, WebReq *rq, WebResp *rs)
{
	int rc = webauth_logout(w->st, rq->cookie, rq->now_utc);

	if (rc != BORNE_OK)
		return rc;
	snprintf(rs->cookie, sizeof rs->cookie, "%s=; Path=/; HttpOnly; "
	         "SameSite=Strict; Max-Age=0%s", WEB_COOKIE,
	         w->https ? "; Secure" : "");
	web_redirect(rs, "/login");
	return BORNE_OK;
}

int
page_lang_get(Web *w, WebReq *rq, WebResp *rs)
{
	const char *l = web_query(rq, "l");

	snprintf(rs->cookie2, sizeof rs->cookie2, "%s=%s; Path=/; "
	         "SameSite=Strict; Max-Age=31536000%s", WEB_COOKIE_LANG,
	         l != NULL && strcmp(l, "en") == 0 ? "en" : "fr",
	         w->https ? "; Secure" : "");
	web_redirect(rs, rq->signed_in ? "/" : "/login");
	return BORNE_OK;
}
