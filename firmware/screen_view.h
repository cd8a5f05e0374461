/* screen_view.h -- what the screens' parts of the view (scr_*.h) are made
** of: a text field being edited, a person in a list, the size of a window
** of cards. Included by app.h; the UI reads them through AppView. */
#ifndef BORNE_SCREEN_VIEW_H
#define BORNE_SCREEN_VIEW_H

#include <stdint.h>

#include "borne.h"

#define APP_BOARD_WINDOW   24   /* cards the view holds at once */

/* A text field being edited. */
typedef struct TextFieldView {
	char label[96];
	char text[BORNE_CH_BYTES(BORNE_DESC_MAX_CH)];
	char hint[160];          /* help under the field */
	char error[160];         /* "" or why the value is refused */
	int  n_chars, max_chars;
	int  focused;
	int  multiline;
} TextFieldView;

typedef struct AppPerson {
	int64_t member_id;
	char name[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	char role[48];           /* translated, e.g. "Coopératrice" */
	char since[16];          /* "9 h 12" */
	char safety[48];         /* a minor's flag: "Pause à faire", or "" */
} AppPerson;

/* The work stream a member joins on a contributive day (stream.h), as
** the greeting and the member's home ask it: one tap on a choice joins
** it (ACT_STREAM, arg: the index). The first choice may be "Comme la
** dernière fois (Chantier)". n 0: nothing to ask. */
#define APP_STREAM_CHOICES 17   /* the day's 16 and "comme la dernière fois" */
typedef struct StreamChoiceView {
	int  n;
	char question[96];       /* "Aujourd’hui, je participe à :" */
	char label[APP_STREAM_CHOICES][BORNE_CH_BYTES(72)];  /* on the chip */
	char name[APP_STREAM_CHOICES][BORNE_CH_BYTES(40)];   /* what it joins */
	int  chosen;             /* the choice the member is in, -1 none */
	int64_t visit_id;
} StreamChoiceView;

#endif
