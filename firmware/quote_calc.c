/* quote_calc.c -- a quote's arithmetic, with no store: the sum and its
** rounding rule, what people type parsed, and the lines of the quote in
** words. The kiosk's screen, the back office's page and the PDF all
** take their lines from quote_lines(), so they say the same. */
#include "quote.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "i18n.h"

static int64_t round_div(int64_t num, int64_t den);
static int     parse_fixed2(const char *s, int64_t *out);

/* ---- Names ---------------------------------------------------------- */

const char *
quote_status_name(QuoteStatus s)
{
	static const char *const names[QUOTE_STATUS_COUNT] = {
		[QUOTE_PROPOSED] = "proposed", [QUOTE_ACCEPTED] = "accepted",
		[QUOTE_DECLINED] = "declined", [QUOTE_WITHDRAWN] = "withdrawn",
	};

	return (int)s >= 0 && s < QUOTE_STATUS_COUNT ? names[s] : "?";
}

const char *
quote_refusal_name(QuoteRefusal r)
{
	static const char *const names[QREFUSE_COUNT] = {
		[QREFUSE_NONE] = "none", [QREFUSE_INACTIVE] = "inactive",
		[QREFUSE_NOT_QUOTE] = "not_quote", [QREFUSE_NOT_OPEN] = "not_open",
		[QREFUSE_OWN] = "own", [QREFUSE_MINOR] = "minor",
		[QREFUSE_ALREADY] = "already", [QREFUSE_NOT_POSTER] = "not_poster",
		[QREFUSE_NOT_PROPOSED] = "not_proposed",
		[QREFUSE_CANNOT_TAKE] = "cannot_take",
	};

	return (int)r >= 0 && r < QREFUSE_COUNT ? names[r] : "?";
}

/* ---- The sum -------------------------------------------------------- */

/* num / den to the nearest whole, a half going up (num >= 0, den > 0). */
static int64_t
round_div(int64_t num, int64_t den)
{
	return (num + den / 2) / den;
}

int
quote_compute(int hours_centi, int rate_cents, int supplies_cents, int vat_bp,
              QuoteCalc *out)
{
	memset(out, 0, sizeof *out);
	if (hours_centi < 1 || hours_centi > QUOTE_HOURS_MAX ||
	    rate_cents < 1 || rate_cents > QUOTE_RATE_MAX ||
	    supplies_cents < 0 || supplies_cents > QUOTE_SUPPLIES_MAX ||
	    !(vat_bp == QUOTE_VAT_EXEMPT || vat_bp == 2000 || vat_bp == 1000 ||
	      vat_bp == 550))
		return BORNE_EINVAL;
	out->hours_centi = hours_centi;
	out->rate_cents = rate_cents;
	out->supplies_cents = supplies_cents;
	out->vat_bp = vat_bp;
	out->labour_cents = round_div((int64_t)hours_centi * rate_cents, 100);
	out->ht_cents = out->labour_cents + supplies_cents;
	out->vat_cents = vat_bp == QUOTE_VAT_EXEMPT ? 0 :
	                 round_div(out->ht_cents * vat_bp, 10000);
	out->ttc_cents = out->ht_cents + out->vat_cents;
	return BORNE_OK;
}

/* A decimal with at most two digits after '.' or ',', in hundredths. */
static int
parse_fixed2(const char *s, int64_t *out)
{
	int64_t v = 0;
	int digits = 0, frac = -1;

	if (s == NULL)
		return BORNE_EINVAL;
	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9') {
			if (frac >= 2 || v > 100000000)
				return BORNE_EINVAL;
			v = v * 10 + (*s - '0');
			digits++;
			if (frac >= 0)
				frac++;
		} else if ((*s == '.' || *s == ',') && frac < 0 && digits > 0) {
			frac = 0;
		} else {
			return BORNE_EINVAL;
		}
	}
	if (digits == 0 || frac == 0)
		return BORNE_EINVAL;
	for (int i = frac < 0 ? 0 : frac; i < 2; i++)
		v *= 10;
	*out = v;
	return BORNE_OK;
}

int
quote_vat_parse(const char *s, int *vat_bp)
{
	char num[16];
	size_t len;
	int64_t v;

	if (s != NULL && (strcmp(s, "exempt") == 0 || strcmp(s, "293B") == 0)) {
		*vat_bp = QUOTE_VAT_EXEMPT;
		return BORNE_OK;
	}
	/* "20", "20%" or "20 %" as people write it. */
	if (s == NULL || (len = strlen(s)) >= sizeof num)
		return BORNE_EINVAL;
	memcpy(num, s, len + 1);
	if (len > 0 && num[len - 1] == '%')
		num[--len] = '\0';
	if (len > 0 && num[len - 1] == ' ')
		num[--len] = '\0';
	if (parse_fixed2(num, &v) != BORNE_OK ||
	    !(v == 2000 || v == 1000 || v == 550))
		return BORNE_EINVAL;
	*vat_bp = (int)v;
	return BORNE_OK;
}

