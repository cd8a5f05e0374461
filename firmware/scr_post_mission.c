/* scr_post_mission.c -- posting a mission at the kiosk, step by step.
** Six steps (title, description, category, when, duration and people,
** reward) then a preview, as in mockups/post-mission. Text is typed into
** the step's field on the on-screen keyboard; "Suivant" checks the step
** with the store's own rules (mission_validate) and shows why next to the
** field instead of moving on. Publishing adds the mission, pending when
** the space wants a facilitator to approve coworkers' missions.
**
** Nothing typed is lost silently: "Annuler" with text typed asks first
** (view.post.confirm_discard); a draft left otherwise (the idle reset,
** Accueil) is kept in memory APP_DRAFT_KEEP_MS for that badge and offered
** back when they post again. The amount types on a number pad; payment
** and "open to under-18s" have no default. The poster's earlier missions
** are offered as a start (ACT_TEMPLATE): title to reward in one touch. */
#include "app_impl.h"
#include "app_screen.h"
#include "post_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "timeutil.h"

static PostStep    field_step(MissionField f);
static int         step_has_field(PostStep s);
static char       *step_buf(App *a, PostStep s, size_t *size, int *max_ch,
                            int *multiline);
static int         parse_amount(const char *s, int *cents);
static void        publish(App *a);
static const char *field_error_key(const MissionDraft *d, MissionField f);
static void        post_reward_sync(App *a);
static void        post_clear(App *a);
static int         post_busy(const App *a);
static void        post_leave(App *a);

const AppScreen scr_post_mission = {
	.name = "post-mission",
	.action = app_post_action,
	.text = app_post_text,
	.key = app_post_key,
	.reload = app_post_render,
	.clear = post_clear,
	.busy = post_busy,
};

/* The form's chips (scr_post_mission.h), in the order they are shown. */
const int app_duration_choices_min[APP_N_DURATIONS] = {
	30, 60, 120, 180, 240, 480
};
const int app_reward_presets_cents[APP_N_REWARD_PRESETS] = {
	500, 1000, 1500, 2000, 3000, 4500
};

int
app_member_may_post(const Member *m)
{
	/* Coworkers and staff post; cooperators take missions. */
	return m != NULL && m->active && m->role != ROLE_COOPERATOR;
}

/* Which step shows a draft field. */
static PostStep
field_step(MissionField f)
{
	switch (f) {
	case MFIELD_TITLE:       return POST_TITLE;
	case MFIELD_DESCRIPTION: return POST_DESCRIPTION;
	case MFIELD_CATEGORY:    return POST_CATEGORY;
	case MFIELD_PLACE:
	case MFIELD_WHEN:        return POST_WHEN;
	case MFIELD_DURATION:
	case MFIELD_PLACES:      return POST_DURATION;
	case MFIELD_REWARD:      return POST_REWARD;
	default:                 return POST_TITLE;
	}
}

static int
step_has_field(PostStep s)
{
	return s == POST_TITLE || s == POST_DESCRIPTION || s == POST_WHEN ||
	       s == POST_REWARD;
}

/* The buffer a step's text field edits, its size and limits. */
static char *
step_buf(App *a, PostStep s, size_t *size, int *max_ch, int *multiline)
{
	MissionDraft *d = &a->v.post.draft;

	*multiline = TEXT_SINGLE_LINE;
	switch (s) {
	case POST_TITLE:
		*size = sizeof d->title;
		*max_ch = BORNE_TITLE_MAX_CH;
		return d->title;
	case POST_DESCRIPTION:
		*size = sizeof d->description;
		*max_ch = BORNE_DESC_MAX_CH;
		*multiline = TEXT_MULTILINE;
		return d->description;
	case POST_WHEN:
		*size = sizeof d->place;
		*max_ch = BORNE_PLACE_MAX_CH;
		return d->place;
	case POST_REWARD:
		*size = sizeof a->post.amount;
		*max_ch = APP_AMOUNT_MAX_CH;
		return a->post.amount;
	default:
		*size = 0;
		*max_ch = 0;
		return NULL;
	}
}

