/* app_safety.c -- what the kiosk says of a minor's limits (safety.h): a
** line on the greeting ("faites une pause") and a short flag on the
** facilitators' list of who is here. Adults: nothing. out is left as it
** was when there is nothing to say. */
#include "app_impl.h"

#include <string.h>

#include "i18n.h"
#include "safety.h"
#include "text.h"

int
app_safety_note(App *a, const Member *m, int short_form, char *out,
                size_t outlen)
{
	SafetyRules r;
	SafetyStatus s;
	const char *key = NULL;

	if (!m->minor)
		return 0;
	safety_rules(a->st, &r);
	if (safety_status(a->st, m->id, a->now_utc, &r, &s) != BORNE_OK)
		return 0;                   /* a read failing hides no greeting */
	if (s.over_week)
		key = short_form ? "app.safety.week_flag" : "app.safety.week";
	else if (s.over_day)
		key = short_form ? "app.safety.day_flag" : "app.safety.day";
	else if (s.needs_break)
		key = short_form ? "app.safety.break_flag" : "app.safety.break";
	if (key == NULL)
		return 0;
	text_copy(out, outlen, tr(a->v.lang, key));
	return 1;
}
