/* test_mission.c -- posting, approval, the board (search, filters, order,
** paging), takes and their limits, release, done, cancel, expiry. */
#include <stdlib.h>
#include <string.h>

#include "borne.h"
#include "check.h"
#include "core_fixture.h"
#include "member.h"
#include "mission.h"
#include "store.h"
#include "timeutil.h"

#define NOW fx_t("2025-05-05T10:00")      /* a Monday */
/* Missions of the search at scale (test_search_scale). */
#define SCALE_N 3000

static int64_t coworker, facil, adult, adult2, minor;

static int64_t
post(Store *st, int64_t who, const char *title, const char *desc,
     MissionCategory cat, const char *from, const char *to, int places,
     int minors_ok, int64_t now)
{
	MissionDraft d;
	int64_t id = 0;

	mission_draft_init(&d);
	snprintf(d.title, sizeof d.title, "%s", title);
	snprintf(d.description, sizeof d.description, "%s", desc);
	d.category = cat;
	snprintf(d.date_from, sizeof d.date_from, "%s", from);
	snprintf(d.date_to, sizeof d.date_to, "%s", to);
	d.places = places;
	d.minors_ok = minors_ok;
	CHECK_INT(mission_add(st, &d, who, now, &id), BORNE_OK);
	if (id == 0)
		fprintf(stderr, "  post %s: %s\n", title, store_errmsg(st));
	return id;
}

static int
search(Store *st, const char *text, int category, int minors, char *titles)
{
	MissionQuery q = { category, text, minors, 0, -1, 0, 50 };
	MissionCard cards[50];
	int n = -1, total = -1;

	titles[0] = '\0';
	CHECK_INT(mission_search(st, &q, cards, &n, &total), BORNE_OK);
	CHECK_INT(n, total);
	for (int i = 0; i < n; i++) {
		strcat(titles, cards[i].title);
		strcat(titles, "|");
	}
	return n;
}

static void
test_validate(void)
{
	MissionDraft d;
	MissionField f;
	char why[128], *huge = malloc(10241);

	mission_draft_init(&d);
	CHECK_INT(d.category, CAT_AUTRE);
	CHECK_INT(d.places, 1);
	CHECK_INT(d.reward_kind, REWARD_TIP);
	CHECK_INT(mission_validate(&d, &f, why, sizeof why), BORNE_EINVAL);
	CHECK_INT(f, MFIELD_TITLE);
	CHECK_STR(why, "title is empty");
	/* A 10 KB title: refused with the field named, nothing overflows. */
	memset(huge, 'A', 10240);
	huge[10240] = '\0';
	snprintf(d.title, sizeof d.title, "%s", huge);
	CHECK_INT(mission_validate(&d, &f, why, sizeof why), BORNE_EINVAL);
	CHECK_INT(f, MFIELD_TITLE);
	CHECK_STR(why, "title is longer than 120 characters");
	free(huge);
	snprintf(d.title, sizeof d.title, "Arroser\tles plantes");
	CHECK_INT(mission_validate(&d, &f, why, sizeof why), BORNE_EINVAL);
	CHECK_STR(why, "title has a control character");
	snprintf(d.title, sizeof d.title, "Arroser\xE2\x81\xA6 les plantes");
	CHECK_INT(mission_validate(&d, &f, why, sizeof why), BORNE_EINVAL);
	CHECK_INT(f, MFIELD_TITLE);
	CHECK_STR(why,
	          "title has an invisible or direction-changing character (U+2066)");
	snprintf(d.title, sizeof d.title, "Arroser les plantes 🌱");
	CHECK_INT(mission_validate(&d, &f, why, sizeof why), BORNE_OK);
	CHECK_INT(f, MFIELD_NONE);
	CHECK_STR(why, "");

	snprintf(d.description, sizeof d.description, "Deux fois\npar semaine.\tMerci");
	CHECK_INT(mission_validate(&d, &f, why, sizeof why), BORNE_OK);
	memset(d.description, 'x', 2001);
	d.description[2001] = '\0';
	CHECK_INT(mission_validate(&d, &f, why, sizeof why), BORNE_EINVAL);
	CHECK_INT(f, MFIELD_DESCRIPTION);
	CHECK_STR(why, "description is longer than 2000 characters");
	snprintf(d.description, sizeof d.description, "caf\xE9");
	CHECK_INT(mission_validate(&d, &f, why, sizeof why), BORNE_EINVAL);
	CHECK_STR(why, "description is not valid UTF-8");
	d.description[0] = '\0';

	for (int i = 0; i < 81; i++)
		memcpy(d.place + 2 * i, "é", 2);
	d.place[162] = '\0';
	CHECK_INT(mission_validate(&d, &f, why, sizeof why), BORNE_EINVAL);
	CHECK_INT(f, MFIELD_PLACE);
	CHECK_STR(why, "place is longer than 80 characters");
	snprintf(d.place, sizeof d.place, "L'Atelier, 2e étage");

	d.category = (MissionCategory)CAT_COUNT;
	CHECK_INT(mission_validate(&d, &f, why, sizeof why), BORNE_EINVAL);
	CHECK_INT(f, MFIELD_CATEGORY);
	d.category = CAT_JARDIN;

	snprintf(d.date_to, sizeof d.date_to, "2025-05-10");
	CHECK_INT(mission_validate(&d, &f, why, sizeof why), BORNE_EINVAL);
	CHECK_INT(f, MFIELD_WHEN);
	CHECK_STR(why, "an end date needs a start date");
	snprintf(d.date_from, sizeof d.date_from, "2025-05-12");
	CHECK_INT(mission_validate(&d, &f, why, sizeof why), BORNE_EINVAL);
	CHECK_STR(why, "end date is before the start date");
	snprintf(d.date_from, sizeof d.date_from, "2025-05-32");
	CHECK_INT(mission_validate(&d, &f, why, sizeof why), BORNE_EINVAL);
	CHECK_STR(why, "start date is not a date (YYYY-MM-DD)");
	snprintf(d.date_from, sizeof d.date_from, "2025-05-08");
	CHECK_INT(mission_validate(&d, &f, why, sizeof why), BORNE_OK);

	d.duration_min = -1;
	CHECK_INT(mission_validate(&d, &f, why, sizeof why), BORNE_EINVAL);
	CHECK_INT(f, MFIELD_DURATION);
	d.duration_min = MISSION_DURATION_MAX + 1;
	CHECK_INT(mission_validate(&d, &f, why, sizeof why), BORNE_EINVAL);
	d.duration_min = 90;
	d.places = 0;
	CHECK_INT(mission_validate(&d, &f, why, sizeof why), BORNE_EINVAL);
	CHECK_INT(f, MFIELD_PLACES);
	d.places = MISSION_PLACES_MAX + 1;
	CHECK_INT(mission_validate(&d, &f, why, sizeof why), BORNE_EINVAL);
	CHECK_STR(why, "people needed must be between 1 and 20");
	d.places = 2;
	d.reward_kind = REWARD_FIXED;
	d.reward_cents = 0;
	CHECK_INT(mission_validate(&d, &f, why, sizeof why), BORNE_EINVAL);
	CHECK_INT(f, MFIELD_REWARD);
	d.reward_cents = MISSION_REWARD_MAX + 1;
	CHECK_INT(mission_validate(&d, &f, why, sizeof why), BORNE_EINVAL);
	d.reward_cents = 1500;
	CHECK_INT(mission_validate(&d, &f, why, sizeof why), BORNE_OK);
	d.reward_kind = (RewardKind)7;
	CHECK_INT(mission_validate(&d, &f, why, sizeof why), BORNE_EINVAL);
	CHECK_INT(mission_validate(&d, NULL, NULL, 0), BORNE_EINVAL);
}

