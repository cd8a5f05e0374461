/* app.h -- the kiosk's state machine: the whole contract with the UI.
** The UI turns input into AppEvents and draws the AppView; it never calls
** store_* itself. Time is passed in (now_ms: a monotonic millisecond
** count for timeouts, now_utc: wall clock seconds for what is recorded
** and shown); the core never reads the clock. All text in the view is
** ready to draw, in the kiosk's language (i18n.h).
**
** One rule says what a badge tap means, on every screen: it is the answer
** to the question the screen asks (view.wait: "Je prends cette mission",
** "Terminée", the facilitator's badge, the badge to enrol...) when that
** question is still open (confirm_wait_s, then it expires by itself) and
** the badge is one it asked: the badged-in member's own when it was asked
** in their session, the first badge when it was asked to whoever stands
** at the screen (nobody badged in; the answer names whose badge it was).
** Every other tap is a check-in, on every screen, facilitator mode, the
** PIN pad and the post form included: where someone is busy (those and
** the enrolment form) the greeting shows as a message over their screen
** and their work stays theirs. Entering facilitator mode from Accueil
** ("Espace animation", then the facilitator's badge, then the PIN)
** answers a question and does not touch presence.
**
** Without a usable database (app_new with no store, app_out_of_service)
** the kiosk shows "Hors service" with the reason for facilitators and
** takes no tap; app_store_ready brings it back to Accueil. */
#ifndef BORNE_APP_H
#define BORNE_APP_H

#include <stddef.h>
#include <stdint.h>

#include "borne.h"
#include "checkin.h"
#include "format.h"
#include "member.h"
#include "mission.h"
#include "store.h"
#include "uid.h"

typedef struct App App;

typedef enum ScreenId {
	SCREEN_ACCUEIL = 0,
	SCREEN_BADGE_RESULT,
	SCREEN_UNKNOWN_BADGE,
	SCREEN_MEMBER_HOME,
	SCREEN_BOARD,
	SCREEN_MISSION,
	SCREEN_POST_MISSION,
	SCREEN_FACILITATOR,
	SCREEN_PIN,
	SCREEN_OUT_OF_SERVICE,   /* no usable database: the reason, retrying */
	SCREEN_COUNT
} ScreenId;

/* "accueil", "badge-result", ... as used by `expect-screen`. */
const char *app_screen_name(ScreenId s);

typedef struct AppConfig {
	AppLang lang;
	char space_name[128];
	char space_tagline[128];
	/* Durations in milliseconds, 64 bits: config_get_ms() of each key. */
	int64_t idle_timeout_ms; /* back to Accueil after this much silence */
	int64_t greeting_ms;     /* badge result stays this long, at least 15 s
	                         ** (the mockups' "dans 15 secondes"), then Accueil */
	int  pin_max_tries;
	int64_t pin_lock_ms;
	int  pin_digits;         /* a PIN set at the kiosk: digits asked for
	                         ** by default (6; 4 to 8 accepted) */
	int64_t confirm_wait_ms; /* a question answered by a badge expires
	                         ** after this (confirm_wait_s) */
	int64_t store_retry_ms;  /* out of service: the UI tries the database
	                         ** again this often (store_retry_s) */
	char export_dir[512];    /* "" : first writable /media/x/y */
	int  demo;               /* demo database: F1..F6 tap demo badges */
	/* The clock (clock.h): no true time is before build_utc; taps held
	** while the clock is not trusted are timed by the monotonic clock of
	** this boot: now_ms + mono_offset_ms since the boot boot_id ("" : the
	** app makes one up, good for this process only). */
	int64_t build_utc;
	int64_t mono_offset_ms;
	char boot_id[40];
	/* Lines of the config file set aside (a bad value: the default was
	** used), and the first of them, for facilitators to see. */
	int  config_problems;
	int  config_problem_line;
	char config_problem[200];
} AppConfig;

/* Fills cfg from config_def.h's defaults. */
void app_config_defaults(AppConfig *cfg);

typedef enum AppEventType {
	APP_EV_TICK = 0,         /* time passed: timeouts, clock */
	APP_EV_ACTIVITY,         /* a touch or key that hit nothing: resets idle */
	APP_EV_BADGE,            /* uid: a badge arrived on the reader */
	APP_EV_BADGE_REMOVED,
	APP_EV_READER,           /* arg 1: reader up, 0: lost; text: detail */
	APP_EV_ACTION,           /* action + arg: a widget was tapped */
	APP_EV_TEXT,             /* text: UTF-8 typed (keyboard key or SDL) */
	APP_EV_KEY,              /* key: APP_KEY_* */
	APP_EV_CLOCK,            /* arg: ClockSync, what the time service says */
	APP_EV_BADGE_SEVERAL     /* two badges on the reader at once: no tap */
} AppEventType;

