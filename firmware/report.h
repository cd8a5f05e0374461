/* report.h -- attendance reports for funders and facilitators.
** Hours per day or per member between two local dates, auto-closed
** visits flagged. CSV is RFC 4180, UTF-8, with a header row. */
#ifndef BORNE_REPORT_H
#define BORNE_REPORT_H

#include <stdint.h>
#include <stdio.h>

#include "borne.h"
#include "store.h"

/* by stream: hours of the visits made on contributive days, per work
** stream (stream.h), a visit cut where its member changed stream. */
/* by site: hours per visits.kiosk_id, the kiosk where the member tapped
** (every kiosk of a hub holds every site's visits, docs/sync.md). */
typedef enum ReportBy { REPORT_BY_DAY = 0, REPORT_BY_MEMBER,
                        REPORT_BY_STREAM, REPORT_BY_SITE } ReportBy;
typedef enum ReportFormat { REPORT_TEXT = 0, REPORT_CSV } ReportFormat;

int report_attendance(Store *st, const char *from, const char *to,
                      ReportBy by, ReportFormat fmt, FILE *out);
/* Every visit of one local date, one row each, CSV (the USB export). No
** badge UIDs: the file leaves the building. */
int report_visits_csv(Store *st, const char *date, FILE *out);
/* Every visit that began between two local dates (both included), of one
** member (member_id 0: everyone), one row each, CSV beginning with
** REPORT_UTF8_BOM (a file to download: the back office's
** /attendance.csv). The columns of report_visits_csv; flag is
** "auto_closed", "open" or "corrected" (times set by a facilitator).
** BORNE_EINVAL for a bad range (more than ten years too). */
int report_visits_range_csv(Store *st, const char *from, const char *to,
                            int64_t member_id, FILE *out);
/* The UTF-8 byte order mark. Files made for a spreadsheet begin with it
** (a French Excel reads a CSV without it as Windows-1252); what goes to
** stdout does not (a pipe's next program would take it for data). */
#define REPORT_UTF8_BOM "\xEF\xBB\xBF"

/* Writes today's visits to dir/borne-presences-DATE.csv durably (fsync),
** beginning with REPORT_UTF8_BOM;
** dir "" means the first writable /media/USER/STICK. path_out gets the
** file written. BORNE_ENOTFOUND: no stick; BORNE_EREADONLY, BORNE_EFULL;
** BORNE_EREFUSED: dir is a link (or not a folder). Links on the stick under
** the file's names are never written through. */
int report_export_day(Store *st, const char *dir, const char *date,
                      char *path_out, size_t pathlen);
/* The first writable directory media_root/USER/STICK (smallest path
** first; links skipped), as report_export_day("") looks for under
** "/media". BORNE_EREADONLY when the only sticks are read-only. */
int report_find_stick(const char *media_root, char *out, size_t outlen);
/* Writes one CSV field, quoted when needed. Every CSV the project writes
** goes through here: a field beginning with = + - @ TAB or CR that is not
** a plain number ("-3", "-1.5", "-2:30") is written as "'..." so that a
** spreadsheet shows it as text instead of running it (OWASP CSV injection). */
void report_csv_field(FILE *out, const char *s);

/* A table of text cells printed either as aligned text columns or as CSV
** (header row, CRLF line ends as RFC 4180 asks). Cells are copied. align
** has one letter per column: 'l' left, 'r' right (text output only). */
typedef struct ReportTable ReportTable;
ReportTable *report_table_new(int n_cols, const char *const *headers,
                              const char *align);
/* Adds a row of n_cols cells (NULL prints as empty). BORNE_ENOMEM. */
int  report_table_add(ReportTable *t, const char *const *cells);
/* A totals row: printed in text under a rule, left out of CSV (a CSV
** holds data rows only, so that sums made from it stay right). */
int  report_table_add_total(ReportTable *t, const char *const *cells);
int  report_table_rows(const ReportTable *t);
/* BORNE_OK or BORNE_EIO when out fails (disk full: BORNE_EFULL). */
int  report_table_print(const ReportTable *t, ReportFormat fmt, FILE *out);
void report_table_free(ReportTable *t);              /* NULL-safe */

/* The figures funders ask for, for a period of local dates (both
** included), in report_period.c. Hours are what the visits hold (an open
** visit counts 0 until closed). "first_time": members whose first visit
** recorded (after any purge) is in the period. Missions posted: created
** in the period; done: marked done in it; earned: the fixed rewards of
** the missions done in the period, once per under-18 taker. */
typedef struct ReportDayFigures {
	int64_t day_id;
	char    date[11];
	char    title[BORNE_CH_BYTES(BORNE_DAYTITLE_MAX_CH)];
	int     visits, members;
	int64_t seconds;
} ReportDayFigures;

/* Hours of a period by a group of visits, name "" for the visits in
** none: visits, distinct members, seconds.
** - Per work stream: on the contributive days dated in the period, as
**   the by-day figures count them (out - in, an open visit 0), each
**   visit cut between the streams its member was in (stream.h); a visit
**   that changed stream counts in each.
** - Per site (visits.kiosk_id): every visit begun in the period, as
**   hours_total counts them. */
typedef struct ReportGroupFigures {
	char    name[BORNE_CH_BYTES(40)];
	int     visits, members;
	int64_t seconds;
} ReportGroupFigures;

typedef struct ReportPeriod {
	char    from[11], to[11];
	ReportDayFigures *days;          /* the contributive days, by date */
	int     n_days;
	int     visits;
	int64_t seconds_total;           /* every visit of the period */
	int64_t seconds_days;            /* on the contributive days */
	int     members, members_minor, first_time;
	int     missions_posted, missions_done;
	int64_t earned_minor_cents;
	int     minors_earning;          /* distinct under-18s who earned */
	ReportGroupFigures *streams;     /* by name, "" (none named) last */
	int     n_streams;
	ReportGroupFigures *sites;       /* by name; one row on a lone kiosk */
	int     n_sites;
} ReportPeriod;

/* Fills *out (free with report_period_free). BORNE_EINVAL naming "from"
** or "to" in store_errmsg; a read error leaves *out empty. */
int  report_period(Store *st, const char *from, const char *to,
                   ReportPeriod *out);
void report_period_free(ReportPeriod *r);                 /* NULL-safe */
/* The streams' figures alone (report_period fills them too); *out is
** freed by the caller (free), NULL when *n is 0. */
int  report_streams(Store *st, const char *from, const char *to,
                    ReportGroupFigures **out, int *n);
/* The sites' figures alone (report_period fills them too); *out is freed
** by the caller (free), NULL when *n is 0. */
int  report_sites(Store *st, const char *from, const char *to,
                  ReportGroupFigures **out, int *n);
/* The figures as CSV (BOM, header "figure,date,day,value"): one row per
** contributive day ("day_hours", hours as a decimal number), one per
** work stream ("stream_hours", the stream's name in the day column,
** "(none)" for the visits that named none), one per site ("site_hours",
** the site in the day column) when there are several, then one per
** figure. */
int  report_period_csv(const ReportPeriod *r, FILE *out);

#endif