/* "15", "12,50", "12.5", "12 €" -> cents. 0 when it is not an amount. */
static int
parse_amount(const char *s, int *cents)
{
	long euros = 0, frac = 0;
	int n_int = 0, n_frac = -1;

	for (; *s == ' '; s++)
		;
	for (; *s >= '0' && *s <= '9'; s++, n_int++) {
		euros = euros * 10 + (*s - '0');
		if (euros > MISSION_REWARD_MAX)
			return 0;
	}
	if (*s == ',' || *s == '.') {
		s++;
		for (n_frac = 0; *s >= '0' && *s <= '9'; s++, n_frac++) {
			if (n_frac >= 2)
				return 0;
			frac = frac * 10 + (*s - '0');
		}
		if (n_frac == 1)
			frac *= 10;
	}
	for (; *s == ' '; s++)
		;
	if (strcmp(s, "€") == 0)
		s += strlen("€");
	if (*s != '\0' || (n_int == 0 && n_frac <= 0))
		return 0;
	*cents = (int)(euros * 100 + frac);
	return 1;
}

void
app_post_set_when(App *a, WhenChoice w)
{
	MissionDraft *d = &a->v.post.draft;
	char today[TIME_DATE_SIZE];
	int wd;

	time_local_date(a->now_utc, today);
	wd = time_weekday(today);
	if (wd < 0)
		wd = 0;
	a->v.post.when = w;
	d->date_from[0] = d->date_to[0] = '\0';
	switch (w) {
	case WHEN_TODAY:
		memcpy(d->date_from, today, sizeof d->date_from);
		break;
	case WHEN_TOMORROW:
		time_date_add(today, 1, d->date_from);
		break;
	case WHEN_THIS_WEEK:
		memcpy(d->date_from, today, sizeof d->date_from);
		if (wd < 6)
			time_date_add(today, 6 - wd, d->date_to);
		break;
	case WHEN_NEXT_WEEK:
		time_date_add(today, 7 - wd, d->date_from);
		time_date_add(today, 13 - wd, d->date_to);
		break;
	case WHEN_FLEXIBLE:
	case WHEN_COUNT:
		a->v.post.when = WHEN_FLEXIBLE;
		break;
	}
}

static const char *
field_error_key(const MissionDraft *d, MissionField f)
{
	switch (f) {
	case MFIELD_TITLE:
		/* Only spaces, even U+3000 or NBSP: no title yet. */
		return text_blank(d->title) || text_check(d->title,
		       BORNE_TITLE_MAX_CH, 0, 1, NULL, 0) == BORNE_OK ?
		       "app.post.err.title" : "app.post.err.title_chars";
	case MFIELD_DESCRIPTION: return "app.post.err.description";
	case MFIELD_CATEGORY:    return "app.post.err.category";
	case MFIELD_PLACE:       return "app.post.err.place";
	case MFIELD_WHEN:        return "app.post.err.when";
	case MFIELD_DURATION:    return "app.post.err.duration";
	case MFIELD_PLACES:      return "app.post.err.places";
	case MFIELD_REWARD:      return "app.post.err.reward";
	default:                 return "app.post.err.other";
	}
}