static void
test_names(void)
{
	MissionStatus s;
	MissionCategory c;

	CHECK_STR(mission_status_name(MISSION_EXPIRED), "expired");
	CHECK_INT(mission_status_parse("taken", &s), BORNE_OK);
	CHECK_INT(s, MISSION_TAKEN);
	CHECK_INT(mission_status_parse("nope", &s), BORNE_EINVAL);
	CHECK_STR(mission_category_name(CAT_NUMERIQUE), "numerique");
	CHECK_INT(mission_category_parse("couture", &c), BORNE_OK);
	CHECK_INT(c, CAT_COUTURE);
	CHECK_INT(mission_category_parse("", &c), BORNE_EINVAL);
}

static void
test_approval(Store *st)
{
	MissionDraft d;
	Mission m;
	int64_t p, o, id;
	StoreRules r;

	p = post(st, coworker, "Peindre un mur", "", CAT_BRICOLAGE, "2025-05-20",
	         "", 1, 1, NOW);
	CHECK_INT(mission_get(st, p, &m), BORNE_OK);
	CHECK_INT(m.status, MISSION_PENDING);
	CHECK_STR(m.poster_name, "Zoé Coworkeuse");
	CHECK_INT((int)strlen(m.uuid), BORNE_UUID_LEN);
	o = post(st, facil, "Ranger la réserve", "", CAT_AUTRE, "", "", 1, 1, NOW);
	CHECK_INT(mission_get(st, o, &m), BORNE_OK);
	CHECK_INT(m.status, MISSION_OPEN);           /* staff: open at once */

	/* Pending is not on the board; only staff approve. */
	{
		char t[512];
		search(st, "", -1, 0, t);
		CHECK(strstr(t, "Peindre") == NULL);
	}
	CHECK_INT(mission_take(st, p, adult, NOW, NULL), BORNE_EREFUSED);
	CHECK_CONTAINS(store_errmsg(st), "pending");
	CHECK_INT(mission_approve(st, p, coworker, NOW), BORNE_EPERM);
	CHECK_INT(mission_approve(st, p, facil, NOW), BORNE_OK);
	CHECK_INT(mission_get(st, p, &m), BORNE_OK);
	CHECK_INT(m.status, MISSION_OPEN);
	CHECK_INT(mission_approve(st, p, facil, NOW), BORNE_EREFUSED);
	CHECK_INT(mission_approve(st, 9999, facil, NOW), BORNE_ENOTFOUND);

	/* Rejection keeps the reason; the log names who did it. */
	id = post(st, coworker, "Vendre des cigarettes", "", CAT_AUTRE, "", "", 1,
	          0, NOW);
	CHECK_INT(mission_reject(st, id, "Pas pour des jeunes\n", facil, NOW),
	          BORNE_EINVAL);
	CHECK_INT(mission_reject(st, id, "Pas pour des jeunes", adult, NOW),
	          BORNE_EPERM);
	CHECK_INT(mission_reject(st, id, "Pas pour des jeunes", facil, NOW), BORNE_OK);
	CHECK_INT(mission_get(st, id, &m), BORNE_OK);
	CHECK_INT(m.status, MISSION_REJECTED);
	CHECK_STR(m.reason, "Pas pour des jeunes");
	CHECK_INT(mission_approve(st, id, facil, NOW), BORNE_EREFUSED);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM audit WHERE action IN"
	                         " ('mission.approve', 'mission.reject')"), 2);

	/* Without the approval rule a coworker's mission opens at once. */
	r = *store_rules(st);
	r.approval_required = 0;
	store_rules_set(st, &r);
	id = post(st, coworker, "Trier des vis", "", CAT_BRICOLAGE, "", "", 1, 1, NOW);
	CHECK_INT(mission_get(st, id, &m), BORNE_OK);
	CHECK_INT(m.status, MISSION_OPEN);
	r.approval_required = 1;
	store_rules_set(st, &r);
	CHECK_INT(mission_cancel(st, id, coworker, NOW, NULL), BORNE_OK);

	/* A past date is recorded (facilitators record what happened); the
	** next sweep expires it if nobody took it. */
	mission_draft_init(&d);
	snprintf(d.title, sizeof d.title, "Hier");
	snprintf(d.date_from, sizeof d.date_from, "2025-05-04");
	CHECK_INT(mission_add(st, &d, coworker, NOW, &id), BORNE_OK);
	CHECK(id > 0);
	CHECK_INT(mission_expire(st, NOW, NULL), BORNE_OK);
	CHECK_INT(mission_get(st, id, &m), BORNE_OK);
	CHECK_INT(m.status, MISSION_EXPIRED);

	/* Refusals at posting. */
	d.date_from[0] = '\0';
	d.title[0] = '\0';
	CHECK_INT(mission_add(st, &d, coworker, NOW, &id), BORNE_EINVAL);
	CHECK_STR(store_errmsg(st), "title is empty");
	snprintf(d.title, sizeof d.title, "Personne");
	CHECK_INT(mission_add(st, &d, 9999, NOW, &id), BORNE_ENOTFOUND);
}

