/* test_format.c -- the words and numbers the screens show (format.c), in
** French and in English: dates, durations, rewards, places, hours, labels,
** card text, and what comes out for edge values (0, negative, huge,
** invalid dates, buffers too small). TZ is Europe/Paris (core.cmake). */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "borne.h"
#include "check.h"
#include "format.h"
#include "timeutil.h"

static int64_t local_t(const char *local);
static void    test_when(void);
static void    test_duration(void);
static void    test_reward(void);
static void    test_places(void);
static void    test_hours(void);
static void    test_dates(void);
static void    test_labels(void);
static void    test_card(void);
static void    test_small_buffers(void);

static int64_t
local_t(const char *local)
{
	int64_t t = 0;

	CHECK_INT(time_parse_local(local, &t), BORNE_OK);
	return t;
}

static void
test_when(void)
{
	char b[64];

	app_format_when(LANG_FR, "2024-12-14", "", b, sizeof b);
	CHECK_STR(b, "Sam. 14 déc.");
	app_format_when(LANG_FR, "2024-12-16", "2024-12-16", b, sizeof b);
	CHECK_STR(b, "Lun. 16 déc.");
	app_format_when(LANG_FR, "2024-12-21", "2024-12-28", b, sizeof b);
	CHECK_STR(b, "Du 21 au 28 déc.");
	app_format_when(LANG_FR, "2024-12-28", "2025-01-03", b, sizeof b);
	CHECK_STR(b, "Du 28 déc. au 3 janv.");
	app_format_when(LANG_FR, "", "", b, sizeof b);
	CHECK_STR(b, "Quand vous voulez");
	app_format_when(LANG_FR, NULL, NULL, b, sizeof b);
	CHECK_STR(b, "Quand vous voulez");
	app_format_when(LANG_EN, "2024-12-14", NULL, b, sizeof b);
	CHECK_STR(b, "Sat 14 Dec");
	app_format_when(LANG_EN, "2024-12-21", "2024-12-28", b, sizeof b);
	CHECK_STR(b, "21–28 Dec");
	app_format_when(LANG_EN, "2024-12-28", "2025-01-03", b, sizeof b);
	CHECK_STR(b, "28 Dec – 3 Jan");
	app_format_when(LANG_EN, "", "", b, sizeof b);
	CHECK_STR(b, "Any time");
	/* A leap day is a day; an invalid date is shown as it was given. */
	app_format_when(LANG_FR, "2024-02-29", "", b, sizeof b);
	CHECK_STR(b, "Jeu. 29 févr.");
	app_format_when(LANG_FR, "2023-02-29", "", b, sizeof b);
	CHECK_STR(b, "2023-02-29");
	app_format_when(LANG_EN, "2024-13-01", "", b, sizeof b);
	CHECK_STR(b, "2024-13-01");
	app_format_when(LANG_FR, "hier", "", b, sizeof b);
	CHECK_STR(b, "hier");
	/* A range with an invalid end shows its first day only. */
	app_format_when(LANG_FR, "2024-12-21", "2024-12-32", b, sizeof b);
	CHECK_STR(b, "Sam. 21 déc.");
}

static void
test_duration(void)
{
	char b[64];

	app_format_duration(LANG_FR, 30, b, sizeof b);
	CHECK_STR(b, "30 min");
	app_format_duration(LANG_FR, 1, b, sizeof b);
	CHECK_STR(b, "1 min");
	app_format_duration(LANG_FR, 59, b, sizeof b);
	CHECK_STR(b, "59 min");
	app_format_duration(LANG_FR, 60, b, sizeof b);
	CHECK_STR(b, "1 h");
	app_format_duration(LANG_FR, 180, b, sizeof b);
	CHECK_STR(b, "3 h");
	app_format_duration(LANG_FR, 90, b, sizeof b);
	CHECK_STR(b, "1 h 30");
	app_format_duration(LANG_FR, 65, b, sizeof b);
	CHECK_STR(b, "1 h 05");
	app_format_duration(LANG_EN, 90, b, sizeof b);
	CHECK_STR(b, "1 h 30 min");
	app_format_duration(LANG_EN, 480, b, sizeof b);
	CHECK_STR(b, "8 h");
	/* Not said: nothing shown. */
	strcpy(b, "x");
	app_format_duration(LANG_FR, 0, b, sizeof b);
	CHECK_STR(b, "");
	strcpy(b, "x");
	app_format_duration(LANG_EN, -30, b, sizeof b);
	CHECK_STR(b, "");
	app_format_duration(LANG_FR, INT_MAX, b, sizeof b);
	CHECK_STR(b, "35791394 h 07");
}

