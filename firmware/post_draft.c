/* post_draft.c -- what the post form keeps of a person's work: a draft
** left unfinished (the idle reset, Accueil) kept in memory for that badge
** APP_DRAFT_KEEP_MS and offered back, and starts for a new mission: the
** poster's earlier missions, and usual jobs for whoever has none (the
** kiosk's own short list, the space's recent missions by others) (see
** post_impl.h). */
#include "app_impl.h"
#include "post_impl.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "text.h"

/* The kiosk's usual jobs, one a category: a title in the person's
** language, its category and a usual length. Payment and under-18s are
** left to the poster (issue 11, item 7: no default). */
typedef struct UsualJob {
	const char *title_key;
	MissionCategory category;
	int duration_min;
} UsualJob;

static const UsualJob usual_jobs[APP_N_USUAL_BUILTIN] = {
	{ "post.usual.bike",     CAT_BRICOLAGE, 60 },
	{ "post.usual.garden",   CAT_JARDIN,    120 },
	{ "post.usual.cat",      CAT_ANIMAUX,   30 },
	{ "post.usual.meal",     CAT_CUISINE,   120 },
	{ "post.usual.computer", CAT_NUMERIQUE, 60 },
	{ "post.usual.hem",      CAT_COUTURE,   60 },
	{ "post.usual.move",     CAT_AUTRE,     180 },
};

static int  post_offered(const PostView *p, const char *title);
static void post_usual_add(PostView *p, int64_t id, const char *title);
static int  post_usual_recent(App *a, int64_t id, MissionCard *out);
static void post_amount_set(App *a, int cents);

/* Something of the person's own is in the form: typed text, or a
** template or kept draft taken. */
int
app_post_typed(const App *a)
{
	const MissionDraft *d = &a->v.post.draft;

	return d->title[0] != '\0' || d->description[0] != '\0' ||
	       d->place[0] != '\0' || a->post.amount[0] != '\0';
}

/* The form is left unfinished (idle, Accueil): its draft is kept for
** the poster's badge, replacing the one kept before. */
void
app_post_keep(App *a)
{
	AppView *v = &a->v;

	if (a->post.poster.id == 0 || !app_post_typed(a))
		return;
	memset(&a->kept, 0, sizeof a->kept);
	a->kept.member_id = a->post.poster.id;
	a->kept.until_ms = a->now_ms + APP_DRAFT_KEEP_MS;
	a->kept.draft = v->post.draft;
	text_copy(a->kept.amount, sizeof a->kept.amount, a->post.amount);
	a->kept.when = (int)v->post.when;
	a->kept.step = (int)v->post.post_step;
	a->kept.reward_chosen = v->post.reward_chosen;
	a->kept.minors_chosen = v->post.minors_chosen;
}

/* The poster's kept draft, if any and still in time: offered. */
void
app_post_offer(App *a)
{
	AppView *v = &a->v;

	app_post_tick(a);
	v->post.draft_offer = a->kept.member_id != 0 &&
	                      a->kept.member_id == a->post.poster.id;
	v->post.draft_offer_title[0] = '\0';
	if (v->post.draft_offer)
		text_copy(v->post.draft_offer_title, sizeof v->post.draft_offer_title,
		          a->kept.draft.title[0] != '\0' ? a->kept.draft.title :
		          a->kept.draft.description);
}

void
app_post_tick(App *a)
{
	if (a->kept.member_id != 0 && a->now_ms >= a->kept.until_ms)
		memset(&a->kept, 0, sizeof a->kept);
}

/* The kept draft back in the form, on the step it was left on. */
void
app_post_resume(App *a)
{
	AppView *v = &a->v;
	PostStep s = (PostStep)a->kept.step;

	v->post.draft_offer = 0;
	if (a->kept.member_id == 0 || a->kept.member_id != a->post.poster.id)
		return;
	v->post.draft = a->kept.draft;
	text_copy(a->post.amount, sizeof a->post.amount, a->kept.amount);
	v->post.when = (WhenChoice)a->kept.when;
	v->post.reward_chosen = a->kept.reward_chosen;
	v->post.minors_chosen = a->kept.minors_chosen;
	memset(&a->kept, 0, sizeof a->kept);
	if ((int)s < 0 || s >= POST_STEP_COUNT)
		s = POST_TITLE;
	app_post_go_step(a, s);
}

/* The poster's own missions, newest first, one per title; then the
** usual jobs: the kiosk's list, then the space's recent missions by
** others, each title offered once. */
void
app_post_templates_load(App *a)
{
	AppView *v = &a->v;
	MissionCard cards[APP_BOARD_WINDOW];
	Mission m;
	int n = 0, rc;

	v->post.n_templates = 0;
	v->post.n_usual = 0;
	rc = mission_of_member(a->st, a->post.poster.id, cards, APP_BOARD_WINDOW,
	                       &n);
	if (rc != BORNE_OK) {
		app_read_failed(a, rc, "mission_of_member");
		return;
	}
	for (int i = 0; i < n && v->post.n_templates < APP_N_TEMPLATES; i++) {
		if (mission_get(a->st, cards[i].id, &m) != BORNE_OK ||
		    m.poster_id != a->post.poster.id ||
		    post_offered(&v->post, m.d.title))
			continue;
		v->post.template_id[v->post.n_templates] = m.id;
		text_copy(v->post.template_title[v->post.n_templates],
		          sizeof v->post.template_title[0], m.d.title);
		v->post.n_templates++;
	}
	for (int k = 0; k < APP_N_USUAL_BUILTIN; k++)
		post_usual_add(&v->post, -(int64_t)(k + 1),
		               tr(v->lang, usual_jobs[k].title_key));
	rc = mission_recent_by_others(a->st, a->post.poster.id, cards,
	                              APP_BOARD_WINDOW, &n);
	if (rc != BORNE_OK) {
		app_read_failed(a, rc, "mission_recent_by_others");
		return;
	}
	for (int i = 0, added = 0; i < n && added < APP_N_USUAL_RECENT; i++) {
		if (post_offered(&v->post, cards[i].title))
			continue;
		post_usual_add(&v->post, cards[i].id, cards[i].title);
		added++;
	}
}

