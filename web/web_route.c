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
	{ "GET",  "/days",      page_days_get,     1, "Journées", "Days" },
	{ "POST", "/days",      page_days_post,    1, NULL, NULL },
	{ "GET",  "/day",       page_day_get,      1, NULL, NULL },
	{ "POST", "/day",       page_day_post,     1, NULL, NULL },
	{ "GET",  "/attendance", page_attendance_get, 1, "Présences", "Attendance" },
	{ "POST", "/attendance", page_attendance_post, 1, NULL, NULL },
	{ "GET",  "/attendance.csv", page_attendance_csv, 1, NULL, NULL },
	{ "GET",  "/members",   page_members_get,  1, "Membres", "Members" },
	{ "POST", "/members",   page_members_post, 1, NULL, NULL },
	{ "GET",  "/member",    page_member_get,   1, NULL, NULL },
	{ "POST", "/member",    page_member_post,  1, NULL, NULL },
	{ "GET",  "/import",    page_import_get,   1, NULL, NULL },
	{ "POST", "/import",    page_import_post,  1, NULL, NULL },
	{ "GET",  "/missions",  page_missions_get, 1, "Missions", "Missions" },
	{ "POST", "/missions",  page_missions_post, 1, NULL, NULL },
	/* Quotes made at the kiosk (page_quotes.c). */
	{ "GET",  "/quotes",    page_quotes_get,   1, "Devis", "Quotes" },
	{ "POST", "/quotes",    page_quotes_post,  1, NULL, NULL },
	{ "GET",  "/quote",     page_quote_get,    1, NULL, NULL },
	{ "GET",  "/quote.pdf", page_quote_pdf,    1, NULL, NULL },
	{ "GET",  "/report",    page_report_get,   1, "Rapport", "Report" },
	{ "GET",  "/report.js", page_report_js,    1, NULL, NULL },
	{ "GET",  "/report.pdf", page_report_pdf,  1, NULL, NULL },
	{ "GET",  "/report.csv", page_report_csv,  1, NULL, NULL },
	{ "GET",  "/journal",   page_journal_get,  1, "Journal", "Log" },
	{ "GET",  "/backups",   page_backups_get,  1, "Sauvegardes", "Backups" },
	{ "GET",  "/backup.db", page_backup_download, 1, NULL, NULL },
	{ "GET",  "/members.csv", page_members_csv, 1, NULL, NULL },
	{ "GET",  "/missions.csv", page_missions_csv, 1, NULL, NULL },
};

const int web_n_routes = (int)(sizeof web_routes / sizeof web_routes[0]);