typedef enum AppKey {
	APP_KEY_BACKSPACE = 1,
	APP_KEY_ENTER,
	APP_KEY_TAB,
	APP_KEY_ESCAPE,
	APP_KEY_UP,
	APP_KEY_DOWN,
	APP_KEY_PAGEUP,
	APP_KEY_PAGEDOWN
} AppKey;

/* What a tapped widget asks for. arg is said where it is used. */
typedef enum AppAction {
	ACT_NONE = 0,
	ACT_HOME,                /* "Terminé" / "Accueil": end session, Accueil */
	ACT_BACK,                /* "Retour": previous screen */
	ACT_CONTINUE,            /* badge result -> member home */
	ACT_BOARD,               /* "Voir les missions" */
	ACT_MY_MISSIONS,         /* "Mes missions": member home's list */
	ACT_POST,                /* "Proposer une mission" */
	ACT_OPEN_MISSION,        /* arg: mission id */
	ACT_TAKE,                /* "Je prends cette mission": then a badge,
	                         ** unless a member is badged in: then it is
	                         ** theirs at once */
	ACT_RELEASE,             /* "Je me retire": then a badge */
	ACT_MARK_DONE,           /* "Mission terminée": poster's badge */
	ACT_CANCEL_MISSION,      /* poster withdraws: poster's badge */
	ACT_CANCEL_WAIT,         /* stop waiting for a badge */
	ACT_FILTER,              /* arg: MissionCategory, -1 all */
	ACT_SEARCH,              /* focus the search field (keyboard opens) */
	ACT_SEARCH_CLEAR,
	ACT_SCROLL,              /* arg: rows, + down / - up (a row is
	                         ** view.board_columns cards, ACT_SET_COLUMNS) */
	ACT_FIELD,               /* arg: PostField / EnrolField to focus */
	ACT_NEXT,                /* form: next step ("Suivant") */
	ACT_PREV,                /* form: previous step */
	ACT_SET_CATEGORY,        /* arg: MissionCategory */
	ACT_SET_WHEN,            /* arg: WhenChoice */
	ACT_SET_DURATION,        /* arg: minutes */
	ACT_SET_PLACES,          /* arg: count */
	ACT_SET_REWARD_KIND,     /* arg: RewardKind */
	ACT_SET_REWARD_CENTS,    /* arg: cents (preset amounts) */
	ACT_TOGGLE_MINORS,
	ACT_PREVIEW,
	ACT_PUBLISH,
	ACT_KBD_LAYER,           /* arg: KbdLayer */
	ACT_ENROL,               /* "Enregistrer ce badge": staff badge + PIN */
	ACT_SET_ROLE,            /* arg: MemberRole */
	ACT_TOGGLE_MINOR,
	ACT_ENROL_SAVE,
	ACT_PIN_DIGIT,           /* arg: 0..9 */
	ACT_PIN_ERASE,
	ACT_PIN_OK,
	ACT_FACILITATOR,         /* "Espace animation": from a staff member's
	                         ** home the PIN; from Accueil (nobody badged
	                         ** in) the facilitator's badge first, which
	                         ** is no check-in */
	ACT_FAC_TAB,             /* arg: FacTab */
	ACT_APPROVE,             /* arg: mission id */
	ACT_REJECT,              /* arg: mission id; reason chosen next */
	ACT_REJECT_REASON,       /* arg: index into the preset reasons */
	ACT_EXPORT,              /* today's attendance CSV to the USB stick */
	ACT_LANG,                /* arg: AppLang */
	ACT_QUIT,                /* leave the kiosk (facilitator) */
	ACT_TYPE,                /* arg: Unicode code point typed on the on-screen keyboard */
	ACT_KEY,                 /* arg: AppKey (on-screen backspace, enter) */
	ACT_SET_COLUMNS,         /* arg: cards per row the board shows (default 2);
	                         ** ACT_SCROLL moves by rows of that many cards */
	ACT_SCROLL_TO,           /* arg: absolute board offset (scroll bar) */
	ACT_FOCUS,               /* arg 1: focus this step's text field (keyboard
	                         ** opens), 0: unfocus (keyboard closes) */
	ACT_REJECT_CANCEL,       /* facilitator: no reason after all */
	ACT_DAY_OPEN,            /* facilitator: make today a contributive day */
	ACT_CLOCK_CONFIRM,       /* facilitator: the time shown is right */
	ACT_PIN_SET              /* admin, facilitator mode: set the PIN of
	                         ** member arg (then typed twice on the pad) */
} AppAction;

