/* web_core.c -- borne-web's request plumbing: parameters, the HTML
** buffer and its escaping printf, the dispatcher (404, 405, sign-in,
** CSRF) and the frame every page shares. No HTTP library here. */
#include "web.h"

#include <ctype.h>
#include <inttypes.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "member.h"
#include "timeutil.h"

static int  hexval(int c);
static void url_decode(char *s, size_t *len);
static int  route_matches(const WebRoute *r, const char *path);

/* ---- Buffers and parameters ---- */

void
wb_put(WebBuf *b, const char *s, size_t n)
{
	if (b->failed || n == 0)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap != 0 ? b->cap : 4096;
		char *d;

		while (cap < b->len + n + 1)
			cap *= 2;
		if ((d = realloc(b->data, cap)) == NULL) {
			b->failed = 1;
			return;
		}
		b->data = d;
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
wb_free(WebBuf *b)
{
	free(b->data);
	memset(b, 0, sizeof *b);
}

void
html_raw(WebBuf *b, const char *s)
{
	wb_put(b, s, strlen(s));
}

void
html_s(WebBuf *b, const char *text)
{
	const char *p = text != NULL ? text : "", *run = p;

	for (; *p != '\0'; p++) {
		const char *rep = NULL;

		switch (*p) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: break;
		}
		if (rep == NULL)
			continue;
		wb_put(b, run, (size_t)(p - run));
		html_raw(b, rep);
		run = p + 1;
	}
	wb_put(b, run, (size_t)(p - run));
}

void
html_f(WebBuf *b, const char *fmt, ...)
{
	va_list ap;
	const char *run = fmt, *p;
	char num[32];

	va_start(ap, fmt);
	for (p = fmt; *p != '\0'; p++) {
		if (*p != '%')
			continue;
		wb_put(b, run, (size_t)(p - run));
		switch (*++p) {
		case 's':
			html_s(b, va_arg(ap, const char *));
			break;
		case 'r':       /* our own markup, never people's text */
			html_raw(b, va_arg(ap, const char *));
			break;
		case 'd':
			snprintf(num, sizeof num, "%d", va_arg(ap, int));
			html_raw(b, num);
			break;
		case 'D':
			snprintf(num, sizeof num, "%" PRId64, va_arg(ap, int64_t));
			html_raw(b, num);
			break;
		case 'u': {
			const unsigned char *t = va_arg(ap, const unsigned char *);

			for (; t != NULL && *t != '\0'; t++) {
				if (isalnum(*t) || *t == '-' || *t == '_' || *t == '.') {
					wb_put(b, (const char *)t, 1);
				} else {
					snprintf(num, sizeof num, "%%%02X", *t);
					html_raw(b, num);
				}
			}
			break;
		}
		case '%':
			html_raw(b, "%");
			break;
		default:        /* a mistake in our own format: shown, not run */
			html_raw(b, "?");
			if (*p == '\0')
				p--;
			break;
		}
		run = p + 1;
	}
	wb_put(b, run, (size_t)(p - run));
	va_end(ap);
}

int
web_param_add(WebParam *ps, int *n, const char *name, const char *value,
              size_t len)
{
	WebParam *p;

	if (*n >= WEB_PARAMS_MAX)
		return -1;
	p = &ps[*n];
	p->name = strdup(name);
	p->value = malloc(len + 1);
	if (p->name == NULL || p->value == NULL) {
		free(p->name);
		free(p->value);
		return -1;
	}
	memcpy(p->value, value, len);
	p->value[len] = '\0';
	p->value_len = len;
	(*n)++;
	return 0;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void
url_decode(char *s, size_t *len)
{
	size_t i, o = 0;

	for (i = 0; i < *len; i++) {
		if (s[i] == '+') {
			s[o++] = ' ';
		} else if (s[i] == '%' && i + 2 < *len && hexval(s[i + 1]) >= 0 &&
		           hexval(s[i + 2]) >= 0) {
			s[o++] = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
			i += 2;
		} else {
			s[o++] = s[i];
		}
	}
	s[o] = '\0';
	*len = o;
}

void
web_parse_urlencoded(WebParam *ps, int *n, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t end = i, eq;
		char *name, *val;
		size_t nlen, vlen;

		while (end < len && s[end] != '&')
			end++;
		for (eq = i; eq < end && s[eq] != '='; eq++)
			;
		nlen = eq - i;
		vlen = eq < end ? end - eq - 1 : 0;
		name = malloc(nlen + 1);
		val = malloc(vlen + 1);
		if (name != NULL && val != NULL && nlen > 0) {
			memcpy(name, s + i, nlen);
			memcpy(val, s + eq + (eq < end), vlen);
			url_decode(name, &nlen);
			url_decode(val, &vlen);
			(void)web_param_add(ps, n, name, val, vlen);
		}
		free(name);
		free(val);
		i = end + 1;
	}
}