static void
test_search(Store *st)
{
	char t[2048];
	MissionQuery q = { -1, NULL, 0, 0, -1, 0, 2 };
	MissionCard cards[4];
	int n, total;

	post(st, facil, "Café solidaire", "Servir le café du matin", CAT_CUISINE,
	     "2025-05-09", "", 1, 1, NOW);
	post(st, facil, "Repeindre l'école", "Les volets de l'ÉCOLE Jules-Ferry",
	     CAT_BRICOLAGE, "2025-05-07", "2025-05-08", 1, 0, NOW);
	post(st, facil, "L'Atelier de couture", "Ourlets", CAT_COUTURE, "", "", 1,
	     1, NOW);
	post(st, facil, "'); DROP TABLE missions;--", "Ali \"Le Chef\" cuisine",
	     CAT_CUISINE, "", "", 1, 1, NOW + 1);
	post(st, facil, "Jardinage 🌻", "Désherber le potager", CAT_JARDIN,
	     "2025-05-06", "", 1, 1, NOW);

	/* Accent- and case-blind, prefixes. */
	CHECK_INT(search(st, "cafe", -1, 0, t), 1);
	CHECK_STR(t, "Café solidaire|");
	CHECK_INT(search(st, "ECOLE", -1, 0, t), 1);
	CHECK_STR(t, "Repeindre l'école|");
	CHECK_INT(search(st, "jard", -1, 0, t), 1);
	CHECK_INT(search(st, "desherb", -1, 0, t), 1);
	CHECK_INT(search(st, "  café   matin ", -1, 0, t), 1);   /* words ANDed */
	CHECK_INT(search(st, "cafe ecole", -1, 0, t), 0);
	CHECK_INT(search(st, "atelier", -1, 0, t), 1);
	CHECK_STR(t, "L'Atelier de couture|");
	CHECK_INT(search(st, "L'Atelier", -1, 0, t), 1);
	CHECK_INT(search(st, "chef", -1, 0, t), 1);
	CHECK_STR(t, "'); DROP TABLE missions;--|");
	CHECK_INT(search(st, "DROP TABLE", -1, 0, t), 1);
	CHECK_INT(search(st, "🌻", -1, 0, t), 0);
	/* FTS5 syntax in the text is just text: no error, no injection. */
	CHECK_INT(search(st, "\"", -1, 0, t), search(st, "", -1, 0, t));
	CHECK_INT(search(st, "NEAR(cafe matin)", -1, 0, t), 0);
	CHECK_INT(search(st, "cafe OR ecole", -1, 0, t), 0);
	CHECK_INT(search(st, "title:cafe", -1, 0, t), 0);
	CHECK_INT(search(st, "caf* -matin ^x", -1, 0, t), 0);
	/* No word at all: no text filter. */
	CHECK_INT(search(st, "'); --", -1, 0, t), search(st, "", -1, 0, t));
	{
		MissionQuery bad = { -1, "caf\xE9", 0, 0, -1, 0, 4 };
		MissionCard c[4];
		int n9 = 9, t9 = 9;
		CHECK_INT(mission_search(st, &bad, c, &n9, &t9), BORNE_EINVAL);
		CHECK_STR(store_errmsg(st), "search text is not valid UTF-8");
		CHECK_INT(n9, 0);
		CHECK_INT(t9, 0);
	}
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM missions"), 10);  /* 9 here, plus the past one */

	/* Category filter. */
	CHECK_INT(search(st, NULL, CAT_CUISINE, 0, t), 2);
	CHECK_INT(search(st, "cafe", CAT_CUISINE, 0, t), 1);
	CHECK_INT(search(st, "cafe", CAT_JARDIN, 0, t), 0);

	/* Order: soonest date first, flexible last, then newest. */
	search(st, NULL, -1, 0, t);
	CHECK_STR(t, "Jardinage 🌻|Repeindre l'école|Café solidaire|Peindre un mur|"
	             "'); DROP TABLE missions;--|L'Atelier de couture|"
	             "Ranger la réserve|");

	/* Minors see only minors_ok. */
	search(st, NULL, -1, 1, t);
	CHECK(strstr(t, "Repeindre") == NULL);
	CHECK(strstr(t, "Jardinage") != NULL);

	/* Paging: total says how many in all. */
	CHECK_INT(mission_search(st, &q, cards, &n, &total), BORNE_OK);
	CHECK_INT(n, 2);
	CHECK_INT(total, 7);
	CHECK_STR(cards[0].title, "Jardinage 🌻");
	CHECK_INT(cards[0].category, CAT_JARDIN);
	CHECK_STR(cards[0].date_from, "2025-05-06");
	q.offset = 6;
	CHECK_INT(mission_search(st, &q, cards, &n, &total), BORNE_OK);
	CHECK_INT(n, 1);
	CHECK_STR(cards[0].title, "Ranger la réserve");
	q.offset = 50;
	CHECK_INT(mission_search(st, &q, cards, &n, &total), BORNE_OK);
	CHECK_INT(n, 0);
	CHECK_INT(total, 7);
	q.offset = 0;
	q.limit = 0;
	CHECK_INT(mission_search(st, &q, cards, &n, &total), BORNE_OK);
	CHECK_INT(n, 0);
	CHECK_INT(total, 7);
	/* One status: the facilitator's pending list. */
	q.status = MISSION_REJECTED;
	q.limit = 4;
	CHECK_INT(mission_search(st, &q, cards, &n, &total), BORNE_OK);
	CHECK_INT(n, 1);
	CHECK_INT(cards[0].status, MISSION_REJECTED);
}

