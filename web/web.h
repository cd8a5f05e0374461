/* web.h -- what borne-web's parts share: a request, a response, the
** route table and the HTML helpers.
** The HTTP library (libmicrohttpd) stays in web_http.c: it turns a
** connection into a WebReq, calls web_dispatch() and sends the WebResp.
** Everything else takes a WebReq and fills a WebResp, so the unit tests
** call it with a request they made up (tests/test_web.c).
** Handlers run one at a time (one server thread): the Store is shared.
** Text from people is only ever written with html_s()/html_f()'s %s,
** which escape it; html_raw() is for the page's own markup. */
#ifndef BORNE_WEB_H
#define BORNE_WEB_H

#include <stddef.h>
#include <stdint.h>

#include "borne.h"
#include "store.h"
#include "webauth.h"

#define WEB_BODY_MAX     (2 * 1024 * 1024)   /* bytes of a request body */
#define WEB_PARAMS_MAX   64
#define WEB_COOKIE       "borne_s"
#define WEB_COOKIE_LANG  "borne_lang"

/* A growing buffer; on allocation failure it stays as it was and
** failed is set (the page becomes a 500). */
typedef struct WebBuf {
	char  *data;
	size_t len, cap;
	int    failed;
} WebBuf;

typedef struct WebParam {
	char *name, *value;
	size_t value_len;
} WebParam;

/* The server's state, shared by every request. */
typedef struct Web {
	Store      *st;
	const char *db_path;
	const char *font_dir;     /* the kiosk's fonts (Inter): /fonts/ */
	const char *js_dir;       /* Debian's JavaScript (chart.js): /js/ */
	const char *backup_dir;   /* where `borne-admin backup --rotate` writes */
	int         https;        /* cookies get Secure */
	int         lang_en;      /* default language: 0 French */
} Web;