/* Checks the steps up to upto (the later ones get harmless values, so a
** step is judged alone). On a problem: the message goes next to its
** field, and with jump the form goes back to that step. 1 when fine. */
int
app_post_check(App *a, PostStep upto, int jump)
{
	AppView *v = &a->v;
	MissionDraft t, blank;
	MissionField f = MFIELD_NONE;
	char why[160];
	int cents;
	const char *key = NULL;

	/* Checking ends typing: a joiner still waiting for its emoji goes. */
	text_settle(v->post.draft.title);
	text_settle(v->post.draft.description);
	t = v->post.draft;
	mission_draft_init(&blank);
	v->post.post_error[0] = '\0';
	a->post.err_field = MFIELD_NONE;
	if (upto >= POST_REWARD && !v->post.reward_chosen) {
		f = MFIELD_REWARD;
		key = "app.post.err.reward_kind";
		goto refused;
	}
	if (upto >= POST_REWARD && t.reward_kind == REWARD_FIXED) {
		if (!parse_amount(a->post.amount, &cents)) {
			f = MFIELD_REWARD;
			goto refused;
		}
		t.reward_cents = cents;
		v->post.draft.reward_cents = cents;
	}
	if (upto >= POST_REWARD && !v->post.minors_chosen) {
		f = MFIELD_REWARD;
		key = "app.post.err.minors";
		goto refused;
	}
	if (upto < POST_DESCRIPTION)
		text_copy(t.description, sizeof t.description, "-");
	if (upto < POST_CATEGORY)
		t.category = blank.category;
	if (upto < POST_WHEN) {
		t.place[0] = '\0';
		t.date_from[0] = t.date_to[0] = '\0';
	}
	if (upto < POST_DURATION) {
		t.duration_min = blank.duration_min;
		t.places = blank.places;
	}
	if (upto < POST_REWARD) {
		t.reward_kind = blank.reward_kind;
		t.reward_cents = blank.reward_cents;
	}
	if (mission_validate(&t, &f, why, sizeof why) == BORNE_OK)
		return 1;
refused:
	if (jump && field_step(f) != v->post.post_step)
		app_post_go_step(a, field_step(f));
	a->post.err_field = f;
	text_copy(v->post.post_error, sizeof v->post.post_error,
	          tr(v->lang, key != NULL ? key : field_error_key(&t, f)));
	app_post_render(a);
	return 0;
}

void
app_post_go_step(App *a, PostStep s)
{
	AppView *v = &a->v;

	if ((int)s < 0 || s >= POST_STEP_COUNT)
		return;
	if (s != v->post.post_step) {
		v->post.post_error[0] = '\0';
		a->post.err_field = MFIELD_NONE;
	}
	v->post.post_step = s;
	/* Title and description open the keyboard at once (a capital first
	** when empty); place and amount are there when asked (chips come
	** first), the amount on a number pad. The title waits for a tap when
** there is a kept draft or earlier missions to start from instead. */
	a->post.focused = s == POST_DESCRIPTION ||
	                  (s == POST_TITLE && !(v->post.draft_offer ||
	                   ((v->post.n_templates > 0 || v->post.n_usual > 0) &&
	                    v->post.draft.title[0] == '\0')));
	v->kbd_layer = s == POST_REWARD ? KBD_NUMPAD :
	               (s == POST_TITLE && v->post.draft.title[0] == '\0') ||
	               (s == POST_DESCRIPTION &&
	                v->post.draft.description[0] == '\0') ? KBD_UPPER :
	               KBD_LOWER;
	app_post_render(a);
}

void
app_post_start(App *a, const Member *poster)
{
	AppView *v = &a->v;

	a->post.poster = *poster;
	a->post.from = v->screen == SCREEN_POST_MISSION ? a->post.from :
	                 v->screen;
	mission_draft_init(&v->post.draft);
	app_post_set_when(a, WHEN_FLEXIBLE);
	a->post.amount[0] = '\0';
	v->post.post_error[0] = '\0';
	v->post.reward_chosen = v->post.minors_chosen = 0;
	v->post.confirm_discard = 0;
	v->post.needs_approval = store_rules(a->st)->approval_required &&
	                    !member_is_staff(poster);
	v->post.post_step = POST_TITLE;
	app_post_offer(a);
	app_post_templates_load(a);
	app_goto(a, SCREEN_POST_MISSION);
	app_post_go_step(a, POST_TITLE);
}

