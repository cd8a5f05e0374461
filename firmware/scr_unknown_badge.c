/* scr_unknown_badge.c -- a badge nobody owns: "Badge inconnu", and its
** enrolment. A facilitator proves themselves (badge, then PIN: scr_pin.c)
** and the form asks the new member's name and role; from facilitator
** mode the new badge is enrolled the same way and the form goes back
** there. The enrolment's state is this module's. */
#include "app_impl.h"
#include "app_screen.h"

#include <string.h>

#include "i18n.h"
#include "text.h"

static int64_t unknown_timeout(const App *a, int64_t idle_ms);
static int     unknown_action(App *a, AppAction act, int64_t arg);
static int     unknown_badge(App *a, const BadgeUid *uid, int answers);
static void    unknown_clear(App *a);
static int     unknown_busy(const App *a);
static void    enrol_save(App *a);

const AppScreen scr_unknown_badge = {
	.name = "unknown-badge",
	.timeout = unknown_timeout,
	.action = unknown_action,
	.text = app_enrol_text,
	.key = app_enrol_key,
	.badge = unknown_badge,
	.reload = app_enrol_render,
	.clear = unknown_clear,
	.busy = unknown_busy,
};

static int64_t
unknown_timeout(const App *a, int64_t idle_ms)
{
	/* The enrolment form gets the full idle time. */
	if (a->v.enrol.enrolling)
		return idle_ms;
	return APP_UNKNOWN_MS < idle_ms ? APP_UNKNOWN_MS : idle_ms;
}

/* A tap of a badge nobody owns: this screen, about that badge. */
void
app_unknown_show(App *a, const BadgeUid *uid)
{
	a->enrol.raw = *uid;
	uid_format(uid, a->v.enrol.raw_uid);
	app_goto(a, SCREEN_UNKNOWN_BADGE);
}

/* The facilitator proved themselves on the PIN pad: the form. */
void
app_enrol_proved(App *a)
{
	app_enrol_start(a, &a->enrol.raw, 0);
}

static int
unknown_action(App *a, AppAction act, int64_t arg)
{
	if (app_enrol_action(a, act, arg))
		return 1;
	if (act == ACT_ENROL) {
		/* "Enregistrer ce badge": a facilitator's badge first. */
		app_wait(a, WAIT_STAFF, 0);
		app_reload(a);
		return 1;
	}
	return 0;
}

/* While the form is open, the card being enrolled belongs to nobody yet:
** its tap is no check-in. */
static int
unknown_badge(App *a, const BadgeUid *uid, int answers)
{
	if (answers || !a->v.enrol.enrolling || !uid_equal(uid, &a->enrol.raw))
		return 0;
	app_toast(a, "app.enrol.same_badge");
	app_cue(a, CUE_REFUSED);
	return 1;
}

static int
unknown_busy(const App *a)
{
	return a->v.enrol.enrolling;
}

static void
unknown_clear(App *a)
{
	AppView *v = &a->v;

	memset(&v->enrol.enrol_name, 0, sizeof v->enrol.enrol_name);
	v->enrol.enrolling = 0;
	v->enrol.enrol_error[0] = '\0';
	v->enrol.raw_uid[0] = '\0';
	memset(&a->enrol.raw, 0, sizeof a->enrol.raw);
	a->enrol.focused = 0;
	a->enrol.from_fac = 0;
}

void
app_enrol_start(App *a, const BadgeUid *uid, int from_fac)
{
	AppView *v = &a->v;

	a->enrol.raw = *uid;
	uid_format(uid, v->enrol.raw_uid);
	a->enrol.from_fac = from_fac;
	v->enrol.enrolling = 1;
	memset(&v->enrol.enrol_name, 0, sizeof v->enrol.enrol_name);
	v->enrol.enrol_role = ROLE_COOPERATOR;
	v->enrol.enrol_minor = 0;
	v->enrol.enrol_error[0] = '\0';
	a->enrol.focused = 1;
	v->kbd_layer = KBD_UPPER;
	app_goto(a, SCREEN_UNKNOWN_BADGE);
}

void
app_enrol_render(App *a)
{
	AppView *v = &a->v;
	TextFieldView *f = &v->enrol.enrol_name;

	if (!v->enrol.enrolling) {
		v->kbd_visible = 0;
		return;
	}
	app_field_show(f, f->text, BORNE_NAME_MAX_CH);
	text_copy(f->label, sizeof f->label, tr(v->lang, "app.enrol.name"));
	text_copy(f->hint, sizeof f->hint, tr(v->lang, "app.enrol.name_hint"));
	f->focused = a->enrol.focused;
	v->kbd_visible = a->enrol.focused;
}

