/* cmd_quote.c -- borne-admin quote ... commands: make, list and accept
** quotes, set the space's VAT rate and fair prices (quote.h). */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "quote.h"

typedef struct Rows {
	Admin       *a;
	ReportTable *t;
	int          rc;
} Rows;

static void money(int64_t cents, char *out, size_t outlen);
static void hours(int hours_centi, char *out, size_t outlen);
static void vat_label(int vat_bp, char *out, size_t outlen);
static void print_quote(const Quote *q);
static int  quote_row(const Quote *q, void *ctx);

/* "43.50" */
static void
money(int64_t cents, char *out, size_t outlen)
{
	snprintf(out, outlen, "%lld.%02lld", (long long)(cents / 100),
	         (long long)(cents % 100));
}

/* "2.5", "2", "1.25": hundredths of an hour without trailing zeros. */
static void
hours(int hours_centi, char *out, size_t outlen)
{
	if (hours_centi % 100 == 0)
		snprintf(out, outlen, "%d", hours_centi / 100);
	else if (hours_centi % 10 == 0)
		snprintf(out, outlen, "%d.%d", hours_centi / 100,
		         hours_centi % 100 / 10);
	else
		snprintf(out, outlen, "%d.%02d", hours_centi / 100, hours_centi % 100);
}

static void
vat_label(int vat_bp, char *out, size_t outlen)
{
	if (vat_bp == QUOTE_VAT_EXEMPT)
		snprintf(out, outlen, "exempt");
	else if (vat_bp % 100 == 0)
		snprintf(out, outlen, "%d", vat_bp / 100);
	else
		snprintf(out, outlen, "%d.%d", vat_bp / 100, vat_bp % 100 / 10);
}

/* Every step of the sum, as a young member learns it. */
static void
print_quote(const Quote *q)
{
	char h[16], rate[24], labour[24], supplies[24], ht[24], vat[24], ttc[24],
	     v[16];

	hours(q->c.hours_centi, h, sizeof h);
	money(q->c.rate_cents, rate, sizeof rate);
	money(q->c.labour_cents, labour, sizeof labour);
	money(q->c.supplies_cents, supplies, sizeof supplies);
	money(q->c.ht_cents, ht, sizeof ht);
	money(q->c.vat_cents, vat, sizeof vat);
	money(q->c.ttc_cents, ttc, sizeof ttc);
	vat_label(q->c.vat_bp, v, sizeof v);
	printf("quote %s (id %lld) for mission %lld by member %lld: %s\n",
	       q->number, (long long)q->id, (long long)q->mission_id,
	       (long long)q->member_id, quote_status_name(q->status));
	printf("  labour: %s h x %s EUR = %s EUR\n", h, rate, labour);
	printf("  supplies: %s EUR\n", supplies);
	printf("  total before tax (HT): %s + %s = %s EUR\n", labour, supplies, ht);
	if (q->c.vat_bp == QUOTE_VAT_EXEMPT)
		printf("  VAT: not applicable, art. 293 B du CGI: 0.00 EUR\n");
	else
		printf("  VAT %s %%: %s x %s %% = %s EUR (to the nearest cent)\n",
		       v, ht, v, vat);
	printf("  total with tax (TTC): %s + %s = %s EUR\n", ht, vat, ttc);
}

int
cmd_quote_add(Admin *a, int argc, char **argv)
{
	enum { O_BY, O_HOURS, O_RATE, O_SUPPLIES };
	AdminOpt opts[] = {
		{ "--by", 1, NULL }, { "--hours", 1, NULL },
		{ "--rate-cents", 1, NULL }, { "--supplies-cents", 1, NULL },
		{ NULL, 0, NULL }
	};
	QuoteRefusal why = QREFUSE_NONE;
	char *pos[1];
	int64_t mission, by, id = 0;
	int n, rc, h, rate, supplies = 0;
	Quote q;

	if ((rc = admin_args(a, argc, argv, opts, pos, 1, 1, &n)) != ADMIN_GO ||
	    (rc = admin_parse_id(a, pos[0], "MISSION_ID", &mission)) != ADMIN_GO)
		return rc;
	if (opts[O_BY].value == NULL || opts[O_HOURS].value == NULL ||
	    opts[O_RATE].value == NULL)
		return admin_usage_error(a, "--by, --hours and --rate-cents are "
		                         "needed");
	if ((rc = admin_parse_id(a, opts[O_BY].value, "--by", &by)) != ADMIN_GO ||
	    (rc = admin_parse_int(a, opts[O_RATE].value, "--rate-cents", &rate)) !=
	    ADMIN_GO ||
	    (opts[O_SUPPLIES].value != NULL &&
	     (rc = admin_parse_int(a, opts[O_SUPPLIES].value, "--supplies-cents",
	                           &supplies)) != ADMIN_GO))
		return rc;
	if (quote_hours_parse(opts[O_HOURS].value, &h) != BORNE_OK)
		return admin_refuse("--hours: \"%.20s\" is not a number of hours "
		                    "from 0.01 to %d (2, 2.5, 1h30)",
		                    opts[O_HOURS].value, QUOTE_HOURS_MAX / 100);
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	rc = quote_add(a->st, mission, by, h, rate, supplies, a->now_utc, &id, &why);
	if (rc != BORNE_OK)
		return admin_store_error(a, rc, NULL);
	if ((rc = quote_get(a->st, id, &q)) != BORNE_OK)
		return admin_store_error(a, rc, "reading the quote back");
	print_quote(&q);
	return ADMIN_EXIT_OK;
}

