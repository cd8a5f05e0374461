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

/* The screens, in screens.def's order: SCREEN_ACCUEIL ... SCREEN_COUNT. */
typedef enum ScreenId {
#define SCREEN(id, module, view_type, view) SCREEN_##id,
#include "screens.def"
	SCREEN_COUNT
} ScreenId;

/* "accueil", "badge-result", ... as used by `expect-screen`. */
const char *app_screen_name(ScreenId s);

/* The settings row where the kiosk keeps its reader's last change of
** state, for the back office: "lost UTC detail" or "ok UTC ". */
#define APP_READER_SETTING "reader.state"

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
	char web_listen[64];     /* borne-web's ADDR:PORT (web_listen): the
	                         ** address facilitator mode shows */
	int  web_tls;            /* borne-web serves HTTPS (web_tls_cert and
	                         ** web_tls_key set): the address says https */
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
	ACT_ENROL_MINOR,         /* arg 1: the new member is under 18, 0: not */
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
	ACT_PIN_SET,             /* admin, facilitator mode: set the PIN of
	                         ** member arg (then typed twice on the pad) */
	/* Work streams and the heat alert (issue 15): */
	ACT_STREAM,              /* arg: index of view's StreamChoiceView
	                         ** choice: the member joins that stream */
	ACT_HEAT,                /* facilitator: arg 1 heat alert on today, 0 off */
	/* The back office (scr_fac_web.c): */
	ACT_WEB_CODE,            /* facilitator: a one-time code for borne-web */
	ACT_WEB_END,             /* facilitator: end every borne-web session */
	/* Drafts and quicker posting (issue 11, items 4, 7, 13). */
	ACT_STAY,                /* "Je suis encore là": the idle warning
	                         ** (view.idle_warn) goes, the time restarts */
	ACT_DISCARD,             /* post form, after "Annuler" with typed text:
	                         ** arg 1 erase the draft and leave, 0 go on */
	ACT_SET_MINORS,          /* arg 1: open to under-18s, 0: not */
	ACT_TEMPLATE,            /* arg: id of a mission the poster posted
	                         ** before, or of a usual job (PostView's
	                         ** usual_id), the start of this one */
	ACT_DRAFT_RESUME,        /* arg 1: take the kept draft back, 0: a new
	                         ** mission (the kept draft is forgotten) */
	/* Quotes (issue 15, scr_quote.c). */
	ACT_QUOTE,               /* "Faire un devis" on a mission's page: the
	                         ** quote screen (a badge first, unless a
	                         ** member is badged in) */
	ACT_QUOTE_SEND,          /* quote screen: "Envoyer le devis" */
	ACT_QUOTE_ACCEPT         /* arg: quote id; the poster's badge next */
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

typedef enum KbdLayer { KBD_LOWER = 0, KBD_UPPER, KBD_SYMBOLS,
                       KBD_NUMPAD   /* an amount: digits, the comma, erase */
} KbdLayer;

typedef enum WaitFor {
	WAIT_NONE = 0,
	WAIT_TAKE,               /* badge of whoever takes the mission */
	WAIT_RELEASE,
	WAIT_DONE,               /* poster's or staff badge */
	WAIT_CANCEL,
	WAIT_POSTER,             /* who posts: badge before the form */
	WAIT_STAFF,              /* facilitator badge (enrol, facilitator mode) */
	WAIT_NEW_BADGE,          /* facilitator mode: the badge to enrol */
	WAIT_QUOTE,              /* badge of who makes a quote */
	WAIT_QUOTE_ACCEPT        /* poster's badge: accept the quote */
} WaitFor;

#define APP_IDLE_WARN_MS     20000 /* the warning before the idle reset */
#define APP_DRAFT_KEEP_MS    600000 /* a badge's last draft is kept 10 min */

/* Each screen's part of the view (screens.def lists the screens); here,
** as they use the types above. */
#include "scr_accueil.h"
#include "scr_badge_result.h"
#include "scr_unknown_badge.h"
#include "scr_member_home.h"
#include "scr_board.h"
#include "scr_mission.h"
#include "scr_quote.h"
#include "scr_post_mission.h"
#include "scr_facilitator.h"
#include "scr_pin.h"
#include "scr_out_of_service.h"

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
	/* Someone is identified or has typed and the idle reset is near
	** (the last APP_IDLE_WARN_MS): "Vous êtes toujours là ?" over the
	** screen with idle_text counting down and "Je suis encore là"
	** (ACT_STAY). WCAG 2.2.1. */
	int  idle_warn;

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
	char sync_status[120];   /* "Pas synchronisée depuis ..." when this
	                         ** kiosk syncs with a hub and has not for
	                         ** an hour or failed (docs/sync.md), else "" */
	char sync_detail[160];   /* "Mise à jour requise · Badges pris
	                         ** ailleurs : 2", or "" (syncview.h) */

	/* Each screen module's own part (firmware/scr_*.c, its struct in
	** scr_*.h), cleared by it: v->board.cards, v->pin.pin_len... */
#define SCREEN(id, module, view_type, view) view_type view;
#include "screens.def"
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