void
web_req_free(WebReq *rq)
{
	for (int i = 0; i < rq->n_query; i++) {
		free(rq->query[i].name);
		free(rq->query[i].value);
	}
	for (int i = 0; i < rq->n_form; i++) {
		free(rq->form[i].name);
		free(rq->form[i].value);
	}
	rq->n_query = rq->n_form = 0;
}

const char *
web_query(const WebReq *rq, const char *name)
{
	for (int i = 0; i < rq->n_query; i++)
		if (strcmp(rq->query[i].name, name) == 0)
			return rq->query[i].value;
	return NULL;
}

const WebParam *
web_form_param(const WebReq *rq, const char *name)
{
	for (int i = 0; i < rq->n_form; i++)
		if (strcmp(rq->form[i].name, name) == 0)
			return &rq->form[i];
	return NULL;
}

const char *
web_form(const WebReq *rq, const char *name)
{
	const WebParam *p = web_form_param(rq, name);

	return p != NULL ? p->value : NULL;
}

int64_t
web_id(const char *s)
{
	char *end;
	long long v;

	if (s == NULL || *s < '0' || *s > '9')
		return 0;
	v = strtoll(s, &end, 10);
	return *end == '\0' && v > 0 ? (int64_t)v : 0;
}

void
web_time(int64_t utc, char out[20])
{
	char date[TIME_DATE_SIZE], hm[6];

	out[0] = '\0';
	if (utc <= 0)
		return;
	time_local_date(utc, date);
	time_format_hm(utc, hm);
	snprintf(out, 20, "%.10s %.5s", date, hm);
}

/* ---- Responses ---- */

void
web_resp_init(WebResp *rs)
{
	memset(rs, 0, sizeof *rs);
	rs->status = 200;
	rs->ctype = "text/html; charset=utf-8";
}

void
web_resp_free(WebResp *rs)
{
	wb_free(&rs->body);
}

void
web_redirect(WebResp *rs, const char *location)
{
	rs->status = 303;
	snprintf(rs->location, sizeof rs->location, "%s", location);
	rs->body.len = 0;
}

void
web_notice(WebResp *rs, const char *kind, const char *text)
{
	html_f(&rs->body, "<p class=\"notice %s\" role=\"status\">%s</p>\n",
	       kind, text);
}

const char *
web_store_error(const WebReq *rq, Store *st, int rc)
{
	switch (rc) {
	case BORNE_EBUSY:
		return TR(rq, "La base de données est occupée (la borne écrit). "
		          "Rien n'est enregistré : réessayez dans un instant.",
		          "The database is busy (the kiosk is writing). Nothing "
		          "was saved: try again in a moment.");
	case BORNE_EREADONLY:
		return TR(rq, "La base de données est en lecture seule : rien ne "
		          "peut être enregistré.", "The database is read-only: "
		          "nothing can be saved.");
	case BORNE_EFULL:
		return TR(rq, "Le disque est plein : rien n'est enregistré.",
		          "The disk is full: nothing was saved.");
	case BORNE_EPERM:
		return TR(rq, "Vous n'avez pas le droit de faire cela.",
		          "You may not do that.");
	default:
		return store_errmsg(st)[0] != '\0' ? store_errmsg(st) :
		       borne_strerror(rc);
	}
}

void
web_actor_name(Web *w, const WebReq *rq, int64_t id, char *out,
               size_t outlen)
{
	Member m;

	if (id <= 0)
		snprintf(out, outlen, "%s", TR(rq, "borne-admin (la machine)",
		                               "borne-admin (the machine)"));
	else if (member_get(w->st, id, &m) == BORNE_OK)
		snprintf(out, outlen, "%s", m.forgotten ? TR(rq, "(oublié)",
		         "(forgotten)") : m.name);
	else
		snprintf(out, outlen, "#%" PRId64, id);
}

/* ---- The frame ---- */

void
web_page_begin(Web *w, WebReq *rq, WebResp *rs, const char *title)
{
	WebBuf *b = &rs->body;

	(void)w;
	html_f(b, "<!doctype html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
	       "<meta name=\"viewport\" content=\"width=device-width, "
	       "initial-scale=1\"><title>%s · borne</title>"
	       "<link rel=\"stylesheet\" href=\"/style.css\"></head><body>\n",
	       rq->en ? "en" : "fr", title);
	html_raw(b, "<header class=\"top\"><a class=\"brand\" href=\"/\">borne</a>");
	if (rq->signed_in) {
		html_raw(b, "<nav>");
		for (int i = 0; i < web_n_routes; i++) {
			const WebRoute *r = &web_routes[i];

			if (r->nav_fr == NULL)
				continue;
			html_f(b, i == rq->nav ? "<a href=\"%s\" aria-current=\"page\">"
			       "%s</a>" : "<a href=\"%s\">%s</a>", r->path,
			       TR(rq, r->nav_fr, r->nav_en));
		}
		html_raw(b, "</nav><div class=\"who\">");
		html_s(b, rq->actor_name);
		web_form_begin(rq, rs, "/logout", "class=\"inline\"");
		html_f(b, "<button class=\"link\">%s</button></form></div>",
		       TR(rq, "Se déconnecter", "Sign out"));
	}
	html_f(b, "</header>\n<main><h1>%s</h1>\n", title);
}

