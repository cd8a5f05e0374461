/* report.h -- attendance reports for funders and facilitators.
** Hours per day or per member between two local dates, auto-closed
** visits flagged. CSV is RFC 4180, UTF-8, with a header row. */
#ifndef BORNE_REPORT_H
#define BORNE_REPORT_H

#include <stdio.h>

#include "store.h"

typedef enum ReportBy { REPORT_BY_DAY = 0, REPORT_BY_MEMBER } ReportBy;
typedef enum ReportFormat { REPORT_TEXT = 0, REPORT_CSV } ReportFormat;

int report_attendance(Store *st, const char *from, const char *to,
                      ReportBy by, ReportFormat fmt, FILE *out);
/* Every visit of one local date, one row each, CSV (the USB export). */
int report_visits_csv(Store *st, const char *date, FILE *out);
/* Writes today's visits to dir/borne-presences-DATE.csv durably (fsync);
** dir "" means the first writable /media/USER/STICK. path_out gets the
** file written. BORNE_ENOTFOUND: no stick; BORNE_EREADONLY, BORNE_EFULL. */
int report_export_day(Store *st, const char *dir, const char *date,
                      char *path_out, size_t pathlen);
/* Writes one CSV field, quoted when needed. */
void report_csv_field(FILE *out, const char *s);

#endif
