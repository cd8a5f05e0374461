/* import.h -- members from a CSV file, all or nothing.
** The file is RFC 4180 CSV, UTF-8 (a byte-order mark is skipped), with a
** header row naming the columns name,role,badge,minor in any order.
** role is cooperator|coworker|facilitator|admin, badge a UID in any form
** uid_parse() takes or empty, minor 1 or 0. Every row is checked before
** anything is written; then all members are added in one transaction. A
** bad row refuses the whole file with a message naming the line and the
** field: "line 4: role: unknown role \"chef\"". */
#ifndef BORNE_IMPORT_H
#define BORNE_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "borne.h"
#include "member.h"
#include "store.h"
#include "uid.h"

#define IMPORT_MAX_BYTES (8 * 1024 * 1024)   /* bigger is not a member list */
#define IMPORT_MAX_ROWS  20000

typedef struct ImportRow {
	int        line;         /* file line where the record starts (1 = header) */
	char       name[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	MemberRole role;
	int        has_badge;
	BadgeUid   badge;
	int        minor;
} ImportRow;

/* Parses and checks len bytes of CSV text (no store needed). On BORNE_OK
** *rows (free() it) holds *n_rows rows; on BORNE_EINVAL *rows is NULL and
** err says which line and field, in English. BORNE_ENOMEM. */
int import_members_parse(const char *text, size_t len, ImportRow **rows,
                         int *n_rows, char *err, size_t errlen);

/* Reads path, parses it, checks no badge is already enrolled, then adds
** every member in one transaction (audited as actor_id). *n_added is the
** count on success and 0 otherwise: the database is unchanged on any
** error. BORNE_EINVAL (bad file: err names line and field), BORNE_EIO
** (cannot read path), BORNE_EDB/BORNE_EBUSY/BORNE_EREADONLY. */
int import_members_csv(Store *st, const char *path, int64_t actor_id,
                       int64_t now_utc, int *n_added, char *err,
                       size_t errlen);
/* The same from len bytes of CSV text already in memory. */
int import_members_text(Store *st, const char *text, size_t len,
                        int64_t actor_id, int64_t now_utc, int *n_added,
                        char *err, size_t errlen);

#endif
