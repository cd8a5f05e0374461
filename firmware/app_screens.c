/* app_screens.c -- which module runs which ScreenId: a table, not a
** switch. Adding a screen is one line here and one scr_*.c file. */
#include "app_screen.h"

/* Each defined in its scr_*.c. */
extern const AppScreen scr_accueil, scr_badge_result, scr_unknown_badge,
                       scr_member_home, scr_board, scr_mission,
                       scr_post_mission, scr_facilitator, scr_pin,
                       scr_out_of_service;

static const AppScreen *const screens[SCREEN_COUNT] = {
	[SCREEN_ACCUEIL]        = &scr_accueil,
	[SCREEN_BADGE_RESULT]   = &scr_badge_result,
	[SCREEN_UNKNOWN_BADGE]  = &scr_unknown_badge,
	[SCREEN_MEMBER_HOME]    = &scr_member_home,
	[SCREEN_BOARD]          = &scr_board,
	[SCREEN_MISSION]        = &scr_mission,
	[SCREEN_POST_MISSION]   = &scr_post_mission,
	[SCREEN_FACILITATOR]    = &scr_facilitator,
	[SCREEN_PIN]            = &scr_pin,
	[SCREEN_OUT_OF_SERVICE] = &scr_out_of_service,
};

const AppScreen *
app_screen(ScreenId s)
{
	if ((int)s < 0 || s >= SCREEN_COUNT || screens[s] == NULL)
		return screens[SCREEN_ACCUEIL];
	return screens[s];
}

const char *
app_screen_name(ScreenId s)
{
	if ((int)s < 0 || s >= SCREEN_COUNT)
		return "?";
	return app_screen(s)->name;
}
