/* scr_unknown_badge.h -- the unknown badge's part of the view, and its
** enrolment form (scr_unknown_badge.c fills it,
** ui/screens/unknown_badge.c draws it). */
#ifndef BORNE_SCR_UNKNOWN_BADGE_H
#define BORNE_SCR_UNKNOWN_BADGE_H

#include "member.h"
#include "screen_view.h"
#include "uid.h"

typedef struct EnrolView {
	char raw_uid[UID_HEX_SIZE];  /* what the new card reads as */
	int  enrolling;          /* staff proved: name and role form shown */
	TextFieldView enrol_name;
	MemberRole enrol_role;
	int  enrol_minor;
	char enrol_error[200];
} EnrolView;

#endif
