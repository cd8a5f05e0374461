/* app_clock.c -- the kiosk's clock in the state machine: is it trusted,
** what facilitators are told, the taps held meanwhile, and the time and
** date every screen shows.
**
** The clock is judged (clock_verdict) at start, every minute, on news
** from the time service (APP_EV_CLOCK), before each tap and whenever the
** wall clock jumps against the monotonic one. While it is not trusted,
** taps are held with the monotonic time of this boot (app_clock_tap);
** the moment it is, they are timed and recorded (checkin_release_held).
** A wall clock that jumps against the monotonic one, unless the time
** service says it is synced, is doubtful until it comes back to where
** it was last trusted: taps made meanwhile are timed by the monotonic
** clock from that trusted time, so a day's jump forward and back costs
** no hour. A facilitator may confirm a clock that is only doubtful
** (jumped, before the newest tap, or not synced: a space with no
** network); the confirmation is kept in the settings for this boot and
** lapses when the clock jumps. A clock before the build date is never
** trusted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_impl.h"
#include "audit.h"
#include "clock.h"
#include "i18n.h"
#include "outbox.h"
#include "syncview.h"
#include "text.h"
#include "timeutil.h"
#include "uuid.h"

#define CLOCK_SETTING "clock_confirmed"   /* "BOOT_ID OFFSET_MS" */

static int64_t clock_offset(const App *a);
static int     confirmation_holds(App *a);
static void    clock_render(App *a, int n_held, int n_untimed);
static void    sync_render(App *a);

static int64_t
clock_offset(const App *a)
{
	return a->now_utc * 1000 - (a->now_ms + a->cfg.mono_offset_ms);
}

/* The confirmation stored for this boot, if the clock has not jumped
** since. */
static int
confirmation_holds(App *a)
{
	char value[128], boot[64];
	long long offset;

	if (a->st == NULL ||
	    store_setting_get(a->st, CLOCK_SETTING, value, sizeof value) != BORNE_OK ||
	    sscanf(value, "%63s %lld", boot, &offset) != 2)
		return 0;
	return strcmp(boot, a->cfg.boot_id) == 0 &&
	       llabs(clock_offset(a) - offset) < CLOCK_JUMP_MS;
}

void
app_clock_init(App *a)
{
	if (a->cfg.boot_id[0] == '\0') {
		char id[BORNE_UUID_LEN + 1];

		uuid_make(id);
		text_copy(a->cfg.boot_id, sizeof a->cfg.boot_id, id);
	}
	if (a->cfg.build_utc <= 0)
		a->cfg.build_utc = clock_build_utc();
	a->clock_sync = CLOCK_SYNC_UNKNOWN;
	a->clock_offset_ms = clock_offset(a);
	app_clock_reload(a);
}

void
app_clock_reload(App *a)
{
	a->clock_confirmed = confirmation_holds(a);
	app_clock_check(a);
}

/* A kiosk that syncs with a hub and has not for an hour (or whose last
** sync failed) says since when; badges taken on another kiosk and an
** update required are said under it. A kiosk alone says nothing. The
** rule is syncview_health's, borne-web's too. */
static void
sync_render(App *a)
{
	AppView *v = &a->v;
	char date[TIME_DATE_SIZE], hm[32], when[64], part[64];
	SyncHealth h;

	v->sync_status[0] = v->sync_detail[0] = '\0';
	if (a->st == NULL || syncview_health(a->st, a->now_utc, &h) != BORNE_OK ||
	    !h.joined)
		return;
	if (h.stale && h.synced_utc > 0) {
		/* Short, for the facilitators' narrow panel: the hour on the
		** same day, else the day. */
		time_local_date(h.synced_utc, date);
		time_local_date(a->now_utc, when);
		app_format_hm(v->lang, h.synced_utc, hm, sizeof hm);
		if (strcmp(date, when) == 0)
			snprintf(when, sizeof when, "%s", hm);
		else
			snprintf(when, sizeof when, "%s", date);
		app_trf(v->lang, v->sync_status, sizeof v->sync_status,
		        "app.sync.stale", when);
	} else if (h.stale) {
		text_copy(v->sync_status, sizeof v->sync_status,
		          tr(v->lang, "app.sync.never"));
	}
	if (h.update_required)
		text_copy(v->sync_detail, sizeof v->sync_detail,
		          tr(v->lang, "app.sync.update_required"));
	if (h.badges_taken > 0) {
		app_trf(v->lang, part, sizeof part, "app.sync.badges_taken",
		        (int)h.badges_taken);
		snprintf(v->sync_detail + strlen(v->sync_detail),
		         sizeof v->sync_detail - strlen(v->sync_detail), "%s%s",
		         v->sync_detail[0] != '\0' ? " · " : "", part);
	}
}

