/* quote.h -- quotes ("devis") for missions posted with "Prix à discuter":
** hours times an hourly rate, plus supplies, plus VAT at the cooperative's
** rate. The young members make them to learn how a real quote is built,
** so every step of the sum is kept and shown.
**
** Amounts are whole cents; hours are hundredths of an hour (250 = 2 h 30).
** The rounding rule, one place for it: labour = hours x rate, then VAT =
** total before tax x rate, each rounded to the nearest cent, a half cent
** going up (amounts are never negative). VAT is computed once, on the
** total before tax, never line by line.
**
** Status: proposed -> accepted (the poster chose it: the mission is then
** taken by the quote's author) or declined (another was accepted; its
** author is told at their next tap), or withdrawn by its author. */
#ifndef BORNE_QUOTE_H
#define BORNE_QUOTE_H

#include <stddef.h>
#include <stdint.h>

#include "borne.h"
#include "format.h"
#include "mission.h"
#include "store.h"

/* VAT rates in basis points (1/100 of a percent). */
#define QUOTE_VAT_EXEMPT (-1)   /* "TVA non applicable, art. 293 B du CGI" */
#define QUOTE_HOURS_MAX  20000  /* 200 h, in hundredths */
#define QUOTE_RATE_MAX   100000 /* 1,000 euros an hour */
#define QUOTE_SUPPLIES_MAX 1000000 /* 10,000 euros */
#define QUOTE_NUMBER_SIZE 32    /* "D2026-0001" */

typedef enum QuoteStatus {
	QUOTE_PROPOSED = 0,
	QUOTE_ACCEPTED,
	QUOTE_DECLINED,
	QUOTE_WITHDRAWN,
	QUOTE_STATUS_COUNT
} QuoteStatus;

/* Every line of a quote, as printed. */
typedef struct QuoteCalc {
	int     hours_centi;
	int     rate_cents;          /* per hour, before tax */
	int     supplies_cents;      /* before tax */
	int     vat_bp;              /* 2000, 1000, 550 or QUOTE_VAT_EXEMPT */
	int64_t labour_cents;        /* hours x rate, rounded */
	int64_t ht_cents;            /* labour + supplies */
	int64_t vat_cents;           /* ht x rate, rounded; 0 when exempt */
	int64_t ttc_cents;           /* ht + vat */
} QuoteCalc;

