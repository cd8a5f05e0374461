/* report_impl.h -- what report.c and report_table.c share, and no one
** else. */
#ifndef BORNE_REPORT_IMPL_H
#define BORNE_REPORT_IMPL_H

/* An errno as a BORNE_E*: BORNE_EFULL (no space, quota), BORNE_EREADONLY
** (read-only, no permission), else BORNE_EIO. */
int report_errno_rc(int err);

#endif