static void
clock_render(App *a, int n_held, int n_untimed)
{
	AppView *v = &a->v;
	char date[TIME_DATE_SIZE], hm[32], when[64];
	static const char *const keys[] = {
		[CLOCK_OK] = "app.clock.ok",
		[CLOCK_BEFORE_BUILD] = "app.clock.before_build",
		[CLOCK_BEFORE_LAST_TAP] = "app.clock.before_last_tap",
		[CLOCK_NOT_SYNCED] = "app.clock.not_synced",
		[CLOCK_JUMPED] = "app.clock.jumped",
	};

	time_local_date(a->now_utc, date);
	app_format_hm(v->lang, a->now_utc, hm, sizeof hm);
	snprintf(when, sizeof when, "%s %s", date, hm);
	v->clock_trusted = a->clock_verdict == CLOCK_OK;
	v->clock_confirmable = a->clock_verdict == CLOCK_BEFORE_LAST_TAP ||
	                       a->clock_verdict == CLOCK_NOT_SYNCED ||
	                       a->clock_verdict == CLOCK_JUMPED;
	app_trf(v->lang, v->clock_status, sizeof v->clock_status,
	        keys[a->clock_verdict], when);
	sync_render(a);
	v->clock_detail[0] = '\0';
	if (n_held > 0 && n_untimed > 0)
		app_trf(v->lang, v->clock_detail, sizeof v->clock_detail,
		        "app.clock.held_untimed", n_held, n_untimed);
	else if (n_held > 0)
		app_trf(v->lang, v->clock_detail, sizeof v->clock_detail,
		        "app.clock.held", n_held);
	else if (n_untimed > 0)
		app_trf(v->lang, v->clock_detail, sizeof v->clock_detail,
		        "app.clock.untimed", n_untimed);
}

int
app_clock_check(App *a)
{
	ClockFacts f;
	ClockVerdict verdict;
	int64_t offset = clock_offset(a);
	int n_held = 0, n_untimed = 0, before = a->v.clock_trusted;
	char status[sizeof a->v.clock_status];
	char sync[sizeof a->v.sync_status], sync_more[sizeof a->v.sync_detail];

	if (a->st == NULL) {                /* out of service: nothing to judge by */
		a->clock_verdict = CLOCK_NOT_SYNCED;
		a->v.clock_trusted = 0;
		return 0;
	}

	if (llabs(offset - a->clock_offset_ms) >= CLOCK_JUMP_MS)
		a->clock_confirmed = 0;         /* it was another clock */
	a->clock_offset_ms = offset;
	memset(&f, 0, sizeof f);
	f.now_utc = a->now_utc;
	f.build_utc = a->cfg.build_utc;
	f.sync = (ClockSync)a->clock_sync;
	f.confirmed = a->clock_confirmed;
	f.jumped = a->clock_was_trusted &&
	           llabs(offset - a->clock_trusted_offset_ms) >= CLOCK_JUMP_MS;
	/* A read error leaves the newest tap at 0: the other facts decide,
	** and the tap that follows meets the same error and says so. */
	(void)checkin_clock_facts(a->st, &f.newest_tap_utc, &n_held, &n_untimed);
	verdict = clock_verdict(&f);
	a->clock_verdict = (int)verdict;
	if (verdict == CLOCK_OK) {
		a->clock_was_trusted = 1;
		a->clock_trusted_offset_ms = offset;
	}
	if (verdict == CLOCK_OK && n_held > 0 &&
	    checkin_release_held(a->st, a->cfg.boot_id,
	                         a->now_ms + a->cfg.mono_offset_ms, a->now_utc,
	                         NULL, NULL) == BORNE_OK)
		(void)checkin_clock_facts(a->st, &f.newest_tap_utc, &n_held,
		                          &n_untimed);
	/* Each change for the hub carries the boot and the verdict (docs/
	** sync.md); written when it changes, a failure tried again later. */
	if (a->clock_noted != (verdict == CLOCK_OK ? 2 : 1) &&
	    outbox_set_clock(a->st, a->cfg.boot_id, verdict == CLOCK_OK)
	    == BORNE_OK)
		a->clock_noted = verdict == CLOCK_OK ? 2 : 1;
	memcpy(status, a->v.clock_status, sizeof status);
	memcpy(sync, a->v.sync_status, sizeof sync);
	memcpy(sync_more, a->v.sync_detail, sizeof sync_more);
	clock_render(a, n_held, n_untimed);
	return before != a->v.clock_trusted ||
	       strcmp(status, a->v.clock_status) != 0 ||
	       strcmp(sync, a->v.sync_status) != 0 ||
	       strcmp(sync_more, a->v.sync_detail) != 0;
}

