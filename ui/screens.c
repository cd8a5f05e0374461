/* screens.c -- which screen draws which ScreenId: a table, not a switch.
** Adding a screen is one line here and one ScreenOps in screens/. */
#include "ui.h"
#include "ui_internal.h"

static const ScreenOps *const screens[SCREEN_COUNT] = {
	[SCREEN_ACCUEIL]      = &accueil_screen,
	[SCREEN_BADGE_RESULT] = &badge_result_screen,
	[SCREEN_UNKNOWN_BADGE] = &unknown_badge_screen,
	[SCREEN_MEMBER_HOME]  = &member_home_screen,
	[SCREEN_BOARD]        = &board_screen,
	[SCREEN_MISSION]      = &mission_screen,
	[SCREEN_POST_MISSION] = &post_mission_screen,
	[SCREEN_FACILITATOR]  = &facilitator_screen,
	[SCREEN_PIN]          = &pin_screen,
	[SCREEN_OUT_OF_SERVICE] = &out_of_service_screen,
};

const ScreenOps *
ui_screen_ops(ScreenId s)
{
	if ((int)s < 0 || s >= SCREEN_COUNT)
		return screens[SCREEN_ACCUEIL];
	return screens[s];
}