static int
quote_row(const Quote *q, void *ctx)
{
	Rows *r = ctx;
	char c[11][24];
	const char *row[13];

	snprintf(c[0], sizeof c[0], "%lld", (long long)q->id);
	snprintf(c[1], sizeof c[1], "%lld", (long long)q->mission_id);
	snprintf(c[2], sizeof c[2], "%lld", (long long)q->member_id);
	hours(q->c.hours_centi, c[3], sizeof c[3]);
	snprintf(c[4], sizeof c[4], "%d", q->c.rate_cents);
	snprintf(c[5], sizeof c[5], "%d", q->c.supplies_cents);
	snprintf(c[6], sizeof c[6], "%lld", (long long)q->c.ht_cents);
	snprintf(c[7], sizeof c[7], "%lld", (long long)q->c.vat_cents);
	snprintf(c[8], sizeof c[8], "%lld", (long long)q->c.ttc_cents);
	vat_label(q->c.vat_bp, c[9], sizeof c[9]);
	for (int i = 0; i < 9; i++)
		row[i] = c[i];
	row[9] = quote_status_name(q->status);
	row[10] = q->number;
	row[11] = c[9];
	row[12] = q->member_name;
	return (r->rc = report_table_add(r->t, row)) != BORNE_OK;
}

int
cmd_quote_list(Admin *a, int argc, char **argv)
{
	static const char *const head[] = {
		"id", "mission_id", "member_id", "hours", "rate_cents",
		"supplies_cents", "ht_cents", "vat_cents", "ttc_cents", "status",
		"number", "vat_rate", "member"
	};
	AdminOpt opts[] = { { "--mission", 1, NULL }, { NULL, 0, NULL } };
	char *pos[1];
	int64_t mission = 0;
	int n, rc;
	Rows r;

	if ((rc = admin_args(a, argc, argv, opts, pos, 0, 0, &n)) != ADMIN_GO ||
	    (opts[0].value != NULL &&
	     (rc = admin_parse_id(a, opts[0].value, "--mission", &mission)) !=
	     ADMIN_GO) ||
	    (rc = admin_open(a)) != ADMIN_GO)
		return rc;
	r.a = a;
	r.rc = BORNE_OK;
	if ((r.t = report_table_new(13, head, "rrrrrrrrrllrl")) == NULL)
		return admin_refuse("out of memory");
	rc = quote_each(a->st, mission, quote_row, &r);
	if (rc == BORNE_OK)
		rc = r.rc;
	if (rc == BORNE_OK)
		rc = report_table_print(r.t, a->fmt, stdout);
	report_table_free(r.t);
	return rc == BORNE_OK ? ADMIN_EXIT_OK :
	       admin_store_error(a, rc, "listing quotes");
}

int
cmd_quote_accept(Admin *a, int argc, char **argv)
{
	AdminOpt opts[] = { { "--by", 1, NULL }, { NULL, 0, NULL } };
	char *pos[1];
	int64_t id, by;
	int n, rc;
	Quote q;

	if ((rc = admin_args(a, argc, argv, opts, pos, 1, 1, &n)) != ADMIN_GO ||
	    (rc = admin_parse_id(a, pos[0], "ID", &id)) != ADMIN_GO)
		return rc;
	if (opts[0].value == NULL)
		return admin_usage_error(a, "missing --by MEMBER_ID");
	if ((rc = admin_parse_id(a, opts[0].value, "--by", &by)) != ADMIN_GO ||
	    (rc = admin_open(a)) != ADMIN_GO)
		return rc;
	if ((rc = quote_accept(a->st, id, by, a->now_utc, NULL)) != BORNE_OK)
		return admin_store_error(a, rc, NULL);
	if ((rc = quote_get(a->st, id, &q)) != BORNE_OK)
		return admin_store_error(a, rc, "reading the quote back");
	printf("quote %s accepted: mission %lld taken by member %lld for %lld.%02lld "
	       "EUR\n", q.number, (long long)q.mission_id, (long long)q.member_id,
	       (long long)(q.c.ttc_cents / 100), (long long)(q.c.ttc_cents % 100));
	return ADMIN_EXIT_OK;
}

