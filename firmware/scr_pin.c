/* scr_pin.c -- the PIN pad, and what it is for (PinPurpose, chosen by
** whoever opens it and owned here): a facilitator proving themselves
** (facilitator mode, or enrolling an unknown badge), or an admin setting
** a staff member's PIN (typed twice, no lock).
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
** missing), is told so, and that counts as no failure. */
#include "app_impl.h"
#include "app_screen.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "i18n.h"
#include "pinkey.h"
#include "text.h"

#define PIN_LOCK_SETTING "pin_lock"  /* "FAILS REMAINING_MS BOOT_ID UNTIL_MS" */
#define PIN_SAVE_EVERY_MS 10000     /* the time left, while locked */

static int  pin_locked(App *a);
static void pin_ok(App *a);
static int  pin_state_save(App *a);
static void pin_failed(App *a);
static int  pin_none(App *a);
static int  pin_setting(const App *a);
static void pin_set_ok(App *a);
static void pin_set_leave(App *a);
static int  pin_text(App *a, const char *utf8);
static int  pin_key(App *a, int key);
static void pin_clear(App *a);
static int  pin_busy(const App *a);

const AppScreen scr_pin = {
	.name = "pin",
	.action = app_pin_action,
	.text = pin_text,
	.key = pin_key,
	.reload = app_pin_render,
	.clear = pin_clear,
	.busy = pin_busy,
};

/* ---- PIN -------------------------------------------------------------- */

/* Saves the count and the lock (inside the caller's transaction, or on
** its own): the time left, and for this boot the monotonic instant it
** ends. */
static int
pin_state_save(App *a)
{
	char value[160];
	int64_t left = a->pin.lock_until_ms > a->now_ms ?
	               a->pin.lock_until_ms - a->now_ms : 0;

	if (a->st == NULL)
		return BORNE_EIO;
	a->pin.saved_ms = a->now_ms;
	snprintf(value, sizeof value, "%d %lld %s %lld", a->pin.fails,
	         (long long)left, a->cfg.boot_id[0] ? a->cfg.boot_id : "-",
	         (long long)(left > 0 ? a->pin.lock_until_ms + a->cfg.mono_offset_ms
	                              : 0));
	return store_setting_set(a->st, PIN_LOCK_SETTING, value);
}

void
app_pin_load(App *a)
{
	char value[160], boot[64];
	long long fails, left, until;
	int64_t end;

	a->pin.fails = 0;
	a->pin.lock_until_ms = 0;
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
	a->pin.fails = (int)fails;
	if (left == 0)
		return;
	end = a->now_ms + left;
	/* The same boot: the monotonic clock ran on while the kiosk was
	** down, and says when the lock ends. */
	if (strcmp(boot, a->cfg.boot_id) == 0 &&
	    until - a->cfg.mono_offset_ms < end)
		end = until - a->cfg.mono_offset_ms;
	if (end > a->now_ms) {
		a->pin.lock_until_ms = end;
	} else {
		a->pin.fails = 0;
		(void)pin_state_save(a);
	}
}

static int
pin_locked(App *a)
{
	if (a->pin.lock_until_ms == 0)
		return 0;
	if (a->now_ms >= a->pin.lock_until_ms) {
		a->pin.lock_until_ms = 0;       /* the lock ran out: fresh tries */
		a->pin.fails = 0;
		(void)pin_state_save(a);
		return 0;
	}
	/* The time left, saved now and then for a restart after a reboot. */
	if (a->now_ms - a->pin.saved_ms >= PIN_SAVE_EVERY_MS)
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
		text_copy(v->pin.pin_msg, sizeof v->pin.pin_msg, tr(v->lang, "app.pin.none"));
		return 1;
	}
	if (pinkey_source() == PINKEY_NONE) {
		int n_legacy = 0, n_keyed = 0;

		if (member_pin_counts(a->st, &n_legacy, &n_keyed) == BORNE_OK &&
		    n_keyed > 0) {
			text_copy(v->pin.pin_msg, sizeof v->pin.pin_msg,
			          tr(v->lang, "app.pin.nokey"));
			return 1;
		}
	}
	return 0;
}

