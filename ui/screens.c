/* screens.c -- which screen draws which ScreenId: a table, not a switch,
** made from firmware/screens.def: the line there names the ScreenOps
** MODULE_screen that ui/screens/MODULE.c defines. */
#include "ui.h"
#include "ui_internal.h"

static const ScreenOps *const screens[SCREEN_COUNT] = {
#define SCREEN(id, module, view_type, view) [SCREEN_##id] = &module##_screen,
#include "screens.def"
};

const ScreenOps *
ui_screen_ops(ScreenId s)
{
	if ((int)s < 0 || s >= SCREEN_COUNT)
		return screens[SCREEN_ACCUEIL];
	return screens[s];
}
