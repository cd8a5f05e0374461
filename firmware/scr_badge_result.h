/* scr_badge_result.h -- the badge result's part of the view
** (scr_badge_result.c fills it, ui/screens/badge_result.c draws it): the
** greeting of a check-in or check-out. */
#ifndef BORNE_SCR_BADGE_RESULT_H
#define BORNE_SCR_BADGE_RESULT_H

#include "checkin.h"
#include "screen_view.h"

typedef struct ResultView {
	CheckinOutcome outcome;
	char greeting[200];      /* "Bonjour Inès !" / "À bientôt Inès" */
	char greeting_detail[200]; /* "Arrivée enregistrée à 9 h 12" / "6 h 40 aujourd'hui" */
	char greeting_extra[200];  /* out: "Départ à 15 h 52"; else "" */
	char greeting_note[320];   /* "Votre prochaine mission : ..." or
	                           ** "Merci pour votre aide : Chantier peinture" */
	int  result_error;       /* 1: the tap was NOT saved (storage error) */
	StreamChoiceView streams; /* after an arrival on a day with streams */
} ResultView;

#endif
