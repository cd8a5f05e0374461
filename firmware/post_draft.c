/* post_draft.c -- what the post form keeps of a person's work: a draft
** left unfinished (the idle reset, Accueil) kept in memory for that badge
** APP_DRAFT_KEEP_MS and offered back, and the poster's earlier missions
** offered as the start of a new one (see post_impl.h). */
#include "app_impl.h"
#include "post_impl.h"

#include <stdio.h>
#include <string.h>

#include "text.h"

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

/* The poster's own missions, newest first, one per title. */
void
app_post_templates_load(App *a)
{
	AppView *v = &a->v;
	MissionCard cards[APP_BOARD_WINDOW];
	Mission m;
	int n = 0, rc;

	v->post.n_templates = 0;
	rc = mission_of_member(a->st, a->post.poster.id, cards, APP_BOARD_WINDOW,
	                       &n);
	if (rc != BORNE_OK) {
		app_read_failed(a, rc, "mission_of_member");
		return;
	}
	for (int i = 0; i < n && v->post.n_templates < APP_N_TEMPLATES; i++) {
		int seen = 0;

		if (mission_get(a->st, cards[i].id, &m) != BORNE_OK ||
		    m.poster_id != a->post.poster.id)
			continue;
		for (int k = 0; k < v->post.n_templates; k++)
			seen |= strcmp(v->post.template_title[k], m.d.title) == 0;
		if (seen)
			continue;
		v->post.template_id[v->post.n_templates] = m.id;
		text_copy(v->post.template_title[v->post.n_templates],
		          sizeof v->post.template_title[0], m.d.title);
		v->post.n_templates++;
	}
}

/* An earlier mission of the poster's as the start: everything but the
** dates (when: as they like), straight to the preview to check. */
void
app_post_template(App *a, int64_t id)
{
	AppView *v = &a->v;
	Mission m;
	int ok = 0;

	for (int i = 0; i < v->post.n_templates; i++)
		ok |= v->post.template_id[i] == id;
	if (!ok || mission_get(a->st, id, &m) != BORNE_OK ||
	    m.poster_id != a->post.poster.id)
		return;
	v->post.draft = m.d;
	app_post_set_when(a, WHEN_FLEXIBLE);
	a->post.amount[0] = '\0';
	if (m.d.reward_kind == REWARD_FIXED) {
		if (m.d.reward_cents % 100 == 0)
			snprintf(a->post.amount, sizeof a->post.amount, "%d",
			         m.d.reward_cents / 100);
		else
			snprintf(a->post.amount, sizeof a->post.amount, "%d,%02d",
			         m.d.reward_cents / 100, m.d.reward_cents % 100);
	}
	v->post.reward_chosen = v->post.minors_chosen = 1;
	v->post.draft_offer = 0;
	if (app_post_check(a, POST_PREVIEW, 1))
		app_post_go_step(a, POST_PREVIEW);
}