static void
test_takes(Store *st)
{
	int64_t two, flex, today, other, adults_only, m3;
	MissionCard cards[8];
	Mission m;
	int n, total;
	StoreRules r;

	two = post(st, facil, "Déménager des tables", "", CAT_BRICOLAGE,
	           "2025-05-15", "", 2, 1, NOW);
	flex = post(st, facil, "Garder un chat", "", CAT_ANIMAUX, "", "", 1, 1, NOW);
	today = post(st, facil, "Aujourd'hui", "", CAT_AUTRE, "2025-05-05",
	             "2025-05-06", 3, 1, NOW);
	adults_only = post(st, facil, "Tronçonner", "", CAT_JARDIN, "2025-05-20",
	                   "", 1, 0, NOW);

	/* Minors only take minors_ok missions. */
	CHECK_INT(mission_take(st, adults_only, minor, NOW, NULL), BORNE_EREFUSED);
	CHECK_STR(store_errmsg(st), "this mission is not open to minors");
	CHECK_INT(mission_take(st, adults_only, facil, NOW, NULL), BORNE_EREFUSED);
	CHECK_STR(store_errmsg(st), "you posted this mission");

	/* Two places: two takers, then it is taken. */
	CHECK_INT(mission_take(st, two, adult, NOW, NULL), BORNE_OK);
	CHECK_INT(mission_take(st, two, adult, NOW, NULL), BORNE_EREFUSED);
	CHECK_STR(store_errmsg(st), "you already took this mission");
	CHECK_INT(mission_get(st, two, &m), BORNE_OK);
	CHECK_INT(m.status, MISSION_OPEN);
	CHECK_INT(m.n_takers, 1);
	CHECK_INT(mission_take(st, two, minor, NOW, NULL), BORNE_OK);
	CHECK_INT(mission_get(st, two, &m), BORNE_OK);
	CHECK_INT(m.status, MISSION_TAKEN);
	CHECK_INT(m.n_takers, 2);
	CHECK_INT(mission_take(st, two, adult2, NOW, NULL), BORNE_EREFUSED);
	CHECK_STR(store_errmsg(st), "no place left on this mission");
	CHECK_INT(mission_is_taker(st, two, adult), 1);
	CHECK_INT(mission_is_taker(st, two, adult2), 0);

	/* The board hides taken ones unless asked. */
	{
		MissionQuery q = { CAT_BRICOLAGE, "tables", 0, 0, -1, 0, 8 };
		CHECK_INT(mission_search(st, &q, cards, &n, &total), BORNE_OK);
		CHECK_INT(n, 0);
		q.include_taken = 1;
		CHECK_INT(mission_search(st, &q, cards, &n, &total), BORNE_OK);
		CHECK_INT(n, 1);
		CHECK_INT(cards[0].n_takers, 2);
		CHECK_INT(cards[0].places, 2);
		CHECK_INT(cards[0].status, MISSION_TAKEN);
	}

	/* max_open_takes (2): adult holds "two"; one more, then refused. */
	CHECK_INT(mission_take(st, flex, adult, NOW, NULL), BORNE_OK);
	CHECK_INT(mission_take(st, today, adult, NOW, NULL), BORNE_EREFUSED);
	CHECK_STR(store_errmsg(st), "you already hold 2 missions, the most allowed");
	r = *store_rules(st);
	r.max_open_takes = 3;
	store_rules_set(st, &r);
	CHECK_INT(mission_take(st, today, adult, NOW, NULL), BORNE_OK);
	r.max_open_takes = 2;
	store_rules_set(st, &r);

	/* Release: before the start or for a flexible mission only. */
	CHECK_INT(mission_release(st, today, adult, NOW, NULL), BORNE_EREFUSED);
	CHECK_CONTAINS(store_errmsg(st), "already started");
	CHECK_INT(mission_release(st, two, adult2, NOW, NULL), BORNE_ENOTFOUND);
	CHECK_INT(mission_release(st, two, minor, NOW, NULL), BORNE_OK);
	CHECK_INT(mission_get(st, two, &m), BORNE_OK);
	CHECK_INT(m.status, MISSION_OPEN);          /* a place again */
	CHECK_INT(m.n_takers, 1);
	CHECK_INT(mission_release(st, flex, adult, NOW, NULL), BORNE_OK);
	CHECK_INT(mission_take(st, flex, adult, NOW, NULL), BORNE_EREFUSED); /* 2 held */
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM mission_takes WHERE"
	                         " released_utc IS NOT NULL"), 2);

	/* Takes on finished missions no longer count. */
	CHECK_INT(mission_done(st, today, adult, NOW, NULL), BORNE_EPERM);
	CHECK_CONTAINS(store_errmsg(st), "posted");
	CHECK_INT(mission_done(st, today, facil, NOW, NULL), BORNE_OK);
	CHECK_INT(mission_done(st, today, facil, NOW, NULL), BORNE_EREFUSED);
	CHECK_INT(mission_take(st, flex, adult, NOW, NULL), BORNE_OK);     /* again */
	other = post(st, coworker, "Porter des cartons", "", CAT_AUTRE, "", "", 1,
	             1, NOW);
	CHECK_INT(mission_approve(st, other, 0, NOW), BORNE_OK);   /* command line */
	CHECK_INT(mission_take(st, other, adult, NOW, NULL), BORNE_EREFUSED); /* holds 2 */
	CHECK_INT(mission_take(st, other, adult2, NOW, NULL), BORNE_OK);
	/* Done by staff for someone else's mission: audited. By its poster
	** (today, posted by the facilitator): not. */
	CHECK_INT(mission_done(st, other, facil, NOW, NULL), BORNE_OK);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM audit WHERE action = "
	                         "'mission.done'"), 1);

	/* My missions: taken or posted, not finished, newest first. */
	CHECK_INT(mission_of_member(st, adult, cards, 8, &n), BORNE_OK);
	CHECK_INT(n, 2);
	CHECK_INT(mission_of_member(st, coworker, cards, 8, &n), BORNE_OK);
	CHECK(n >= 2);
	for (int i = 0; i < n; i++)
		CHECK(cards[i].status != MISSION_DONE && cards[i].status != MISSION_CANCELLED);
	CHECK_INT(mission_of_member(st, coworker, cards, 1, &n), BORNE_OK);
	CHECK_INT(n, 1);

	/* Cancel: poster or staff only. */
	m3 = post(st, coworker, "Annulée", "", CAT_AUTRE, "", "", 1, 1, NOW);
	CHECK_INT(mission_cancel(st, m3, adult, NOW, NULL), BORNE_EPERM);
	CHECK_INT(mission_cancel(st, m3, coworker, NOW, NULL), BORNE_OK);
	CHECK_INT(mission_cancel(st, m3, coworker, NOW, NULL), BORNE_EREFUSED);
	CHECK_INT(mission_take(st, m3, adult2, NOW, NULL), BORNE_EREFUSED);
}

