/* test_quote.c -- quotes: the sum with each VAT rate and the exemption,
** its rounding, the parsers, the fair price, and the stored life of a
** quote (who may make one, acceptance, the others declined and told). */
#include <string.h>

#include "borne.h"
#include "check.h"
#include "core_fixture.h"
#include "member.h"
#include "mission.h"
#include "quote.h"

/* One line of the arithmetic table. */
typedef struct Case {
	int hours_centi, rate_cents, supplies_cents, vat_bp;
	long long labour, ht, vat, ttc;
} Case;

static const Case cases[] = {
	/* 3 h at 15 €, 12 € of supplies, each rate and the exemption. */
	{ 300, 1500, 1200, 2000, 4500, 5700, 1140, 6840 },
	{ 300, 1500, 1200, 1000, 4500, 5700, 570, 6270 },
	{ 300, 1500, 1200, 550, 4500, 5700, 314, 6014 },   /* 313.5 -> 314 */
	{ 300, 1500, 1200, QUOTE_VAT_EXEMPT, 4500, 5700, 0, 5700 },
	/* Labour rounded to the cent, a half cent going up. */
	{ 125, 1299, 0, 2000, 1624, 1624, 325, 1949 },     /* 1623.75; 324.8 */
	{ 150, 1233, 0, 2000, 1850, 1850, 370, 2220 },     /* 1849.5 -> 1850 */
	{ 1, 1, 0, 2000, 0, 0, 0, 0 },                     /* 0.01 -> 0 */
	{ 50, 1, 0, 550, 1, 1, 0, 1 },                     /* 0.5 -> 1 */
	/* VAT once on the total, not per line: 0.10 x 5.5 % + 0.10 x 5.5 %
	** would be 1 + 1 cents; on 0.20 it is 1.1 -> 1. */
	{ 100, 10, 10, 550, 10, 20, 1, 21 },
	/* The bounds. */
	{ QUOTE_HOURS_MAX, QUOTE_RATE_MAX, QUOTE_SUPPLIES_MAX, 2000,
	  20000000, 21000000, 4200000, 25200000 },
};

static void
test_arithmetic(void)
{
	QuoteCalc c;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const Case *k = &cases[i];

		CHECK_INT(quote_compute(k->hours_centi, k->rate_cents,
		                        k->supplies_cents, k->vat_bp, &c), BORNE_OK);
		CHECK_INT(c.labour_cents, k->labour);
		CHECK_INT(c.ht_cents, k->ht);
		CHECK_INT(c.vat_cents, k->vat);
		CHECK_INT(c.ttc_cents, k->ttc);
		CHECK_INT(c.ttc_cents, c.ht_cents + c.vat_cents);
	}
	CHECK_INT(quote_compute(0, 1500, 0, 2000, &c), BORNE_EINVAL);
	CHECK_INT(quote_compute(QUOTE_HOURS_MAX + 1, 1500, 0, 2000, &c), BORNE_EINVAL);
	CHECK_INT(quote_compute(100, 0, 0, 2000, &c), BORNE_EINVAL);
	CHECK_INT(quote_compute(100, 1500, -1, 2000, &c), BORNE_EINVAL);
	CHECK_INT(quote_compute(100, 1500, 0, 1960, &c), BORNE_EINVAL);
	CHECK_INT(quote_compute(100, 1500, 0, 0, &c), BORNE_EINVAL);
}

