/* scr_facilitator.c -- facilitator mode: what only facilitators may do
** at the kiosk, once their badge and their PIN (scr_pin.c) proved them.
** It shows who is here, missions waiting for approval, enrolment of a
** new badge (the form is the unknown badge's, scr_unknown_badge.c),
** today's contributive day, the USB export and the reader's state (and,
** for admins, the staff's PINs). Each change goes through a core
** function given the facilitator's id, which writes the audit log. */
#include "app_impl.h"
#include "app_screen.h"
#include "day.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "i18n.h"
#include "report.h"
#include "safety.h"
#include "text.h"
#include "timeutil.h"

static int  staff_add(const Member *m, void *ctx);
static int  present_add(const Visit *vis, void *ctx);
static void present_scroll(AppView *v, int64_t delta);
static void reject(App *a, int64_t reason);
static void export_today(App *a);
static void day_open_today(App *a);
static void heat_render(App *a);
static void heat_set(App *a, int64_t on);
static int  fac_badge(App *a, const BadgeUid *uid, int answers);
static void fac_clear(App *a);
static int  fac_busy(const App *a);

const AppScreen scr_facilitator = {
	.name = "facilitator",
	.action = app_fac_action,
	.badge = fac_badge,
	.reload = app_fac_reload,
	.clear = fac_clear,
	.busy = fac_busy,
};

/* The PIN was right (scr_pin.c): facilitator mode, on its first tab. */
void
app_fac_enter(App *a)
{
	AppView *v = &a->v;

	a->in_facilitator = 1;
	app_set_session(a, &a->staff);
	a->in_facilitator = 1;
	v->fac.fac_tab = FAC_PRESENT;
	v->fac.rejecting = 0;
	v->fac.present_offset = 0;
	v->fac.export_msg[0] = '\0';
	app_goto(a, SCREEN_FACILITATOR);
}


struct present_ctx { App *a; };

/* FAC_PINS: each active facilitator and admin, and whether they have a
** PIN. */
static int
staff_add(const Member *m, void *ctx)
{
	AppView *v = &((struct present_ctx *)ctx)->a->v;
	AppPerson *p;

	if (!member_is_staff(m) || !m->active || m->forgotten)
		return 0;
	if (v->fac.n_staff >= APP_LIST_MAX)
		return 1;
	v->fac.staff_has_pin[v->fac.n_staff] = m->has_pin;
	p = &v->fac.staff[v->fac.n_staff++];
	memset(p, 0, sizeof *p);
	p->member_id = m->id;
	text_copy(p->name, sizeof p->name, m->name);
	text_copy(p->role, sizeof p->role, app_role_label(v->lang, m->role));
	return 0;
}

/* Moves the first person shown by delta, kept within the list. */
static void
present_scroll(AppView *v, int64_t delta)
{
	int64_t o = v->fac.present_offset + delta;

	if (o > v->fac.n_present - 1)
		o = v->fac.n_present - 1;
	v->fac.present_offset = o < 0 ? 0 : (int)o;
}

static int
present_add(const Visit *vis, void *ctx)
{
	App *a = ((struct present_ctx *)ctx)->a;
	AppView *v = &a->v;
	AppPerson *p;
	Member m;

	if (v->fac.n_present >= APP_LIST_MAX)
		return 1;
	p = &v->fac.present[v->fac.n_present++];
	memset(p, 0, sizeof *p);
	p->member_id = vis->member_id;
	text_copy(p->name, sizeof p->name, vis->member_name);
	if (member_get(a->st, vis->member_id, &m) == BORNE_OK) {
		text_copy(p->role, sizeof p->role, app_role_label(v->lang, m.role));
		(void)app_safety_note(a, &m, 1, p->safety, sizeof p->safety);
	}
	app_format_hm(v->lang, vis->in_utc, p->since, sizeof p->since);
	return 0;
}

