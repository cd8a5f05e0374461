/* app_screen.h -- one kiosk screen, one module: the operations each
** screen of the state machine answers, and the table that names them.
** Private to the state machine (app.c and the scr_*.c files). app.c
** looks the screen on show up in app_screens.c's table (made from
** screens.def) and asks it; a screen that leaves an operation NULL gets
** the kiosk's usual answer (said at each member). Each module keeps its
** own fields (its part of the view in scr_NAME.h) and clears them in its
** clear(): no function knows another module's fields. */
#ifndef BORNE_APP_SCREEN_H
#define BORNE_APP_SCREEN_H

#include <stdint.h>

#include "app.h"

typedef struct AppScreen {
	const char *name;        /* "accueil", as `expect-screen` says it */
	/* Milliseconds the screen stays without input before Accueil, given
	** the configured idle time; 0: never. NULL: the idle time. */
	int64_t (*timeout)(const App *a, int64_t idle_ms);
	/* A tapped widget. 1: handled (the view changed); 0: not this
	** screen's, the kiosk's usual actions apply. NULL: none of its own. */
	int  (*action)(App *a, AppAction act, int64_t arg);
	/* Typed text, a key. 1: handled; 0: not (NULL: nothing typed here;
	** Escape then goes back). */
	int  (*text)(App *a, const char *utf8);
	int  (*key)(App *a, int key);
	/* A badge tap, before the kiosk's one rule (app.h) applies. answers:
	** the tap answers the question on screen. 1: the screen took it;
	** 0: the rule applies (an answer, else a check-in). */
	int  (*badge)(App *a, const BadgeUid *uid, int answers);
	/* "Retour" with no question open. NULL: Accueil. */
	void (*back)(App *a);
	/* The screen is left for another (not for going idle: clear). */
	void (*leave)(App *a);
	/* Rebuilds the screen's part of the view from the store (in v.lang).
	** Never changes what the person chose or typed. */
	void (*reload)(App *a);
	/* Forgets everything a person left in this module (names, forms,
	** digits): called for every module on going idle. */
	void (*clear)(App *a);
	/* Someone's work is on screen, which a check-in must not take from
	** them (the greeting shows as a message). NULL: no. */
	int  (*busy)(const App *a);
} AppScreen;

/* The module of screen s (Accueil's for a bad id). */
const AppScreen *app_screen(ScreenId s);

#endif
