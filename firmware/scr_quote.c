/* scr_quote.c -- "Faire un devis": a member allowed to take a mission
** with "Prix à discuter" makes a quote for it, to learn how a real one
** is built. Three steps on the number pad (hours, halves allowed; the
** hourly rate, with the neighbourhood's fair range for the category
** beside it; supplies, none allowed), then the quote's lines with each
** step of the sum (hours x rate, + supplies = total HT, VAT at the
** space's rate or its exemption, = TTC), then "Envoyer" and a screen
** that gives the quote's number and what happens next. quote.c does
** the sums and says who may quote; this module only asks and shows.
**
** The mission page asks this module too (app_quote_detail): whether
** "Faire un devis" is offered, the member's own waiting quote, and for
** its poster the quotes received, each accepted with the poster's badge
** (WAIT_QUOTE_ACCEPT, app_quote_accept_badge). At their next tap the
** authors are told how their quotes ended (app_quote_told). */
#include "app_impl.h"
#include "app_screen.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "quote.h"
#include "text.h"

#define QUOTE_TYPED_MAX_CH 7      /* "1000,00" */

struct received_ctx { App *a; int64_t member_id; };

static int   quote_action(App *a, AppAction act, int64_t arg);
static int   quote_text(App *a, const char *utf8);
static int   quote_key(App *a, int key);
static void  quote_back(App *a);
static void  quote_reload(App *a);
static void  quote_clear(App *a);
static int   quote_busy(const App *a);
static char *step_buf(App *a, QuoteStep s);
static void  step_go(App *a, QuoteStep s);
static int   step_check(App *a, QuoteStep s);
static int   typed_hours(const char *s, int *hours_centi);
static int   typed_cents(const char *s, int max, int empty_ok, int *cents);
static void  quote_render(App *a);
static void  render_lines(App *a, const Mission *m);
static void  render_fair(App *a, const Mission *m);
static void  quote_send(App *a);
static void  fmt_sum(AppLang lang, const Quote *q, char *out, size_t outlen);
static int   received_add(const Quote *q, void *ctx);
static const char *refusal_key(QuoteRefusal why);

const AppScreen scr_quote = {
	.name = "quote",
	.action = quote_action,
	.text = quote_text,
	.key = quote_key,
	.back = quote_back,
	.reload = quote_reload,
	.clear = quote_clear,
	.busy = quote_busy,
};

/* ---- Entering ------------------------------------------------------- */

void
app_quote_start(App *a, int64_t mission_id, const Member *m)
{
	AppView *v = &a->v;
	Mission mi;
	int rc;

	app_set_session(a, m);
	if ((rc = mission_get(a->st, mission_id, &mi)) != BORNE_OK) {
		app_toast(a, rc == BORNE_ENOTFOUND ? "app.mission.gone"
		          : app_rc_key(rc));
		app_cue(a, CUE_REFUSED);
		app_reload(a);
		return;
	}
	/* The rules quote_add applies, said before the typing, not after. */
	if (mi.d.reward_kind != REWARD_QUOTE || mi.status != MISSION_OPEN ||
	    mi.poster_id == m->id || (m->minor && !mi.d.minors_ok)) {
		app_toast(a, mi.poster_id == m->id ? "app.quote.own"
		          : m->minor && !mi.d.minors_ok ? "app.take.minor"
		          : "app.quote.closed");
		app_cue(a, CUE_REFUSED);
		if (v->screen != SCREEN_MISSION)
			app_mission_open(a, mission_id);
		else
			app_reload(a);
		return;
	}
	quote_clear(a);
	a->quote.mission_id = mission_id;
	a->quote.author = *m;
	app_goto(a, SCREEN_QUOTE);
	step_go(a, QSTEP_HOURS);
}

/* ---- Operations ----------------------------------------------------- */

