/* scr_unknown_badge.c -- a badge nobody owns: "Badge inconnu", and its
** enrolment. A facilitator proves themselves (badge, then PIN: scr_pin.c)
** and the form asks the new member's first name, the initial of their
** last name ("Zoé M.": all the kiosk needs), their role and, with no
** default, whether they are under 18. Either way the form ends in
** facilitator mode: one PIN covers the facilitator's session. The
** enrolment's state is this module's. */
#include "app_impl.h"
#include "app_screen.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "text.h"

static int64_t unknown_timeout(const App *a, int64_t idle_ms);
static int     unknown_action(App *a, AppAction act, int64_t arg);
static int     unknown_badge(App *a, const BadgeUid *uid, int answers);
static void    unknown_clear(App *a);
static int     unknown_busy(const App *a);
static void    enrol_save(App *a);
static void    enrol_compose(const AppView *v, char *out, size_t outlen);
static void    enrol_refuse(App *a, const char *key, int at);

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
	memset(&v->enrol.enrol_initial, 0, sizeof v->enrol.enrol_initial);
	v->enrol.enrol_shown[0] = '\0';
	v->enrol.enrolling = 0;
	v->enrol.enrol_error[0] = '\0';
	v->enrol.enrol_error_at = ENROL_FIELD_NONE;
	v->enrol.raw_uid[0] = '\0';
	memset(&a->enrol.raw, 0, sizeof a->enrol.raw);
	a->enrol.focused = ENROL_FIELD_NONE;
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
	memset(&v->enrol.enrol_initial, 0, sizeof v->enrol.enrol_initial);
	v->enrol.enrol_shown[0] = '\0';
	v->enrol.enrol_role = ROLE_COOPERATOR;
	v->enrol.enrol_minor = -1;          /* asked each time: no default */
	v->enrol.enrol_error[0] = '\0';
	v->enrol.enrol_error_at = ENROL_FIELD_NONE;
	a->enrol.focused = ENROL_FIELD_FIRST;
	v->kbd_layer = KBD_UPPER;
	app_goto(a, SCREEN_UNKNOWN_BADGE);
}

/* "Zoé M.": the first name, a space, the initial and a full stop (the
** first name alone while no initial is typed). */
static void
enrol_compose(const AppView *v, char *out, size_t outlen)
{
	char first[BORNE_CH_BYTES(ENROL_FIRST_MAX_CH)], ini[BORNE_CH_BYTES(1)];

	text_copy(first, sizeof first, v->enrol.enrol_name.text);
	text_copy(ini, sizeof ini, v->enrol.enrol_initial.text);
	if (first[0] == '\0')
		out[0] = '\0';
	else if (ini[0] == '\0')
		snprintf(out, outlen, "%s", first);
	else
		snprintf(out, outlen, "%s %s.", first, ini);
}

void
app_enrol_render(App *a)
{
	AppView *v = &a->v;
	TextFieldView *f = &v->enrol.enrol_name, *ini = &v->enrol.enrol_initial;

	if (!v->enrol.enrolling) {
		v->kbd_visible = 0;
		return;
	}
	app_field_show(f, f->text, ENROL_FIRST_MAX_CH);
	text_copy(f->label, sizeof f->label, tr(v->lang, "app.enrol.name"));
	app_field_show(ini, ini->text, 1);
	ini->max_chars = 0;                 /* one letter: no counter */
	text_copy(ini->label, sizeof ini->label, tr(v->lang, "app.enrol.initial"));
	/* Under the fields: the name as the kiosk will show it, once there
	** is one; before, an example. */
	enrol_compose(v, v->enrol.enrol_shown, sizeof v->enrol.enrol_shown);
	if (v->enrol.enrol_shown[0] != '\0' && ini->text[0] != '\0')
		app_trf(v->lang, f->hint, sizeof f->hint, "app.enrol.shown",
		        v->enrol.enrol_shown);
	else
		text_copy(f->hint, sizeof f->hint, tr(v->lang, "app.enrol.name_hint"));
	ini->hint[0] = '\0';
	f->focused = a->enrol.focused == ENROL_FIELD_FIRST;
	ini->focused = a->enrol.focused == ENROL_FIELD_INITIAL;
	v->kbd_visible = a->enrol.focused != ENROL_FIELD_NONE;
}

