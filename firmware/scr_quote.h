/* scr_quote.h -- making a quote ("Faire un devis") for a mission with
** "Prix à discuter", its part of the view (scr_quote.c fills it,
** ui/screens/quote.c draws it): hours, hourly rate and supplies typed on
** the number pad, then the lines of the quote with each step of the sum,
** then the confirmation. The mission page reads the quotes part too:
** whether "Faire un devis" is offered, and the quotes its poster
** received. */
#ifndef BORNE_SCR_QUOTE_H
#define BORNE_SCR_QUOTE_H

#include <stdint.h>

#include "borne.h"
#include "quote.h"
#include "screen_view.h"

typedef enum QuoteStep {
	QSTEP_HOURS = 0, QSTEP_RATE, QSTEP_SUPPLIES, QSTEP_REVIEW, QSTEP_SENT,
	QSTEP_COUNT
} QuoteStep;

#define APP_QUOTES_SHOWN 4   /* quotes received, on the mission page */

/* A quote the poster received: "D2026-0001", "Léa", the sum, the TTC. */
typedef struct QuoteReceivedView {
	int64_t id;
	char number[32];
	char who[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	char sum[120];           /* "2,5 h × 14,00 € + 5,00 € de fournitures" */
	char ttc[48];            /* "48,00 € TTC" */
} QuoteReceivedView;

typedef struct QuoteView {
	QuoteStep step;
	char step_label[96];     /* "Étape 1 sur 3 · Heures de travail" */
	char mission_title[BORNE_CH_BYTES(BORNE_TITLE_MAX_CH)];
	char author_first[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	TextFieldView field;     /* the amount of this step, on the number pad */
	char hours[16], rate[16], supplies[16];   /* as typed: "2,5" */
	/* The quote so far: the lines whose inputs are known. */
	int  n_lines;
	QuoteLine lines[QUOTE_LINES];   /* quote_lines() */
	/* Beside the rate: the neighbourhood's fair range for the
	** category, and a word when the rate is under or over it. */
	char fair_range[120];    /* "Prix juste du quartier : 12 € à 20 € de l'heure" */
	int  fair_side;          /* -1 under, 0 within or not typed, 1 over */
	char fair_note[200];
	char error[200];         /* why "Suivant" or "Envoyer" said no */
	/* Sent: the number and what happens next. */
	char number[32];
	char sent_title[120];
	char sent_next[300];

	/* On the mission page (scr_mission.c asks scr_quote.c). */
	int  can_quote;          /* "Faire un devis" offered */
	char mine[200];          /* "Votre devis D2026-0003 attend ..." or "" */
	int  n_received;         /* waiting quotes, for the poster and staff */
	int  n_received_all;     /* ... all of them (n_received are shown) */
	char received_title[96]; /* "Devis reçus (2)" */
	QuoteReceivedView received[APP_QUOTES_SHOWN];
} QuoteView;

#endif
