/* app_facilitator.c -- what only facilitators may do at the kiosk.
** A facilitator proves themselves twice: their badge, then their PIN.
** Wrong PINs are counted per kiosk: after pin_max_tries the PIN pad locks
** for pin_lock_ms for everyone, even after leaving the screen, so a PIN
** cannot be guessed by walking away and back. The count and the lock are
** saved in the settings (PIN_LOCK_SETTING) with each wrong PIN, so a
** restart, the watchdog or a crash gives no fresh tries; the lock is
** timed by the monotonic clock (now_ms), so a wall clock set forward does
** not open it early. After a reboot the lock starts again from the time
** it had left when last saved (every PIN_SAVE_EVERY_MS while locked; the
** time the kiosk was off does not count).
** Every wrong PIN and every lock is audited, the badge holder as actor.
** A facilitator with no PIN, or a PIN the kiosk cannot check (its key is
** missing), is told so, and that counts as no failure. Admins give or
** change PINs on the same pad (PIN_FOR_NEW*, typed twice, no lock).
** Facilitator mode shows who is here, missions waiting for approval,
** enrolment of a new badge, today's contributive day, the USB export and
** the reader's state (and, for admins, the staff's PINs). Each
** change goes through a core function given the facilitator's id, which
** writes the audit log. */
#include "app_impl.h"
#include "day.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "i18n.h"
#include "pinkey.h"
#include "report.h"
#include "text.h"
#include "timeutil.h"

#define PIN_LOCK_SETTING "pin_lock"  /* "FAILS REMAINING_MS BOOT_ID UNTIL_MS" */
#define PIN_SAVE_EVERY_MS 10000     /* the time left, while locked */

static int  pin_locked(App *a);
static void pin_ok(App *a);
static int  pin_state_save(App *a);
static void pin_failed(App *a);
static int  pin_none(App *a);
static int  pin_setting(const App *a);
static void pin_set_start(App *a, int64_t member_id);
static void pin_set_ok(App *a);
static void pin_set_leave(App *a);
static int  staff_add(const Member *m, void *ctx);
static void enter_facilitator(App *a);
static int  present_add(const Visit *vis, void *ctx);
static void present_scroll(AppView *v, int64_t delta);
static void reject(App *a, int64_t reason);
static void export_today(App *a);
static void day_open_today(App *a);
static void enrol_save(App *a);

/* ---- PIN -------------------------------------------------------------- */

/* Saves the count and the lock (inside the caller's transaction, or on
** its own): the time left, and for this boot the monotonic instant it
** ends. */
static int
pin_state_save(App *a)
{
	char value[160];
	int64_t left = a->pin_lock_until_ms > a->now_ms ?
	               a->pin_lock_until_ms - a->now_ms : 0;

	if (a->st == NULL)
		return BORNE_EIO;
	a->pin_saved_ms = a->now_ms;
	snprintf(value, sizeof value, "%d %lld %s %lld", a->pin_fails,
	         (long long)left, a->cfg.boot_id[0] ? a->cfg.boot_id : "-",
	         (long long)(left > 0 ? a->pin_lock_until_ms + a->cfg.mono_offset_ms
	                              : 0));
	return store_setting_set(a->st, PIN_LOCK_SETTING, value);
}

void
app_pin_load(App *a)
{
	char value[160], boot[64];
	long long fails, left, until;
	int64_t end;

	a->pin_fails = 0;
	a->pin_lock_until_ms = 0;
	if (a->st == NULL ||
	    store_setting_get(a->st, PIN_LOCK_SETTING, value,
	                      sizeof value) != BORNE_OK)
		return;
	if (sscanf(value, "%lld %lld %63s %lld", &fails, &left, boot, &until) != 4) {
		/* Unreadable: the safe side is a full lock, not fresh tries. */
		fails = a->cfg.pin_max_tries;
		left = a->cfg.pin_lock_ms;
		boot[0] = '\0';
		until = 0;
	}
	if (fails < 0)
		fails = 0;
	if (fails > a->cfg.pin_max_tries)
		fails = a->cfg.pin_max_tries;
	if (left < 0)
		left = 0;
	if (left > a->cfg.pin_lock_ms)
		left = a->cfg.pin_lock_ms;
	a->pin_fails = (int)fails;
	if (left == 0)
		return;
	end = a->now_ms + left;
	/* The same boot: the monotonic clock ran on while the kiosk was
	** down, and says when the lock ends. */
	if (strcmp(boot, a->cfg.boot_id) == 0 &&
	    until - a->cfg.mono_offset_ms < end)
		end = until - a->cfg.mono_offset_ms;
	if (end > a->now_ms) {
		a->pin_lock_until_ms = end;
	} else {
		a->pin_fails = 0;
		(void)pin_state_save(a);
	}
}