static int
takers(int64_t member_id, const char *name, int64_t taken_utc, void *ctx)
{
	(void)member_id; (void)taken_utc;
	strcat((char *)ctx, name);
	strcat((char *)ctx, "|");
	return 0;
}

static int
count_m(const Mission *m, void *ctx)
{
	(void)m;
	(*(int *)ctx)++;
	return 0;
}

static void
test_expire_and_lists(Store *st)
{
	char names[256] = "";
	int n = 0, n_exp = -1, before;
	int64_t id, taken;
	Mission m;

	id = post(st, facil, "Dernière minute", "", CAT_AUTRE, "2025-05-10",
	          "2025-05-11", 2, 1, NOW);
	taken = post(st, facil, "Déjà pris", "", CAT_AUTRE, "2025-05-10", "",
	             1, 1, NOW);
	CHECK_INT(mission_take(st, taken, adult2, NOW, NULL), BORNE_OK);
	CHECK_INT(mission_take(st, id, adult2, NOW, NULL), BORNE_OK);
	CHECK_INT(mission_takers_each(st, id, takers, names), BORNE_OK);
	CHECK_STR(names, "Ali \"Le Chef\"|");
	CHECK_INT(mission_each(st, -1, count_m, &n), BORNE_OK);
	before = n;
	n = 0;
	CHECK_INT(mission_each(st, MISSION_DONE, count_m, &n), BORNE_OK);
	CHECK_INT(n, 2);

	/* The 11th is its last day: still on the board that day. */
	CHECK_INT(mission_expire(st, fx_t("2025-05-11T23:00"), &n_exp), BORNE_OK);
	CHECK_INT(mission_get(st, id, &m), BORNE_OK);
	CHECK_INT(m.status, MISSION_OPEN);
	CHECK_INT(mission_expire(st, fx_t("2025-05-12T08:00"), &n_exp), BORNE_OK);
	CHECK(n_exp >= 1);
	CHECK_INT(mission_get(st, id, &m), BORNE_OK);
	CHECK_INT(m.status, MISSION_EXPIRED);
	/* A taken one waits for its poster to say it is done. */
	CHECK_INT(mission_get(st, taken, &m), BORNE_OK);
	CHECK_INT(m.status, MISSION_TAKEN);
	/* Flexible ones never expire; done ones stay done. */
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM missions WHERE date_from = ''"
	                         " AND status = 'expired'"), 0);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM missions WHERE status = 'done'"), 2);
	n = 0;
	CHECK_INT(mission_each(st, -1, count_m, &n), BORNE_OK);
	CHECK_INT(n, before);
}

