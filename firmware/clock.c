/* clock.c -- whether the kiosk's wall clock can be trusted (see clock.h). */
#include "clock.h"

#include "borne.h"

#ifndef BORNE_BUILD_UTC
#define BORNE_BUILD_UTC BORNE_CLOCK_FLOOR_UTC
#endif

ClockVerdict
clock_verdict(const ClockFacts *f)
{
	if (f->now_utc < f->build_utc || f->now_utc < BORNE_CLOCK_FLOOR_UTC)
		return CLOCK_BEFORE_BUILD;
	if (f->sync == CLOCK_SYNC_YES || f->confirmed)
		return CLOCK_OK;
	if (f->jumped)
		return CLOCK_JUMPED;
	if (f->newest_tap_utc - CLOCK_SLACK_S > f->now_utc)
		return CLOCK_BEFORE_LAST_TAP;
	if (f->sync == CLOCK_SYNC_NO)
		return CLOCK_NOT_SYNCED;
	return CLOCK_OK;
}

int64_t
clock_build_utc(void)
{
	return (int64_t)BORNE_BUILD_UTC;
}