static int
quote_action(App *a, AppAction act, int64_t arg)
{
	AppView *v = &a->v;

	switch (act) {
	case ACT_NEXT:
		if (v->quote.step >= QSTEP_REVIEW)
			return 0;
		if (step_check(a, v->quote.step))
			step_go(a, (QuoteStep)(v->quote.step + 1));
		else
			quote_render(a);
		return 1;
	case ACT_PREV:
		if (v->quote.step == QSTEP_HOURS || v->quote.step == QSTEP_SENT)
			return 0;
		step_go(a, (QuoteStep)(v->quote.step - 1));
		return 1;
	case ACT_FIELD:
		/* A line of the quote tapped on the last step: change it. */
		if (arg < QSTEP_HOURS || arg > QSTEP_SUPPLIES ||
		    v->quote.step == QSTEP_SENT)
			return 0;
		step_go(a, (QuoteStep)arg);
		return 1;
	case ACT_QUOTE_SEND:
		if (v->quote.step != QSTEP_REVIEW)
			return 0;
		quote_send(a);
		return 1;
	case ACT_OPEN_MISSION:
		if (a->quote.mission_id == 0)
			return 0;
		app_mission_open(a, a->quote.mission_id);
		return 1;
	case ACT_FOCUS:
	case ACT_KBD_LAYER:
		return 1;                   /* the number pad stays */
	default:
		return 0;
	}
}

static int
quote_text(App *a, const char *utf8)
{
	AppView *v = &a->v;
	char *buf = step_buf(a, v->quote.step);
	size_t n;

	if (buf == NULL)
		return 0;
	v->quote.error[0] = '\0';
	for (const char *p = utf8; *p != '\0'; p++) {
		char c = *p == '.' ? ',' : *p;
		const char *comma = strchr(buf, ',');

		n = strlen(buf);
		if (!((c >= '0' && c <= '9') || c == ',')) {
			text_copy(v->quote.error, sizeof v->quote.error,
			          tr(v->lang, "app.quote.err.digits"));
			break;
		}
		/* One comma; two decimals at most (one for hours). */
		if ((c == ',' && comma != NULL) ||
		    (comma != NULL && strlen(comma + 1) >=
		     (v->quote.step == QSTEP_HOURS ? 1u : 2u)) ||
		    n >= QUOTE_TYPED_MAX_CH)
			break;
		if (c == ',' && n == 0)
			buf[n++] = '0';
		buf[n++] = c;
		buf[n] = '\0';
	}
	quote_render(a);
	return 1;
}

static int
quote_key(App *a, int key)
{
	AppView *v = &a->v;
	char *buf = step_buf(a, v->quote.step);

	switch (key) {
	case APP_KEY_BACKSPACE:
		if (buf != NULL && buf[0] != '\0')
			buf[strlen(buf) - 1] = '\0';
		v->quote.error[0] = '\0';
		quote_render(a);
		return 1;
	case APP_KEY_ENTER:
		return quote_action(a, ACT_NEXT, 0);
	default:
		return 0;                   /* Escape: back */
	}
}

static void
quote_back(App *a)
{
	AppView *v = &a->v;
	int64_t id = a->quote.mission_id;

	if (v->quote.step > QSTEP_HOURS && v->quote.step < QSTEP_SENT) {
		step_go(a, (QuoteStep)(v->quote.step - 1));
		return;
	}
	if (id != 0)
		app_mission_open(a, id);
	else
		app_board_open(a, SCREEN_QUOTE);
}

/* Digits typed and not sent yet: a check-in must not take them. */
static int
quote_busy(const App *a)
{
	return a->v.quote.step < QSTEP_SENT &&
	       (a->quote.hours[0] != '\0' || a->quote.rate[0] != '\0' ||
	        a->quote.supplies[0] != '\0');
}

static void
quote_reload(App *a)
{
	quote_render(a);
}

static void
quote_clear(App *a)
{
	AppView *v = &a->v;

	memset(&a->quote.author, 0, sizeof a->quote.author);
	a->quote.mission_id = a->quote.sent_id = 0;
	a->quote.hours[0] = a->quote.rate[0] = a->quote.supplies[0] = '\0';
	a->quote.accept_id = 0;
	a->quote.accept_number[0] = a->quote.accept_who[0] = '\0';
	a->quote.accept_ttc[0] = '\0';
	/* The mission page's part is rebuilt by its reload. */
	memset(&v->quote, 0, sizeof v->quote);
}