static int
pin_locked(App *a)
{
	if (a->pin_lock_until_ms == 0)
		return 0;
	if (a->now_ms >= a->pin_lock_until_ms) {
		a->pin_lock_until_ms = 0;       /* the lock ran out: fresh tries */
		a->pin_fails = 0;
		(void)pin_state_save(a);
		return 0;
	}
	/* The time left, saved now and then for a restart after a reboot. */
	if (a->now_ms - a->pin_saved_ms >= PIN_SAVE_EVERY_MS)
		(void)pin_state_save(a);
	return 1;
}

/* The staff member has no PIN, or one this kiosk cannot check: says so
** on the PIN pad and returns 1. Neither is a failure. */
static int
pin_none(App *a)
{
	AppView *v = &a->v;
	Member m;

	if (a->st == NULL || member_get(a->st, a->staff.id, &m) != BORNE_OK)
		return 0;
	if (!m.has_pin) {
		text_copy(v->pin_msg, sizeof v->pin_msg, tr(v->lang, "app.pin.none"));
		return 1;
	}
	if (pinkey_source() == PINKEY_NONE) {
		int n_legacy = 0, n_keyed = 0;

		if (member_pin_counts(a->st, &n_legacy, &n_keyed) == BORNE_OK &&
		    n_keyed > 0) {
			text_copy(v->pin_msg, sizeof v->pin_msg,
			          tr(v->lang, "app.pin.nokey"));
			return 1;
		}
	}
	return 0;
}

void
app_pin_start(App *a, PinPurpose why, const Member *staff, ScreenId back)
{
	a->pin_for = why;
	a->staff = *staff;
	a->pin_return = back;
	memset(a->pin, 0, sizeof a->pin);
	memset(a->pin_first, 0, sizeof a->pin_first);
	a->v.pin_msg[0] = '\0';
	app_goto(a, SCREEN_PIN);
	(void)pin_none(a);
}

void
app_staff_badge(App *a, const Member *m)
{
	if (a->v.screen == SCREEN_UNKNOWN_BADGE)
		app_pin_start(a, PIN_FOR_ENROL, m, SCREEN_UNKNOWN_BADGE);
	else {
		app_set_session(a, m);
		app_pin_start(a, PIN_FOR_FACILITATOR, m, a->v.screen);
	}
}

void
app_pin_render(App *a)
{
	AppView *v = &a->v;
	int locked;

	v->pin_len = (int)strlen(a->pin);
	locked = !pin_setting(a) && pin_locked(a);   /* may end the lock */
	v->pin_tries_left = a->cfg.pin_max_tries - a->pin_fails;
	if (pin_setting(a)) {
		/* A new PIN is no guess: the lock does not apply. */
		v->pin_setting = a->pin_for == PIN_FOR_NEW ? 1 : 2;
		v->pin_digits = a->cfg.pin_digits;
		v->pin_locked_s = 0;
		app_trf(v->lang, v->pin_title, sizeof v->pin_title,
		        "app.pin.set_title", a->pin_member_name);
		if (a->pin_for == PIN_FOR_NEW)
			app_trf(v->lang, v->pin_prompt, sizeof v->pin_prompt,
			        "app.pin.set_prompt", a->cfg.pin_digits,
			        MEMBER_PIN_MIN_DIGITS, MEMBER_PIN_MAX_DIGITS);
		else
			text_copy(v->pin_prompt, sizeof v->pin_prompt,
			          tr(v->lang, "app.pin.set_again"));
		return;
	}
	v->pin_setting = 0;
	v->pin_digits = MEMBER_PIN_MIN_DIGITS;
	v->pin_title[0] = v->pin_prompt[0] = '\0';
	if (locked) {
		v->pin_locked_s = (int)((a->pin_lock_until_ms - a->now_ms + 999) /
		                        1000);
		app_trf(v->lang, v->pin_msg, sizeof v->pin_msg, "app.pin.locked",
		        (v->pin_locked_s + 59) / 60);
	} else {
		if (v->pin_locked_s > 0)
			v->pin_msg[0] = '\0';   /* unlocked while on screen */
		v->pin_locked_s = 0;
	}
}