static void
publish(App *a)
{
	AppView *v = &a->v;
	Mission m;
	int64_t id = 0;
	int rc;

	if (!app_post_check(a, POST_PREVIEW, 1))
		return;
	rc = mission_add(a->st, &v->post.draft, a->post.poster.id, a->now_utc, &id);
	if (rc == BORNE_EINVAL) {
		text_copy(v->post.post_error, sizeof v->post.post_error,
		          tr(v->lang, "app.post.err.other"));
		app_cue(a, CUE_REFUSED);
		return;
	}
	if (rc != BORNE_OK) {
		/* Nothing is lost: the draft stays on screen to try again. */
		app_toast_rc(a, rc);
		app_cue(a, CUE_REFUSED);
		return;
	}
	app_cue(a, CUE_SUCCESS);
	if (a->kept.member_id == a->post.poster.id)
		memset(&a->kept, 0, sizeof a->kept);    /* this one is posted */
	a->post.amount[0] = '\0';          /* nothing left to keep */
	if (mission_get(a->st, id, &m) == BORNE_OK && m.status == MISSION_PENDING) {
		mission_draft_init(&v->post.draft);
		app_set_session(a, &a->post.poster);
		app_goto(a, SCREEN_MEMBER_HOME);
		app_toast(a, "app.post.pending");
	} else {
		mission_draft_init(&v->post.draft);
		app_set_session(a, &a->post.poster);
		v->board.filter = -1;
		app_field_clear(&v->board.search);
		v->board.board_offset = 0;
		app_goto(a, SCREEN_BOARD);
		app_toast(a, "app.post.published");
	}
}

int
app_post_action(App *a, AppAction act, int64_t arg)
{
	AppView *v = &a->v;
	MissionDraft *d = &v->post.draft;

	switch (act) {
	case ACT_NEXT:
		if (v->post.post_step >= POST_PREVIEW)
			publish(a);
		else if (app_post_check(a, v->post.post_step, 0))
			app_post_go_step(a, (PostStep)(v->post.post_step + 1));
		else
			app_post_render(a);
		return 1;
	case ACT_PREV:
		if (v->post.post_step > POST_TITLE)
			app_post_go_step(a, (PostStep)(v->post.post_step - 1));
		return 1;
	case ACT_FIELD:
		if (arg < 0 || arg >= POST_STEP_COUNT)
			return 1;
		app_post_go_step(a, (PostStep)arg);
		return 1;
	case ACT_PREVIEW:
		if (app_post_check(a, POST_PREVIEW, 1))
			app_post_go_step(a, POST_PREVIEW);
		else
			app_post_render(a);
		return 1;
	case ACT_PUBLISH:
		publish(a);
		return 1;
	case ACT_FOCUS:
		a->post.focused = arg != 0 && step_has_field(v->post.post_step);
		app_post_render(a);
		return 1;
	case ACT_SET_CATEGORY:
		if (arg >= 0 && arg < CAT_COUNT)
			d->category = (MissionCategory)arg;
		break;
	case ACT_SET_WHEN:
		if (arg >= 0 && arg < WHEN_COUNT)
			app_post_set_when(a, (WhenChoice)arg);
		break;
	case ACT_SET_DURATION:
		if (arg >= 0 && arg <= MISSION_DURATION_MAX)
			d->duration_min = (int)arg;
		break;
	case ACT_SET_PLACES:
		if (arg >= 1 && arg <= MISSION_PLACES_MAX)
			d->places = (int)arg;
		break;
	case ACT_SET_REWARD_KIND:
		if (arg < REWARD_FIXED || arg > REWARD_TIP)
			break;
		d->reward_kind = (RewardKind)arg;
		v->post.reward_chosen = 1;
		if (d->reward_kind == REWARD_FIXED && a->post.amount[0] == '\0')
			a->post.focused = 1;
		post_reward_sync(a);
		break;
	case ACT_SET_REWARD_CENTS:
		if (arg < 1 || arg > MISSION_REWARD_MAX)
			break;
		d->reward_kind = REWARD_FIXED;
		v->post.reward_chosen = 1;
		d->reward_cents = (int)arg;
		if (arg % 100 == 0)
			snprintf(a->post.amount, sizeof a->post.amount, "%d", (int)(arg / 100));
		else
			snprintf(a->post.amount, sizeof a->post.amount, "%d,%02d",
			         (int)(arg / 100), (int)(arg % 100));
		a->post.focused = 0;
		break;
	case ACT_TOGGLE_MINORS:
		d->minors_ok = !d->minors_ok;
		v->post.minors_chosen = 1;
		break;
	case ACT_SET_MINORS:
		d->minors_ok = arg != 0;
		v->post.minors_chosen = 1;
		break;
	case ACT_TEMPLATE:
		app_post_template(a, arg);
		return 1;
	case ACT_DRAFT_RESUME:
		if (arg != 0) {
			app_post_resume(a);
		} else {
			memset(&a->kept, 0, sizeof a->kept);
			v->post.draft_offer = 0;
			app_post_render(a);
		}
		return 1;
	case ACT_KBD_LAYER:
		if (arg >= KBD_LOWER && arg <= KBD_NUMPAD)
			v->kbd_layer = (KbdLayer)arg;
		return 1;
	case ACT_KEY:
		return app_post_key(a, (int)arg);
	case ACT_BACK:
	case ACT_CANCEL_WAIT:
		/* "Annuler": leave the form, the member stays badged in; what
		** they typed goes only once they said so. A second "Annuler"
		** while asked is "no". */
		if (v->post.confirm_discard) {
			v->post.confirm_discard = 0;
			app_post_render(a);
			return 1;
		}
		if (app_post_typed(a)) {
			v->post.confirm_discard = 1;
			a->post.focused = 0;
			app_post_render(a);
			return 1;
		}
		post_leave(a);
		return 1;
	case ACT_DISCARD:
		if (!v->post.confirm_discard)
			return 1;
		v->post.confirm_discard = 0;
		if (arg != 0)
			post_leave(a);
		else
			app_post_render(a);
		return 1;
	default:
		return 0;
	}
	if (a->post.err_field != MFIELD_NONE &&
	    field_step(a->post.err_field) == v->post.post_step)
		app_post_check(a, v->post.post_step, 0);     /* the message follows the fix */
	app_post_render(a);
	return 1;
}