void
app_pin_start(App *a, PinPurpose why, const Member *staff, ScreenId back)
{
	a->pin.purpose = why;
	a->staff = *staff;
	a->pin.from = back;
	memset(a->pin.typed, 0, sizeof a->pin.typed);
	memset(a->pin.first, 0, sizeof a->pin.first);
	a->v.pin.pin_msg[0] = '\0';
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

	v->pin.pin_len = (int)strlen(a->pin.typed);
	v->pin.pin_min_digits = MEMBER_PIN_MIN_DIGITS;
	locked = !pin_setting(a) && pin_locked(a);   /* may end the lock */
	v->pin.pin_tries_left = a->cfg.pin_max_tries - a->pin.fails;
	if (pin_setting(a)) {
		/* A new PIN is no guess: the lock does not apply. */
		v->pin.pin_setting = a->pin.purpose == PIN_FOR_NEW ? 1 : 2;
		v->pin.pin_digits = a->cfg.pin_digits;
		v->pin.pin_locked_s = 0;
		app_trf(v->lang, v->pin.pin_title, sizeof v->pin.pin_title,
		        "app.pin.set_title", a->pin.member_name);
		if (a->pin.purpose == PIN_FOR_NEW)
			app_trf(v->lang, v->pin.pin_prompt, sizeof v->pin.pin_prompt,
			        "app.pin.set_prompt", a->cfg.pin_digits,
			        MEMBER_PIN_MIN_DIGITS, MEMBER_PIN_MAX_DIGITS);
		else
			text_copy(v->pin.pin_prompt, sizeof v->pin.pin_prompt,
			          tr(v->lang, "app.pin.set_again"));
		return;
	}
	v->pin.pin_setting = 0;
	v->pin.pin_digits = MEMBER_PIN_MIN_DIGITS;
	v->pin.pin_title[0] = v->pin.pin_prompt[0] = '\0';
	if (locked) {
		v->pin.pin_locked_s = (int)((a->pin.lock_until_ms - a->now_ms + 999) /
		                        1000);
		app_trf(v->lang, v->pin.pin_msg, sizeof v->pin.pin_msg, "app.pin.locked",
		        (v->pin.pin_locked_s + 59) / 60);
	} else {
		if (v->pin.pin_locked_s > 0)
			v->pin.pin_msg[0] = '\0';   /* unlocked while on screen */
		v->pin.pin_locked_s = 0;
	}
}

/* ---- Setting a PIN at the kiosk (admins) ------------------------------ */

static int
pin_setting(const App *a)
{
	return a->pin.purpose == PIN_FOR_NEW || a->pin.purpose == PIN_FOR_NEW_AGAIN;
}

/* An admin in facilitator mode sets member_id's PIN: typed twice on the
** PIN pad, cfg.pin_digits digits proposed, 4 to 8 accepted. */
void
app_pin_set_start(App *a, int64_t member_id)
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
	a->pin.purpose = PIN_FOR_NEW;
	a->pin.member = m.id;
	text_copy(a->pin.member_name, sizeof a->pin.member_name, m.name);
	memset(a->pin.typed, 0, sizeof a->pin.typed);
	memset(a->pin.first, 0, sizeof a->pin.first);
	v->pin.pin_msg[0] = '\0';
	app_goto(a, SCREEN_PIN);
}

/* Back to the list of PINs, nothing of the typed PINs kept. */
static void
pin_set_leave(App *a)
{
	AppView *v = &a->v;

	memset(a->pin.typed, 0, sizeof a->pin.typed);
	memset(a->pin.first, 0, sizeof a->pin.first);
	a->pin.purpose = PIN_FOR_FACILITATOR;
	a->pin.member = 0;
	a->pin.member_name[0] = '\0';
	v->pin.pin_msg[0] = '\0';
	v->pin.pin_setting = 0;
	v->pin.pin_title[0] = v->pin.pin_prompt[0] = '\0';
	app_fac_show(a, FAC_PINS);
}

