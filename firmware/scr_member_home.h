/* scr_member_home.h -- the member's home's part of the view
** (scr_member_home.c fills it, ui/screens/member_home.c draws it): the
** missions the member took or posted. */
#ifndef BORNE_SCR_MEMBER_HOME_H
#define BORNE_SCR_MEMBER_HOME_H

#include "format.h"
#include "mission.h"
#include "screen_view.h"

#define APP_MY_MAX         64   /* "Mes missions": a member's unfinished ones */

/* Missions taken or posted by the member, full ones included (only here
** can their poster reach them). */
typedef struct HomeView {
	MissionCard my[APP_MY_MAX];
	AppCardText my_text[APP_MY_MAX];
	int  n_my;
	int  my_offset;          /* first row shown: ACT_SCROLL (rows) and
	                         ** ACT_SCROLL_TO (a row) move it, 0..n_my-1 */
	StreamChoiceView streams; /* in on a day with streams: change it */
} HomeView;

#endif