int
app_clock_shown_utc(const App *a, int64_t *out)
{
	if (a->clock_verdict == CLOCK_OK || a->clock_verdict == CLOCK_NOT_SYNCED) {
		*out = a->now_utc;
		return 1;
	}
	if (a->clock_was_trusted) {
		*out = (a->now_ms + a->cfg.mono_offset_ms +
		        a->clock_trusted_offset_ms) / 1000;
		return 1;
	}
	return 0;
}

int
app_clock_watch(App *a)
{
	if (llabs(clock_offset(a) - a->clock_offset_ms) < CLOCK_JUMP_MS)
		return 0;
	return app_clock_check(a);
}

void
app_clock_tap(App *a, TapClock *out)
{
	app_clock_check(a);
	out->utc = a->now_utc;
	out->trusted = a->clock_verdict == CLOCK_OK;
	out->boot_id = a->cfg.boot_id;
	out->mono_ms = a->now_ms + a->cfg.mono_offset_ms;
}

int
app_clock_confirm(App *a)
{
	char value[128], detail[64];
	int rc;

	if (!a->in_facilitator || !a->v.clock_confirmable)
		return 0;
	snprintf(value, sizeof value, "%s %lld", a->cfg.boot_id,
	         (long long)clock_offset(a));
	snprintf(detail, sizeof detail, "clock said %lld", (long long)a->now_utc);
	if ((rc = store_setting_set(a->st, CLOCK_SETTING, value)) != BORNE_OK ||
	    (rc = audit_log(a->st, a->staff.id, "clock.confirm", "kiosk", 0,
	                    detail, a->now_utc)) != BORNE_OK) {
		app_toast_rc(a, rc);
		return 1;
	}
	a->clock_confirmed = 1;
	app_clock_check(a);
	app_toast(a, "app.clock.confirmed");
	return 1;
}

/* 1 when the wall clock reached a new minute or date since last time:
** the minute's duties (closing visits, expiring missions) follow it. */
int
app_clock_minute(App *a)
{
	int min = time_local_minutes(a->now_utc);
	char today[11];
	int changed;

	time_local_date(a->now_utc, today);
	changed = min != a->clock_min || strcmp(today, a->today) != 0;
	a->clock_min = min;
	memcpy(a->today, today, sizeof a->today);
	return changed;
}

/* The time and date on screen: the kiosk's best knowledge of the true
** time (app_clock_shown_utc), or dashes and "Heure à vérifier" when it
** has none.
** 1 when they changed. */
int
app_clock_show(App *a)
{
	char hm[sizeof a->v.clock], date[sizeof a->shown_date] = "";
	int64_t t;

	if (app_clock_shown_utc(a, &t)) {
		int min = time_local_minutes(t);

		snprintf(hm, sizeof hm, "%d:%02d", min / 60, min % 60);
		time_local_date(t, date);
	} else
		snprintf(hm, sizeof hm, "--:--");
	if (strcmp(hm, a->v.clock) == 0 && strcmp(date, a->shown_date) == 0)
		return 0;
	memcpy(a->v.clock, hm, sizeof hm);
	memcpy(a->shown_date, date, sizeof date);
	if (date[0] != '\0')
		app_format_date_long(a->v.lang, date, a->v.date_long,
		                     sizeof a->v.date_long);
	else
		text_copy(a->v.date_long, sizeof a->v.date_long,
		          tr(a->v.lang, "app.clock.unknown"));
	return 1;
}
