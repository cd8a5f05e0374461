/* borne.h -- what every part of borne shares: error codes and limits.
** Errors are ints: BORNE_OK is 0, failures are negative BORNE_E*, counts
** are 0 or more. The message that goes with an error stays on the object
** that failed (store_errmsg(), reader_errmsg()...). */
#ifndef BORNE_H
#define BORNE_H

#include <stddef.h>
#include <stdint.h>

enum {
	BORNE_OK        =   0,
	BORNE_EINVAL    =  -1,  /* input refused: bad text, bad date, bad UID */
	BORNE_ENOTFOUND =  -2,  /* no such member, badge, mission, day */
	BORNE_EDB       =  -3,  /* SQLite said no (see store_errmsg) */
	BORNE_ENOMEM    =  -4,
	BORNE_EBUSY     =  -5,  /* database locked by another process */
	BORNE_EREFUSED  =  -6,  /* a rule says no: no place left, too many takes */
	BORNE_EIO       =  -7,  /* file or device error */
	BORNE_ECORRUPT  =  -8,  /* not a SQLite file, or a damaged one */
	BORNE_EREADONLY =  -9,  /* database or folder cannot be written */
	BORNE_EFULL     = -10,  /* disk full */
	BORNE_ELOST     = -11,  /* badge reader gone */
	BORNE_ELOCKED   = -12,  /* device lock held by another process, PIN locked */
	BORNE_ETIMEOUT  = -13,
	BORNE_EPERM     = -14,  /* this member may not do that */
	BORNE_ECLOCK    = -15   /* a time the clock cannot stand behind */
};

/* A short English phrase for an error code, for stderr and logs. */
const char *borne_strerror(int rc);

/* Text limits, in characters (Unicode code points), not bytes. A buffer
** for N characters needs N * 4 + 1 bytes. */
#define BORNE_NAME_MAX_CH    80
#define BORNE_TITLE_MAX_CH   120
#define BORNE_DESC_MAX_CH    2000
#define BORNE_PLACE_MAX_CH   80
#define BORNE_REASON_MAX_CH  200
#define BORNE_DAYTITLE_MAX_CH 120
#define BORNE_CH_BYTES(n)    ((n) * 4 + 1)

#define BORNE_UUID_LEN 36     /* 8-4-4-4-12, lower-case hex */

/* No tap, visit or correction is ever dated before this (2024-01-01
** 00:00 UTC, before borne existed): a clock that says so is wrong. The
** kiosk's own floor is its build date (BORNE_BUILD_UTC, later). */
#define BORNE_CLOCK_FLOOR_UTC INT64_C(1704067200)

#endif