/* The lines in words, one builder for the kiosk, the page and the PDF:
** each sum spelled out, in both languages, and the exemption's mention
** in the VAT's place. */
static void
test_lines(void)
{
	QuoteLine l[QUOTE_LINES];
	QuoteCalc c;

	CHECK_INT(quote_compute(250, 1400, 500, 2000, &c), BORNE_OK);
	CHECK_INT(quote_lines(&c, LANG_FR, l), QUOTE_LINES);
	CHECK_STR(l[0].label, "Travail");
	CHECK_STR(l[0].calc, "2,5 h \u00D7 14,00 \u20AC");
	CHECK_STR(l[0].amount, "35,00 \u20AC");
	CHECK_STR(l[1].calc, "");
	CHECK_STR(l[1].amount, "5,00 \u20AC");
	CHECK_STR(l[2].calc, "35,00 \u20AC + 5,00 \u20AC");
	CHECK_INT(l[2].total, 1);
	CHECK_STR(l[3].label, "TVA \u00E0 20 %");
	CHECK_STR(l[3].calc, "40,00 \u20AC \u00D7 20 %");
	CHECK_STR(l[3].amount, "8,00 \u20AC");
	CHECK_STR(l[4].calc, "40,00 \u20AC + 8,00 \u20AC");
	CHECK_STR(l[4].amount, "48,00 \u20AC");
	CHECK_INT(l[4].total, 1);

	CHECK_INT(quote_compute(125, 1299, 0, 550, &c), BORNE_OK);
	CHECK_INT(quote_lines(&c, LANG_EN, l), QUOTE_LINES);
	CHECK_STR(l[0].label, "Work");
	CHECK_STR(l[0].calc, "1.25 h \u00D7 \u20AC12.99");
	CHECK_STR(l[3].label, "VAT at 5.5%");
	CHECK_STR(l[4].amount, "\u20AC17.13");

	CHECK_INT(quote_compute(100, 1500, 0, QUOTE_VAT_EXEMPT, &c), BORNE_OK);
	CHECK_INT(quote_lines(&c, LANG_FR, l), QUOTE_LINES);
	CHECK_STR(l[3].label, "TVA non applicable, art. 293 B du CGI");
	CHECK_STR(l[3].calc, "");
	CHECK_STR(l[3].amount, "0,00 \u20AC");
	CHECK_STR(l[4].amount, "15,00 \u20AC");
}

static void
test_parsers(void)
{
	int v = -7;

	CHECK_INT(quote_vat_parse("20", &v), BORNE_OK);
	CHECK_INT(v, 2000);
	CHECK_INT(quote_vat_parse("5,5", &v), BORNE_OK);
	CHECK_INT(v, 550);
	CHECK_INT(quote_vat_parse("5.50", &v), BORNE_OK);
	CHECK_INT(v, 550);
	CHECK_INT(quote_vat_parse("20 %", &v), BORNE_OK);
	CHECK_INT(v, 2000);
	CHECK_INT(quote_vat_parse("5,5%", &v), BORNE_OK);
	CHECK_INT(v, 550);
	CHECK_INT(quote_vat_parse("%", &v), BORNE_EINVAL);
	CHECK_INT(quote_vat_parse("exempt", &v), BORNE_OK);
	CHECK_INT(v, QUOTE_VAT_EXEMPT);
	CHECK_INT(quote_vat_parse("19.6", &v), BORNE_EINVAL);
	CHECK_INT(quote_vat_parse("", &v), BORNE_EINVAL);
	CHECK_INT(quote_vat_parse(NULL, &v), BORNE_EINVAL);

	CHECK_INT(quote_hours_parse("2", &v), BORNE_OK);
	CHECK_INT(v, 200);
	CHECK_INT(quote_hours_parse("2,5", &v), BORNE_OK);
	CHECK_INT(v, 250);
	CHECK_INT(quote_hours_parse("1.25", &v), BORNE_OK);
	CHECK_INT(v, 125);
	CHECK_INT(quote_hours_parse("1h30", &v), BORNE_OK);
	CHECK_INT(v, 150);
	CHECK_INT(quote_hours_parse("2h", &v), BORNE_OK);
	CHECK_INT(v, 200);
	CHECK_INT(quote_hours_parse("0h45", &v), BORNE_OK);
	CHECK_INT(v, 75);
	CHECK_INT(quote_hours_parse("1h20", &v), BORNE_EINVAL); /* 1.333... */
	CHECK_INT(quote_hours_parse("1h75", &v), BORNE_EINVAL);
	CHECK_INT(quote_hours_parse("h30", &v), BORNE_EINVAL);
	CHECK_INT(quote_hours_parse("1.255", &v), BORNE_EINVAL);
	CHECK_INT(quote_hours_parse("0", &v), BORNE_EINVAL);
	CHECK_INT(quote_hours_parse("201", &v), BORNE_EINVAL);
	CHECK_INT(quote_hours_parse("-1", &v), BORNE_EINVAL);
	CHECK_INT(quote_hours_parse("1.", &v), BORNE_EINVAL);
	CHECK_INT(quote_hours_parse(".5", &v), BORNE_EINVAL);
	CHECK_INT(quote_hours_parse("99999999999999", &v), BORNE_EINVAL);

	CHECK_INT(quote_cents_parse("12", QUOTE_RATE_MAX, &v), BORNE_OK);
	CHECK_INT(v, 1200);
	CHECK_INT(quote_cents_parse("12,5", QUOTE_RATE_MAX, &v), BORNE_OK);
	CHECK_INT(v, 1250);
	CHECK_INT(quote_cents_parse("0", QUOTE_RATE_MAX, &v), BORNE_OK);
	CHECK_INT(v, 0);
	CHECK_INT(quote_cents_parse("1000.01", QUOTE_RATE_MAX, &v), BORNE_EINVAL);
	CHECK_INT(quote_cents_parse("12 €", QUOTE_RATE_MAX, &v), BORNE_EINVAL);
}

