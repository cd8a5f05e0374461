/* scr_member_home.h -- the member's home's part of the view
** (scr_member_home.c fills it, ui/screens/member_home.c draws it): the
** missions the member took or posted. */
#ifndef BORNE_SCR_MEMBER_HOME_H
#define BORNE_SCR_MEMBER_HOME_H

#include "format.h"
#include "mission.h"
#include "screen_view.h"

typedef struct HomeView {
	MissionCard my[APP_BOARD_WINDOW];
	AppCardText my_text[APP_BOARD_WINDOW];
	int  n_my;
} HomeView;

#endif