/* Refuses the save: why, next to what is missing, which gets the focus. */
static void
enrol_refuse(App *a, const char *key, int at)
{
	AppView *v = &a->v;

	text_copy(v->enrol.enrol_error, sizeof v->enrol.enrol_error,
	          tr(v->lang, key));
	v->enrol.enrol_error_at = at;
	a->enrol.focused = at == ENROL_ERR_MINOR ? ENROL_FIELD_NONE : at;
	app_cue(a, CUE_REFUSED);
	app_reload(a);
}

static void
enrol_save(App *a)
{
	AppView *v = &a->v;
	char why[120], first[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	char name[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	int64_t id = 0;
	Member m;
	int rc;

	text_settle(v->enrol.enrol_name.text);
	app_field_show(&v->enrol.enrol_name, v->enrol.enrol_name.text,
	               ENROL_FIRST_MAX_CH);
	if (text_check(v->enrol.enrol_name.text, ENROL_FIRST_MAX_CH, TEXT_SINGLE_LINE,
	               1, why, sizeof why) != BORNE_OK) {
		enrol_refuse(a, "app.enrol.name_missing", ENROL_FIELD_FIRST);
		return;
	}
	if (v->enrol.enrol_initial.text[0] == '\0') {
		enrol_refuse(a, "app.enrol.initial_missing", ENROL_FIELD_INITIAL);
		return;
	}
	/* Under 18 or not is asked every time, never guessed. */
	if (v->enrol.enrol_minor < 0) {
		enrol_refuse(a, "app.enrol.minor_missing", ENROL_ERR_MINOR);
		return;
	}
	v->enrol.enrol_error_at = ENROL_FIELD_NONE;
	enrol_compose(v, name, sizeof name);
	if (member_by_badge(a->st, &a->enrol.raw, &m) == BORNE_OK) {
		text_first_name(m.name, first, sizeof first);
		app_trf(v->lang, v->enrol.enrol_error, sizeof v->enrol.enrol_error,
		        "app.enrol.known", first);
		app_cue(a, CUE_REFUSED);
		return;
	}
	rc = member_add(a->st, name, v->enrol.enrol_role, v->enrol.enrol_minor,
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
	text_first_name(name, first, sizeof first);
	app_cue(a, CUE_SUCCESS);
	v->enrol.enrolling = 0;
	memset(&v->enrol.enrol_name, 0, sizeof v->enrol.enrol_name);
	memset(&v->enrol.enrol_initial, 0, sizeof v->enrol.enrol_initial);
	v->enrol.raw_uid[0] = '\0';
	a->enrol.focused = ENROL_FIELD_NONE;
	if (a->enrol.from_fac) {
		app_fac_show(a, FAC_PRESENT);
		/* A new facilitator or admin (given by an admin): their PIN
		** now, on the PIN pad, six digits proposed. */
		if (member_is_staff(&(Member){ .role = v->enrol.enrol_role }))
			app_pin_set_start(a, id);
	} else {
		/* The facilitator typed their PIN for this: it opens their
		** facilitator mode too, as everywhere else, so approving a
		** mission next asks for no second PIN. "Quitter" or the idle
		** time ends it. */
		app_fac_enter(a);
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
		if (arg != ENROL_FIELD_FIRST && arg != ENROL_FIELD_INITIAL)
			return 1;
		a->enrol.focused = (int)arg;
		if (arg == ENROL_FIELD_INITIAL || v->enrol.enrol_name.text[0] == '\0')
			v->kbd_layer = KBD_UPPER;
		break;
	case ACT_FOCUS:
		a->enrol.focused = arg != 0 ? ENROL_FIELD_FIRST : ENROL_FIELD_NONE;
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
		a->enrol.focused = ENROL_FIELD_NONE;
		break;
	case ACT_ENROL_MINOR:
		v->enrol.enrol_minor = arg != 0;
		if (v->enrol.enrol_error_at == ENROL_ERR_MINOR) {
			v->enrol.enrol_error[0] = '\0';
			v->enrol.enrol_error_at = ENROL_FIELD_NONE;
		}
		a->enrol.focused = ENROL_FIELD_NONE;
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

/* Text typed where the focus is (the first name when the keyboard was
** closed and no initial is there yet); the initial takes one letter,
** made a capital, then the keyboard closes: the form is next. */
int
app_enrol_text(App *a, const char *utf8)
{
	AppView *v = &a->v;
	TextFieldView *f;
	char keep[sizeof v->enrol.enrol_name.error];

	if (!v->enrol.enrolling)
		return 0;
	if (a->enrol.focused == ENROL_FIELD_NONE) {
		/* The rest of a last name typed on after its initial goes
		** nowhere; else the first name (a keyboard plugged in). */
		if (v->enrol.enrol_initial.text[0] != '\0')
			return 1;
		a->enrol.focused = ENROL_FIELD_FIRST;
	}
	if (v->enrol.enrol_error_at == a->enrol.focused) {
		v->enrol.enrol_error[0] = '\0';
		v->enrol.enrol_error_at = ENROL_FIELD_NONE;
	}
	if (a->enrol.focused == ENROL_FIELD_INITIAL) {
		uint32_t cp = 0;
		char one[5];

		f = &v->enrol.enrol_initial;
		f->error[0] = '\0';
		/* The first character typed, if it is a letter. */
		if (text_first_cp(utf8, &cp) == 0)
			cp = 0;
		if (cp == 0 || !text_is_letter(cp)) {
			text_copy(f->error, sizeof f->error,
			          tr(v->lang, "app.enrol.initial_letter"));
			memcpy(keep, f->error, sizeof keep);
			app_reload(a);
			memcpy(f->error, keep, sizeof keep);
			return 1;
		}
		text_utf8_put(text_upper_cp(cp), one);
		app_field_show(f, one, 1);
		a->enrol.focused = ENROL_FIELD_NONE;
		app_reload(a);
		return 1;
	}
	f = &v->enrol.enrol_name;
	app_field_type(a, f, f->text, sizeof f->text, ENROL_FIRST_MAX_CH,
	               TEXT_SINGLE_LINE, utf8);
	text_name_capitalise(f->text);
	memcpy(keep, f->error, sizeof keep);
	app_reload(a);
	memcpy(f->error, keep, sizeof keep);
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
		if (a->enrol.focused == ENROL_FIELD_INITIAL)
			app_field_pop(&v->enrol.enrol_initial, v->enrol.enrol_initial.text);
		else
			app_field_pop(&v->enrol.enrol_name, v->enrol.enrol_name.text);
		app_reload(a);
		return 1;
	case APP_KEY_ENTER:
		/* The first name typed: on to the initial, if it is empty. */
		if (a->enrol.focused == ENROL_FIELD_FIRST &&
		    v->enrol.enrol_name.text[0] != '\0' &&
		    v->enrol.enrol_initial.text[0] == '\0') {
			a->enrol.focused = ENROL_FIELD_INITIAL;
			v->kbd_layer = KBD_UPPER;
			app_reload(a);
			return 1;
		}
		if (a->enrol.focused != ENROL_FIELD_NONE) {
			a->enrol.focused = ENROL_FIELD_NONE;
			app_reload(a);
			return 1;
		}
		enrol_save(a);
		return 1;
	case APP_KEY_ESCAPE:
		if (a->enrol.focused != ENROL_FIELD_NONE) {
			a->enrol.focused = ENROL_FIELD_NONE;
			app_reload(a);
			return 1;
		}
		return app_enrol_action(a, ACT_BACK, 0);
	default:
		return 0;
	}
}