static void
test_reward(void)
{
	char b[64];

	app_format_reward(LANG_FR, REWARD_FIXED, 4500, b, sizeof b);
	CHECK_STR(b, "45 €");
	app_format_reward(LANG_FR, REWARD_FIXED, 1250, b, sizeof b);
	CHECK_STR(b, "12,50 €");
	app_format_reward(LANG_FR, REWARD_FIXED, 5, b, sizeof b);
	CHECK_STR(b, "0,05 €");
	app_format_reward(LANG_FR, REWARD_FIXED, 0, b, sizeof b);
	CHECK_STR(b, "0 €");
	app_format_reward(LANG_EN, REWARD_FIXED, 1250, b, sizeof b);
	CHECK_STR(b, "€12.50");
	app_format_reward(LANG_EN, REWARD_FIXED, 4500, b, sizeof b);
	CHECK_STR(b, "€45");
	app_format_reward(LANG_EN, REWARD_FIXED, 0, b, sizeof b);
	CHECK_STR(b, "€0");
	/* Huge amounts are written out whole, never wrapped. */
	app_format_reward(LANG_FR, REWARD_FIXED, INT_MAX, b, sizeof b);
	CHECK_STR(b, "21474836,47 €");
	app_format_reward(LANG_EN, REWARD_FIXED, INT_MAX, b, sizeof b);
	CHECK_STR(b, "€21474836.47");
	/* A negative fixed amount is no amount. */
	strcpy(b, "x");
	app_format_reward(LANG_FR, REWARD_FIXED, -1, b, sizeof b);
	CHECK_STR(b, "");
	strcpy(b, "x");
	app_format_reward(LANG_EN, REWARD_FIXED, INT_MIN, b, sizeof b);
	CHECK_STR(b, "");
	/* Quote and tip ignore the cents. */
	app_format_reward(LANG_FR, REWARD_QUOTE, 1250, b, sizeof b);
	CHECK_STR(b, "Prix à discuter");
	app_format_reward(LANG_FR, REWARD_TIP, -5, b, sizeof b);
	CHECK_STR(b, "Pourboire");
	app_format_reward(LANG_EN, REWARD_QUOTE, 0, b, sizeof b);
	CHECK_STR(b, "Price to discuss");
	app_format_reward(LANG_EN, REWARD_TIP, 0, b, sizeof b);
	CHECK_STR(b, "Tip");
}

static void
test_places(void)
{
	char b[64];

	app_format_places(LANG_FR, 1, b, sizeof b);
	CHECK_STR(b, "1 place");
	app_format_places(LANG_FR, 2, b, sizeof b);
	CHECK_STR(b, "2 places");
	app_format_places(LANG_FR, 0, b, sizeof b);
	CHECK_STR(b, "Plus de place");
	app_format_places(LANG_FR, -3, b, sizeof b);
	CHECK_STR(b, "Plus de place");
	app_format_places(LANG_EN, 1, b, sizeof b);
	CHECK_STR(b, "1 spot");
	app_format_places(LANG_EN, 20, b, sizeof b);
	CHECK_STR(b, "20 spots");
	app_format_places(LANG_EN, 0, b, sizeof b);
	CHECK_STR(b, "No places left");
	app_format_places(LANG_FR, INT_MAX, b, sizeof b);
	CHECK_STR(b, "2147483647 places");
}