static void
pin_set_ok(App *a)
{
	AppView *v = &a->v;
	char name[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	size_t n = strlen(a->pin.typed);
	int rc;

	if (n < MEMBER_PIN_MIN_DIGITS) {
		app_trf(v->lang, v->pin.pin_msg, sizeof v->pin.pin_msg, "app.pin.set_short",
		        MEMBER_PIN_MIN_DIGITS, MEMBER_PIN_MAX_DIGITS);
		app_cue(a, CUE_REFUSED);
		app_pin_render(a);
		return;
	}
	if (a->pin.purpose == PIN_FOR_NEW) {
		memcpy(a->pin.first, a->pin.typed, sizeof a->pin.first);
		memset(a->pin.typed, 0, sizeof a->pin.typed);
		a->pin.purpose = PIN_FOR_NEW_AGAIN;
		v->pin.pin_msg[0] = '\0';
		app_pin_render(a);
		return;
	}
	if (strcmp(a->pin.typed, a->pin.first) != 0) {
		memset(a->pin.typed, 0, sizeof a->pin.typed);
		memset(a->pin.first, 0, sizeof a->pin.first);
		a->pin.purpose = PIN_FOR_NEW;
		text_copy(v->pin.pin_msg, sizeof v->pin.pin_msg,
		          tr(v->lang, "app.pin.set_differ"));
		app_cue(a, CUE_REFUSED);
		app_pin_render(a);
		return;
	}
	rc = member_set_pin(a->st, a->pin.member, a->pin.typed, a->staff.id, a->now_utc);
	memset(a->pin.typed, 0, sizeof a->pin.typed);
	memset(a->pin.first, 0, sizeof a->pin.first);
	if (rc != BORNE_OK) {
		a->pin.purpose = PIN_FOR_NEW;
		if (rc == BORNE_EIO)
			text_copy(v->pin.pin_msg, sizeof v->pin.pin_msg,
			          tr(v->lang, "app.pin.nokey"));
		else
			app_toast_rc(a, rc);
		app_cue(a, CUE_REFUSED);
		app_pin_render(a);
		return;
	}
	text_copy(name, sizeof name, a->pin.member_name);
	app_cue(a, CUE_SUCCESS);
	pin_set_leave(a);
	app_toast(a, "app.pin.set_done", name);
}

/* One more wrong PIN: counted, saved, audited; the lock when it is the
** last try. */
static void
pin_failed(App *a)
{
	AppView *v = &a->v;
	char detail[48];
	int locks;

	a->pin.fails++;
	locks = a->pin.fails >= a->cfg.pin_max_tries;
	if (locks)
		a->pin.lock_until_ms = a->now_ms + a->cfg.pin_lock_ms;
	snprintf(detail, sizeof detail, "%d/%d", a->pin.fails,
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
		int left = a->cfg.pin_max_tries - a->pin.fails;

		app_trf(v->lang, v->pin.pin_msg, sizeof v->pin.pin_msg,
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
	if (a->pin.typed[0] == '\0')
		return;
	if (strlen(a->pin.typed) < MEMBER_PIN_MIN_DIGITS) {
		/* No PIN is this short: not a try, say how many to type. */
		app_trf(v->lang, v->pin.pin_msg, sizeof v->pin.pin_msg,
		        "app.pin.too_short", MEMBER_PIN_MIN_DIGITS);
		app_cue(a, CUE_REFUSED);
		app_pin_render(a);
		return;
	}
	if (pin_none(a)) {
		memset(a->pin.typed, 0, sizeof a->pin.typed);
		v->pin.pin_len = 0;
		app_cue(a, CUE_REFUSED);
		app_pin_render(a);
		return;
	}
	rc = member_check_pin(a->st, a->staff.id, a->pin.typed);
	memset(a->pin.typed, 0, sizeof a->pin.typed);
	v->pin.pin_len = 0;
	if (rc == BORNE_OK) {
		if (a->pin.fails != 0) {
			a->pin.fails = 0;
			(void)pin_state_save(a);
		}
		v->pin.pin_msg[0] = '\0';
		app_cue(a, CUE_SUCCESS);
		if (a->pin.purpose == PIN_FOR_ENROL) {
			a->in_facilitator = 1;
			app_enrol_proved(a);
		} else {
			app_fac_enter(a);
		}
		return;
	}
	app_cue(a, CUE_REFUSED);
	if (rc == BORNE_EIO) {
		text_copy(v->pin.pin_msg, sizeof v->pin.pin_msg, tr(v->lang, "app.pin.nokey"));
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
	size_t n = strlen(a->pin.typed);

	switch (act) {
	case ACT_PIN_DIGIT:
		if (arg < 0 || arg > 9)
			return 1;
		if (!pin_setting(a) && pin_locked(a)) {
			app_cue(a, CUE_REFUSED);
		} else if (n < APP_PIN_MAX_DIGITS) {
			a->pin.typed[n] = (char)('0' + arg);
			a->pin.typed[n + 1] = '\0';
			a->v.pin.pin_msg[0] = '\0';
		}
		app_pin_render(a);
		return 1;
	case ACT_PIN_ERASE:
		if (n > 0)
			a->pin.typed[n - 1] = '\0';
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
		memset(a->pin.typed, 0, sizeof a->pin.typed);
		a->v.pin.pin_msg[0] = '\0';
		if (a->pin.from == SCREEN_UNKNOWN_BADGE)
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

/* Digits typed on a keyboard are digits on the pad. */
static int
pin_text(App *a, const char *utf8)
{
	for (const char *p = utf8; *p != '\0'; p++)
		if (*p >= '0' && *p <= '9')
			app_pin_action(a, ACT_PIN_DIGIT, *p - '0');
	return 1;
}

static int
pin_key(App *a, int key)
{
	if (key == APP_KEY_BACKSPACE)
		return app_pin_action(a, ACT_PIN_ERASE, 0);
	if (key == APP_KEY_ENTER)
		return app_pin_action(a, ACT_PIN_OK, 0);
	return 0;
}

static int
pin_busy(const App *a)
{
	(void)a;
	return 1;
}

/* The digits typed and the message; the count of wrong PINs and the
** lock are the kiosk's, not the person's, and stay. */
static void
pin_clear(App *a)
{
	memset(a->pin.typed, 0, sizeof a->pin.typed);
	memset(a->pin.first, 0, sizeof a->pin.first);
	a->pin.purpose = PIN_FOR_FACILITATOR;
	a->pin.member = 0;
	a->pin.member_name[0] = '\0';
	a->v.pin.pin_len = 0;
	a->v.pin.pin_msg[0] = '\0';
}