int
cmd_quote_vat(Admin *a, int argc, char **argv)
{
	char *pos[1], label[16];
	int n, rc, bp;

	if ((rc = admin_args(a, argc, argv, NULL, pos, 0, 1, &n)) != ADMIN_GO)
		return rc;
	if (n == 1 && quote_vat_parse(pos[0], &bp) != BORNE_OK)
		return admin_refuse("VAT \"%.20s\" is not one of 20, 10, 5.5 or "
		                    "exempt", pos[0]);
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	if (n == 1 && (rc = quote_vat_set(a->st, bp, 0, a->now_utc)) != BORNE_OK)
		return admin_store_error(a, rc, NULL);
	vat_label(quote_vat_rate(a->st), label, sizeof label);
	if (strcmp(label, "exempt") == 0)
		printf("VAT on quotes: not applicable (art. 293 B du CGI)\n");
	else
		printf("VAT on quotes: %s %%\n", label);
	return ADMIN_EXIT_OK;
}

int
cmd_quote_fair(Admin *a, int argc, char **argv)
{
	char *pos[2], lo_s[24], hi_s[24], *dash;
	MissionCategory cat = CAT_JARDIN;
	int n, rc, lo, hi;

	if ((rc = admin_args(a, argc, argv, NULL, pos, 0, 2, &n)) != ADMIN_GO)
		return rc;
	if (n == 1)
		return admin_usage_error(a, "give a category and LOW-HIGH, or "
		                         "nothing to list");
	if (n == 2) {
		if (admin_parse_category(pos[0], &cat) != BORNE_OK)
			return admin_refuse("unknown category \"%.30s\"", pos[0]);
		if ((dash = strchr(pos[1], '-')) == NULL)
			return admin_refuse("\"%.30s\" is not LOW-HIGH euros an hour "
			                    "(12-20)", pos[1]);
		*dash = '\0';
		if (quote_cents_parse(pos[1], QUOTE_RATE_MAX, &lo) != BORNE_OK ||
		    quote_cents_parse(dash + 1, QUOTE_RATE_MAX, &hi) != BORNE_OK)
			return admin_refuse("LOW-HIGH are euros an hour (12-20, "
			                    "12.50-18)");
	}
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	if (n == 2 &&
	    (rc = quote_fair_set(a->st, cat, lo, hi, 0, a->now_utc)) != BORNE_OK)
		return admin_store_error(a, rc, NULL);
	for (int c = 0; c < CAT_COUNT; c++) {
		quote_fair_range(a->st, (MissionCategory)c, &lo, &hi);
		money(lo, lo_s, sizeof lo_s);
		money(hi, hi_s, sizeof hi_s);
		printf("%-10s %s-%s EUR/h\n", mission_category_name((MissionCategory)c),
		       lo_s, hi_s);
	}
	return ADMIN_EXIT_OK;
}

/* quote coop [NAME]: the cooperative's name printed on quotes (the back
** office's page and PDF). */
int
cmd_quote_coop(Admin *a, int argc, char **argv)
{
	char *pos[1], name[BORNE_CH_BYTES(QUOTE_COOP_MAX_CH)];
	int n, rc;

	if ((rc = admin_args(a, argc, argv, NULL, pos, 0, 1, &n)) != ADMIN_GO ||
	    (rc = admin_open(a)) != ADMIN_GO)
		return rc;
	if (n == 1 && (rc = quote_coop_set(a->st, pos[0], 0, a->now_utc)) !=
	    BORNE_OK)
		return rc == BORNE_EINVAL ? admin_refuse("the cooperative's name is "
		                                         "1 to 120 characters on one "
		                                         "line")
		       : admin_store_error(a, rc, NULL);
	quote_coop_name(a->st, name, sizeof name);
	printf("name on quotes: %s\n", name);
	return ADMIN_EXIT_OK;
}