static void
test_hours(void)
{
	char b[64];

	app_format_hm(LANG_FR, local_t("2024-12-10T09:12"), b, sizeof b);
	CHECK_STR(b, "9 h 12");
	app_format_hm(LANG_EN, local_t("2024-12-10T15:52"), b, sizeof b);
	CHECK_STR(b, "15:52");
	app_format_hm(LANG_FR, local_t("2024-12-10T00:00"), b, sizeof b);
	CHECK_STR(b, "0 h 00");
	app_format_hm(LANG_EN, local_t("2024-07-01T23:59"), b, sizeof b);
	CHECK_STR(b, "23:59");
	/* Present time: minutes under an hour, hours and minutes above. */
	app_format_hours(LANG_FR, 6 * 3600 + 40 * 60, b, sizeof b);
	CHECK_STR(b, "6 h 40");
	app_format_hours(LANG_EN, 6 * 3600 + 40 * 60, b, sizeof b);
	CHECK_STR(b, "6 h 40 min");
	app_format_hours(LANG_FR, 3600, b, sizeof b);
	CHECK_STR(b, "1 h 00");
	app_format_hours(LANG_FR, 59 * 60 + 59, b, sizeof b);
	CHECK_STR(b, "59 min");
	app_format_hours(LANG_FR, 0, b, sizeof b);
	CHECK_STR(b, "0 min");
	app_format_hours(LANG_EN, -3600, b, sizeof b);
	CHECK_STR(b, "0 min");
	app_format_hours(LANG_FR, (int64_t)1000000 * 3600 + 5 * 60, b, sizeof b);
	CHECK_STR(b, "1000000 h 05");
	/* Opening hours. */
	app_format_hours_range(LANG_FR, 9 * 60, 17 * 60, b, sizeof b);
	CHECK_STR(b, "9 h – 17 h");
	app_format_hours_range(LANG_FR, 9 * 60 + 30, 17 * 60, b, sizeof b);
	CHECK_STR(b, "9 h 30 – 17 h");
	app_format_hours_range(LANG_EN, 9 * 60, 17 * 60 + 45, b, sizeof b);
	CHECK_STR(b, "9:00 – 17:45");
	app_format_hours_range(LANG_FR, 0, 24 * 60, b, sizeof b);
	CHECK_STR(b, "0 h – 24 h");
}

static void
test_dates(void)
{
	char b[64];

	app_format_date_long(LANG_FR, "2024-12-10", b, sizeof b);
	CHECK_STR(b, "Mardi 10 décembre");
	app_format_date_long(LANG_EN, "2024-12-10", b, sizeof b);
	CHECK_STR(b, "Tuesday 10 December");
	app_format_date_long(LANG_FR, "2025-08-03", b, sizeof b);
	CHECK_STR(b, "Dimanche 3 août");
	app_format_date_long(LANG_FR, "2025-02-29", b, sizeof b);
	CHECK_STR(b, "2025-02-29");
	app_format_date_long(LANG_EN, "", b, sizeof b);
	CHECK_STR(b, "");
	app_format_date_long(LANG_EN, NULL, b, sizeof b);
	CHECK_STR(b, "");
}

static void
test_labels(void)
{
	CHECK_STR(app_category_label(LANG_FR, CAT_NUMERIQUE), "Numérique");
	CHECK_STR(app_category_label(LANG_EN, CAT_JARDIN), "Garden");
	CHECK_STR(app_role_label(LANG_FR, ROLE_FACILITATOR), "Équipe d’animation");
	CHECK_STR(app_role_label(LANG_EN, ROLE_COOPERATOR), "Cooperator");
	CHECK_STR(app_status_label(LANG_FR, MISSION_PENDING),
	          "En attente de validation");
	CHECK_STR(app_status_label(LANG_EN, MISSION_EXPIRED), "Expired");
	/* Out of range: a sensible label, never a key or NULL. */
	CHECK_STR(app_category_label(LANG_FR, (MissionCategory)99), "Autre");
	CHECK_STR(app_category_label(LANG_EN, (MissionCategory)-1), "Other");
	CHECK_STR(app_role_label(LANG_FR, (MemberRole)ROLE_COUNT),
	          "Membre de la coopérative");
	CHECK_STR(app_status_label(LANG_EN, (MissionStatus)-7), "Open");
}