/* ---- Steps ---------------------------------------------------------- */

static char *
step_buf(App *a, QuoteStep s)
{
	switch (s) {
	case QSTEP_HOURS:    return a->quote.hours;
	case QSTEP_RATE:     return a->quote.rate;
	case QSTEP_SUPPLIES: return a->quote.supplies;
	default:             return NULL;
	}
}

static void
step_go(App *a, QuoteStep s)
{
	AppView *v = &a->v;

	v->quote.step = s;
	v->quote.error[0] = '\0';
	v->kbd_visible = s <= QSTEP_SUPPLIES;
	v->kbd_layer = KBD_NUMPAD;
	quote_render(a);
}

/* "2", "2,5": hundredths of an hour, whole or half hours only. */
static int
typed_hours(const char *s, int *hours_centi)
{
	if (s[0] == '\0' || quote_hours_parse(s, hours_centi) != BORNE_OK)
		return 0;
	return *hours_centi > 0 && *hours_centi % 50 == 0;
}

static int
typed_cents(const char *s, int max, int empty_ok, int *cents)
{
	*cents = 0;
	if (s[0] == '\0')
		return empty_ok;
	return quote_cents_parse(s, max, cents) == BORNE_OK;
}

/* The step's amount is one a quote takes; else its error is set. */
static int
step_check(App *a, QuoteStep s)
{
	AppView *v = &a->v;
	const char *key = NULL;
	int n;

	if (s == QSTEP_HOURS && !typed_hours(a->quote.hours, &n))
		key = "app.quote.err.hours";
	else if (s == QSTEP_RATE && (!typed_cents(a->quote.rate, QUOTE_RATE_MAX,
	                             0, &n) || n <= 0))
		key = "app.quote.err.rate";
	else if (s == QSTEP_SUPPLIES && !typed_cents(a->quote.supplies,
	                                QUOTE_SUPPLIES_MAX, 1, &n))
		key = "app.quote.err.supplies";
	if (key == NULL)
		return 1;
	text_copy(v->quote.error, sizeof v->quote.error, tr(v->lang, key));
	app_cue(a, CUE_REFUSED);
	return 0;
}

static void
quote_send(App *a)
{
	AppView *v = &a->v;
	QuoteRefusal why = QREFUSE_NONE;
	Quote q;
	int hours, rate, supplies, rc;

	for (int s = QSTEP_HOURS; s <= QSTEP_SUPPLIES; s++)
		if (!step_check(a, (QuoteStep)s)) {
			step_go(a, (QuoteStep)s);
			step_check(a, (QuoteStep)s);   /* its error, again */
			return;
		}
	(void)typed_hours(a->quote.hours, &hours);
	(void)typed_cents(a->quote.rate, QUOTE_RATE_MAX, 0, &rate);
	(void)typed_cents(a->quote.supplies, QUOTE_SUPPLIES_MAX, 1, &supplies);
	rc = quote_add(a->st, a->quote.mission_id, a->quote.author.id, hours,
	               rate, supplies, a->now_utc, &a->quote.sent_id, &why);
	if (rc != BORNE_OK) {
		app_cue(a, CUE_REFUSED);
		text_copy(v->quote.error, sizeof v->quote.error,
		          tr(v->lang, rc == BORNE_EREFUSED ? refusal_key(why)
		             : app_rc_key(rc)));
		quote_render(a);
		return;
	}
	app_cue(a, CUE_SUCCESS);
	v->quote.step = QSTEP_SENT;
	v->kbd_visible = 0;
	v->quote.error[0] = '\0';
	a->quote.hours[0] = a->quote.rate[0] = a->quote.supplies[0] = '\0';
	if (quote_get(a->st, a->quote.sent_id, &q) == BORNE_OK)
		text_copy(v->quote.number, sizeof v->quote.number, q.number);
	quote_render(a);
}