typedef struct Quote {
	int64_t id;
	char    uuid[BORNE_UUID_LEN + 1];
	char    number[QUOTE_NUMBER_SIZE];
	int64_t mission_id;
	int64_t member_id;
	char    member_name[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	QuoteCalc c;
	QuoteStatus status;
	int64_t created_utc;
	int64_t decided_utc;         /* 0 while proposed */
} Quote;

/* Why quote_add or quote_accept said no, for a front end to word. */
typedef enum QuoteRefusal {
	QREFUSE_NONE = 0,
	QREFUSE_INACTIVE,            /* the member is deactivated */
	QREFUSE_NOT_QUOTE,           /* the mission's price is not to discuss */
	QREFUSE_NOT_OPEN,            /* the mission is not open */
	QREFUSE_OWN,                 /* add: the member posted it */
	QREFUSE_MINOR,               /* add: a minor, and not minors_ok */
	QREFUSE_ALREADY,             /* add: this member's quote is waiting */
	QREFUSE_NOT_POSTER,          /* accept: neither the poster nor staff */
	QREFUSE_NOT_PROPOSED,        /* accept: the quote is no longer open */
	QREFUSE_CANNOT_TAKE,         /* accept: its author may not take the
	                             ** mission now (store_errmsg says why) */
	QREFUSE_COUNT
} QuoteRefusal;

const char *quote_status_name(QuoteStatus s);       /* "proposed"... */
const char *quote_refusal_name(QuoteRefusal r);     /* "own"... */

/* The sum, with the rounding rule above. BORNE_EINVAL when an input is
** out of bounds (hours 1..QUOTE_HOURS_MAX, rate 1..QUOTE_RATE_MAX,
** supplies 0..QUOTE_SUPPLIES_MAX, an unknown VAT rate). */
int  quote_compute(int hours_centi, int rate_cents, int supplies_cents,
                   int vat_bp, QuoteCalc *out);
/* "20", "10", "5.5" (or "5,5"), "exempt": BORNE_OK or BORNE_EINVAL. */
int  quote_vat_parse(const char *s, int *vat_bp);
/* "2", "2.5", "2,25", "1h30": hundredths of an hour, BORNE_EINVAL for
** anything else or out of bounds. */
int  quote_hours_parse(const char *s, int *hours_centi);
/* "12", "12.50", "12,5": cents, BORNE_EINVAL otherwise (at most max). */
int  quote_cents_parse(const char *s, int max_cents, int *cents);

/* The space's VAT rate: the setting "vat_rate" (borne-admin), else the
** configuration's default. */
int  quote_vat_rate(Store *st);
/* The fair hourly rate of the neighbourhood for a category, in cents:
** the setting "fair_rate.<category>" ("12-20", euros) or a default
** table. quote_fair_side: -1 below lo, 0 within, 1 above hi. */
void quote_fair_range(Store *st, MissionCategory cat, int *lo_cents,
                      int *hi_cents);
int  quote_fair_side(int rate_cents, int lo_cents, int hi_cents);
/* Set by staff (actor 0: borne-admin), audited: BORNE_EPERM otherwise,
** BORNE_EINVAL for a rate quote_compute would refuse or lo > hi. */
int  quote_vat_set(Store *st, int vat_bp, int64_t actor_id, int64_t now_utc);
int  quote_fair_set(Store *st, MissionCategory cat, int lo_cents,
                    int hi_cents, int64_t actor_id, int64_t now_utc);

/* The cooperative's name printed on quotes: the setting "coop_name"
** (borne-admin quote coop, or the back office), else the configuration's
** default space_name. quote_coop_set: staff (actor 0: borne-admin),
** audited; BORNE_EINVAL for an empty name or one over 120 characters. */
#define QUOTE_COOP_MAX_CH 120
void quote_coop_name(Store *st, char *out, size_t outlen);
int  quote_coop_set(Store *st, const char *name, int64_t actor_id,
                    int64_t now_utc);

/* The lines of a quote, the same on the kiosk's screen, the back
** office's page and the PDF (quote_calc.c): "Travail", "2,5 h × 14,00 €",
** "35,00 €"; supplies; total HT; VAT ("TVA à 20 %", "40,00 € × 20 %")
** or the exemption's mention; TTC. Returns the number of lines. */
#define QUOTE_LINES 5
typedef struct QuoteLine {
	char label[96];
	char calc[120];          /* the step of the sum, "" for none */
	char amount[32];
	int  total;              /* HT and TTC */
} QuoteLine;
int  quote_lines(const QuoteCalc *c, AppLang lang,
                 QuoteLine out[QUOTE_LINES]);
/* "35,00 €" (fr) or "€35.00" (en); "2,5 h"; a VAT rate, "5,5 %". */
void quote_money(int64_t cents, AppLang lang, char *out, size_t outlen);
void quote_hours_text(int hours_centi, AppLang lang, char *out,
                      size_t outlen);
void quote_rate_text(int vat_bp, AppLang lang, char *out, size_t outlen);

/* A quote by member_id on a "Prix à discuter" mission the member could
** take, at the space's VAT rate, numbered in sequence for the year of
** now_utc. Refusals: BORNE_EREFUSED with *why set (store_errmsg says it
** in English); BORNE_EINVAL for amounts out of bounds. */
int  quote_add(Store *st, int64_t mission_id, int64_t member_id,
               int hours_centi, int rate_cents, int supplies_cents,
               int64_t now_utc, int64_t *id_out, QuoteRefusal *why);
/* The poster (or staff) accepts quote id: it becomes accepted, the
** mission's other waiting quotes declined, and the mission is taken by
** the quote's author at that price (one transaction). BORNE_EPERM (not
** poster), BORNE_EREFUSED (not proposed, or its author may not take the
** mission now: *why, and the take's reason in store_errmsg). */
int  quote_accept(Store *st, int64_t id, int64_t by_id, int64_t now_utc,
                  QuoteRefusal *why);
/* The author withdraws their waiting quote. */
int  quote_withdraw(Store *st, int64_t id, int64_t by_id, int64_t now_utc);
int  quote_get(Store *st, int64_t id, Quote *out);
/* Quotes of a mission (mission_id > 0) or all, oldest first. */
int  quote_each(Store *st, int64_t mission_id,
                int (*fn)(const Quote *q, void *ctx), void *ctx);
/* Declined quotes of member_id whose author was not yet told, newest
** first, up to max; quote_mark_told() records that they were. */
int  quote_declined_untold(Store *st, int64_t member_id, Quote *out, int max,
                           int *n_out);
/* Declined and accepted quotes of member_id whose author was not yet
** told (the kiosk tells them at their next tap), newest first, up to max;
** quote_mark_told() records that they were told of both. */
int  quote_untold(Store *st, int64_t member_id, Quote *out, int max,
                  int *n_out);
int  quote_mark_told(Store *st, int64_t member_id);

#endif