/* ---- Setting a PIN at the kiosk (admins) ------------------------------ */

static int
pin_setting(const App *a)
{
	return a->pin_for == PIN_FOR_NEW || a->pin_for == PIN_FOR_NEW_AGAIN;
}

/* An admin in facilitator mode sets member_id's PIN: typed twice on the
** PIN pad, cfg.pin_digits digits proposed, 4 to 8 accepted. */
static void
pin_set_start(App *a, int64_t member_id)
{
	AppView *v = &a->v;
	Member m;
	int rc;

	if (a->staff.role != ROLE_ADMIN) {
		app_toast(a, "app.pin.set_admin");
		app_cue(a, CUE_REFUSED);
		return;
	}
	rc = member_get(a->st, member_id, &m);
	if (rc != BORNE_OK) {
		app_toast_rc(a, rc);
		app_cue(a, CUE_REFUSED);
		return;
	}
	if (!member_is_staff(&m) || !m.active || m.forgotten) {
		app_toast(a, "app.pin.set_nostaff");
		app_cue(a, CUE_REFUSED);
		return;
	}
	a->pin_for = PIN_FOR_NEW;
	a->pin_member = m.id;
	text_copy(a->pin_member_name, sizeof a->pin_member_name, m.name);
	memset(a->pin, 0, sizeof a->pin);
	memset(a->pin_first, 0, sizeof a->pin_first);
	v->pin_msg[0] = '\0';
	app_goto(a, SCREEN_PIN);
}

/* Back to the list of PINs, nothing of the typed PINs kept. */
static void
pin_set_leave(App *a)
{
	AppView *v = &a->v;

	memset(a->pin, 0, sizeof a->pin);
	memset(a->pin_first, 0, sizeof a->pin_first);
	a->pin_for = PIN_FOR_FACILITATOR;
	a->pin_member = 0;
	a->pin_member_name[0] = '\0';
	v->pin_msg[0] = '\0';
	v->pin_setting = 0;
	v->pin_title[0] = v->pin_prompt[0] = '\0';
	v->fac_tab = FAC_PINS;
	app_goto(a, SCREEN_FACILITATOR);
}

