/* scr_pin.h -- the PIN pad's part of the view (scr_pin.c fills it,
** ui/screens/pin.c draws it): dots, never the digits. */
#ifndef BORNE_SCR_PIN_H
#define BORNE_SCR_PIN_H

typedef struct PinView {
	int  pin_len;            /* digits typed (shown as dots) */
	int  pin_setting;        /* 0: proving oneself; 1: a new PIN, first
	                         ** time; 2: the same again (admin, FAC_PINS) */
	int  pin_digits;         /* dots shown at least (4; 6 for a new PIN) */
	int  pin_min_digits;     /* OK waits for these many (said above) */
	char pin_title[160];     /* "" : the usual title; "Nouveau code pour X" */
	char pin_prompt[160];    /* "" : the usual prompt */
	int  pin_locked_s;       /* > 0: locked, seconds left */
	char pin_msg[160];       /* "Code incorrect, 2 essais restants" */
	int  pin_tries_left;
} PinView;

#endif
