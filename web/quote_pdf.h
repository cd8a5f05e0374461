/* quote_pdf.h -- one quote ("devis") as a PDF, drawn with cairo like the
** report (report_pdf.c): what the back office prints or sends to the
** client (/quote.pdf?id=). */
#ifndef BORNE_QUOTE_PDF_H
#define BORNE_QUOTE_PDF_H

#include <stdio.h>

#include "mission.h"
#include "quote.h"

/* Writes q, for mission m, as an A4 PDF to out: the cooperative's name
** (coop), "Devis D2026-0001", its date, the mission, who made it, the
** lines with each step of the sum and the VAT mention, and who accepted
** it when it was. French, or English when en. BORNE_OK, BORNE_EINVAL,
** BORNE_ENOMEM, or BORNE_EIO when cairo or the stream failed. */
int quote_pdf_write(const Quote *q, const Mission *m, const char *coop,
                    int en, FILE *out);

#endif