static const char *
refusal_key(QuoteRefusal why)
{
	switch (why) {
	case QREFUSE_OWN:      return "app.quote.own";
	case QREFUSE_MINOR:    return "app.take.minor";
	case QREFUSE_ALREADY:  return "app.quote.already";
	case QREFUSE_INACTIVE: return "app.result.inactive";
	default:               return "app.quote.closed";
	}
}

/* ---- The view ------------------------------------------------------- */

static void
quote_render(App *a)
{
	AppView *v = &a->v;
	QuoteView *q = &v->quote;
	Mission m;
	char poster[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	static const char *const step_keys[] = {
		"app.quote.step.hours", "app.quote.step.rate",
		"app.quote.step.supplies", "app.quote.step.review",
		"app.quote.step.sent",
	};
	static const char *const hint_keys[] = {
		"app.quote.hint.hours", "app.quote.hint.rate",
		"app.quote.hint.supplies",
	};
	const char *buf;
	int rc;

	if (v->screen != SCREEN_QUOTE || a->quote.mission_id == 0)
		return;
	memset(&m, 0, sizeof m);
	if ((rc = mission_get(a->st, a->quote.mission_id, &m)) != BORNE_OK &&
	    rc != BORNE_ENOTFOUND)
		app_read_failed(a, rc, "mission_get");
	text_copy(q->mission_title, sizeof q->mission_title, m.d.title);
	text_first_name(a->quote.author.name, q->author_first,
	                sizeof q->author_first);
	text_copy(q->hours, sizeof q->hours, a->quote.hours);
	text_copy(q->rate, sizeof q->rate, a->quote.rate);
	text_copy(q->supplies, sizeof q->supplies, a->quote.supplies);
	if (q->step <= QSTEP_REVIEW)
		app_trf(v->lang, q->step_label, sizeof q->step_label,
		        "app.quote.step", q->step < QSTEP_REVIEW ? (int)q->step + 1
		        : 4, tr(v->lang, step_keys[q->step]));
	else
		text_copy(q->step_label, sizeof q->step_label,
		          tr(v->lang, step_keys[q->step]));
	/* The field of this step, with its unit. */
	app_field_clear(&q->field);
	buf = step_buf(a, q->step);
	if (buf != NULL) {
		text_copy(q->field.label, sizeof q->field.label,
		          tr(v->lang, step_keys[q->step]));
		text_copy(q->field.hint, sizeof q->field.hint,
		          tr(v->lang, hint_keys[q->step]));
		app_field_show(&q->field, buf, QUOTE_TYPED_MAX_CH);
		text_copy(q->field.error, sizeof q->field.error, q->error);
		q->field.focused = 1;
	}
	render_lines(a, &m);
	render_fair(a, &m);
	q->sent_title[0] = q->sent_next[0] = '\0';
	if (q->step == QSTEP_SENT) {
		text_first_name(m.poster_name, poster, sizeof poster);
		app_trf(v->lang, q->sent_title, sizeof q->sent_title,
		        "app.quote.sent", q->number);
		app_trf(v->lang, q->sent_next, sizeof q->sent_next,
		        "app.quote.sent_next", poster[0] != '\0' ? poster
		        : tr(v->lang, "app.quote.the_poster"));
	}
}

/* The lines, once the inputs are typed and right, each with its sum. */
static void
render_lines(App *a, const Mission *m)
{
	QuoteView *q = &a->v.quote;
	QuoteCalc c;
	int hours, rate_cents, supplies;

	(void)m;
	q->n_lines = 0;
	memset(q->lines, 0, sizeof q->lines);
	if (!typed_hours(a->quote.hours, &hours) ||
	    !typed_cents(a->quote.rate, QUOTE_RATE_MAX, 0, &rate_cents) ||
	    rate_cents <= 0)
		return;
	if (!typed_cents(a->quote.supplies, QUOTE_SUPPLIES_MAX, 1, &supplies))
		supplies = 0;
	if (quote_compute(hours, rate_cents, supplies, quote_vat_rate(a->st),
	                  &c) != BORNE_OK)
		return;
	q->n_lines = quote_lines(&c, a->v.lang, q->lines);
}

/* The category's fair range, and a word on the rate typed. */
static void
render_fair(App *a, const Mission *m)
{
	AppView *v = &a->v;
	QuoteView *q = &v->quote;
	char lo_s[32], hi_s[32];
	int lo, hi, rate;

	quote_fair_range(a->st, m->d.category, &lo, &hi);
	quote_money(lo, v->lang, lo_s, sizeof lo_s);
	quote_money(hi, v->lang, hi_s, sizeof hi_s);
	app_trf(v->lang, q->fair_range, sizeof q->fair_range,
	        "app.quote.fair", app_category_label(v->lang, m->d.category),
	        lo_s, hi_s);
	q->fair_side = 0;
	q->fair_note[0] = '\0';
	if (!typed_cents(a->quote.rate, QUOTE_RATE_MAX, 0, &rate) || rate <= 0)
		return;
	q->fair_side = quote_fair_side(rate, lo, hi);
	if (q->fair_side != 0)
		text_copy(q->fair_note, sizeof q->fair_note,
		          tr(v->lang, q->fair_side < 0 ? "app.quote.fair_under"
		                                       : "app.quote.fair_over"));
}

/* ---- Formats: every amount with its cents, as on a printed quote ---- */

static void
fmt_sum(AppLang lang, const Quote *q, char *out, size_t outlen)
{
	char h[32], r[32], s[32];

	quote_hours_text(q->c.hours_centi, lang, h, sizeof h);
	quote_money(q->c.rate_cents, lang, r, sizeof r);
	if (q->c.supplies_cents > 0) {
		quote_money(q->c.supplies_cents, lang, s, sizeof s);
		app_trf(lang, out, outlen, "app.quote.sum_supplies", h, r, s);
	} else {
		app_trf(lang, out, outlen, "app.quote.calc.labour", h, r);
	}
}

/* ---- On the mission page -------------------------------------------- */

static int
received_add(const Quote *q, void *ctx)
{
	struct received_ctx *c = ctx;
	AppView *v = &c->a->v;
	QuoteReceivedView *r;
	char ttc[32];

	if (q->status != QUOTE_PROPOSED)
		return 0;
	if (c->member_id != 0) {
		/* Not the poster: only their own quote is theirs to see. */
		if (q->member_id == c->member_id)
			app_trf(v->lang, v->quote.mine, sizeof v->quote.mine,
			        "app.quote.mine", q->number);
		return 0;
	}
	v->quote.n_received_all++;
	if (v->quote.n_received >= APP_QUOTES_SHOWN)
		return 0;
	r = &v->quote.received[v->quote.n_received++];
	r->id = q->id;
	text_copy(r->number, sizeof r->number, q->number);
	text_first_name(q->member_name, r->who, sizeof r->who);
	fmt_sum(v->lang, q, r->sum, sizeof r->sum);
	quote_money(q->c.ttc_cents, v->lang, ttc, sizeof ttc);
	app_trf(v->lang, r->ttc, sizeof r->ttc, "app.quote.ttc", ttc);
	return 0;
}

void
app_quote_detail(App *a, const Mission *m, int is_poster)
{
	AppView *v = &a->v;
	QuoteView *q = &v->quote;
	struct received_ctx ctx = { a, 0 };
	int rc;

	if (v->screen == SCREEN_QUOTE)
		return;
	q->can_quote = 0;
	q->mine[0] = q->received_title[0] = '\0';
	q->n_received = q->n_received_all = 0;
	memset(q->received, 0, sizeof q->received);
	if (m->id == 0 || m->d.reward_kind != REWARD_QUOTE)
		return;
	/* The poster and staff see the quotes received; a member badged
	** in sees their own waiting one. Nobody else reads quotes. */
	if (is_poster || v->is_staff)
		ctx.member_id = 0;
	else if (v->has_member)
		ctx.member_id = v->member.id;
	else
		ctx.member_id = -1;
	if (ctx.member_id >= 0 &&
	    (rc = quote_each(a->st, m->id, received_add, &ctx)) < 0)
		app_read_failed(a, rc, "quote_each");
	if (q->n_received_all > 0)
		app_trf(v->lang, q->received_title, sizeof q->received_title,
		        "app.quote.received", q->n_received_all);
	q->can_quote = m->status == MISSION_OPEN && !is_poster &&
	               q->mine[0] == '\0' &&
	               !(v->has_member && v->member.minor && !m->d.minors_ok);
}

/* ---- Accepting one, with the poster's badge ------------------------- */

static int
accept_action(App *a, int64_t quote_id)
{
	Quote q;
	char ttc[32];

	if (quote_get(a->st, quote_id, &q) != BORNE_OK ||
	    q.status != QUOTE_PROPOSED) {
		app_toast(a, "app.quote.not_waiting");
		app_reload(a);
		return 1;
	}
	a->quote.accept_id = q.id;
	text_copy(a->quote.accept_number, sizeof a->quote.accept_number,
	          q.number);
	text_first_name(q.member_name, a->quote.accept_who,
	                sizeof a->quote.accept_who);
	quote_money(q.c.ttc_cents, a->v.lang, ttc, sizeof ttc);
	text_copy(a->quote.accept_ttc, sizeof a->quote.accept_ttc, ttc);
	app_wait(a, WAIT_QUOTE_ACCEPT, q.mission_id);
	return 1;
}

/* ACT_QUOTE and ACT_QUOTE_ACCEPT on the mission page (scr_mission.c
** hands them here). */
int
app_quote_mission_action(App *a, AppAction act, int64_t arg)
{
	AppView *v = &a->v;

	if (act == ACT_QUOTE_ACCEPT)
		return accept_action(a, arg);
	if (act != ACT_QUOTE || v->detail.mission.id == 0)
		return 0;
	if (v->has_member) {
		Member m = v->member;

		app_quote_start(a, v->detail.mission.id, &m);
		return 1;
	}
	app_wait(a, WAIT_QUOTE, v->detail.mission.id);
	return 1;
}

void
app_quote_wait_text(App *a, char *out, size_t outlen)
{
	app_trf(a->v.lang, out, outlen, "app.wait.quote_accept",
	        a->quote.accept_who, a->quote.accept_ttc);
}

void
app_quote_accept_badge(App *a, const Member *m)
{
	QuoteRefusal why = QREFUSE_NONE;
	int64_t id = a->quote.accept_id;
	int rc;

	rc = quote_accept(a->st, id, m->id, a->now_utc, &why);
	app_set_session(a, m);
	if (rc == BORNE_OK) {
		app_cue(a, CUE_SUCCESS);
		app_toast(a, "app.quote.accepted", a->quote.accept_number,
		          a->quote.accept_who, a->quote.accept_ttc);
	} else {
		app_cue(a, CUE_REFUSED);
		if (rc == BORNE_EPERM || why == QREFUSE_NOT_POSTER)
			app_toast(a, "app.mission.not_poster");
		else if (why == QREFUSE_NOT_PROPOSED || rc == BORNE_ENOTFOUND)
			app_toast(a, "app.quote.not_waiting");
		else if (why == QREFUSE_CANNOT_TAKE)
			app_toast(a, "app.quote.cannot_take", a->quote.accept_who);
		else
			app_toast_rc(a, rc);
	}
	a->quote.accept_id = 0;
	app_reload(a);
}

/* ---- Told at the next tap ------------------------------------------- */

void
app_quote_told(App *a, const Member *m)
{
	Quote q[4];
	int n = 0, pick = 0;

	a->result.quote_told[0] = '\0';
	a->result.quote_accepted = 0;
	if (quote_untold(a->st, m->id, q, 4, &n) != BORNE_OK || n == 0)
		return;
	/* An accepted one first: it is the news that asks something. */
	for (int i = n - 1; i >= 0; i--)
		if (q[i].status == QUOTE_ACCEPTED)
			pick = i;
	text_copy(a->result.quote_told, sizeof a->result.quote_told,
	          q[pick].number);
	a->result.quote_accepted = q[pick].status == QUOTE_ACCEPTED;
	(void)quote_mark_told(a->st, m->id);
}