void
web_page_end(Web *w, WebReq *rq, WebResp *rs)
{
	(void)w;
	html_f(&rs->body, "</main>\n<footer><a href=\"/lang?l=%s\">%s</a>"
	       "</footer></body></html>\n", rq->en ? "fr" : "en",
	       rq->en ? "Français" : "English");
}

void
web_form_begin(WebReq *rq, WebResp *rs, const char *action,
               const char *extra_attrs)
{
	html_f(&rs->body, "<form method=\"post\" action=\"%s\"", action);
	if (extra_attrs != NULL) {
		html_raw(&rs->body, " ");
		html_raw(&rs->body, extra_attrs);
	}
	html_f(&rs->body, "><input type=\"hidden\" name=\"csrf\" value=\"%s\">",
	       rq->csrf);
}

void
web_error_page(Web *w, WebReq *rq, WebResp *rs, int status, const char *text)
{
	rs->status = status;
	rs->body.len = 0;
	web_page_begin(w, rq, rs, status == 404 ? TR(rq, "Page introuvable",
	               "Page not found") : status == 403 ? TR(rq, "Refusé",
	               "Refused") : status == 405 ? TR(rq, "Méthode refusée",
	               "Method not allowed") : TR(rq, "Erreur", "Error"));
	html_f(&rs->body, "<p>%s</p><p><a href=\"/\">%s</a></p>", text,
	       TR(rq, "Retour au tableau de bord", "Back to the dashboard"));
	web_page_end(w, rq, rs);
}

/* ---- Dispatch ---- */

static int
route_matches(const WebRoute *r, const char *path)
{
	size_t n = strlen(r->path);

	if (n > 1 && r->path[n - 1] == '/')
		return strncmp(r->path, path, n) == 0 && path[n] != '\0' &&
		       strstr(path, "..") == NULL;
	return strcmp(r->path, path) == 0;
}

void
web_dispatch(Web *w, WebReq *rq, WebResp *rs)
{
	const WebRoute *r = NULL;
	int path_known = 0, is_get, rc;
	const char *method = rq->method != NULL ? rq->method : "";

	rq->en = rq->lang_cookie != NULL ? strcmp(rq->lang_cookie, "en") == 0
	                                 : w->lang_en;
	rq->nav = -1;
	rq->signed_in = 0;
	if (rq->cookie != NULL && webauth_session(w->st, rq->cookie, rq->now_utc,
	                                          &rq->actor_id) == BORNE_OK) {
		rq->signed_in = 1;
		webauth_csrf(rq->cookie, rq->csrf);
		web_actor_name(w, rq, rq->actor_id, rq->actor_name,
		               sizeof rq->actor_name);
	}
	is_get = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
	for (int i = 0; i < web_n_routes && r == NULL; i++) {
		if (!route_matches(&web_routes[i], rq->path != NULL ? rq->path : ""))
			continue;
		path_known = 1;
		if (strcmp(web_routes[i].method, is_get ? "GET" : method) == 0) {
			r = &web_routes[i];
			rq->nav = web_routes[i].nav_fr != NULL ? i : -1;
			/* The menu marks the page: a route without an entry takes
			** the entry of its path's first one (POST /members). */
			for (int j = 0; j < web_n_routes && rq->nav < 0; j++)
				if (web_routes[j].nav_fr != NULL &&
				    strcmp(web_routes[j].path, web_routes[i].path) == 0)
					rq->nav = j;
		}
	}
	if (r == NULL) {
		if (!path_known) {
			web_error_page(w, rq, rs, 404, TR(rq, "Cette page n'existe pas.",
			               "This page does not exist."));
			return;
		}
		rs->allow = "GET, HEAD, POST";
		web_error_page(w, rq, rs, 405, TR(rq, "Cette adresse ne prend pas "
		               "cette méthode.", "This address does not take this "
		               "method."));
		return;
	}
	if (r->needs_session && !rq->signed_in) {
		web_redirect(rs, "/login");
		return;
	}
	if (!is_get && r->needs_session) {
		const char *token = web_form(rq, "csrf");

		if (token == NULL || strlen(token) != WEBAUTH_TOKEN_SIZE - 1 ||
		    sodium_memcmp(token, rq->csrf, WEBAUTH_TOKEN_SIZE - 1) != 0) {
			web_error_page(w, rq, rs, 403, TR(rq, "Ce formulaire est "
			               "périmé : rechargez la page et recommencez.",
			               "This form is out of date: reload the page and "
			               "try again."));
			return;
		}
	}
	rc = r->fn(w, rq, rs);
	if (rc != BORNE_OK || rs->body.failed) {
		wb_free(&rs->body);
		web_error_page(w, rq, rs, 500, web_store_error(rq, w->st, rc));
	}
}