/* Out of the form, its draft gone (confirmed, or nothing typed). */
static void
post_leave(App *a)
{
	AppView *v = &a->v;

	mission_draft_init(&v->post.draft);
	a->post.amount[0] = '\0';
	v->post.confirm_discard = 0;
	app_goto(a, a->post.from == SCREEN_BOARD ? SCREEN_BOARD :
	         SCREEN_MEMBER_HOME);
}

int
app_post_text(App *a, const char *utf8)
{
	AppView *v = &a->v;
	size_t size;
	int max_ch, multiline;
	char *buf = step_buf(a, v->post.post_step, &size, &max_ch, &multiline);

	if (v->post.confirm_discard)
		return 0;
	if (buf == NULL) {
		app_toast(a, "app.post.no_field");
		return 1;
	}
	a->post.focused = 1;
	app_field_type(a, &v->post.field, buf, size, max_ch, multiline, utf8);
	if (v->post.post_step == POST_REWARD) {
		v->post.draft.reward_kind = REWARD_FIXED;
		v->post.reward_chosen = 1;
		post_reward_sync(a);
	}
	v->post.draft_offer = 0;            /* typing anew: a new mission */
	{
		char keep[sizeof v->post.field.error];

		/* Typing clears the step's validation message, not the field's. */
		memcpy(keep, v->post.field.error, sizeof keep);
		v->post.post_error[0] = '\0';
		a->post.err_field = MFIELD_NONE;
		app_post_render(a);
		memcpy(v->post.field.error, keep, sizeof keep);
	}
	return 1;
}

int
app_post_key(App *a, int key)
{
	AppView *v = &a->v;
	size_t size;
	int max_ch, multiline;
	char *buf = step_buf(a, v->post.post_step, &size, &max_ch, &multiline);

	switch (key) {
	case APP_KEY_BACKSPACE:
		if (buf == NULL || !a->post.focused)
			return 0;
		text_pop_char(buf);
		v->post.field.error[0] = '\0';
		post_reward_sync(a);
		app_post_render(a);
		return 1;
	case APP_KEY_ENTER:
		if (buf != NULL && multiline && a->post.focused)
			return app_post_text(a, "\n");
		return app_post_action(a, ACT_NEXT, 0);
	case APP_KEY_TAB:
		return app_post_action(a, ACT_NEXT, 0);
	case APP_KEY_ESCAPE:
		if (a->post.focused) {
			a->post.focused = 0;
			app_post_render(a);
			return 1;
		}
		return app_post_action(a, ACT_BACK, 0);
	default:
		return 0;
	}
}