static int
count_status(const Quote *q, void *ctx)
{
	int *n = ctx;

	n[q->status]++;
	return 0;
}

static void
test_stored(void)
{
	Store *st = fx_open("quote.db");
	MissionDraft d;
	Mission m;
	Quote q, told[4];
	QuoteRefusal why = QREFUSE_COUNT;
	int64_t poster, zoe, noe, adult, staff, mid, fixed_id, q1, q2, q3;
	int lo, hi, n, counts[QUOTE_STATUS_COUNT];

	CHECK_INT(member_add(st, "Claire Poster", ROLE_COWORKER, 0, NULL, NULL, 0,
	                     1000, &poster), BORNE_OK);
	CHECK_INT(member_add(st, "Zoé K.", ROLE_COOPERATOR, 1, NULL, NULL, 0, 1000,
	                     &zoe), BORNE_OK);
	CHECK_INT(member_add(st, "Noé B.", ROLE_COOPERATOR, 0, NULL, NULL, 0, 1000,
	                     &noe), BORNE_OK);
	CHECK_INT(member_add(st, "Adam A.", ROLE_COOPERATOR, 0, NULL, NULL, 0, 1000,
	                     &adult), BORNE_OK);
	CHECK_INT(member_add(st, "Bernard F.", ROLE_FACILITATOR, 0, NULL, NULL, 0,
	                     1000, &staff), BORNE_OK);

	/* The space's VAT: the configuration's default until staff set it. */
	CHECK_INT(quote_vat_rate(st), 2000);
	CHECK_INT(quote_vat_set(st, 550, zoe, 1000), BORNE_EPERM);
	CHECK_INT(quote_vat_set(st, 1960, staff, 1000), BORNE_EINVAL);
	CHECK_INT(quote_vat_set(st, 550, staff, 1000), BORNE_OK);
	CHECK_INT(quote_vat_rate(st), 550);
	CHECK_INT(fx_sql_int(st, "SELECT COUNT(*) FROM audit WHERE action ="
	                     " 'setting.set' AND detail = 'vat_rate = 5.50'"), 1);
	CHECK_INT(quote_vat_set(st, QUOTE_VAT_EXEMPT, 0, 1000), BORNE_OK);
	CHECK_INT(quote_vat_rate(st), QUOTE_VAT_EXEMPT);
	CHECK_INT(quote_vat_set(st, 2000, 0, 1000), BORNE_OK);

	/* Fair price: a default table, changed per category by staff. */
	quote_fair_range(st, CAT_JARDIN, &lo, &hi);
	CHECK_INT(lo, 1200);
	CHECK_INT(hi, 2000);
	CHECK_INT(quote_fair_set(st, CAT_JARDIN, 1400, 1300, staff, 1000),
	          BORNE_EINVAL);
	CHECK_INT(quote_fair_set(st, CAT_JARDIN, 1350, 2250, staff, 1000), BORNE_OK);
	quote_fair_range(st, CAT_JARDIN, &lo, &hi);
	CHECK_INT(lo, 1350);
	CHECK_INT(hi, 2250);
	quote_fair_range(st, CAT_CUISINE, &lo, &hi);
	CHECK_INT(lo, 1200);
	CHECK_INT(quote_fair_side(1100, 1200, 1800), -1);
	CHECK_INT(quote_fair_side(1200, 1200, 1800), 0);
	CHECK_INT(quote_fair_side(1801, 1200, 1800), 1);

	/* A "Prix à discuter" mission open to minors, and a fixed-price one. */
	mission_draft_init(&d);
	strcpy(d.title, "Réparer un vélo");
	strcpy(d.description, "Changer la chambre à air et régler les freins.");
	d.category = CAT_BRICOLAGE;
	strcpy(d.place, "Atelier");
	d.reward_kind = REWARD_QUOTE;
	d.minors_ok = 1;
	CHECK_INT(mission_add(st, &d, staff, 1000, &mid), BORNE_OK);
	d.reward_kind = REWARD_FIXED;
	d.reward_cents = 2000;
	d.minors_ok = 0;
	CHECK_INT(mission_add(st, &d, staff, 1000, &fixed_id), BORNE_OK);

	/* Who may quote. */
	CHECK_INT(quote_add(st, fixed_id, noe, 200, 1500, 0, 2000, NULL, &why),
	          BORNE_EREFUSED);
	CHECK_INT(why, QREFUSE_NOT_QUOTE);
	CHECK_INT(quote_add(st, mid, staff, 200, 1500, 0, 2000, NULL, &why),
	          BORNE_EREFUSED);
	CHECK_INT(why, QREFUSE_OWN);
	CHECK_INT(quote_add(st, mid, noe, 0, 1500, 0, 2000, NULL, &why),
	          BORNE_EINVAL);

	/* Zoé (16) quotes 2 h 30 at 14 € plus 8.50 € of supplies. The
	** numbers follow each other within a year. */
	CHECK_INT(quote_add(st, mid, zoe, 250, 1400, 850, fx_t("2026-03-02 10:00"),
	                    &q1, &why), BORNE_OK);
	CHECK_INT(why, QREFUSE_NONE);
	CHECK_INT(quote_get(st, q1, &q), BORNE_OK);
	CHECK_STR(q.number, "D2026-0001");
	CHECK_STR(q.member_name, "Zoé K.");
	CHECK_INT(q.status, QUOTE_PROPOSED);
	CHECK_INT(q.c.labour_cents, 3500);
	CHECK_INT(q.c.ht_cents, 4350);
	CHECK_INT(q.c.vat_cents, 870);
	CHECK_INT(q.c.ttc_cents, 5220);
	CHECK_INT(quote_add(st, mid, zoe, 300, 1400, 0, fx_t("2026-03-02 10:05"),
	                    NULL, &why), BORNE_EREFUSED);
	CHECK_INT(why, QREFUSE_ALREADY);
	CHECK_INT(quote_add(st, mid, noe, 300, 1300, 0, fx_t("2026-03-02 11:00"),
	                    &q2, &why), BORNE_OK);
	CHECK_INT(quote_add(st, mid, adult, 200, 2000, 0, fx_t("2026-03-02 12:00"),
	                    &q3, &why), BORNE_OK);
	CHECK_INT(quote_withdraw(st, q3, noe, fx_t("2026-03-02 12:01")), BORNE_EPERM);
	CHECK_INT(quote_withdraw(st, q3, adult, fx_t("2026-03-02 12:01")), BORNE_OK);
	CHECK_INT(quote_get(st, q2, &q), BORNE_OK);
	CHECK_STR(q.number, "D2026-0002");
	CHECK_INT(quote_get(st, q3, &q), BORNE_OK);
	CHECK_INT(q.status, QUOTE_WITHDRAWN);

	/* Only the poster or staff accept; the mission is then Zoé's at her
	** price, the other waiting quote declined, the withdrawn one left. */
	CHECK_INT(quote_accept(st, q1, noe, fx_t("2026-03-03 09:00"), &why),
	          BORNE_EPERM);
	CHECK_INT(why, QREFUSE_NOT_POSTER);
	CHECK_INT(quote_accept(st, q1, staff, fx_t("2026-03-03 09:00"), &why),
	          BORNE_OK);
	CHECK_INT(mission_get(st, mid, &m), BORNE_OK);
	CHECK_INT(m.status, MISSION_TAKEN);
	CHECK_INT(m.d.reward_cents, 5220);
	CHECK_INT(mission_is_taker(st, mid, zoe), 1);
	memset(counts, 0, sizeof counts);
	CHECK_INT(quote_each(st, mid, count_status, counts), BORNE_OK);
	CHECK_INT(counts[QUOTE_ACCEPTED], 1);
	CHECK_INT(counts[QUOTE_DECLINED], 1);
	CHECK_INT(counts[QUOTE_WITHDRAWN], 1);
	CHECK_INT(counts[QUOTE_PROPOSED], 0);
	CHECK_INT(fx_sql_int(st, "SELECT COUNT(*) FROM audit WHERE action ="
	                     " 'quote.accept'"), 1);
	CHECK_INT(quote_accept(st, q2, staff, fx_t("2026-03-03 09:01"), &why),
	          BORNE_EREFUSED);
	CHECK_INT(why, QREFUSE_NOT_PROPOSED);

	/* Noé is told once, at his next tap. */
	CHECK_INT(quote_declined_untold(st, noe, told, 4, &n), BORNE_OK);
	CHECK_INT(n, 1);
	CHECK_INT(told[0].id, q2);
	CHECK_INT(quote_mark_told(st, noe), BORNE_OK);
	CHECK_INT(quote_declined_untold(st, noe, told, 4, &n), BORNE_OK);
	CHECK_INT(n, 0);

	/* A new year starts its numbers again. */
	d.reward_kind = REWARD_QUOTE;
	d.minors_ok = 0;
	CHECK_INT(mission_add(st, &d, poster, 1000, &mid), BORNE_OK);
	if (store_rules(st)->approval_required)
		CHECK_INT(mission_approve(st, mid, staff, 1000), BORNE_OK);
	CHECK_INT(quote_add(st, mid, zoe, 100, 1500, 0, fx_t("2027-01-04 10:00"),
	                    NULL, &why), BORNE_EREFUSED);
	CHECK_INT(why, QREFUSE_MINOR);
	CHECK_INT(quote_add(st, mid, noe, 100, 1500, 0, fx_t("2027-01-04 10:00"),
	                    &q1, &why), BORNE_OK);
	CHECK_INT(quote_get(st, q1, &q), BORNE_OK);
	CHECK_STR(q.number, "D2027-0001");
	/* The poster, a coworker, accepts with their own badge. */
	CHECK_INT(quote_accept(st, q1, poster, fx_t("2027-01-05 10:00"), &why),
	          BORNE_OK);
	CHECK_INT(quote_get(st, q1, &q), BORNE_OK);
	CHECK_INT(q.status, QUOTE_ACCEPTED);
	CHECK_INT(q.decided_utc, fx_t("2027-01-05 10:00"));

	/* A deactivated member's quote cannot be accepted: the take refuses
	** and nothing of the acceptance stays. */
	CHECK_INT(mission_add(st, &d, staff, 1000, &mid), BORNE_OK);
	CHECK_INT(quote_add(st, mid, adult, 100, 1500, 0, fx_t("2027-01-06 10:00"),
	                    &q1, &why), BORNE_OK);
	CHECK_INT(member_deactivate(st, adult, staff, fx_t("2027-01-06 11:00")),
	          BORNE_OK);
	CHECK_INT(quote_accept(st, q1, staff, fx_t("2027-01-06 12:00"), &why),
	          BORNE_EREFUSED);
	CHECK_INT(why, QREFUSE_CANNOT_TAKE);
	CHECK_INT(quote_get(st, q1, &q), BORNE_OK);
	CHECK_INT(q.status, QUOTE_PROPOSED);
	CHECK_INT(mission_get(st, mid, &m), BORNE_OK);
	CHECK_INT(m.status, MISSION_OPEN);
	CHECK_INT(m.d.reward_cents, 0);

	store_close(st);
}

int
main(void)
{
	fx_setup();
	test_arithmetic();
	test_lines();
	test_parsers();
	test_stored();
	return check_done();
}
