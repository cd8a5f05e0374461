/* page_assets.c -- what the pages load besides themselves: the one style
** sheet (the kiosk's palette, ui/ui.h's COL_*, and its type, Inter), the
** kiosk's fonts read from the font folder of the package (fonts-inter),
** and Debian's JavaScript libraries (libjs-chart.js). Nothing comes from
** another site: the space's network may have no Internet. A file name is
** letters, digits, '.', '-' and '_' only: no way out of its folder. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web.h"

static int  safe_name(const char *s);
static int  send_file(WebResp *rs, const char *dir, const char *name,
                      const char *ctype);

/* ui/ui.h: COL_CREME FBF5EC, COL_BLANC, COL_SABLE F3E8D8, COL_LINE E6D8C4,
** COL_ENCRE 2B2320, COL_ENCRE_DOUCE 5F5147, COL_TERRA B3472A (lip
** 8A3119, pale FBE3D8), COL_VERT 2F6D4A (pale DDEFE2), COL_BLEU 28557A,
** COL_SOLEIL_PALE FFF0C9, COL_OCRE 8A5A00, COL_BORDER 9C8B7A. Touch
** targets 48 px at least (TOUCH_MIN), radii 12/16 (RADIUS_BUTTON/CARD). */
static const char css[] =
	"@font-face{font-family:Inter;src:url(/fonts/Inter-Regular.otf);font-weight:400}\n"
	"@font-face{font-family:Inter;src:url(/fonts/Inter-SemiBold.otf);font-weight:600}\n"
	"@font-face{font-family:Inter;src:url(/fonts/Inter-Bold.otf);font-weight:700}\n"
	":root{--creme:#FBF5EC;--blanc:#fff;--sable:#F3E8D8;--line:#E6D8C4;"
	"--encre:#2B2320;--douce:#5F5147;--terra:#B3472A;--terra-lip:#8A3119;"
	"--terra-pale:#FBE3D8;--vert:#2F6D4A;--vert-pale:#DDEFE2;--bleu:#28557A;"
	"--soleil-pale:#FFF0C9;--ocre:#8A5A00;--border:#9C8B7A}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0;background:var(--creme);color:var(--encre);"
	"font:400 17px/1.45 Inter,'DejaVu Sans',sans-serif}\n"
	"a{color:var(--bleu)}\n"
	"header.top{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;"
	"padding:8px 16px;background:var(--blanc);border-bottom:1px solid var(--line)}\n"
	".brand{font-weight:700;font-size:22px;color:var(--terra);text-decoration:none}\n"
	"nav{display:flex;flex-wrap:wrap;gap:4px;flex:1}\n"
	"nav a{display:inline-flex;align-items:center;min-height:48px;padding:0 12px;"
	"border-radius:12px;color:var(--encre);text-decoration:none;font-weight:600}\n"
	"nav a[aria-current]{background:var(--terra-pale);color:var(--terra-lip)}\n"
	".who{display:flex;align-items:center;gap:8px;color:var(--douce)}\n"
	"main{max-width:1100px;margin:0 auto;padding:16px}\n"
	"h1{font-size:28px;margin:8px 0 16px}h2{font-size:22px;margin:24px 0 8px}\n"
	".card{background:var(--blanc);border:1px solid var(--line);border-radius:16px;"
	"padding:16px;margin:0 0 16px;box-shadow:0 2px 0 var(--line)}\n"
	".narrow{max-width:520px}\n"
	".grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:16px}\n"
	".figure{font-size:34px;font-weight:700}\n"
	"label{display:block;font-weight:600;margin:12px 0 4px}\n"
	"input,select,textarea{font:inherit;min-height:48px;padding:8px 12px;width:100%;"
	"max-width:520px;border:2px solid var(--border);border-radius:12px;background:var(--blanc);"
	"color:var(--encre)}\n"
	"input[type=checkbox]{width:24px;min-height:24px;vertical-align:middle}\n"
	"label.check{display:flex;gap:8px;align-items:center;font-weight:400}\n"
	"[aria-invalid=true]{border-color:var(--terra);background:var(--terra-pale)}\n"
	"button,.button{font:inherit;font-weight:600;min-height:48px;padding:8px 16px;"
	"border-radius:12px;border:0;background:var(--sable);color:var(--encre);"
	"box-shadow:0 3px 0 #E2D1B9;cursor:pointer;margin:8px 8px 0 0;"
	"text-decoration:none;display:inline-flex;align-items:center}\n"
	"button.primary,.button.primary{background:var(--terra);color:#fff;"
	"box-shadow:0 3px 0 var(--terra-lip)}\n"
	"button.ok{background:var(--vert);color:#fff;box-shadow:0 3px 0 #1F4E34}\n"
	"button.link{background:none;box-shadow:none;color:var(--bleu);"
	"text-decoration:underline;padding:0 8px;margin:0}\n"
	"form.inline{display:inline}\n"
	".notice{padding:12px 16px;border-radius:12px;font-weight:600}\n"
	".notice.ok{background:var(--vert-pale);color:var(--vert)}\n"
	".notice.err{background:var(--terra-pale);color:var(--terra-lip)}\n"
	".notice.info{background:var(--soleil-pale);color:var(--ocre)}\n"
	".table{overflow-x:auto}\n"
	"table{border-collapse:collapse;width:100%;background:var(--blanc)}\n"
	"th,td{text-align:left;padding:8px;border-bottom:1px solid var(--line);"
	"vertical-align:top;overflow-wrap:break-word}\n"
	"th{color:var(--douce);font-weight:600}\n"
	".chip{display:inline-block;padding:2px 10px;border-radius:999px;"
	"background:var(--sable);font-size:15px;font-weight:600}\n"
	".chip.warn{background:var(--soleil-pale);color:var(--ocre)}\n"
	".chip.bad{background:var(--terra-pale);color:var(--terra-lip)}\n"
	".chip.good{background:var(--vert-pale);color:var(--vert)}\n"
	".muted{color:var(--douce)}\n"
	".filters{display:flex;flex-wrap:wrap;gap:8px;align-items:end}\n"
	".filters label{margin:0}.filters input,.filters select{width:auto}\n"
	"footer{max-width:1100px;margin:0 auto;padding:16px;color:var(--douce)}\n"
	".card h2:first-child{margin-top:0}\n"
	/* A phone: the menu one row that scrolls, table rows as stacked cards. */
	"@media (max-width:600px){main{padding:8px}h1{font-size:24px}"
	".figure{font-size:28px}header.top{flex-direction:column;align-items:stretch}"
	"nav{flex-wrap:nowrap;overflow-x:auto;min-width:0;max-width:100%}"
	"nav a{white-space:nowrap}.who{justify-content:space-between;flex-wrap:wrap}"
	"body{overflow-x:hidden}"
	"table,tbody,tr,td{display:block;width:100%}thead{display:none}"
	"tr{border-bottom:1px solid var(--line);padding:8px 4px}"
	"td{border:0;padding:2px 4px}}\n"
	"@media print{header.top,footer,form,button,a.button{display:none}"
	"body{background:#fff}.card{box-shadow:none}}\n";