/* The board's ids for q, worked out the slow and obvious way: every
** mission of the board's statuses and filters whose words match (the
** FTS index without the hidden words), sorted into board order. */
static int
slow_board(Store *st, const MissionQuery *q, const char *match,
           int64_t *ids, int max)
{
	static const char sql[] =
		"SELECT m.id FROM missions m WHERE m.status IN (?1, ?2)"
		" AND (?3 IS NULL OR m.category = ?3) AND (?4 = 0 OR m.minors_ok = 1)"
		" AND (?5 IS NULL OR m.id IN (SELECT rowid FROM missions_fts"
		"  WHERE missions_fts MATCH ?5))"
		" ORDER BY m.date_from = '', m.date_from, m.created_utc DESC, m.id DESC";
	sqlite3_stmt *s = NULL;
	int n = 0;

	CHECK_INT(sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL), SQLITE_OK);
	if (q->status >= 0) {
		sqlite3_bind_text(s, 1, mission_status_name((MissionStatus)q->status), -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, mission_status_name((MissionStatus)q->status), -1, SQLITE_STATIC);
	} else {
		sqlite3_bind_text(s, 1, "open", -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, q->include_taken ? "taken" : "open", -1, SQLITE_STATIC);
	}
	if (q->category >= 0)
		sqlite3_bind_text(s, 3, mission_category_name((MissionCategory)q->category),
		                  -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 4, q->minors_only);
	if (match != NULL)
		sqlite3_bind_text(s, 5, match, -1, SQLITE_STATIC);
	while (sqlite3_step(s) == SQLITE_ROW && n < max)
		ids[n++] = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* The total of a search of n_want matches read at offset (limit 20;
** -1: the count alone) is n_want, or cap + 1, "more than cap" (cap:
** MISSION_SEARCH_CAP or the tuned one, or the page's end when deeper). */
static int scale_cap = MISSION_SEARCH_CAP;
static int scale_capped;               /* how many totals said "more" */

static int
total_ok(int total, int n_want, int offset, const char *match)
{
	int cap = offset >= 0 && offset + 20 > scale_cap ? offset + 20 : scale_cap;

	if (total == n_want)
		return 1;
	if (match != NULL && n_want > cap && total == cap + 1) {
		scale_capped++;
		return 1;
	}
	fprintf(stderr, "  total %d, want %d (cap %d)\n", total, n_want, cap);
	return 0;
}

/* Every page of q (20 a page, and a few deep ones) against slow_board. */
static void
check_board(Store *st, MissionQuery q, const char *match, const char *what)
{
	static int64_t want[SCALE_N];
	MissionCard cards[20];
	int n_want = slow_board(st, &q, match, want, SCALE_N), n, total, want_n;
	int bad = 0;
	int offsets[] = { 0, 20, 40, 100, n_want / 2, n_want - 20, n_want - 1,
	                  n_want };

	for (size_t k = 0; k < sizeof offsets / sizeof offsets[0]; k++) {
		if (offsets[k] < 0)
			continue;
		q.offset = offsets[k];
		q.limit = 20;
		n = total = -1;
		CHECK_INT(mission_search(st, &q, cards, &n, &total), BORNE_OK);
		CHECK(total_ok(total, n_want, q.offset, match));
		want_n = n_want - q.offset < 20 ? n_want - q.offset : 20;
		CHECK_INT(n, want_n > 0 ? want_n : 0);
		for (int i = 0; i < n && i < 20; i++)
			bad += cards[i].id != want[q.offset + i];
	}
	q.offset = 0;
	q.limit = 0;
	CHECK_INT(mission_search(st, &q, NULL, &n, &total), BORNE_OK);
	CHECK(total_ok(total, n_want, -1, match));
	if (bad != 0)
		fprintf(stderr, "  %s: %d cards out of place\n", what, bad);
	CHECK_INT(bad, 0);
}

/* A search at scale (SCALE_N missions; the benchmark runs 100,000):
** whichever way a page is read (walked in board order against the
** matches, or the few matches fetched and sorted), the count and every
** page are those of the obvious query, for common and rare words,
** accents folded, with the category, minors and taken filters, after
** statuses, categories and minors changed under the index. */
static void
test_search_scale(void)
{
	static const char *const words[] = {
		"Café", "école", "chaise", "jardin", "Peindre", "volets", "soupe",
		"étagère", "tables", "chat"
	};
	static const struct { const char *text, *match; } searches[] = {
		{ "c", "\"c\"*" }, { "CA", "\"ca\"*" }, { "cafe", "\"cafe\"*" },
		{ "ÉCOLE chaise", "\"ecole\"* \"chaise\"*" },
		{ "rare", "\"rare\"*" }, { "unique4321", "\"unique4321\"*" },
		{ "mission", "\"mission\"*" }, { "zzz", "\"zzz\"*" },
		{ "caf\xEE\x80\x80", "\"caf\"*" },     /* a private-use character */
		/* One typed word, two tokens in a row (U+2019 cuts it). */
		{ "chaise\xE2\x80\x99" "ecole", "\"chaise\xE2\x80\x99" "ecole\"*" },
		{ "chaise\xE2\x80\x99" "e", "\"chaise\xE2\x80\x99" "e\"*" },
		{ "\xE2\x80\x94 CAFÉ", "\"\xE2\x80\x94\"* \"caf\xC3\xA9\"*" },  /* "—": no token */
		{ "\xC3\xA9", "\"\xC3\xA9\"*" },    /* "é": every "e..." */
		{ NULL, NULL },
	};
	Store *st = fx_open("scale.db");
	int64_t who;
	MissionDraft d;
	char today[TIME_DATE_SIZE];

	CHECK_INT(member_add(st, "Awa", ROLE_FACILITATOR, 0, NULL, NULL, 0, 1,
	                     &who), BORNE_OK);
	time_local_date(NOW, today);
	srand(7);
	CHECK_INT(store_begin(st), BORNE_OK);
	for (int i = 0; i < SCALE_N; i++) {
		mission_draft_init(&d);
		snprintf(d.title, sizeof d.title, "%s %s %s%d", words[rand() % 10],
		         words[rand() % 10], i % 97 == 0 ? "rare " : "", i);
		snprintf(d.description, sizeof d.description, "Mission %s%s.",
		         words[rand() % 10], i == 4321 ? " unique4321" : "");
		d.category = (MissionCategory)(rand() % CAT_COUNT);
		if (rand() % 4 != 0)
			time_date_add(today, rand() % 60, d.date_from);
		d.minors_ok = rand() % 2;
		/* Many share a date and a time: the id breaks the tie. */
		CHECK_INT(mission_add(st, &d, who, NOW - (i % 50), NULL), BORNE_OK);
	}
	CHECK_INT(store_commit(st), BORNE_OK);
	/* Statuses, categories and minors change under the index. */
	CHECK_INT(sqlite3_exec(store_db(st),
		"UPDATE missions SET status = 'taken' WHERE id % 7 = 0;"
		"UPDATE missions SET status = 'pending' WHERE id % 11 = 0;"
		"UPDATE missions SET status = 'done' WHERE id % 13 = 0;"
		"UPDATE missions SET category = 'jardin' WHERE id % 17 = 0;"
		"UPDATE missions SET minors_ok = 1 - minors_ok WHERE id % 19 = 0;",
		NULL, NULL, NULL), SQLITE_OK);
	/* As tuned, then with a cap of 10 and no limit to the walk: every
	** search of more than 10 matches walks the board testing words in C
	** (mission_words.c) instead of FTS5's bitmap. */
	for (int tune = 0; tune < 2; tune++) {
		int capped_before = scale_capped;

		scale_cap = tune == 0 ? MISSION_SEARCH_CAP : 10;
		mission_search_tune(tune == 0 ? 0 : 10, tune == 0 ? 0 : 1000000);
		for (int k = 0; searches[k].match != NULL; k++) {
			for (int v = 0; v < 6; v++) {
				MissionQuery q = { -1, searches[k].text, 0, 0, -1, 0, 20 };
				char what[96];

				q.category = v == 1 || v == 5 ? CAT_JARDIN : -1;
				q.minors_only = v == 2 || v == 5;
				q.include_taken = v == 3 || v == 5;
				if (v == 4)
					q.status = MISSION_PENDING;
				snprintf(what, sizeof what, "\"%s\", variant %d, tune %d",
				         searches[k].text, v, tune);
				check_board(st, q, searches[k].match, what);
			}
		}
		/* "c" and "mission" match most of the 3,000: said "more". */
		CHECK(scale_capped - capped_before >= (tune == 0 ? 4 : 100));
	}
	mission_search_tune(0, 0);
	scale_cap = MISSION_SEARCH_CAP;
	/* The board itself, without a search, open and taken merged. */
	{
		MissionQuery q = { -1, NULL, 0, 1, -1, 0, 20 };
		check_board(st, q, NULL, "board + taken");
		q.category = CAT_JARDIN;
		q.minors_only = 1;
		check_board(st, q, NULL, "board + taken, jardin, minors");
	}
	/* The hidden words cannot be typed: U+E000 is taken out of a word. */
	{
		MissionQuery q = { -1, "\xEE\x80\x80sopen", 0, 0, -1, 0, 20 };
		MissionCard cards[20];
		int n = -1, total = -1;

		CHECK_INT(mission_search(st, &q, cards, &n, &total), BORNE_OK);
		CHECK_INT(total, 0);
		CHECK_INT(n, 0);
	}
	store_close(st);
}

/* "My missions" is one page: the newest of what the member posted and
** still runs, and what they hold, merged in order; finished ones never,
** however many there are (read through the index missions_mine). */
static void
test_mine_page(void)
{
	Store *st = fx_open("mine.db");
	MissionCard cards[40];
	int64_t awa, bob, ids[30], x, y;
	int n;

	CHECK_INT(member_add(st, "Awa", ROLE_FACILITATOR, 0, NULL, NULL, 0, 1,
	                     &awa), BORNE_OK);
	CHECK_INT(member_add(st, "Bob", ROLE_FACILITATOR, 0, NULL, NULL, 0, 1,
	                     &bob), BORNE_OK);
	for (int i = 0; i < 30; i++)
		ids[i] = post(st, awa, "Mission d'Awa", "", CAT_AUTRE, "", "", 1, 1,
		              NOW + i);
	for (int i = 27; i < 30; i++)
		CHECK_INT(mission_cancel(st, ids[i], awa, NOW + 100, NULL), BORNE_OK);
	x = post(st, bob, "Prise récente", "", CAT_AUTRE, "", "", 1, 1, NOW + 500);
	y = post(st, bob, "Prise ancienne", "", CAT_AUTRE, "", "", 1, 1, NOW - 1);
	CHECK_INT(mission_take(st, x, awa, NOW + 600, NULL), BORNE_OK);
	CHECK_INT(mission_take(st, y, awa, NOW + 600, NULL), BORNE_OK);

	CHECK_INT(mission_of_member(st, awa, cards, 20, &n), BORNE_OK);
	CHECK_INT(n, 20);
	CHECK_INT(cards[0].id, x);
	for (int i = 1; i < 20; i++)
		CHECK_INT(cards[i].id, ids[27 - i]);   /* 26, 25 ... 8 */
	CHECK_INT(mission_of_member(st, awa, cards, 40, &n), BORNE_OK);
	CHECK_INT(n, 29);                            /* x, 27 of hers, y */
	CHECK_INT(cards[28].id, y);
	/* The page is read from the index, not sorted out of every row. */
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM sqlite_master WHERE"
	                         " name = 'missions_mine'"), 1);
	{
		sqlite3_stmt *s = NULL;
		int uses = 0, sorts = 0;

		sqlite3_prepare_v2(store_db(st), "EXPLAIN QUERY PLAN SELECT id FROM"
		                   " missions WHERE poster_id = 1 AND status NOT IN"
		                   " ('done', 'cancelled', 'expired') ORDER BY"
		                   " created_utc DESC, id DESC LIMIT 20", -1, &s, NULL);
		while (sqlite3_step(s) == SQLITE_ROW) {
			const char *d = (const char *)sqlite3_column_text(s, 3);
			uses |= d != NULL && strstr(d, "missions_mine") != NULL;
			sorts |= d != NULL && strstr(d, "TEMP B-TREE") != NULL;
		}
		sqlite3_finalize(s);
		CHECK(uses);
		CHECK(!sorts);
	}
	store_close(st);
}

