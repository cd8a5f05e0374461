/* scr_board.h -- the board's part of the view (scr_board.c fills it,
** ui/screens/board.c draws it): a window of the missions found. */
#ifndef BORNE_SCR_BOARD_H
#define BORNE_SCR_BOARD_H

#include "format.h"
#include "mission.h"
#include "screen_view.h"

typedef struct BoardView {
	int  filter;             /* MissionCategory or -1 */
	TextFieldView search;
	MissionCard cards[APP_BOARD_WINDOW];
	AppCardText cards_text[APP_BOARD_WINDOW];
	int  n_cards;            /* cards[0] is result number board_offset */
	int  board_offset, board_total;
	int  minors_only;        /* a minor is badged in */
	char heat_note[240];     /* a minor in the heat alert's hours: why
	                         ** no outdoor mission is offered, or "" */
	int  everywhere_total;   /* a search inside a category: its results
	                         ** in all of them ("Chercher partout (N)") */
	int  board_more;         /* a search not counted to the end: more
	                         ** than board_total - 1 (mission_search_more) */
	int  everywhere_more;    /* the same for everywhere_total */
} BoardView;

#endif
