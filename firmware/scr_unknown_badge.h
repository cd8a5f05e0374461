/* scr_unknown_badge.h -- the unknown badge's part of the view, and its
** enrolment form (scr_unknown_badge.c fills it,
** ui/screens/unknown_badge.c draws it). */
#ifndef BORNE_SCR_UNKNOWN_BADGE_H
#define BORNE_SCR_UNKNOWN_BADGE_H

#include "member.h"
#include "screen_view.h"
#include "uid.h"

/* The enrolment form's text fields (ACT_FIELD's arg). The kiosk keeps
** a first name and the initial of the last name: "Zoé M.". */
typedef enum EnrolField {
	ENROL_FIELD_NONE = 0,    /* keyboard closed */
	ENROL_FIELD_FIRST,       /* the first name */
	ENROL_FIELD_INITIAL      /* one letter: the last name's first */
} EnrolField;

#define ENROL_FIRST_MAX_CH 40

typedef struct EnrolView {
	char raw_uid[UID_HEX_SIZE];  /* what the new card reads as */
	int  enrolling;          /* staff proved: name and role form shown */
	TextFieldView enrol_name;    /* the first name, capitalised as typed */
	TextFieldView enrol_initial; /* one capital letter */
	char enrol_shown[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)]; /* "Zoé M.": what
	                         ** will be saved, "" until a first name */
	MemberRole enrol_role;
	int  enrol_minor;        /* -1 not said yet (no default), 0 no, 1 yes */
	int  enrol_error_at;     /* EnrolField of enrol_error, or
	                         ** ENROL_ERR_MINOR: the under-18 question */
	char enrol_error[200];
} EnrolView;

#define ENROL_ERR_MINOR 3

#endif
