/* web_route.c -- borne-web's route table: a page is one line (method,
** path, handler, needs a session, menu entry in French and English).
** A path ending in '/' takes what follows (/fonts/Inter-Regular.otf).
** The menu shows the lines with an entry, in this order. */
#include "web.h"

const WebRoute web_routes[] = {
	/* Signing in, the language, the assets: no session. */
	{ "GET",  "/login",     page_login_get,    0, NULL, NULL },
	{ "POST", "/login",     page_login_post,   0, NULL, NULL },
	{ "GET",  "/lang",      page_lang_get,     0, NULL, NULL },
	{ "GET",  "/style.css", page_css_get,      0, NULL, NULL },
	{ "GET",  "/fonts/",    page_font_get,     0, NULL, NULL },
	{ "GET",  "/js/",       page_js_get,       1, NULL, NULL },
	{ "POST", "/logout",    page_logout_post,  1, NULL, NULL },
	/* The pages, in the menu's order. */
	{ "GET",  "/",          page_dash_get,     1, "Tableau de bord", "Dashboard" },
};

const int web_n_routes = (int)(sizeof web_routes / sizeof web_routes[0]);
