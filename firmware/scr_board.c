/* scr_board.c -- the board of missions: a window of APP_BOARD_WINDOW
** cards of the results, a category filter and a search field, scrolled
** by rows of view.board_columns cards. "Retour" goes back where the board
** was opened from (the member's home, a greeting on leaving, Accueil). */
#include "app_impl.h"
#include "app_screen.h"

#include <string.h>

#include "i18n.h"
#include "safety.h"
#include "text.h"

static int  board_action(App *a, AppAction act, int64_t arg);
static int  board_text(App *a, const char *utf8);
static int  board_key(App *a, int key);
static void board_back(App *a);
static void board_reload(App *a);
static void board_clear(App *a);
static void board_leave(App *a);
static int  board_cols(const AppView *v);
static void board_scroll(App *a, int64_t cards);

const AppScreen scr_board = {
	.name = "board",
	.action = board_action,
	.text = board_text,
	.key = board_key,
	.back = board_back,
	.leave = board_leave,
	.reload = board_reload,
	.clear = board_clear,
};

static int
board_cols(const AppView *v)
{
	return v->board_columns > 0 ? v->board_columns : 2;
}

void
app_board_open(App *a, ScreenId from)
{
	a->board.from = from == SCREEN_BOARD ? a->board.from : from;
	a->v.board.board_offset = 0;
	app_goto(a, SCREEN_BOARD);
}

static void
board_scroll(App *a, int64_t cards)
{
	AppView *v = &a->v;
	int64_t off = v->board.board_offset + cards;
	int cols = board_cols(v);
	int last = v->board.board_total > 0 ? (v->board.board_total - 1) / cols * cols : 0;

	if (off > last)
		off = last;
	if (off < 0)
		off = 0;
	v->board.board_offset = (int)off;
	app_reload(a);
}

static int
board_action(App *a, AppAction act, int64_t arg)
{
	AppView *v = &a->v;

	switch (act) {
	case ACT_FILTER:
		v->board.filter = arg >= 0 && arg < CAT_COUNT ? (int)arg : -1;
		v->board.board_offset = 0;
		app_reload(a);
		return 1;
	case ACT_SEARCH:
		a->board.search_focused = 1;
		v->kbd_layer = KBD_LOWER;
		app_reload(a);
		return 1;
	case ACT_SEARCH_CLEAR:
		app_field_clear(&v->board.search);
		v->board.board_offset = 0;
		app_reload(a);
		return 1;
	case ACT_SCROLL:
		board_scroll(a, arg * board_cols(v));
		return 1;
	case ACT_SCROLL_TO:
		board_scroll(a, arg - v->board.board_offset);
		return 1;
	case ACT_FOCUS:
		a->board.search_focused = arg != 0;
		app_reload(a);
		return 1;
	default:
		return 0;
	}
}

/* Typed text goes to the search field. */
static int
board_text(App *a, const char *utf8)
{
	AppView *v = &a->v;

	a->board.search_focused = 1;
	/* A search starts everywhere: a category chosen before, hidden under
	** the keyboard, would hide what is typed ("velo" inside Jardin). */
	if (v->board.search.text[0] == '\0')
		v->board.filter = -1;
	app_field_type(a, &v->board.search, v->board.search.text, sizeof v->board.search.text,
	               BORNE_TITLE_MAX_CH, TEXT_SINGLE_LINE, utf8);
	v->board.board_offset = 0;
	app_reload(a);
	return 1;
}

static int
board_key(App *a, int key)
{
	AppView *v = &a->v;

	if (a->board.search_focused && key == APP_KEY_BACKSPACE) {
		app_field_pop(&v->board.search, v->board.search.text);
		v->board.board_offset = 0;
		app_reload(a);
		return 1;
	}
	if (a->board.search_focused && key == APP_KEY_ENTER) {
		a->board.search_focused = 0;
		app_reload(a);
		return 1;
	}
	if (key == APP_KEY_DOWN || key == APP_KEY_UP)
		return board_action(a, ACT_SCROLL, key == APP_KEY_DOWN ? 1 : -1);
	if (key == APP_KEY_PAGEDOWN || key == APP_KEY_PAGEUP)
		return board_action(a, ACT_SCROLL, key == APP_KEY_PAGEDOWN ? 2 : -2);
	return 0;
}