typedef struct AppEvent {
	AppEventType type;
	AppAction action;        /* APP_EV_ACTION */
	int64_t   arg;           /* APP_EV_ACTION, APP_EV_READER */
	int       key;           /* APP_EV_KEY: AppKey */
	BadgeUid  uid;           /* APP_EV_BADGE */
	char      text[128];     /* APP_EV_TEXT, APP_EV_READER */
} AppEvent;

/* Feedback the UI gives at once: a tone and a flash. cue_seq grows by one
** each time a cue is raised, so the UI plays each cue exactly once. */
typedef enum AppCue { CUE_NONE = 0, CUE_SUCCESS, CUE_UNKNOWN, CUE_REFUSED } AppCue;

typedef enum KbdLayer { KBD_LOWER = 0, KBD_UPPER, KBD_SYMBOLS } KbdLayer;

/* A text field being edited. */
typedef struct TextFieldView {
	char label[96];
	char text[BORNE_CH_BYTES(BORNE_DESC_MAX_CH)];
	char hint[160];          /* help under the field */
	char error[160];         /* "" or why the value is refused */
	int  n_chars, max_chars;
	int  focused;
	int  multiline;
} TextFieldView;

/* How taking a mission ended (view.detail.outcome). */
typedef enum MissionOutcome {
	OUTCOME_NONE = 0, OUTCOME_TAKEN, OUTCOME_REFUSED
} MissionOutcome;

typedef enum PostStep {
	POST_TITLE = 0, POST_DESCRIPTION, POST_CATEGORY, POST_WHEN,
	POST_DURATION, POST_REWARD, POST_PREVIEW, POST_STEP_COUNT
} PostStep;

typedef enum WhenChoice {
	WHEN_TODAY = 0, WHEN_TOMORROW, WHEN_THIS_WEEK, WHEN_NEXT_WEEK,
	WHEN_FLEXIBLE, WHEN_COUNT
} WhenChoice;

typedef enum FacTab { FAC_PRESENT = 0, FAC_PENDING, FAC_ENROL, FAC_DAY,
                      FAC_EXPORT, FAC_READER,
                      FAC_PINS,  /* admins: staff and their PINs */
                      FAC_TAB_COUNT } FacTab;

typedef enum WaitFor {
	WAIT_NONE = 0,
	WAIT_TAKE,               /* badge of whoever takes the mission */
	WAIT_RELEASE,
	WAIT_DONE,               /* poster's or staff badge */
	WAIT_CANCEL,
	WAIT_POSTER,             /* who posts: badge before the form */
	WAIT_STAFF,              /* facilitator badge (enrol, facilitator mode) */
	WAIT_NEW_BADGE           /* facilitator mode: the badge to enrol */
} WaitFor;

#define APP_BOARD_WINDOW   24   /* cards the view holds at once */
#define APP_LIST_MAX       64   /* present people, pending missions */
#define APP_NEWS_MAX       4    /* newest open missions on Accueil (1080p) */
#define APP_MY_MAX         64   /* "Mes missions": a member's unfinished ones */

/* Chips of the post form, in the order they are shown. */
#define APP_N_DURATIONS      6
extern const int app_duration_choices_min[APP_N_DURATIONS]; /* 30 .. 480 */
#define APP_N_REWARD_PRESETS 6
extern const int app_reward_presets_cents[APP_N_REWARD_PRESETS]; /* 5..45 EUR */
#define APP_PLACES_CHIPS     5    /* chips 1..5 people */
#define APP_N_REJECT_REASONS 4    /* preset reasons, view.reject_reasons */