void
app_fac_reload(App *a)
{
	AppView *v = &a->v;
	MissionQuery q;
	struct present_ctx ctx = { a };
	int total = 0, rc;

	/* The enrolment tab is shown while the new badge is awaited only. */
	if (v->fac.fac_tab == FAC_ENROL && v->wait != WAIT_NEW_BADGE)
		v->fac.fac_tab = FAC_PRESENT;
	v->fac.n_present = 0;
	rc = checkin_present_each(a->st, a->now_utc, present_add, &ctx);
	if (rc < 0) {
		v->fac.n_present = 0;
		app_read_failed(a, rc, "checkin_present_each");
	}
	v->fac.fac_is_admin = a->staff.role == ROLE_ADMIN;
	v->fac.n_staff = 0;
	if (v->fac.fac_is_admin &&
	    (rc = member_each(a->st, staff_add, &ctx)) < 0) {
		v->fac.n_staff = 0;
		app_read_failed(a, rc, "member_each");
	}
	present_scroll(v, 0);                   /* someone may have left */
	memset(&q, 0, sizeof q);
	q.category = -1;
	q.status = MISSION_PENDING;
	q.include_taken = 0;
	q.limit = APP_LIST_MAX;
	v->fac.n_pending = 0;
	rc = mission_search(a->st, &q, v->fac.pending, &v->fac.n_pending, &total);
	if (rc != BORNE_OK) {
		v->fac.n_pending = 0;
		app_read_failed(a, rc, "mission_search");
	}
	for (int i = 0; i < v->fac.n_pending; i++)
		app_card_text(v->lang, &v->fac.pending[i], &v->fac.pending_text[i]);
	heat_render(a);
	for (int i = 0; i < APP_N_REJECT_REASONS; i++) {
		char key[40];

		snprintf(key, sizeof key, "app.reject.%d", i);
		text_copy(v->fac.reject_reasons[i], sizeof v->fac.reject_reasons[i],
		          tr(v->lang, key));
	}
}

static void
reject(App *a, int64_t reason)
{
	AppView *v = &a->v;
	int rc;

	if (v->fac.rejecting == 0 || reason < 0 || reason >= APP_N_REJECT_REASONS) {
		v->fac.rejecting = 0;
		return;
	}
	rc = mission_reject(a->st, v->fac.rejecting, v->fac.reject_reasons[reason],
	                    a->staff.id, a->now_utc);
	v->fac.rejecting = 0;
	if (rc == BORNE_OK)
		app_toast(a, "app.fac.rejected");
	else if (rc == BORNE_ENOTFOUND || rc == BORNE_EREFUSED)
		app_toast(a, "app.fac.not_pending");
	else
		app_toast_rc(a, rc);
	app_cue(a, rc == BORNE_OK ? CUE_SUCCESS : CUE_REFUSED);
}

/* A facilitator declares today a contributive day at the kiosk: from
** the current hour (9 h at the latest) to 18 h, or to 23 h when it is
** already evening. Check-ins of the day link to it from then on. */
static void
day_open_today(App *a)
{
	char today[TIME_DATE_SIZE];
	int hour = time_local_minutes(a->now_utc) / 60;
	int from = (hour < 9 ? hour : 9) * 60;
	int to = hour < 17 ? 18 * 60 : 23 * 60;
	int64_t id = 0;
	int n = 0, rc;

	if (hour >= 23) {
		app_toast(a, "app.day.too_late");
		app_cue(a, CUE_REFUSED);
		return;
	}
	if (hour >= 17)
		from = hour * 60;
	time_local_date(a->now_utc, today);
	rc = day_add(a->st, today, tr(a->v.lang, "app.day.title"), from, to, NULL,
	             a->staff.id, a->now_utc, &id, &n);
	if (rc != BORNE_OK) {
		app_toast_rc(a, rc);
		app_cue(a, CUE_REFUSED);
		return;
	}
	app_reload(a);
	app_toast(a, "app.day.opened", a->v.day_hours);
	app_cue(a, CUE_SUCCESS);
}