int
page_css_get(Web *w, WebReq *rq, WebResp *rs)
{
	(void)w;
	(void)rq;
	rs->ctype = "text/css; charset=utf-8";
	rs->cache = "public, max-age=3600";
	wb_put(&rs->body, css, sizeof css - 1);
	return BORNE_OK;
}

static int
safe_name(const char *s)
{
	if (s == NULL || *s == '\0' || *s == '.' || strlen(s) > 100)
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '.' || *s == '-' ||
		      *s == '_'))
			return 0;
	return 1;
}

/* 404 when missing: a handler's own error, not a 500. */
static int
send_file(WebResp *rs, const char *dir, const char *name, const char *ctype)
{
	char path[1024], chunk[16384];
	size_t n;
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir != NULL ? dir : "", name);
	if (dir == NULL || !safe_name(name) || (f = fopen(path, "rb")) == NULL) {
		rs->status = 404;
		rs->ctype = "text/plain; charset=utf-8";
		html_raw(&rs->body, "not found\n");
		return BORNE_OK;
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		wb_put(&rs->body, chunk, n);
	fclose(f);
	rs->ctype = ctype;
	rs->cache = "public, max-age=86400";
	return BORNE_OK;
}

int
page_font_get(Web *w, WebReq *rq, WebResp *rs)
{
	const char *name = rq->path + strlen("/fonts/");

	/* Only the faces the style sheet names. */
	if (strcmp(name, "Inter-Regular.otf") != 0 &&
	    strcmp(name, "Inter-SemiBold.otf") != 0 &&
	    strcmp(name, "Inter-Bold.otf") != 0)
		name = "";
	return send_file(rs, w->font_dir, name, "font/otf");
}

int
page_js_get(Web *w, WebReq *rq, WebResp *rs)
{
	const char *name = rq->path + strlen("/js/");
	const char *slash = strchr(name, '/');

	/* /js/chart.js/chart.min.js: one folder under js_dir, then a file. */
	if (slash == NULL || slash - name > 60) {
		return send_file(rs, NULL, "", "");
	} else {
		char dir[1024], sub[64];

		snprintf(sub, sizeof sub, "%.*s", (int)(slash - name), name);
		if (!safe_name(sub))
			return send_file(rs, NULL, "", "");
		snprintf(dir, sizeof dir, "%s/%s", w->js_dir != NULL ? w->js_dir :
		         "", sub);
		return send_file(rs, w->js_dir != NULL ? dir : NULL, slash + 1,
		                 "text/javascript; charset=utf-8");
	}
}