/* Each rule that refuses says which it is (MissionRefusal), in the order
** the kiosk used to re-derive it; success and non-rule failures say none. */
static void
test_refusals(void)
{
	Store *st = fx_open("refusals.db");
	int64_t fac, ad, ad2, mi, gone, m1, m2, m3, full, mine, pend, late;
	MissionRefusal why;
	StoreRules r;

	CHECK_INT(member_add(st, "Fac", ROLE_FACILITATOR, 0, NULL, NULL, 0, 1,
	                     &fac), BORNE_OK);
	CHECK_INT(member_add(st, "Ad", ROLE_COOPERATOR, 0, NULL, NULL, 0, 1, &ad),
	          BORNE_OK);
	CHECK_INT(member_add(st, "Ad2", ROLE_COOPERATOR, 0, NULL, NULL, 0, 1,
	                     &ad2), BORNE_OK);
	CHECK_INT(member_add(st, "Mi", ROLE_COOPERATOR, 1, NULL, NULL, 0, 1, &mi),
	          BORNE_OK);
	CHECK_INT(member_add(st, "Gone", ROLE_COOPERATOR, 0, NULL, NULL, 0, 1,
	                     &gone), BORNE_OK);
	CHECK_INT(member_deactivate(st, gone, 0, 2), BORNE_OK);
	r = *store_rules(st);
	r.max_open_takes = 2;
	r.approval_required = 0;
	store_rules_set(st, &r);
	m1 = post(st, fac, "Un", "d", CAT_AUTRE, "2025-05-20", "", 2, 0, NOW);
	m2 = post(st, fac, "Deux", "d", CAT_AUTRE, "2025-05-20", "", 2, 1, NOW);
	m3 = post(st, fac, "Trois", "d", CAT_AUTRE, "2025-05-20", "", 2, 1, NOW);
	full = post(st, fac, "Plein", "d", CAT_AUTRE, "2025-05-20", "", 1, 1, NOW);
	mine = post(st, ad, "Le mien", "d", CAT_AUTRE, "2025-05-20", "", 1, 1, NOW);
	late = post(st, fac, "Demain", "d", CAT_AUTRE, "2025-05-06", "", 1, 1, NOW);
	r.approval_required = 1;
	store_rules_set(st, &r);
	pend = post(st, ad2, "En attente", "d", CAT_AUTRE, "", "", 1, 1, NOW);

	why = MREFUSE_COUNT;
	CHECK_INT(mission_take(st, m1, ad, NOW, &why), BORNE_OK);
	CHECK_INT(why, MREFUSE_NONE);
	CHECK_INT(mission_take(st, m1, ad, NOW, &why), BORNE_EREFUSED);
	CHECK_INT(why, MREFUSE_ALREADY);
	CHECK_INT(mission_take(st, full, ad2, NOW, &why), BORNE_OK);
	CHECK_INT(mission_take(st, full, mi, NOW, &why), BORNE_EREFUSED);
	CHECK_INT(why, MREFUSE_FULL);
	CHECK_INT(mission_take(st, pend, ad, NOW, &why), BORNE_EREFUSED);
	CHECK_INT(why, MREFUSE_NOT_OPEN);
	CHECK_INT(mission_take(st, mine, ad, NOW, &why), BORNE_EREFUSED);
	CHECK_INT(why, MREFUSE_OWN);
	CHECK_INT(mission_take(st, m1, mi, NOW, &why), BORNE_EREFUSED);
	CHECK_INT(why, MREFUSE_MINOR);
	CHECK_INT(mission_take(st, m2, gone, NOW, &why), BORNE_EREFUSED);
	CHECK_INT(why, MREFUSE_INACTIVE);
	CHECK_INT(mission_take(st, m2, ad, NOW, &why), BORNE_OK);
	CHECK_INT(mission_take(st, m3, ad, NOW, &why), BORNE_EREFUSED);
	CHECK_INT(why, MREFUSE_TOO_MANY);
	why = MREFUSE_COUNT;
	CHECK_INT(mission_take(st, 99999, ad, NOW, &why), BORNE_ENOTFOUND);
	CHECK_INT(why, MREFUSE_NONE);                  /* no rule: no mission */
	CHECK_INT(mission_take(st, m3, ad2, NOW, NULL), BORNE_OK);

	/* Release. */
	CHECK_INT(mission_release(st, m3, mi, NOW, &why), BORNE_ENOTFOUND);
	CHECK_INT(why, MREFUSE_NOT_TAKER);
	CHECK_INT(mission_take(st, late, ad2, NOW, &why), BORNE_EREFUSED);
	CHECK_INT(why, MREFUSE_TOO_MANY);
	CHECK_INT(mission_take(st, late, mi, NOW, &why), BORNE_OK);
	CHECK_INT(mission_release(st, late, mi, fx_t("2025-05-06T08:00"), &why),
	          BORNE_EREFUSED);
	CHECK_INT(why, MREFUSE_STARTED);
	CHECK_INT(mission_release(st, m2, ad, NOW, &why), BORNE_OK);
	CHECK_INT(why, MREFUSE_NONE);

	/* Done and cancel: the poster or staff, on a live mission. */
	CHECK_INT(mission_done(st, m1, ad, NOW, &why), BORNE_EPERM);
	CHECK_INT(why, MREFUSE_NOT_POSTER);
	CHECK_INT(mission_cancel(st, mine, ad2, NOW, &why), BORNE_EPERM);
	CHECK_INT(why, MREFUSE_NOT_POSTER);
	CHECK_INT(mission_cancel(st, mine, ad, NOW, &why), BORNE_OK);
	CHECK_INT(mission_cancel(st, mine, ad, NOW, &why), BORNE_EREFUSED);
	CHECK_INT(why, MREFUSE_NOT_OPEN);
	CHECK_INT(mission_done(st, m1, fac, NOW, &why), BORNE_OK);
	CHECK_INT(why, MREFUSE_NONE);
	CHECK_INT(mission_release(st, m1, ad, NOW, &why), BORNE_EREFUSED);
	CHECK_INT(why, MREFUSE_NOT_OPEN);

	/* Moderation: staff only, whatever the front end. */
	CHECK_INT(mission_approve(st, pend, ad, NOW), BORNE_EPERM);
	CHECK_INT(mission_reject(st, pend, "non", ad2, NOW), BORNE_EPERM);
	CHECK_INT(mission_approve(st, pend, 424242, NOW), BORNE_EPERM);
	CHECK_INT(mission_approve(st, pend, fac, NOW), BORNE_OK);

	CHECK_STR(mission_refusal_name(MREFUSE_TOO_MANY), "too_many");
	CHECK_STR(mission_refusal_name((MissionRefusal)99), "?");
	store_close(st);
}

int
main(void)
{
	Store *st;

	fx_setup();
	st = fx_open("mission.db");
	CHECK_INT(member_add(st, "Zoé Coworkeuse", ROLE_COWORKER, 0, NULL, NULL, 0,
	                     1, &coworker), BORNE_OK);
	CHECK_INT(member_add(st, "Fatou", ROLE_FACILITATOR, 0, NULL, "1234", 0, 1,
	                     &facil), BORNE_OK);
	CHECK_INT(member_add(st, "Karim", ROLE_COOPERATOR, 0, NULL, NULL, 0, 1,
	                     &adult), BORNE_OK);
	CHECK_INT(member_add(st, "Ali \"Le Chef\"", ROLE_COOPERATOR, 0, NULL, NULL,
	                     0, 1, &adult2), BORNE_OK);
	CHECK_INT(member_add(st, "Inès", ROLE_COOPERATOR, 1, NULL, NULL, 0, 1,
	                     &minor), BORNE_OK);
	test_names();
	test_validate();
	test_approval(st);
	test_search(st);
	test_takes(st);
	test_expire_and_lists(st);
	store_close(st);
	test_mine_page();
	test_search_scale();
	test_refusals();
	return check_done();
}