static void
pin_set_ok(App *a)
{
	AppView *v = &a->v;
	char name[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	size_t n = strlen(a->pin);
	int rc;

	if (n < MEMBER_PIN_MIN_DIGITS) {
		app_trf(v->lang, v->pin_msg, sizeof v->pin_msg, "app.pin.set_short",
		        MEMBER_PIN_MIN_DIGITS, MEMBER_PIN_MAX_DIGITS);
		app_cue(a, CUE_REFUSED);
		app_pin_render(a);
		return;
	}
	if (a->pin_for == PIN_FOR_NEW) {
		memcpy(a->pin_first, a->pin, sizeof a->pin_first);
		memset(a->pin, 0, sizeof a->pin);
		a->pin_for = PIN_FOR_NEW_AGAIN;
		v->pin_msg[0] = '\0';
		app_pin_render(a);
		return;
	}
	if (strcmp(a->pin, a->pin_first) != 0) {
		memset(a->pin, 0, sizeof a->pin);
		memset(a->pin_first, 0, sizeof a->pin_first);
		a->pin_for = PIN_FOR_NEW;
		text_copy(v->pin_msg, sizeof v->pin_msg,
		          tr(v->lang, "app.pin.set_differ"));
		app_cue(a, CUE_REFUSED);
		app_pin_render(a);
		return;
	}
	rc = member_set_pin(a->st, a->pin_member, a->pin, a->staff.id, a->now_utc);
	memset(a->pin, 0, sizeof a->pin);
	memset(a->pin_first, 0, sizeof a->pin_first);
	if (rc != BORNE_OK) {
		a->pin_for = PIN_FOR_NEW;
		if (rc == BORNE_EIO)
			text_copy(v->pin_msg, sizeof v->pin_msg,
			          tr(v->lang, "app.pin.nokey"));
		else
			app_toast_rc(a, rc);
		app_cue(a, CUE_REFUSED);
		app_pin_render(a);
		return;
	}
	text_copy(name, sizeof name, a->pin_member_name);
	app_cue(a, CUE_SUCCESS);
	pin_set_leave(a);
	app_toast(a, "app.pin.set_done", name);
}

static void
enter_facilitator(App *a)
{
	AppView *v = &a->v;

	a->in_facilitator = 1;
	app_set_session(a, &a->staff);
	a->in_facilitator = 1;
	v->fac_tab = FAC_PRESENT;
	v->rejecting = 0;
	v->present_offset = 0;
	v->export_msg[0] = '\0';
	app_goto(a, SCREEN_FACILITATOR);
}

/* One more wrong PIN: counted, saved, audited; the lock when it is the
** last try. */
static void
pin_failed(App *a)
{
	AppView *v = &a->v;
	char detail[48];
	int locks;

	a->pin_fails++;
	locks = a->pin_fails >= a->cfg.pin_max_tries;
	if (locks)
		a->pin_lock_until_ms = a->now_ms + a->cfg.pin_lock_ms;
	snprintf(detail, sizeof detail, "%d/%d", a->pin_fails,
	         a->cfg.pin_max_tries);
	if (store_begin(a->st) == BORNE_OK) {
		int rc = pin_state_save(a);

		if (rc == BORNE_OK)
			rc = audit_log(a->st, a->staff.id, "pin.fail", "member",
			               a->staff.id, detail, a->now_utc);
		if (rc == BORNE_OK && locks) {
			snprintf(detail, sizeof detail, "%lld s",
			         (long long)(a->cfg.pin_lock_ms / 1000));
			rc = audit_log(a->st, a->staff.id, "pin.lock", "kiosk", 0,
			               detail, a->now_utc);
		}
		if (rc == BORNE_OK)
			(void)store_commit(a->st);
		else
			store_rollback(a->st);
	}
	if (!locks) {
		int left = a->cfg.pin_max_tries - a->pin_fails;

		app_trf(v->lang, v->pin_msg, sizeof v->pin_msg,
		        left == 1 ? "app.pin.wrong_one" : "app.pin.wrong", left);
	}
}

static void
pin_ok(App *a)
{
	AppView *v = &a->v;
	int rc;

	if (pin_locked(a)) {
		app_cue(a, CUE_REFUSED);
		app_pin_render(a);
		return;
	}
	if (a->pin[0] == '\0')
		return;
	if (pin_none(a)) {
		memset(a->pin, 0, sizeof a->pin);
		v->pin_len = 0;
		app_cue(a, CUE_REFUSED);
		app_pin_render(a);
		return;
	}
	rc = member_check_pin(a->st, a->staff.id, a->pin);
	memset(a->pin, 0, sizeof a->pin);
	v->pin_len = 0;
	if (rc == BORNE_OK) {
		if (a->pin_fails != 0) {
			a->pin_fails = 0;
			(void)pin_state_save(a);
		}
		v->pin_msg[0] = '\0';
		app_cue(a, CUE_SUCCESS);
		if (a->pin_for == PIN_FOR_ENROL) {
			a->in_facilitator = 1;
			app_enrol_start(a, &a->raw, 0);
		} else {
			enter_facilitator(a);
		}
		return;
	}
	app_cue(a, CUE_REFUSED);
	if (rc == BORNE_EIO) {
		text_copy(v->pin_msg, sizeof v->pin_msg, tr(v->lang, "app.pin.nokey"));
		app_pin_render(a);
		return;
	}
	if (rc != BORNE_EREFUSED) {
		app_toast_rc(a, rc);
		app_pin_render(a);
		return;
	}
	pin_failed(a);
	app_pin_render(a);
}

int
app_pin_action(App *a, AppAction act, int64_t arg)
{
	size_t n = strlen(a->pin);

	switch (act) {
	case ACT_PIN_DIGIT:
		if (arg < 0 || arg > 9)
			return 1;
		if (!pin_setting(a) && pin_locked(a)) {
			app_cue(a, CUE_REFUSED);
		} else if (n < APP_PIN_MAX_DIGITS) {
			a->pin[n] = (char)('0' + arg);
			a->pin[n + 1] = '\0';
			a->v.pin_msg[0] = '\0';
		}
		app_pin_render(a);
		return 1;
	case ACT_PIN_ERASE:
		if (n > 0)
			a->pin[n - 1] = '\0';
		app_pin_render(a);
		return 1;
	case ACT_PIN_OK:
		if (pin_setting(a))
			pin_set_ok(a);
		else
			pin_ok(a);
		return 1;
	case ACT_BACK:
	case ACT_CANCEL_WAIT:
		if (pin_setting(a)) {
			pin_set_leave(a);
			return 1;
		}
		memset(a->pin, 0, sizeof a->pin);
		a->v.pin_msg[0] = '\0';
		if (a->pin_return == SCREEN_UNKNOWN_BADGE)
			app_goto(a, SCREEN_UNKNOWN_BADGE);
		else if (a->v.has_member)
			app_goto(a, SCREEN_MEMBER_HOME);
		else
			app_go_home(a);
		return 1;
	default:
		return 0;
	}
}

/* ---- Facilitator mode ------------------------------------------------- */

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
	if (v->n_staff >= APP_LIST_MAX)
		return 1;
	v->staff_has_pin[v->n_staff] = m->has_pin;
	p = &v->staff[v->n_staff++];
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
	int64_t o = v->present_offset + delta;

	if (o > v->n_present - 1)
		o = v->n_present - 1;
	v->present_offset = o < 0 ? 0 : (int)o;
}

