/* scr_accueil.h -- Accueil's part of the view (scr_accueil.c fills it,
** ui/screens/accueil.c draws it): the newest open missions. */
#ifndef BORNE_SCR_ACCUEIL_H
#define BORNE_SCR_ACCUEIL_H

#include "format.h"
#include "mission.h"

#define APP_NEWS_MAX       4    /* newest open missions on Accueil (1080p) */

typedef struct AccueilView {
	MissionCard news[APP_NEWS_MAX];   /* newest open missions */
	AppCardText news_text[APP_NEWS_MAX];
	int  n_news;
	int  open_count;         /* open missions on the board (passer-by view) */
} AccueilView;

#endif
