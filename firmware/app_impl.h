/* app_impl.h -- what app.c and the screen modules (scr_*.c) share.
** Private to the state machine: the UI sees only app.h. The App keeps the
** state (who is badged in, what the kiosk waits for, the form being
** edited) and the AppView it draws from; app_reload() rebuilds the view's
** data from the store, so what is shown is what is saved. */
#ifndef BORNE_APP_IMPL_H
#define BORNE_APP_IMPL_H

#include "app.h"
#include "checkin.h"

#define APP_RESULT_MS_MIN  15000  /* badge result at least this long */
#define APP_UNKNOWN_MS     30000  /* unknown badge: "dans 30 secondes" */
#define APP_TOAST_MS       4000
#define APP_PIN_MAX_DIGITS 8
#define APP_AMOUNT_MAX_CH  7      /* "1000,00" */

typedef enum PinPurpose {
	PIN_FOR_FACILITATOR = 0,
	PIN_FOR_ENROL,
	PIN_FOR_NEW,             /* an admin sets pin_member's PIN: first time */
	PIN_FOR_NEW_AGAIN        /* ... and the same again */
} PinPurpose;

struct App {
	Store    *st;
	AppConfig cfg;
	AppLang   base_lang;      /* lang comes back to this on Accueil */
	AppView   v;
	int64_t   now_ms, now_utc;   /* of the last event */
	int64_t   deadline_ms;    /* screen timeout (0: none, on Accueil) */
	int64_t   toast_until_ms;
	int       clock_min;      /* the wall clock's minute of day, last tick */
	char      shown_date[11]; /* the date v.date_long shows; "" none */
	char      today[11];
	char      swept_on[11];     /* the local date mission_expire last ran */
	int64_t   scrub_next_ms;  /* next look for a log to empty (privacy.h) */
	int       scrub_pending;  /* one is waiting for a reader to let go */

	/* The question a badge answers (app_session.c). */
	int64_t   wait_mission;   /* mission a WAIT_TAKE etc. is about */
	int64_t   wait_member;    /* who was asked: 0 whoever badges first */
	int64_t   wait_until_ms;  /* the question expires then */

	/* Staff proved by badge and PIN: who (the actor of what they do). */
	Member    staff;          /* the facilitator proving themselves */
	int       in_facilitator; /* the PIN was right: staff may act */

	/* Each screen module's own state, next to its part of the view. */
	struct {
		/* The last check-in shown (re-rendered on ACT_LANG). */
		CheckinResult tap;
		int       rc;         /* BORNE_OK or the storage error */
		/* A quote of theirs decided since their last tap (scr_quote.c):
		** its number ("" none), and whether it was accepted. */
		char      quote_told[32];
		int       quote_accepted;
		/* A take of theirs the hub refused (syncview.h): the
		** mission's title, "" none; told once, when no quote is. */
		char      take_refused[BORNE_CH_BYTES(BORNE_TITLE_MAX_CH)];
	} result;                 /* scr_badge_result.c */
	struct {
		int       search_focused;
		ScreenId  from;       /* where "Retour" goes */
	} board;                  /* scr_board.c */
	struct {
		ScreenId  from;       /* where "Retour" goes */
	} detail;                 /* scr_mission.c */
	struct {
		int64_t   mission_id; /* the mission quoted */
		Member    author;     /* who makes the quote */
		char      hours[16], rate[16], supplies[16];  /* as typed */
		int64_t   sent_id;    /* the quote sent, on the last step */
		/* The quote the poster is accepting (WAIT_QUOTE_ACCEPT). */
		int64_t   accept_id;
		char      accept_number[32];
		char      accept_who[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
		char      accept_ttc[32];
	} quote;                  /* scr_quote.c */
	struct {
		Member    poster;
		ScreenId  from;
		int       focused;
		char      amount[32]; /* the fixed amount as typed: "12,50" */
		MissionField err_field;
	} post;                   /* scr_post_mission.c */
	/* The last draft left unfinished by a badge (going idle, Accueil):
	** in memory only, kept until until_ms, offered when that member
	** posts again; forgotten when taken, refused, expired or published. */
	struct {
		int64_t   member_id;  /* 0: none */
		int64_t   until_ms;
		MissionDraft draft;
		char      amount[32];
		int       when;       /* WhenChoice */
		int       step;       /* PostStep it was left on */
		int       reward_chosen, minors_chosen;
	} kept;                   /* scr_post_mission.c */
	struct {
		PinPurpose purpose;   /* what the PIN is typed for, and what follows */
		ScreenId  from;
		char      typed[APP_PIN_MAX_DIGITS + 1];
		int       fails;
		int64_t   lock_until_ms;  /* per kiosk, survives leaving the screen
		                          ** and restarts (settings "pin_lock") */
		int64_t   saved_ms;   /* when the lock was last saved */
		int64_t   member;     /* PIN_FOR_NEW*: whose PIN is set */
		char      member_name[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
		char      first[APP_PIN_MAX_DIGITS + 1];  /* the new PIN, first time */
	} pin;                    /* scr_pin.c */
	struct {
		BadgeUid  raw;        /* the badge nobody owns */
		int       focused;
		int       from_fac;   /* return to facilitator mode after */
	} enrol;                  /* scr_unknown_badge.c */