static int
present_add(const Visit *vis, void *ctx)
{
	App *a = ((struct present_ctx *)ctx)->a;
	AppView *v = &a->v;
	AppPerson *p;
	Member m;

	if (v->n_present >= APP_LIST_MAX)
		return 1;
	p = &v->present[v->n_present++];
	memset(p, 0, sizeof *p);
	p->member_id = vis->member_id;
	text_copy(p->name, sizeof p->name, vis->member_name);
	if (member_get(a->st, vis->member_id, &m) == BORNE_OK)
		text_copy(p->role, sizeof p->role, app_role_label(v->lang, m.role));
	app_format_hm(v->lang, vis->in_utc, p->since, sizeof p->since);
	return 0;
}

void
app_fac_reload(App *a)
{
	AppView *v = &a->v;
	MissionQuery q;
	struct present_ctx ctx = { a };
	int total = 0;

	v->n_present = 0;
	checkin_present_each(a->st, a->now_utc, present_add, &ctx);
	v->fac_is_admin = a->staff.role == ROLE_ADMIN;
	v->n_staff = 0;
	if (v->fac_is_admin && member_each(a->st, staff_add, &ctx) != BORNE_OK)
		v->n_staff = 0;
	present_scroll(v, 0);                   /* someone may have left */
	memset(&q, 0, sizeof q);
	q.category = -1;
	q.status = MISSION_PENDING;
	q.include_taken = 0;
	q.limit = APP_LIST_MAX;
	v->n_pending = 0;
	if (mission_search(a->st, &q, v->pending, &v->n_pending, &total) !=
	    BORNE_OK)
		v->n_pending = 0;
	for (int i = 0; i < v->n_pending; i++)
		app_card_text(v->lang, &v->pending[i], &v->pending_text[i]);
	for (int i = 0; i < APP_N_REJECT_REASONS; i++) {
		char key[40];

		snprintf(key, sizeof key, "app.reject.%d", i);
		text_copy(v->reject_reasons[i], sizeof v->reject_reasons[i],
		          tr(v->lang, key));
	}
}