/* The heat alert's tile: on or off today, and its hours. */
static void
heat_render(App *a)
{
	AppView *v = &a->v;
	SafetyRules r;
	char hours[48];

	safety_rules(a->st, &r);
	app_format_hours_range(v->lang, r.heat_from_min, r.heat_to_min, hours,
	                       sizeof hours);
	v->fac.heat_on = safety_heat_on(a->st, a->now_utc);
	if (v->fac.heat_on)
		app_trf(v->lang, v->fac.heat_sub, sizeof v->fac.heat_sub,
		        "ui.fac.heat_on_sub", hours);
	else
		text_copy(v->fac.heat_sub, sizeof v->fac.heat_sub,
		          tr(v->lang, "ui.fac.heat_off_sub"));
}

/* The facilitator turns the heat alert on (arg 1) or off for today,
** audited as theirs (safety_heat_set). */
static void
heat_set(App *a, int64_t on)
{
	int rc = safety_heat_set(a->st, on != 0, a->staff.id, a->now_utc);

	if (rc != BORNE_OK) {
		app_toast_rc(a, rc);
		app_cue(a, CUE_REFUSED);
		return;
	}
	app_reload(a);
	app_toast(a, on ? "app.heat.on" : "app.heat.off");
	app_cue(a, CUE_SUCCESS);
}

static void
export_today(App *a)
{
	AppView *v = &a->v;
	char today[TIME_DATE_SIZE], path[400];
	int rc;

	time_local_date(a->now_utc, today);
	rc = report_export_day(a->st, a->cfg.export_dir, today, path, sizeof path);
	switch (rc) {
	case BORNE_OK:
		app_trf(v->lang, v->fac.export_msg, sizeof v->fac.export_msg,
		        "app.export.ok", path);
		audit_log(a->st, a->staff.id, "report.export", "day", 0, path,
		          a->now_utc);
		break;
	case BORNE_ENOTFOUND:
		text_copy(v->fac.export_msg, sizeof v->fac.export_msg,
		          tr(v->lang, "app.export.no_stick"));
		break;
	case BORNE_EREADONLY:
		text_copy(v->fac.export_msg, sizeof v->fac.export_msg,
		          tr(v->lang, "app.export.readonly"));
		break;
	case BORNE_EFULL:
		text_copy(v->fac.export_msg, sizeof v->fac.export_msg,
		          tr(v->lang, "app.export.full"));
		break;
	case BORNE_EREFUSED:
		text_copy(v->fac.export_msg, sizeof v->fac.export_msg,
		          tr(v->lang, "app.export.unsafe"));
		break;
	default:
		text_copy(v->fac.export_msg, sizeof v->fac.export_msg,
		          tr(v->lang, "app.export.failed"));
		break;
	}
	app_cue(a, rc == BORNE_OK ? CUE_SUCCESS : CUE_REFUSED);
}

