/* app_screens.c -- which module runs which ScreenId: a table, not a
** switch, made from screens.def (adding a screen is a line there). */
#include "app_screen.h"

/* Each defined in its scr_*.c. */
#define SCREEN(id, module, view_type, view) extern const AppScreen scr_##module;
#include "screens.def"

static const AppScreen *const screens[SCREEN_COUNT] = {
#define SCREEN(id, module, view_type, view) [SCREEN_##id] = &scr_##module,
#include "screens.def"
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
