/* scr_facilitator.h -- facilitator mode's part of the view
** (scr_facilitator.c fills it, ui/screens/facilitator.c draws it): its
** tabs and their lists. */
#ifndef BORNE_SCR_FACILITATOR_H
#define BORNE_SCR_FACILITATOR_H

#include <stdint.h>

#include "format.h"
#include "mission.h"
#include "screen_view.h"

#define APP_LIST_MAX       64   /* present people, pending missions */
#define APP_N_REJECT_REASONS 4    /* preset reasons, view.fac.reject_reasons */

typedef enum FacTab { FAC_PRESENT = 0, FAC_PENDING, FAC_ENROL, FAC_DAY,
                      FAC_EXPORT, FAC_READER,
                      FAC_PINS,  /* admins: staff and their PINs */
                      FAC_WEB,   /* the back office's address and code */
                      FAC_TAB_COUNT } FacTab;

typedef struct FacView {
	FacTab fac_tab;
	AppPerson present[APP_LIST_MAX];
	int  n_present;
	int  present_offset;     /* first one shown; ACT_SCROLL moves it */
	MissionCard pending[APP_LIST_MAX];
	AppCardText pending_text[APP_LIST_MAX];
	int  n_pending;
	char reject_reasons[APP_N_REJECT_REASONS][96];
	int64_t rejecting;       /* mission id waiting for a reason, 0 none */
	char export_msg[300];    /* result of the last export */
	int  fac_is_admin;       /* the facilitator is an admin: FAC_PINS */
	AppPerson staff[APP_LIST_MAX];  /* FAC_PINS: facilitators and admins */
	int  staff_has_pin[APP_LIST_MAX];
	int  n_staff;
	/* FAC_WEB (scr_fac_web.c): a secret while shown; cleared idle */
	char web_code[16];       /* "1234 5678", "" : none */
	char web_url[96];        /* "http://192.168.1.20:8080" */
	char web_msg[160];       /* "2 sessions fermées", an error */
	/* The heat alert (safety.h), on or off today: ACT_HEAT turns it. */
	int  heat_on;
	char heat_sub[160];      /* "Activée aujourd’hui (12 h – 16 h)" */
} FacView;

#endif