typedef struct WebReq {
	const char *method;       /* "GET", "POST", "HEAD"... */
	const char *path;         /* without the query */
	WebParam    query[WEB_PARAMS_MAX];
	int         n_query;
	WebParam    form[WEB_PARAMS_MAX];   /* a POST's fields (urlencoded or
	                                    ** multipart; a file's content) */
	int         n_form;
	const char *cookie;       /* the session cookie's value, or NULL */
	const char *lang_cookie;  /* "en", "fr" or NULL */
	const char *client;       /* the peer's address, for the audit */
	int64_t     now_utc;
	/* Set by web_dispatch before the handler runs: */
	int         signed_in;
	int64_t     actor_id;     /* 0: the machine's administrator */
	char        actor_name[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	char        csrf[WEBAUTH_TOKEN_SIZE];
	int         en;           /* English pages */
	int         nav;          /* the route's index, for the menu */
} WebReq;

typedef struct WebResp {
	int         status;       /* 200 unless a handler says */
	const char *ctype;        /* "text/html; charset=utf-8" unless said */
	WebBuf      body;
	char        location[512];      /* 303's target */
	char        cookie[256];        /* a Set-Cookie line, or "" */
	char        cookie2[256];
	char        disposition[256];   /* Content-Disposition, or "" */
	const char *allow;              /* 405's Allow */
	const char *cache;              /* Cache-Control; NULL: no-store */
} WebResp;

/* A handler fills rs; its return is BORNE_OK (any other value: 500). */
typedef int (*WebHandler)(Web *w, WebReq *rq, WebResp *rs);

typedef struct WebRoute {
	const char *method;       /* "GET" (HEAD too) or "POST" */
	const char *path;         /* exact, or a prefix ending in '/' */
	WebHandler  fn;
	int         needs_session;
	const char *nav_fr, *nav_en;   /* a menu entry, or NULL */
} WebRoute;

/* The route table (web_route.c): one line per page. */
extern const WebRoute web_routes[];
extern const int web_n_routes;

/* Runs the request: 404 (no such path), 405 (path known, not for this
** method, with Allow), 303 /login (no session), 403 (a POST without the
** session's CSRF token), else the route's handler. */
void web_dispatch(Web *w, WebReq *rq, WebResp *rs);

void web_resp_init(WebResp *rs);
void web_resp_free(WebResp *rs);
void web_req_free(WebReq *rq);        /* frees the params' strings */
/* Adds a parameter (copies name and len bytes of value). -1: full. */
int  web_param_add(WebParam *ps, int *n, const char *name,
                   const char *value, size_t len);
/* Splits "a=1&b=x%20y" into ps (url-decoded). */
void web_parse_urlencoded(WebParam *ps, int *n, const char *s, size_t len);

const char *web_query(const WebReq *rq, const char *name);  /* or NULL */
const char *web_form(const WebReq *rq, const char *name);   /* or NULL */
/* A form field's bytes (files may hold NULs). */
const WebParam *web_form_param(const WebReq *rq, const char *name);

/* ---- Building pages ---- */
void wb_put(WebBuf *b, const char *s, size_t n);
void html_raw(WebBuf *b, const char *s);       /* the page's own markup */
void html_s(WebBuf *b, const char *text);      /* escaped text */
/* A small printf: %s escapes its text, %d an int, %D an int64_t, %u a
** URL-encoded text, %r our own markup as is (an attribute chosen by the
** code: " aria-invalid=\"true\"", never people's text), %% a percent.
** Nothing else. */
void html_f(WebBuf *b, const char *fmt, ...);
void wb_free(WebBuf *b);

/* fr or en, as the request reads. */
#define TR(rq, s_fr, s_en) ((rq)->en ? (s_en) : (s_fr))

/* The page's frame: head, menu (the routes with a nav label), title. */
void web_page_begin(Web *w, WebReq *rq, WebResp *rs, const char *title);
void web_page_end(Web *w, WebReq *rq, WebResp *rs);
/* <form method=post action=...> with the CSRF token inside. */
void web_form_begin(WebReq *rq, WebResp *rs, const char *action,
                    const char *extra_attrs);
/* A banner over the page: kind "ok", "err" or "info". */
void web_notice(WebResp *rs, const char *kind, const char *text);
/* What a store error means for the person at the page (locked,
** read-only, full disk...), in the page's language. */
const char *web_store_error(const WebReq *rq, Store *st, int rc);
/* 303 to location. */
void web_redirect(WebResp *rs, const char *location);
/* A page with a status and one sentence (404, 403...). */
void web_error_page(Web *w, WebReq *rq, WebResp *rs, int status,
                    const char *text);
/* The name of a member for the page ("borne-admin" for 0). */
void web_actor_name(Web *w, const WebReq *rq, int64_t id, char *out,
                    size_t outlen);
/* "2026-11-30 14:05", local time; "" for 0. */
void web_time(int64_t utc, char out[20]);
/* A positive id from a text, 0 when it is not one. */
int64_t web_id(const char *s);

/* ---- Pages (page_*.c) ---- */
int page_login_get(Web *w, WebReq *rq, WebResp *rs);
int page_login_post(Web *w, WebReq *rq, WebResp *rs);
int page_logout_post(Web *w, WebReq *rq, WebResp *rs);
int page_lang_get(Web *w, WebReq *rq, WebResp *rs);
int page_css_get(Web *w, WebReq *rq, WebResp *rs);
int page_font_get(Web *w, WebReq *rq, WebResp *rs);
int page_js_get(Web *w, WebReq *rq, WebResp *rs);
int page_dash_get(Web *w, WebReq *rq, WebResp *rs);
int page_members_get(Web *w, WebReq *rq, WebResp *rs);
int page_members_post(Web *w, WebReq *rq, WebResp *rs);
int page_member_get(Web *w, WebReq *rq, WebResp *rs);
int page_member_post(Web *w, WebReq *rq, WebResp *rs);
/* page_quotes.c */
int page_quotes_get(Web *w, WebReq *rq, WebResp *rs);
int page_quotes_post(Web *w, WebReq *rq, WebResp *rs);
int page_quote_get(Web *w, WebReq *rq, WebResp *rs);
int page_quote_pdf(Web *w, WebReq *rq, WebResp *rs);
int page_import_get(Web *w, WebReq *rq, WebResp *rs);
int page_import_post(Web *w, WebReq *rq, WebResp *rs);
int page_missions_get(Web *w, WebReq *rq, WebResp *rs);
int page_missions_post(Web *w, WebReq *rq, WebResp *rs);
int page_journal_get(Web *w, WebReq *rq, WebResp *rs);
int page_backups_get(Web *w, WebReq *rq, WebResp *rs);
int page_backup_download(Web *w, WebReq *rq, WebResp *rs);
/* Days, attendance and the report (page_days.c, page_attendance.c,
** page_report.c). */
int page_days_get(Web *w, WebReq *rq, WebResp *rs);
int page_days_post(Web *w, WebReq *rq, WebResp *rs);
int page_day_get(Web *w, WebReq *rq, WebResp *rs);
int page_day_post(Web *w, WebReq *rq, WebResp *rs);
int page_attendance_get(Web *w, WebReq *rq, WebResp *rs);
int page_attendance_post(Web *w, WebReq *rq, WebResp *rs);
int page_attendance_csv(Web *w, WebReq *rq, WebResp *rs);
int page_report_get(Web *w, WebReq *rq, WebResp *rs);
int page_report_js(Web *w, WebReq *rq, WebResp *rs);
int page_report_pdf(Web *w, WebReq *rq, WebResp *rs);
int page_report_csv(Web *w, WebReq *rq, WebResp *rs);
int page_members_csv(Web *w, WebReq *rq, WebResp *rs);
int page_missions_csv(Web *w, WebReq *rq, WebResp *rs);

#endif