static void
enrol_save(App *a)
{
	AppView *v = &a->v;
	char why[120], first[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	int64_t id = 0;
	Member m;
	int rc;

	text_settle(v->enrol.enrol_name.text);
	app_field_show(&v->enrol.enrol_name, v->enrol.enrol_name.text,
	               BORNE_NAME_MAX_CH);
	if (text_check(v->enrol.enrol_name.text, BORNE_NAME_MAX_CH, TEXT_SINGLE_LINE, 1,
	               why, sizeof why) != BORNE_OK) {
		text_copy(v->enrol.enrol_error, sizeof v->enrol.enrol_error,
		          tr(v->lang, "app.enrol.name_missing"));
		a->enrol.focused = 1;
		app_cue(a, CUE_REFUSED);
		app_reload(a);
		return;
	}
	if (member_by_badge(a->st, &a->enrol.raw, &m) == BORNE_OK) {
		text_first_name(m.name, first, sizeof first);
		app_trf(v->lang, v->enrol.enrol_error, sizeof v->enrol.enrol_error,
		        "app.enrol.known", first);
		app_cue(a, CUE_REFUSED);
		return;
	}
	rc = member_add(a->st, v->enrol.enrol_name.text, v->enrol.enrol_role, v->enrol.enrol_minor,
	                &a->enrol.raw, NULL, a->staff.id, a->now_utc, &id);
	if (rc != BORNE_OK) {
		if (rc == BORNE_EINVAL)
			text_copy(v->enrol.enrol_error, sizeof v->enrol.enrol_error,
			          tr(v->lang, "app.enrol.refused"));
		else
			text_copy(v->enrol.enrol_error, sizeof v->enrol.enrol_error,
			          tr(v->lang, "app.err.db"));
		app_cue(a, CUE_REFUSED);
		return;
	}
	text_first_name(v->enrol.enrol_name.text, first, sizeof first);
	app_cue(a, CUE_SUCCESS);
	if (a->enrol.from_fac) {
		v->enrol.enrolling = 0;
		memset(&v->enrol.enrol_name, 0, sizeof v->enrol.enrol_name);
		v->enrol.raw_uid[0] = '\0';
		a->enrol.focused = 0;
		app_fac_show(a, FAC_PRESENT);
		/* A new facilitator or admin (given by an admin): their PIN
		** now, on the PIN pad, six digits proposed. */
		if (member_is_staff(&(Member){ .role = v->enrol.enrol_role }))
			app_pin_set_start(a, id);
	} else {
		app_go_home(a);
	}
	app_toast(a, "app.enrol.saved", first);
}

int
app_enrol_action(App *a, AppAction act, int64_t arg)
{
	AppView *v = &a->v;

	if (!v->enrol.enrolling)
		return 0;
	if (!a->in_facilitator) {
		app_go_home(a);
		return 1;
	}
	switch (act) {
	case ACT_FIELD:
	case ACT_FOCUS:
		a->enrol.focused = act == ACT_FIELD || arg != 0;
		break;
	case ACT_SET_ROLE:
		if (arg < 0 || arg >= ROLE_COUNT)
			return 1;
		/* Staff roles need an admin (who then sets their PIN). */
		if (arg >= ROLE_FACILITATOR && a->staff.role != ROLE_ADMIN) {
			app_toast(a, "app.enrol.role_admin");
			app_cue(a, CUE_REFUSED);
			return 1;
		}
		v->enrol.enrol_role = (MemberRole)arg;
		a->enrol.focused = 0;
		break;
	case ACT_TOGGLE_MINOR:
		v->enrol.enrol_minor = !v->enrol.enrol_minor;
		a->enrol.focused = 0;
		break;
	case ACT_ENROL_SAVE:
		enrol_save(a);
		return 1;
	case ACT_KBD_LAYER:
		return 0;
	case ACT_KEY:
		return app_enrol_key(a, (int)arg);
	case ACT_BACK:
	case ACT_CANCEL_WAIT:
		if (a->enrol.from_fac) {
			v->enrol.enrolling = 0;
			v->enrol.raw_uid[0] = '\0';
			app_goto(a, SCREEN_FACILITATOR);
		} else {
			app_go_home(a);
		}
		return 1;
	default:
		return 0;
	}
	app_reload(a);
	return 1;
}

int
app_enrol_text(App *a, const char *utf8)
{
	AppView *v = &a->v;

	if (!v->enrol.enrolling)
		return 0;
	a->enrol.focused = 1;
	v->enrol.enrol_error[0] = '\0';
	app_field_type(a, &v->enrol.enrol_name, v->enrol.enrol_name.text,
	               BORNE_CH_BYTES(BORNE_NAME_MAX_CH), BORNE_NAME_MAX_CH,
	               TEXT_SINGLE_LINE, utf8);
	{
		char keep[sizeof v->enrol.enrol_name.error];

		memcpy(keep, v->enrol.enrol_name.error, sizeof keep);
		app_reload(a);
		memcpy(v->enrol.enrol_name.error, keep, sizeof keep);
	}
	return 1;
}

int
app_enrol_key(App *a, int key)
{
	AppView *v = &a->v;

	if (!v->enrol.enrolling)
		return 0;
	switch (key) {
	case APP_KEY_BACKSPACE:
		app_field_pop(&v->enrol.enrol_name, v->enrol.enrol_name.text);
		app_reload(a);
		return 1;
	case APP_KEY_ENTER:
		if (a->enrol.focused) {
			a->enrol.focused = 0;
			app_reload(a);
			return 1;
		}
		enrol_save(a);
		return 1;
	case APP_KEY_ESCAPE:
		if (a->enrol.focused) {
			a->enrol.focused = 0;
			app_reload(a);
			return 1;
		}
		return app_enrol_action(a, ACT_BACK, 0);
	default:
		return 0;
	}
}