void
app_post_render(App *a)
{
	static const char *const step_keys[POST_STEP_COUNT] = {
		"app.post.step.title", "app.post.step.description",
		"app.post.step.category", "app.post.step.when",
		"app.post.step.duration", "app.post.step.reward",
		"app.post.step.preview",
	};
	static const char *const hint_keys[POST_STEP_COUNT] = {
		"app.post.hint.title", "app.post.hint.description",
		"app.post.hint.category", "app.post.hint.when",
		"app.post.hint.duration", "app.post.hint.reward",
		"app.post.hint.preview",
	};
	static const char *const label_keys[POST_STEP_COUNT] = {
		"app.post.label.title", "app.post.label.description", "",
		"app.post.label.place", "", "app.post.label.amount", "",
	};
	AppView *v = &a->v;
	TextFieldView *f = &v->post.field;
	MissionCard card;
	PostStep s = v->post.post_step;
	size_t size;
	int max_ch, multiline;
	char *buf = step_buf(a, s, &size, &max_ch, &multiline);
	char error[sizeof f->error];

	if (s < POST_PREVIEW)
		app_trf(v->lang, v->post.post_step_label, sizeof v->post.post_step_label,
		        "app.post.step_of", (int)s + 1, (int)POST_PREVIEW,
		        tr(v->lang, step_keys[s]));
	else
		text_copy(v->post.post_step_label, sizeof v->post.post_step_label,
		          tr(v->lang, step_keys[s]));
	memcpy(error, f->error, sizeof error);
	memset(f, 0, sizeof *f);
	if (buf != NULL) {
		app_field_show(f, buf, max_ch);
		text_copy(f->label, sizeof f->label, tr(v->lang, label_keys[s]));
		f->multiline = multiline;
		f->focused = a->post.focused;
		memcpy(f->error, error, sizeof error);
	}
	text_copy(f->hint, sizeof f->hint, tr(v->lang, hint_keys[s]));
	/* The step's validation message shows next to the field too. */
	if (v->post.post_error[0] != '\0')
		text_copy(f->error, sizeof f->error, v->post.post_error);
	v->post.needs_approval = store_rules(a->st)->approval_required &&
	                    !member_is_staff(&a->post.poster);
	app_card_from_draft(&v->post.draft, &card);
	app_card_text(v->lang, &card, &v->post.draft_text);
	v->kbd_visible = buf != NULL && a->post.focused;
}

/* A fixed reward is the amount as typed (0 while it is no amount): set
** when the amount or the kind of reward changes, never when drawing. */
static void
post_reward_sync(App *a)
{
	MissionDraft *d = &a->v.post.draft;

	if (d->reward_kind == REWARD_FIXED &&
	    parse_amount(a->post.amount, &d->reward_cents) == 0)
		d->reward_cents = 0;
}

static int
post_busy(const App *a)
{
	(void)a;
	return 1;
}

static void
post_clear(App *a)
{
	AppView *v = &a->v;

	app_post_keep(a);                       /* left unfinished: kept a while */
	memset(&a->post.poster, 0, sizeof a->post.poster);
	mission_draft_init(&v->post.draft);
	memset(&v->post.field, 0, sizeof v->post.field);
	a->post.amount[0] = '\0';
	a->post.focused = 0;
	v->post.reward_chosen = v->post.minors_chosen = 0;
	v->post.confirm_discard = v->post.draft_offer = 0;
	v->post.draft_offer_title[0] = '\0';
	v->post.n_templates = 0;
	memset(v->post.template_title, 0, sizeof v->post.template_title);
	v->post.n_usual = 0;
	memset(v->post.usual_title, 0, sizeof v->post.usual_title);
}
