/* scr_post_mission.h -- posting a mission, its part of the view
** (scr_post_mission.c fills it, ui/screens/post_mission.c draws it): the
** steps of the form and the chips each offers. */
#ifndef BORNE_SCR_POST_MISSION_H
#define BORNE_SCR_POST_MISSION_H

#include "format.h"
#include "mission.h"
#include "screen_view.h"

typedef enum PostStep {
	POST_TITLE = 0, POST_DESCRIPTION, POST_CATEGORY, POST_WHEN,
	POST_DURATION, POST_REWARD, POST_PREVIEW, POST_STEP_COUNT
} PostStep;

typedef enum WhenChoice {
	WHEN_TODAY = 0, WHEN_TOMORROW, WHEN_THIS_WEEK, WHEN_NEXT_WEEK,
	WHEN_FLEXIBLE, WHEN_COUNT
} WhenChoice;

/* Chips of the post form, in the order they are shown. */
#define APP_N_DURATIONS      6
extern const int app_duration_choices_min[APP_N_DURATIONS]; /* 30 .. 480 */
#define APP_N_REWARD_PRESETS 6
extern const int app_reward_presets_cents[APP_N_REWARD_PRESETS]; /* 5..45 EUR */
#define APP_PLACES_CHIPS     5    /* chips 1..5 people */
#define APP_N_TEMPLATES      3    /* the poster's earlier missions offered */
#define APP_N_USUAL_BUILTIN  7    /* usual jobs the kiosk knows, one a category */
#define APP_N_USUAL_RECENT   3    /* the space's recent missions by others */
#define APP_N_USUAL (APP_N_USUAL_BUILTIN + APP_N_USUAL_RECENT)

typedef struct PostView {
	PostStep post_step;
	MissionDraft draft;
	TextFieldView field;     /* the text field of this step */
	WhenChoice when;
	char post_error[200];    /* validation message of this step */
	int  needs_approval;     /* publishing makes it pending */
	char post_step_label[96];  /* "Étape 1 sur 6 · Titre de la mission" */
	AppCardText draft_text;  /* the draft as a card (preview, chips) */
	/* The reward step's two questions have no default: the form
	** goes on once both are answered. */
	int  reward_chosen;      /* a payment type was chosen */
	int  minors_chosen;      /* open to under-18s: yes or no said */
	int  confirm_discard;    /* "Annuler" with text typed: "Effacer ?" */
	/* The poster's draft kept from before (idle, left): offered back
	** on the title step until taken or refused (ACT_DRAFT_RESUME). */
	int  draft_offer;
	char draft_offer_title[BORNE_CH_BYTES(BORNE_TITLE_MAX_CH)];
	/* The poster's earlier missions, newest first (ACT_TEMPLATE). */
	int  n_templates;
	int64_t template_id[APP_N_TEMPLATES];
	char template_title[APP_N_TEMPLATES][BORNE_CH_BYTES(BORNE_TITLE_MAX_CH)];
	/* Usual jobs, for a first-time poster above all (issue 11, item 13):
	** the kiosk's own list in the person's language ("Réparer un vélo"),
	** then the space's recent missions by others, titles not already
	** offered above. usual_id: ACT_TEMPLATE's arg, a mission's id (> 0)
	** or -(k + 1) for the kiosk's usual job k. The UI shows those that
	** fit, in this order. */
	int  n_usual;
	int64_t usual_id[APP_N_USUAL];
	char usual_title[APP_N_USUAL][BORNE_CH_BYTES(BORNE_TITLE_MAX_CH)];
} PostView;

#endif
