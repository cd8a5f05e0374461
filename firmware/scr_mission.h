/* scr_mission.h -- a mission's page, its part of the view (scr_mission.c
** fills it, ui/screens/mission.c draws it). Included by app.h, after
** AppAction. */
#ifndef BORNE_SCR_MISSION_H
#define BORNE_SCR_MISSION_H

#include "borne.h"
#include "format.h"
#include "mission.h"

/* How taking a mission ended (view.detail.outcome). */
typedef enum MissionOutcome {
	OUTCOME_NONE = 0, OUTCOME_TAKEN, OUTCOME_REFUSED
} MissionOutcome;

typedef struct DetailView {
	Mission mission;
	char takers[4][BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	int  n_takers_shown;
	int  can_take, can_release, can_done, can_cancel;
	AppCardText mission_text;
	char poster_first[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	int  is_taker;           /* the session member holds a take */
	char take_pending[200];  /* their take waits for the hub: "Place
	                         ** réservée ici, en attente de confirmation
	                         ** : ..." (syncview.h); else "" */
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
} DetailView;

#endif