/* title already among the poster's missions or the usual jobs offered. */
static int
post_offered(const PostView *p, const char *title)
{
	for (int k = 0; k < p->n_templates; k++)
		if (strcmp(p->template_title[k], title) == 0)
			return 1;
	for (int k = 0; k < p->n_usual; k++)
		if (strcmp(p->usual_title[k], title) == 0)
			return 1;
	return 0;
}

static void
post_usual_add(PostView *p, int64_t id, const char *title)
{
	if (p->n_usual >= APP_N_USUAL || title[0] == '\0' ||
	    post_offered(p, title))
		return;
	p->usual_id[p->n_usual] = id;
	text_copy(p->usual_title[p->n_usual], sizeof p->usual_title[0], title);
	p->n_usual++;
}

/* A recent mission of someone else's offered as a usual job: its card
** (title, category, length, places, payment, under-18s), read again. 1
** when it is one of those offered and still there. */
static int
post_usual_recent(App *a, int64_t id, MissionCard *out)
{
	MissionCard cards[APP_BOARD_WINDOW];
	int n = 0, ok = 0;

	for (int i = 0; i < a->v.post.n_usual; i++)
		ok |= a->v.post.usual_id[i] == id;
	if (!ok || mission_recent_by_others(a->st, a->post.poster.id, cards,
	                                    APP_BOARD_WINDOW, &n) != BORNE_OK)
		return 0;
	for (int i = 0; i < n; i++)
		if (cards[i].id == id) {
			*out = cards[i];
			return 1;
		}
	return 0;
}

/* The amount field says the reward in euros, as the poster would type it. */
static void
post_amount_set(App *a, int cents)
{
	if (cents % 100 == 0)
		snprintf(a->post.amount, sizeof a->post.amount, "%d", cents / 100);
	else
		snprintf(a->post.amount, sizeof a->post.amount, "%d,%02d",
		         cents / 100, cents % 100);
}

/* A start for the form, one touch (ACT_TEMPLATE):
** - an earlier mission of the poster's: everything but the dates (when:
**   as they like), straight to the preview to check;
** - a recent mission of someone else's: only what the board shows of it
**   (title, category, length, places, payment, under-18s; never its
**   description, place or poster), straight to the preview;
** - one of the kiosk's usual jobs: title, category and length, then the
**   payment step, whose two questions have no default, then the preview.
** Anything not offered on this form is ignored. */
void
app_post_template(App *a, int64_t id)
{
	AppView *v = &a->v;
	MissionCard c;
	Mission m;
	int ok = 0;

	if (id < 0 && id >= -(int64_t)APP_N_USUAL_BUILTIN) {
		const UsualJob *u = &usual_jobs[-id - 1];

		for (int i = 0; i < v->post.n_usual; i++)
			ok |= v->post.usual_id[i] == id;
		if (!ok)
			return;
		mission_draft_init(&v->post.draft);
		text_copy(v->post.draft.title, sizeof v->post.draft.title,
		          tr(v->lang, u->title_key));
		v->post.draft.category = u->category;
		v->post.draft.duration_min = u->duration_min;
		app_post_set_when(a, WHEN_FLEXIBLE);
		a->post.amount[0] = '\0';
		v->post.reward_chosen = v->post.minors_chosen = 0;
		v->post.draft_offer = 0;
		app_post_go_step(a, POST_REWARD);
		return;
	}
	for (int i = 0; i < v->post.n_templates; i++)
		ok |= v->post.template_id[i] == id;
	if (ok) {
		if (mission_get(a->st, id, &m) != BORNE_OK ||
		    m.poster_id != a->post.poster.id)
			return;
		v->post.draft = m.d;
	} else if (post_usual_recent(a, id, &c)) {
		mission_draft_init(&v->post.draft);
		text_copy(v->post.draft.title, sizeof v->post.draft.title, c.title);
		v->post.draft.category = c.category;
		v->post.draft.duration_min = c.duration_min;
		v->post.draft.places = c.places;
		v->post.draft.reward_kind = c.reward_kind;
		v->post.draft.reward_cents = c.reward_cents;
		v->post.draft.minors_ok = c.minors_ok;
	} else {
		return;
	}
	app_post_set_when(a, WHEN_FLEXIBLE);
	a->post.amount[0] = '\0';
	if (v->post.draft.reward_kind == REWARD_FIXED)
		post_amount_set(a, v->post.draft.reward_cents);
	v->post.reward_chosen = v->post.minors_chosen = 1;
	v->post.draft_offer = 0;
	if (app_post_check(a, POST_PREVIEW, 1))
		app_post_go_step(a, POST_PREVIEW);
}
