/* scr_mission.h -- a mission's page, its part of the view (scr_mission.c
** fills it, ui/screens/mission.c draws it). */
#ifndef BORNE_SCR_MISSION_H
#define BORNE_SCR_MISSION_H

#include "borne.h"
#include "format.h"
#include "mission.h"

typedef struct DetailView {
	Mission mission;
	char takers[4][BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	int  n_takers_shown;
	int  can_take, can_release, can_done, can_cancel;
	AppCardText mission_text;
	char poster_first[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	int  is_taker;           /* the session member holds a take */
} DetailView;

#endif