int
app_fac_action(App *a, AppAction act, int64_t arg)
{
	AppView *v = &a->v;
	int rc;

	if (!a->in_facilitator) {
		app_go_home(a);
		return 1;
	}
	switch (act) {
	case ACT_SCROLL:                        /* the list of who is here */
		present_scroll(v, arg);
		return 1;
	case ACT_FAC_TAB:
		if (arg < 0 || arg >= FAC_TAB_COUNT)
			return 1;
		if (arg == FAC_PINS && a->staff.role != ROLE_ADMIN) {
			app_toast(a, "app.pin.set_admin");
			app_cue(a, CUE_REFUSED);
			return 1;
		}
		v->fac.fac_tab = (FacTab)arg;
		v->fac.rejecting = 0;
		if (v->fac.fac_tab == FAC_ENROL)
			app_wait(a, WAIT_NEW_BADGE, 0);
		else if (v->wait == WAIT_NEW_BADGE)
			app_wait(a, WAIT_NONE, 0);
		app_reload(a);
		return 1;
	case ACT_ENROL:
		v->fac.fac_tab = FAC_ENROL;
		app_wait(a, WAIT_NEW_BADGE, 0);
		app_reload(a);
		return 1;
	case ACT_APPROVE:
		rc = mission_approve(a->st, arg, a->staff.id, a->now_utc);
		if (rc == BORNE_OK)
			app_toast(a, "app.fac.approved");
		else if (rc == BORNE_ENOTFOUND || rc == BORNE_EREFUSED)
			app_toast(a, "app.fac.not_pending");
		else
			app_toast_rc(a, rc);
		app_cue(a, rc == BORNE_OK ? CUE_SUCCESS : CUE_REFUSED);
		app_reload(a);
		return 1;
	case ACT_REJECT:
		v->fac.rejecting = arg;
		return 1;
	case ACT_REJECT_REASON:
		reject(a, arg);
		app_reload(a);
		return 1;
	case ACT_REJECT_CANCEL:
		v->fac.rejecting = 0;
		return 1;
	case ACT_EXPORT:
		export_today(a);
		return 1;
	case ACT_WEB_CODE:
	case ACT_WEB_END:
		return app_fac_web_action(a, act);
	case ACT_HEAT:
		heat_set(a, arg);
		return 1;
	case ACT_DAY_OPEN:
		day_open_today(a);
		return 1;
	case ACT_CLOCK_CONFIRM:
		return app_clock_confirm(a);
	case ACT_PIN_SET:
		app_pin_set_start(a, arg);
		return 1;
	case ACT_OPEN_MISSION:
		return 0;                       /* the detail, as anywhere */
	case ACT_QUIT:
		audit_log(a->st, a->staff.id, "kiosk.quit", "kiosk", 0, NULL,
		          a->now_utc);
		v->quit = 1;
		return 1;
	case ACT_CANCEL_WAIT:
		app_wait(a, WAIT_NONE, 0);
		if (v->fac.fac_tab == FAC_ENROL)
			v->fac.fac_tab = FAC_PRESENT;
		app_reload(a);
		return 1;
	case ACT_BACK:
		if (v->wait != WAIT_NONE || v->fac.rejecting != 0) {
			app_wait(a, WAIT_NONE, 0);
			v->fac.rejecting = 0;
			app_reload(a);
			return 1;
		}
		if (v->fac.fac_tab != FAC_PRESENT) {
			v->fac.fac_tab = FAC_PRESENT;
			app_reload(a);
			return 1;
		}
		app_go_home(a);
		return 1;
	default:
		return 0;
	}
}

void
app_fac_badge(App *a, const BadgeUid *uid)
{
	Member m;
	char first[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	int rc;

	/* Only an unknown badge answers "the new badge" (app.c); a known one
	** is a check-in. Checked again here, where the enrolment starts. */
	rc = member_by_badge(a->st, uid, &m);
	if (rc == BORNE_OK) {
		text_first_name(m.name, first, sizeof first);
		app_toast(a, "app.enrol.known", first);
		app_cue(a, CUE_REFUSED);
		return;
	}
	if (rc != BORNE_ENOTFOUND) {
		app_toast_rc(a, rc);
		app_cue(a, CUE_REFUSED);
		return;
	}
	app_wait(a, WAIT_NONE, 0);
	app_cue(a, CUE_SUCCESS);
	app_enrol_start(a, uid, 1);
}

/* Shows facilitator mode on tab t (back from setting a PIN). */
void
app_fac_show(App *a, FacTab t)
{
	a->v.fac.fac_tab = t;
	app_goto(a, SCREEN_FACILITATOR);
}

/* The new badge to enrol (WAIT_NEW_BADGE) is this screen's question. */
static int
fac_badge(App *a, const BadgeUid *uid, int answers)
{
	if (!answers || a->v.wait != WAIT_NEW_BADGE)
		return 0;
	app_fac_badge(a, uid);
	return 1;
}

static int
fac_busy(const App *a)
{
	(void)a;
	return 1;
}

static void
fac_clear(App *a)
{
	AppView *v = &a->v;

	v->fac.n_present = 0;
	memset(v->fac.present, 0, sizeof v->fac.present);
	v->fac.n_staff = 0;
	memset(v->fac.staff, 0, sizeof v->fac.staff);
	v->fac.rejecting = 0;
	v->fac.export_msg[0] = '\0';
	app_fac_web_clear(a);
}
