/* app_session.c -- what every screen shares: the member badged in, the
** question a badge answers (app_wait: asked, shown with its countdown,
** expiring by itself), the toast and the cue. */
#include "app_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "text.h"

void
app_cue(App *a, AppCue cue)
{
	a->v.cue = cue;
	a->v.cue_seq++;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
void
app_toast(App *a, const char *key, ...)
{
	va_list ap;

	va_start(ap, key);
	vsnprintf(a->v.toast, sizeof a->v.toast, tr(a->v.lang, key), ap);
	va_end(ap);
	a->toast_until_ms = a->now_ms + APP_TOAST_MS;
}
#pragma GCC diagnostic pop

/* The key of the message that explains a storage error. */
const char *
app_rc_key(int rc)
{
	switch (rc) {
	case BORNE_EBUSY:     return "app.err.busy";
	case BORNE_EFULL:     return "app.err.full";
	case BORNE_EREADONLY: return "app.err.readonly";
	case BORNE_ENOMEM:    return "app.err.nomem";
	default:              return "app.err.db";
	}
}

void
app_toast_rc(App *a, int rc)
{
	app_toast(a, app_rc_key(rc));
}

void
app_set_session(App *a, const Member *m)
{
	a->v.has_member = 1;
	a->v.member = *m;
	text_first_name(m->name, a->v.first_name, sizeof a->v.first_name);
	a->v.can_post = app_member_may_post(m);
	a->v.is_staff = member_is_staff(m);
	a->v.post_needs_approval = a->v.can_post && !a->v.is_staff &&
	                           store_rules(a->st)->approval_required;
}

void
app_clear_session(App *a)
{
	a->v.has_member = 0;
	memset(&a->v.member, 0, sizeof a->v.member);
	a->v.first_name[0] = '\0';
	a->v.can_post = a->v.is_staff = a->v.post_needs_approval = 0;
	a->in_facilitator = 0;
	memset(&a->staff, 0, sizeof a->staff);
}

/* Asks for a badge (w), or stops asking (WAIT_NONE). The question is put
** to the badged-in member when there is one, else to whoever badges first,
** and expires after confirm_wait_ms. */
void
app_wait(App *a, WaitFor w, int64_t mission_id)
{
	a->v.wait = w;
	a->wait_mission = w == WAIT_NONE ? 0 : mission_id;
	a->wait_member = w != WAIT_NONE && w != WAIT_NEW_BADGE && a->v.has_member ?
	                 a->v.member.id : 0;
	a->wait_until_ms = w == WAIT_NONE ? 0 : a->now_ms + a->cfg.confirm_wait_ms;
	app_wait_render(a);
}

/* The line that asks for the badge (in v->lang) and the seconds left. */
void
app_wait_render(App *a)
{
	static const char *const keys[] = {
		[WAIT_NONE] = NULL,
		[WAIT_TAKE] = "app.wait.take",
		[WAIT_RELEASE] = "app.wait.release",
		[WAIT_DONE] = "app.wait.done",
		[WAIT_CANCEL] = "app.wait.cancel",
		[WAIT_POSTER] = "app.wait.poster",
		[WAIT_STAFF] = "app.wait.staff",
		[WAIT_NEW_BADGE] = "app.wait.new_badge",
		[WAIT_QUOTE] = "app.wait.quote",
		[WAIT_QUOTE_ACCEPT] = "app.wait.quote_accept",
	};
	WaitFor w = a->v.wait;

	if (w == WAIT_QUOTE_ACCEPT)     /* which quote, whose, how much */
		app_quote_wait_text(a, a->v.wait_text, sizeof a->v.wait_text);
	else if (w == WAIT_NONE || keys[w] == NULL)
		a->v.wait_text[0] = '\0';
	else
		text_copy(a->v.wait_text, sizeof a->v.wait_text, tr(a->v.lang, keys[w]));
	a->v.wait_left_s = w == WAIT_NONE || a->wait_until_ms <= a->now_ms ? 0 :
	                   (int)((a->wait_until_ms - a->now_ms + 999) / 1000);
}

/* A question nobody answered in time is no question any more: the next
** badge is a check-in. Returns 1 when it expired now. */
int
app_wait_expire(App *a)
{
	if (a->v.wait == WAIT_NONE || a->now_ms < a->wait_until_ms)
		return 0;
	app_wait(a, WAIT_NONE, 0);
	app_reload(a);
	return 1;
}