static void
test_card(void)
{
	MissionCard c;
	MissionDraft d;
	AppCardText ct;

	memset(&c, 0, sizeof c);
	snprintf(c.date_from, sizeof c.date_from, "2024-12-14");
	c.duration_min = 180;
	c.places = 2;
	c.n_takers = 1;
	c.reward_kind = REWARD_FIXED;
	c.reward_cents = 4500;
	c.category = CAT_BRICOLAGE;
	c.status = MISSION_OPEN;
	app_card_text(LANG_FR, &c, &ct);
	CHECK_STR(ct.when, "Sam. 14 déc.");
	CHECK_STR(ct.duration, "3 h");
	CHECK_STR(ct.reward, "45 €");
	CHECK_STR(ct.places, "1 place");
	CHECK_STR(ct.places_total, "2 places");
	CHECK_STR(ct.category, "Bricolage");
	CHECK_STR(ct.status, "Ouverte");
	app_card_text(LANG_EN, &c, &ct);
	CHECK_STR(ct.when, "Sat 14 Dec");
	CHECK_STR(ct.reward, "€45");
	CHECK_STR(ct.places, "1 spot");
	CHECK_STR(ct.category, "DIY");
	CHECK_STR(ct.status, "Open");

	/* A draft previews as an open mission nobody took yet. */
	memset(&d, 0, sizeof d);
	snprintf(d.title, sizeof d.title, "  Tailler la haie ");
	d.category = CAT_JARDIN;
	d.duration_min = 0;
	d.places = 1;
	d.reward_kind = REWARD_TIP;
	app_card_from_draft(&d, &c);
	CHECK_STR(c.title, "Tailler la haie");
	CHECK_INT(c.status, MISSION_OPEN);
	CHECK_INT(c.n_takers, 0);
	app_card_text(LANG_FR, &c, &ct);
	CHECK_STR(ct.when, "Quand vous voulez");
	CHECK_STR(ct.duration, "");
	CHECK_STR(ct.reward, "Pourboire");
	CHECK_STR(ct.places, "1 place");
	CHECK_STR(ct.category, "Jardin");
}

static void
test_small_buffers(void)
{
	char b[64];

	/* A tiny buffer truncates, never overflows; 0 bytes writes nothing. */
	app_format_when(LANG_FR, "2024-12-21", "2024-12-28", b, 5);
	CHECK_INT(strlen(b), 4);
	app_format_reward(LANG_FR, REWARD_QUOTE, 0, b, 4);
	CHECK(strlen(b) <= 3);
	strcpy(b, "keep");
	app_format_when(LANG_FR, "2024-12-21", "", b, 0);
	app_format_duration(LANG_FR, 90, b, 0);
	app_format_reward(LANG_FR, REWARD_FIXED, 1250, b, 0);
	app_format_places(LANG_FR, 2, b, 0);
	app_format_hours(LANG_FR, 3600, b, 0);
	app_format_hm(LANG_FR, 0, b, 0);
	app_format_date_long(LANG_FR, "2024-12-10", b, 0);
	app_format_hours_range(LANG_FR, 540, 1020, b, 0);
	app_trf(LANG_FR, b, 0, "app.fmt.euros", 3);
	CHECK_STR(b, "keep");
	app_trf(LANG_FR, b, sizeof b, "app.fmt.euros_cents", 3, 7);
	CHECK_STR(b, "3,07 €");
}

int
main(void)
{
	test_when();
	test_duration();
	test_reward();
	test_places();
	test_hours();
	test_dates();
	test_labels();
	test_card();
	test_small_buffers();
	return check_done();
}