int
quote_hours_parse(const char *s, int *hours_centi)
{
	int64_t v;
	const char *h = s != NULL ? strchr(s, 'h') : NULL;

	if (h != NULL) {
		/* "1h30", "2h": hours and minutes, as people write them. */
		char *end;
		long hours = strtol(s, &end, 10), minutes = 0;

		if (end != h || h == s || (s[0] < '0' || s[0] > '9'))
			return BORNE_EINVAL;
		if (h[1] != '\0') {
			if (!(h[1] >= '0' && h[1] <= '5' && h[2] >= '0' &&
			      h[2] <= '9' && h[3] == '\0'))
				return BORNE_EINVAL;
			minutes = (h[1] - '0') * 10 + (h[2] - '0');
		}
		if (hours > QUOTE_HOURS_MAX / 100 || minutes % 3 != 0)
			return BORNE_EINVAL;   /* 20 min is no whole hundredth */
		v = hours * 100 + minutes * 100 / 60;
	} else if (parse_fixed2(s, &v) != BORNE_OK) {
		return BORNE_EINVAL;
	}
	if (v < 1 || v > QUOTE_HOURS_MAX)
		return BORNE_EINVAL;
	*hours_centi = (int)v;
	return BORNE_OK;
}

int
quote_cents_parse(const char *s, int max_cents, int *cents)
{
	int64_t v;

	if (parse_fixed2(s, &v) != BORNE_OK || v > max_cents)
		return BORNE_EINVAL;
	*cents = (int)v;
	return BORNE_OK;
}

int
quote_fair_side(int rate_cents, int lo_cents, int hi_cents)
{
	return rate_cents < lo_cents ? -1 : rate_cents > hi_cents ? 1 : 0;
}

void
quote_money(int64_t cents, AppLang lang, char *out, size_t outlen)
{
	app_trf(lang, out, outlen, "app.quote.fmt.money",
	        (long long)(cents / 100), (int)(cents % 100));
}

void
quote_hours_text(int hours_centi, AppLang lang, char *out, size_t outlen)
{
	int whole = hours_centi / 100, part = hours_centi % 100;

	if (part == 0)
		app_trf(lang, out, outlen, "app.quote.fmt.hours", whole);
	else if (part % 10 == 0)
		app_trf(lang, out, outlen, "app.quote.fmt.hours_part", whole,
		        part / 10);
	else
		app_trf(lang, out, outlen, "app.quote.fmt.hours_part2", whole,
		        part);
}

void
quote_rate_text(int vat_bp, AppLang lang, char *out, size_t outlen)
{
	if (vat_bp % 100 == 0)
		app_trf(lang, out, outlen, "app.quote.fmt.pct", vat_bp / 100);
	else
		app_trf(lang, out, outlen, "app.quote.fmt.pct_part", vat_bp / 100,
		        (vat_bp % 100) / 10);
}

int
quote_lines(const QuoteCalc *c, AppLang lang, QuoteLine out[QUOTE_LINES])
{
	char h[32], r[32], a[32], b[32], pct[16];

	memset(out, 0, sizeof(QuoteLine) * QUOTE_LINES);
	quote_hours_text(c->hours_centi, lang, h, sizeof h);
	quote_money(c->rate_cents, lang, r, sizeof r);
	snprintf(out[0].label, sizeof out[0].label, "%s",
	         tr(lang, "app.quote.line.labour"));
	app_trf(lang, out[0].calc, sizeof out[0].calc, "app.quote.calc.labour",
	        h, r);
	quote_money(c->labour_cents, lang, out[0].amount, sizeof out[0].amount);

	snprintf(out[1].label, sizeof out[1].label, "%s",
	         tr(lang, "app.quote.line.supplies"));
	quote_money(c->supplies_cents, lang, out[1].amount,
	            sizeof out[1].amount);

	quote_money(c->labour_cents, lang, a, sizeof a);
	quote_money(c->supplies_cents, lang, b, sizeof b);
	snprintf(out[2].label, sizeof out[2].label, "%s",
	         tr(lang, "app.quote.line.ht"));
	app_trf(lang, out[2].calc, sizeof out[2].calc, "app.quote.calc.plus",
	        a, b);
	quote_money(c->ht_cents, lang, out[2].amount, sizeof out[2].amount);
	out[2].total = 1;

	quote_money(c->ht_cents, lang, a, sizeof a);
	if (c->vat_bp == QUOTE_VAT_EXEMPT) {
		/* The mention the law asks for, in the VAT's place. */
		snprintf(out[3].label, sizeof out[3].label, "%s",
		         tr(lang, "app.quote.vat_exempt"));
	} else {
		quote_rate_text(c->vat_bp, lang, pct, sizeof pct);
		app_trf(lang, out[3].label, sizeof out[3].label,
		        "app.quote.line.vat", pct);
		app_trf(lang, out[3].calc, sizeof out[3].calc,
		        "app.quote.calc.vat", a, pct);
	}
	quote_money(c->vat_cents, lang, out[3].amount, sizeof out[3].amount);

	quote_money(c->vat_cents, lang, b, sizeof b);
	snprintf(out[4].label, sizeof out[4].label, "%s",
	         tr(lang, "app.quote.line.ttc"));
	app_trf(lang, out[4].calc, sizeof out[4].calc, "app.quote.calc.plus",
	        a, b);
	quote_money(c->ttc_cents, lang, out[4].amount, sizeof out[4].amount);
	out[4].total = 1;
	return QUOTE_LINES;
}
