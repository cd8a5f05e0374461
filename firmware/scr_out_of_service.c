/* scr_out_of_service.c -- "Hors service": the database cannot be used.
** Facilitators see the reason in plain words, the file and what SQLite
** said; the UI tries the database again every store_retry_s. No timeout:
** it stays until app_store_ready. */
#include "app_impl.h"
#include "app_screen.h"

#include "i18n.h"
#include "text.h"

static int64_t oos_timeout(const App *a, int64_t idle_ms);
static void    oos_clear(App *a);
static const char *oos_reason_key(int rc);

const AppScreen scr_out_of_service = {
	.name = "out-of-service",
	.timeout = oos_timeout,
	.clear = oos_clear,
};

static int64_t
oos_timeout(const App *a, int64_t idle_ms)
{
	(void)a;
	(void)idle_ms;
	return 0;
}

/* The reason a database cannot be used, for facilitators. */
static const char *
oos_reason_key(int rc)
{
	switch (rc) {
	case BORNE_EFULL:     return "app.oos.full";
	case BORNE_EREADONLY: return "app.oos.readonly";
	case BORNE_ECORRUPT:  return "app.oos.corrupt";
	case BORNE_EBUSY:     return "app.oos.busy";
	case BORNE_ENOMEM:    return "app.oos.nomem";
	case BORNE_EPERM:     return "app.oos.mode";
	default:              return "app.oos.io";
	}
}

void
app_out_of_service(App *app, int rc, const char *path, const char *detail)
{
	App *a = app;
	AppView *v;

	if (a == NULL)
		return;
	v = &a->v;
	a->st = NULL;
	app_clear_personal(a);
	text_copy(v->oos.oos_reason, sizeof v->oos.oos_reason,
	          tr(v->lang, oos_reason_key(rc)));
	text_copy(v->oos.oos_path, sizeof v->oos.oos_path, path != NULL ? path : "");
	text_copy(v->oos.oos_detail, sizeof v->oos.oos_detail,
	          detail != NULL ? detail : "");
	app_trf(v->lang, v->oos.oos_retry, sizeof v->oos.oos_retry, "app.oos.retry",
	        (a->cfg.store_retry_ms + 999) / 1000);
	app_goto(a, SCREEN_OUT_OF_SERVICE);
}

void
app_store_ready(App *app, Store *st, int64_t now_ms, int64_t now_utc)
{
	App *a = app;

	if (a == NULL || st == NULL)
		return;
	a->st = st;
	a->now_ms = now_ms;
	a->now_utc = now_utc;
	oos_clear(a);
	a->v.clock[0] = '\0';
	app_clock_reload(a);
	app_pin_load(a);
	app_go_home(a);
}

/* Not personal (the reason stays while the kiosk is out of service):
** forgotten when the store comes back. */
static void
oos_clear(App *a)
{
	if (a->st == NULL)
		return;
	a->v.oos.oos_reason[0] = a->v.oos.oos_path[0] = '\0';
	a->v.oos.oos_detail[0] = a->v.oos.oos_retry[0] = '\0';
}