static void
board_back(App *a)
{
	AppView *v = &a->v;

	if (a->board.search_focused) {
		a->board.search_focused = 0;
		app_reload(a);
		return;
	}
	if (v->has_member &&
	    (a->board.from == SCREEN_MEMBER_HOME ||
	     a->board.from == SCREEN_BADGE_RESULT))
		app_goto(a, a->board.from == SCREEN_BADGE_RESULT &&
		         app_result_was_out(a) ? SCREEN_BADGE_RESULT :
		         SCREEN_MEMBER_HOME);
	else
		app_go_home(a);
}

static void
board_reload(App *a)
{
	AppView *v = &a->v;
	MissionQuery q;
	char text[sizeof v->board.search.text];
	int total = 0, cols = board_cols(v), rc;

	/* The field may end in a joiner still waiting for its emoji: the
	** search looks for what is typed so far. */
	text_copy(text, sizeof text, v->board.search.text);
	text_settle(text);
	memset(&q, 0, sizeof q);
	q.category = v->board.filter;
	q.text = text;
	q.minors_only = v->has_member && v->member.minor;
	/* A minor during the heat alert's hours: no outdoor mission, and
	** the board says why (a take would be refused: mission_take). */
	v->board.heat_note[0] = '\0';
	if (q.minors_only && safety_heat_now(a->st, a->now_utc)) {
		SafetyRules r;
		char from[24], to[24];

		safety_rules(a->st, &r);
		app_format_hour(v->lang, r.heat_from_min, from, sizeof from);
		app_format_hour(v->lang, r.heat_to_min, to, sizeof to);
		app_trf(v->lang, v->board.heat_note, sizeof v->board.heat_note,
		        "app.heat.note", from, to);
		q.minors_only = 2;
	}
	q.status = -1;
	q.offset = v->board.board_offset;
	q.limit = APP_BOARD_WINDOW;
	v->board.minors_only = q.minors_only != 0;
	v->board.n_cards = 0;
	rc = mission_search(a->st, &q, v->board.cards, &v->board.n_cards, &total);
	if (rc == BORNE_OK && v->board.board_offset > 0 && v->board.board_offset >= total) {
		/* Results shrank under the window: show the last row. */
		v->board.board_offset = total > 0 ? (total - 1) / cols * cols : 0;
		q.offset = v->board.board_offset;
		rc = mission_search(a->st, &q, v->board.cards, &v->board.n_cards, &total);
	}
	if (rc != BORNE_OK) {
		v->board.n_cards = total = 0;
		app_read_failed(a, rc, "mission_search");
	}
	v->board.board_total = total;
	v->board.board_more = rc == BORNE_OK && mission_search_more(&q, total);
	/* A category chosen after typing: how many the search finds in all. */
	v->board.everywhere_total = total;
	v->board.everywhere_more = v->board.board_more;
	if (rc == BORNE_OK && q.category >= 0 && text[0] != '\0') {
		MissionCard one[1];
		int n = 0, all = 0;
		q.category = -1;
		q.offset = 0;
		q.limit = 0;            /* the count only */
		if (mission_search(a->st, &q, one, &n, &all) == BORNE_OK) {
			v->board.everywhere_total = all;
			v->board.everywhere_more = mission_search_more(&q, all);
		}
	}
	for (int i = 0; i < v->board.n_cards; i++)
		app_card_text(v->lang, &v->board.cards[i], &v->board.cards_text[i]);
	app_field_show(&v->board.search, v->board.search.text, BORNE_TITLE_MAX_CH);
	text_copy(v->board.search.label, sizeof v->board.search.label,
	          tr(v->lang, "app.search.label"));
	v->board.search.focused = a->board.search_focused;
	v->kbd_visible = a->board.search_focused;
}

/* The keyboard closes; the search and the filter stay for "Retour". */
static void
board_leave(App *a)
{
	a->board.search_focused = 0;
}

static void
board_clear(App *a)
{
	AppView *v = &a->v;

	app_field_clear(&v->board.search);
	a->board.search_focused = 0;
	v->board.filter = -1;
	v->board.board_offset = 0;
	v->board.minors_only = 0;
	v->board.heat_note[0] = '\0';
}