static void
reject(App *a, int64_t reason)
{
	AppView *v = &a->v;
	int rc;

	if (v->rejecting == 0 || reason < 0 || reason >= APP_N_REJECT_REASONS) {
		v->rejecting = 0;
		return;
	}
	rc = mission_reject(a->st, v->rejecting, v->reject_reasons[reason],
	                    a->staff.id, a->now_utc);
	v->rejecting = 0;
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
		app_trf(v->lang, v->export_msg, sizeof v->export_msg,
		        "app.export.ok", path);
		audit_log(a->st, a->staff.id, "report.export", "day", 0, path,
		          a->now_utc);
		break;
	case BORNE_ENOTFOUND:
		text_copy(v->export_msg, sizeof v->export_msg,
		          tr(v->lang, "app.export.no_stick"));
		break;
	case BORNE_EREADONLY:
		text_copy(v->export_msg, sizeof v->export_msg,
		          tr(v->lang, "app.export.readonly"));
		break;
	case BORNE_EFULL:
		text_copy(v->export_msg, sizeof v->export_msg,
		          tr(v->lang, "app.export.full"));
		break;
	case BORNE_EREFUSED:
		text_copy(v->export_msg, sizeof v->export_msg,
		          tr(v->lang, "app.export.unsafe"));
		break;
	default:
		text_copy(v->export_msg, sizeof v->export_msg,
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
		v->fac_tab = (FacTab)arg;
		v->rejecting = 0;
		if (v->fac_tab == FAC_ENROL)
			app_wait(a, WAIT_NEW_BADGE, 0);
		else if (v->wait == WAIT_NEW_BADGE)
			app_wait(a, WAIT_NONE, 0);
		app_reload(a);
		return 1;
	case ACT_ENROL:
		v->fac_tab = FAC_ENROL;
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
		v->rejecting = arg;
		return 1;
	case ACT_REJECT_REASON:
		reject(a, arg);
		app_reload(a);
		return 1;
	case ACT_REJECT_CANCEL:
		v->rejecting = 0;
		return 1;
	case ACT_EXPORT:
		export_today(a);
		return 1;
	case ACT_DAY_OPEN:
		day_open_today(a);
		return 1;
	case ACT_CLOCK_CONFIRM:
		return app_clock_confirm(a);
	case ACT_PIN_SET:
		pin_set_start(a, arg);
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
		if (v->fac_tab == FAC_ENROL)
			v->fac_tab = FAC_PRESENT;
		app_reload(a);
		return 1;
	case ACT_BACK:
		if (v->wait != WAIT_NONE || v->rejecting != 0) {
			app_wait(a, WAIT_NONE, 0);
			v->rejecting = 0;
			app_reload(a);
			return 1;
		}
		if (v->fac_tab != FAC_PRESENT) {
			v->fac_tab = FAC_PRESENT;
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

/* ---- Enrolment -------------------------------------------------------- */

void
app_enrol_start(App *a, const BadgeUid *uid, int from_fac)
{
	AppView *v = &a->v;

	a->raw = *uid;
	uid_format(uid, v->raw_uid);
	a->enrol_from_fac = from_fac;
	v->enrolling = 1;
	memset(&v->enrol_name, 0, sizeof v->enrol_name);
	v->enrol_role = ROLE_COOPERATOR;
	v->enrol_minor = 0;
	v->enrol_error[0] = '\0';
	a->enrol_focused = 1;
	v->kbd_layer = KBD_UPPER;
	app_goto(a, SCREEN_UNKNOWN_BADGE);
}

void
app_enrol_render(App *a)
{
	AppView *v = &a->v;
	TextFieldView *f = &v->enrol_name;

	if (!v->enrolling) {
		v->kbd_visible = 0;
		return;
	}
	app_field_show(f, f->text, BORNE_NAME_MAX_CH);
	text_copy(f->label, sizeof f->label, tr(v->lang, "app.enrol.name"));
	text_copy(f->hint, sizeof f->hint, tr(v->lang, "app.enrol.name_hint"));
	f->focused = a->enrol_focused;
	v->kbd_visible = a->enrol_focused;
}

static void
enrol_save(App *a)
{
	AppView *v = &a->v;
	char why[120], first[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	int64_t id = 0;
	Member m;
	int rc;

	if (text_check(v->enrol_name.text, BORNE_NAME_MAX_CH, TEXT_SINGLE_LINE, 1,
	               why, sizeof why) != BORNE_OK) {
		text_copy(v->enrol_error, sizeof v->enrol_error,
		          tr(v->lang, "app.enrol.name_missing"));
		a->enrol_focused = 1;
		app_cue(a, CUE_REFUSED);
		app_reload(a);
		return;
	}
	if (member_by_badge(a->st, &a->raw, &m) == BORNE_OK) {
		text_first_name(m.name, first, sizeof first);
		app_trf(v->lang, v->enrol_error, sizeof v->enrol_error,
		        "app.enrol.known", first);
		app_cue(a, CUE_REFUSED);
		return;
	}
	rc = member_add(a->st, v->enrol_name.text, v->enrol_role, v->enrol_minor,
	                &a->raw, NULL, a->staff.id, a->now_utc, &id);
	if (rc != BORNE_OK) {
		if (rc == BORNE_EINVAL)
			text_copy(v->enrol_error, sizeof v->enrol_error,
			          tr(v->lang, "app.enrol.refused"));
		else
			text_copy(v->enrol_error, sizeof v->enrol_error,
			          tr(v->lang, "app.err.db"));
		app_cue(a, CUE_REFUSED);
		return;
	}
	text_first_name(v->enrol_name.text, first, sizeof first);
	app_cue(a, CUE_SUCCESS);
	if (a->enrol_from_fac) {
		v->enrolling = 0;
		memset(&v->enrol_name, 0, sizeof v->enrol_name);
		v->raw_uid[0] = '\0';
		a->enrol_focused = 0;
		v->fac_tab = FAC_PRESENT;
		app_goto(a, SCREEN_FACILITATOR);
		/* A new facilitator or admin (given by an admin): their PIN
		** now, on the PIN pad, six digits proposed. */
		if (member_is_staff(&(Member){ .role = v->enrol_role }))
			pin_set_start(a, id);
	} else {
		app_go_home(a);
	}
	app_toast(a, "app.enrol.saved", first);
}

int
app_enrol_action(App *a, AppAction act, int64_t arg)
{
	AppView *v = &a->v;

	if (!v->enrolling)
		return 0;
	if (!a->in_facilitator) {
		app_go_home(a);
		return 1;
	}
	switch (act) {
	case ACT_FIELD:
	case ACT_FOCUS:
		a->enrol_focused = act == ACT_FIELD || arg != 0;
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
		v->enrol_role = (MemberRole)arg;
		a->enrol_focused = 0;
		break;
	case ACT_TOGGLE_MINOR:
		v->enrol_minor = !v->enrol_minor;
		a->enrol_focused = 0;
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
		if (a->enrol_from_fac) {
			v->enrolling = 0;
			v->raw_uid[0] = '\0';
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

	if (!v->enrolling)
		return 0;
	a->enrol_focused = 1;
	v->enrol_error[0] = '\0';
	app_field_type(a, &v->enrol_name, v->enrol_name.text,
	               BORNE_CH_BYTES(BORNE_NAME_MAX_CH), BORNE_NAME_MAX_CH,
	               TEXT_SINGLE_LINE, utf8);
	{
		char keep[sizeof v->enrol_name.error];

		memcpy(keep, v->enrol_name.error, sizeof keep);
		app_reload(a);
		memcpy(v->enrol_name.error, keep, sizeof keep);
	}
	return 1;
}

int
app_enrol_key(App *a, int key)
{
	AppView *v = &a->v;

	if (!v->enrolling)
		return 0;
	switch (key) {
	case APP_KEY_BACKSPACE:
		app_field_pop(&v->enrol_name, v->enrol_name.text);
		app_reload(a);
		return 1;
	case APP_KEY_ENTER:
		if (a->enrol_focused) {
			a->enrol_focused = 0;
			app_reload(a);
			return 1;
		}
		enrol_save(a);
		return 1;
	case APP_KEY_ESCAPE:
		if (a->enrol_focused) {
			a->enrol_focused = 0;
			app_reload(a);
			return 1;
		}
		return app_enrol_action(a, ACT_BACK, 0);
	default:
		return 0;
	}
}