	/* The clock (app_clock.c). */
	int       clock_sync;     /* ClockSync */
	int       clock_confirmed;
	int64_t   clock_offset_ms;  /* wall - monotonic at the last event */
	int64_t   clock_trusted_offset_ms;  /* ... when last trusted */
	int       clock_was_trusted;
	int       clock_noted;   /* told to the outbox: 0 not yet, 1 untrusted,
	                         ** 2 trusted (outbox_set_clock) */
	int       clock_verdict;  /* ClockVerdict */

	/* A read failed during this reload (app_read_failed); the reason
	** last written to the journal, "" when the last reload read all. */
	int       problem_seen;
	char      problem_logged[300];
};

/* app_clock.c */
void app_clock_init(App *a);
/* Re-judges the clock (jumps, sync, newest tap); on becoming trusted,
** times the held taps. Returns 1 when the view changed. */
int  app_clock_check(App *a);
/* The time to show: the wall clock when it is trusted or only not synced,
** the monotonic clock from the last trusted time when the wall clock
** jumped; 0 when the kiosk knows no true time. */
int  app_clock_shown_utc(const App *a, int64_t *out);
/* After the store opened (again): the facilitator's confirmation kept
** for this boot, then app_clock_check. */
void app_clock_reload(App *a);
/* app_clock_check when the wall clock jumped since the last event. */
int  app_clock_watch(App *a);
/* The time of a tap now, as checkin_tap_clock takes it. */
void app_clock_tap(App *a, TapClock *out);
/* ACT_CLOCK_CONFIRM by the facilitator in a->staff. */
int  app_clock_confirm(App *a);
/* 1 when the wall clock reached a new minute or date since the last
** call: the minute's duties (closing visits, expiring missions) follow. */
int  app_clock_minute(App *a);
/* The time and date on screen (v.clock, v.date_long); 1 when they
** changed. */
int  app_clock_show(App *a);

/* app.c */
int  app_screen_busy(const App *a);     /* someone's work is on screen */
void app_goto(App *a, ScreenId s);
void app_go_home(App *a);
void app_reload(App *a);
void app_cue(App *a, AppCue cue);
void app_toast(App *a, const char *key, ...);
void app_toast_rc(App *a, int rc);       /* storage error, in words */
void app_set_session(App *a, const Member *m);
void app_clear_session(App *a);
/* app_clear_session, no question, and every screen module's clear(). */
void app_clear_personal(App *a);
/* A read for the screen failed (what: the function): says so (app.h,
** view.problem). rc < 0. */
void app_read_failed(App *a, int rc, const char *what);
/* The i18n key of the words for a storage error. */
const char *app_rc_key(int rc);
void app_wait(App *a, WaitFor w, int64_t mission_id);
/* The question's line (in v.lang) and its seconds left. */
void app_wait_render(App *a);
/* A question nobody answered in time is none any more; 1 when it
** expired now. */
int  app_wait_expire(App *a);
/* A badge tap (app_badge.c): the answer to the question, else a
** check-in. */
void app_badge(App *a, const BadgeUid *uid);
void app_checkin(App *a, const BadgeUid *uid);
/* Inserts typed UTF-8 into a field held in buf (bufsize bytes), at most
** max_ch characters. Returns 1 when the text changed. Refused input and
** the limit set f->error. */
int  app_field_type(App *a, TextFieldView *f, char *buf, size_t bufsize,
                    int max_ch, int multiline, const char *utf8);
void app_field_pop(TextFieldView *f, char *buf);
/* Empties a field the view shows on its own (text, count and error). */
void app_field_clear(TextFieldView *f);
void app_field_show(TextFieldView *f, const char *buf, int max_ch);

/* Screens' entry points, for the kiosk and the other screens. */
void app_board_open(App *a, ScreenId from);            /* scr_board.c */
void app_mission_open(App *a, int64_t id);             /* scr_mission.c */
/* Member m takes mission id (their badge answered, or they are badged
** in): the outcome screen, taken or refused with the next step. */
void app_mission_take(App *a, int64_t id, const Member *m);
/* The i18n key that words a refusal of the core (app_badge.c). */
const char *app_refusal_key(MissionRefusal why, WaitFor w);
/* The member's missions into the view; BORNE_OK or the read's error. */
int  app_my_missions_load(App *a);                     /* scr_member_home.c */
/* A tap's greeting (r NULL when rc is an error), and whether the last
** one was a departure. */
/* A minor past a limit or due a break (app_safety.c): 1 and the words in
** out (a sentence, or a short flag for a list); 0 and out untouched. */
int  app_safety_note(App *a, const Member *m, int short_form, char *out,
                     size_t outlen);
/* The stream question for member_id into s (app_stream.c): n 0 when
** there is nothing to ask; BORNE_OK or a read's error. */
int  app_stream_load(App *a, int64_t member_id, StreamChoiceView *s);
/* ACT_STREAM on s: joins choice i (a toast says it, or why not). */
void app_stream_choose(App *a, StreamChoiceView *s, int64_t i);
void app_result_show(App *a, const CheckinResult *r, int rc);
int  app_result_was_out(const App *a);                 /* scr_badge_result.c */
void app_unknown_show(App *a, const BadgeUid *uid);    /* scr_unknown_badge.c */
void app_enrol_proved(App *a);
void app_fac_enter(App *a);                            /* scr_facilitator.c */
void app_fac_show(App *a, FacTab t);
void app_pin_set_start(App *a, int64_t member_id);     /* scr_pin.c */

/* scr_quote.c */
/* Member m makes a quote for mission id (badged in, or their badge
** answered "Faire un devis"): the quote screen, or why not. */
void app_quote_start(App *a, int64_t mission_id, const Member *m);
/* The poster's badge answered WAIT_QUOTE_ACCEPT for a->quote.accept_id. */
void app_quote_accept_badge(App *a, const Member *m);
/* The mission page's part: "Faire un devis", the member's own waiting
** quote, the quotes its poster received (mission m, as read). */
void app_quote_detail(App *a, const Mission *m, int is_poster);
/* WAIT_QUOTE_ACCEPT's line: which quote, whose, how much. */
void app_quote_wait_text(App *a, char *out, size_t outlen);
/* At a tap: the member's quotes accepted or declined since, told once:
** into a->result.quote_told (the number; "" none) and quote_accepted. */
void app_quote_told(App *a, const Member *m);
/* ACT_QUOTE and ACT_QUOTE_ACCEPT on the mission page; 0: not these. */
int  app_quote_mission_action(App *a, AppAction act, int64_t arg);

/* scr_post_mission.c */
void app_post_start(App *a, const Member *poster);
int  app_post_action(App *a, AppAction act, int64_t arg);
int  app_post_text(App *a, const char *utf8);
int  app_post_key(App *a, int key);
void app_post_render(App *a);
int  app_member_may_post(const Member *m);
/* On each tick: a kept draft past its time is wiped. */
void app_post_tick(App *a);

/* scr_pin.c, scr_facilitator.c, scr_unknown_badge.c */
void app_pin_start(App *a, PinPurpose why, const Member *staff, ScreenId back);
/* The wrong-PIN count and lock saved in the settings (app_new, and when
** the store comes back). */
void app_pin_load(App *a);
int  app_pin_action(App *a, AppAction act, int64_t arg);
void app_pin_render(App *a);
int  app_fac_action(App *a, AppAction act, int64_t arg);
int  app_fac_web_action(App *a, AppAction act);         /* scr_fac_web.c */
void app_fac_web_clear(App *a);
void app_fac_reload(App *a);
void app_fac_badge(App *a, const BadgeUid *uid);
void app_enrol_start(App *a, const BadgeUid *uid, int from_fac);
int  app_enrol_action(App *a, AppAction act, int64_t arg);
int  app_enrol_text(App *a, const char *utf8);
int  app_enrol_key(App *a, int key);
void app_enrol_render(App *a);
void app_staff_badge(App *a, const Member *m);

#endif
