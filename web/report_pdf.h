/* report_pdf.h -- a period's report as a PDF, drawn with cairo: what a
** facilitator prints or sends to a funder (/report.pdf?from=&to=). */
#ifndef BORNE_REPORT_PDF_H
#define BORNE_REPORT_PDF_H

#include <stdio.h>

#include "report.h"

/* Writes r as an A4 PDF to out (French, or English when en): the
** figures, a bar chart of the hours per contributive day, and the days'
** table (over as many pages as it needs). BORNE_OK, BORNE_EINVAL,
** BORNE_ENOMEM, or BORNE_EIO when cairo or the stream failed. */
int report_pdf_write(const ReportPeriod *r, int en, FILE *out);
/* Frees what cairo and fontconfig keep for the life of the process (the
** fonts found), so that a leak checker at exit sees only real leaks. Call
** once at the very end, when no PDF is being drawn. */
void report_pdf_cleanup(void);

#endif