typedef struct AppPerson {
	int64_t member_id;
	char name[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	char role[48];           /* translated, e.g. "Coopératrice" */
	char since[16];          /* "9 h 12" */
	char safety[48];         /* a minor's flag: "Pause à faire", or "" */
} AppPerson;

typedef struct AppView {
	ScreenId screen;
	AppLang  lang;
	int      quit;           /* the UI leaves its loop */
	int      demo;

	/* On every screen. */
	char clock[16];          /* "10:42" */
	char date_long[64];      /* "Mardi 10 décembre" */
	char space_name[128], space_tagline[128];
	int  reader_ok;          /* 0: the discreet "reader lost" banner */
	char reader_status[160]; /* "Lecteur : connecté" / "... déconnecté" */
	char reader_last[96];    /* "Dernier badge à 10 h 15" */
	AppCue   cue;
	unsigned cue_seq;
	char toast[200];         /* transient message, "" for none */
	/* A read for this screen failed: "La borne a un problème, prévenez
	** l'équipe d'animation.", and in facilitator mode the reason; ""
	** when all was read. The lists it left empty are not "none". */
	char problem[200];
	char problem_detail[300];
	int  idle_left_s;        /* seconds before Accueil ("Retour dans 15 s") */

	/* The member badged in, if any (cleared on Accueil). */
	int  has_member;
	Member member;
	char first_name[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	int  can_post;           /* session member may post (coworker, staff) */
	int  post_needs_approval; /* and a facilitator approves it first */
	int  is_staff;           /* session member is facilitator/admin */
	char idle_text[96];      /* "Retour à l'accueil dans 15 secondes" */

	/* Waiting for a badge: what for, and the line that says so. */
	WaitFor wait;
	char    wait_text[160];
	int     wait_left_s;     /* seconds before the question expires */

	/* On every screen: the day and who is here (Accueil, the top bar). */
	int  present_count;
	int  has_day;
	char day_title[BORNE_CH_BYTES(BORNE_DAYTITLE_MAX_CH)];
	char day_hours[48];      /* "9 h – 17 h" */
	char present_text[64];   /* "12 personnes présentes" */
	int  board_columns;      /* cards per row (ACT_SET_COLUMNS), default 2 */

	/* Keyboard (post, search, enrolment name). */
	int  kbd_visible;
	KbdLayer kbd_layer;

	/* The clock, for facilitators (app_clock.c). */
	int  clock_trusted;      /* 0: taps are held until the time is known */
	int  clock_confirmable;  /* a facilitator may say the time is right */
	char clock_status[200];  /* "Heure fiable" / "Heure non fiable : ..." */
	char config_note[120];   /* "borne.conf : 2 réglages ignorés" or "" */
	char config_detail[200]; /* the first, as the config file reader said */
	char clock_detail[200];  /* "3 passages attendent l'heure" or "" */

	/* Each screen module's own part (firmware/scr_*.c), cleared by it. */
	/* SCREEN_ACCUEIL: the newest open missions */
	struct {
		MissionCard news[APP_NEWS_MAX];   /* newest open missions */
		AppCardText news_text[APP_NEWS_MAX];
		int  n_news;
		int  open_count;         /* open missions on the board (passer-by view) */
	} accueil;
	/* SCREEN_BADGE_RESULT */
	struct {
		CheckinOutcome outcome;
		char greeting[200];      /* "Bonjour Inès !" / "À bientôt Inès" */
		char greeting_detail[200]; /* "Arrivée enregistrée à 9 h 12" / "6 h 40 aujourd'hui" */
		char greeting_extra[200];  /* out: "Départ à 15 h 52"; else "" */
		char greeting_note[200];   /* "Votre prochaine mission : ..." or
		                           ** "Merci pour votre aide : Chantier peinture" */
		int  result_error;       /* 1: the tap was NOT saved (storage error) */
	} result;
	/* SCREEN_MEMBER_HOME: missions taken or posted by the member, full
	** ones included (only here can their poster reach them). */
	struct {
		MissionCard my[APP_MY_MAX];
		AppCardText my_text[APP_MY_MAX];
		int  n_my;
		int  my_offset;          /* first row shown: ACT_SCROLL (rows) and
		                         ** ACT_SCROLL_TO (a row) move it, 0..n_my-1 */
	} home;
	/* SCREEN_BOARD */
	struct {
		int  filter;             /* MissionCategory or -1 */
		TextFieldView search;
		MissionCard cards[APP_BOARD_WINDOW];
		AppCardText cards_text[APP_BOARD_WINDOW];
		int  n_cards;            /* cards[0] is result number board_offset */
		int  board_offset, board_total;
		int  minors_only;        /* a minor is badged in */
		int  everywhere_total;   /* a search inside a category: its results
		                         ** in all of them ("Chercher partout (N)") */
	} board;
	/* SCREEN_MISSION */
	struct {
		Mission mission;
		char takers[4][BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
		int  n_takers_shown;
		int  can_take, can_release, can_done, can_cancel;
		AppCardText mission_text;
		char poster_first[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
		int  is_taker;           /* the session member holds a take */
		int  desc_line;          /* first line of the description shown:
		                         ** ACT_SCROLL (lines) and ACT_SCROLL_TO
		                         ** (a line) move it; the UI shows the last
		                         ** page when it is past the end */
		/* Taking it ends on a screen of its own, not a toast: taken
		** (what, when, where, who to ask; "Mes missions" / "Terminé")
		** or refused (why, and the next step). Cleared by "Retour" and
		** on leaving the screen. */
		MissionOutcome outcome;
		char outcome_title[200];  /* "C’est noté Mamadou : ..." */
		char outcome_reason[200]; /* refused: why, in plain words */
		char outcome_ask[200];    /* taken: who to ask, by first name */
		AppAction outcome_next;   /* refused: the next step, or ACT_NONE */
		char outcome_next_label[120];
	} detail;
	/* SCREEN_POST_MISSION */
	struct {
		PostStep post_step;
		MissionDraft draft;
		TextFieldView field;     /* the text field of this step */
		WhenChoice when;
		char post_error[200];    /* validation message of this step */
		int  needs_approval;     /* publishing makes it pending */
		char post_step_label[96];  /* "Étape 1 sur 6 · Titre de la mission" */
		AppCardText draft_text;  /* the draft as a card (preview, chips) */
	} post;
	/* SCREEN_UNKNOWN_BADGE and enrolment */
	struct {
		char raw_uid[UID_HEX_SIZE];  /* what the new card reads as */
		int  enrolling;          /* staff proved: name and role form shown */
		TextFieldView enrol_name;
		MemberRole enrol_role;
		int  enrol_minor;
		char enrol_error[200];
	} enrol;
	/* SCREEN_PIN */
	struct {
		int  pin_len;            /* digits typed (shown as dots) */
		int  pin_setting;        /* 0: proving oneself; 1: a new PIN, first
		                         ** time; 2: the same again (admin, FAC_PINS) */
		int  pin_digits;         /* dots shown at least (4; 6 for a new PIN) */
		char pin_title[160];     /* "" : the usual title; "Nouveau code pour X" */
		char pin_prompt[160];    /* "" : the usual prompt */
		int  pin_locked_s;       /* > 0: locked, seconds left */
		char pin_msg[160];       /* "Code incorrect, 2 essais restants" */
		int  pin_tries_left;
		int  pin_min_digits;     /* OK waits for these many (said above) */
	} pin;
	/* SCREEN_FACILITATOR */
	struct {
		FacTab fac_tab;
		AppPerson present[APP_LIST_MAX];
		int  n_present;
		int  present_offset;     /* first one shown; ACT_SCROLL moves it */
		MissionCard pending[APP_LIST_MAX];
		AppCardText pending_text[APP_LIST_MAX];
		int  n_pending;
		char reject_reasons[APP_N_REJECT_REASONS][96];
		int64_t rejecting;       /* mission id waiting for a reason, 0 none */
		char export_msg[300];    /* result of the last export */
		int  fac_is_admin;       /* the facilitator is an admin: FAC_PINS */
		AppPerson staff[APP_LIST_MAX];  /* FAC_PINS: facilitators and admins */
		int  staff_has_pin[APP_LIST_MAX];
		int  n_staff;
	} fac;
	/* SCREEN_OUT_OF_SERVICE: for facilitators, in plain words */
	struct {
		char oos_reason[160];    /* "Disque plein", "Base de données en lecture seule" */
		char oos_path[512];      /* the database file */
		char oos_detail[300];    /* what SQLite said, as is */
		char oos_retry[160];     /* "Nouvel essai toutes les 5 secondes..." */
	} oos;
} AppView;

/* Makes an app on an open store (borrowed: the caller closes it after
** app_free). st NULL: out of service until app_store_ready. Returns
** BORNE_OK or BORNE_ENOMEM; *out NULL on error. */
int  app_new(Store *st, const AppConfig *cfg, int64_t now_ms, int64_t now_utc,
             App **out);
void app_free(App *app);                                 /* NULL-safe */

/* The database cannot be used (rc: BORNE_EFULL, BORNE_EREADONLY,
** BORNE_ECORRUPT, BORNE_EBUSY, BORNE_EIO...): "Hors service" with the
** reason, the path and detail (may be NULL). The app lets go of its store
** (the caller closes it). */
void app_out_of_service(App *app, int rc, const char *path,
                        const char *detail);
/* A store that opened and takes writes: back to Accueil. */
void app_store_ready(App *app, Store *st, int64_t now_ms, int64_t now_utc);

/* Handles one event. Returns 1 when the view changed (redraw), 0 when
** not. now_ms is monotonic; now_utc the wall clock. */
int  app_handle(App *app, const AppEvent *ev, int64_t now_ms, int64_t now_utc);

/* The view to draw, borrowed until the next app_handle. */
const AppView *app_view(const App *app);

/* Milliseconds until the app next needs a TICK (clock minute, greeting,
** idle timeout, toast end, a question's countdown and end), so the UI can
** sleep exactly that long. */
int  app_next_tick_ms(const App *app, int64_t now_ms);

#endif
