/* demo.c -- sample people, today's contributive day and missions for
** `borne --demo` (see demo.h).
** Everything goes through the core's functions, the way the kiosk and
** borne-admin write, in one transaction: a demo database is either whole
** or untouched. Dates are relative to now_utc, so the board is never
** empty of current missions; earlier check-ins are replayed at times
** that are still "present" whatever the hour the demo starts. */
#include "demo.h"

#include <string.h>

#include "checkin.h"
#include "day.h"
#include "mission.h"
#include "pinkey.h"
#include "text.h"
#include "timeutil.h"
#include "uid.h"

/* Members beyond the six F-key badges: the people already present. */
typedef struct DemoMember {
	const char *uid, *name;
	MemberRole role;
	int minor;
	const char *pin;
} DemoMember;

enum { M_NONE = 0, M_INES, M_MAMADOU, M_SOPHIE, M_BERNARD, M_YASMINE, M_THEO,
       M_LEA, M_JOSIANE, M_KARIM, M_NOAH, M_MANON, M_COUNT };

typedef enum DemoState { D_OPEN = 0, D_PENDING, D_TAKEN } DemoState;

typedef struct DemoMission {
	const char *title, *description, *place;
	MissionCategory category;
	int from_days;           /* days from today; -1: flexible */
	int span_days;           /* 0: one day */
	int duration_min, places;
	RewardKind reward;
	int cents, minors_ok;
	int poster;              /* M_* */
	DemoState state;
	int taker;               /* M_* who took it, M_NONE for nobody */
} DemoMission;

_Static_assert(M_LEA == DEMO_N_BADGES + 1, "extra members follow the F-key badges");

static int demo_add_members(Store *st, int64_t now_utc, int64_t ids[M_COUNT]);
static int demo_add_missions(Store *st, int64_t now_utc,
                             const int64_t ids[M_COUNT]);
static int demo_checkins(Store *st, int64_t now_utc);

const DemoBadge demo_badges[DEMO_N_BADGES] = {
	{ "04A1B2C3", "Inès B.", ROLE_COOPERATOR, 1, 1, NULL,
	  "coopératrice, mineure : arrivée puis départ" },
	{ "04D4E5F6", "Mamadou K.", ROLE_COOPERATOR, 0, 1, NULL,
	  "coopérateur adulte" },
	{ "0451C0A7", "Sophie L.", ROLE_COWORKER, 0, 1, NULL,
	  "coworkeuse : propose des missions" },
	{ "04B3E7A1", "Bernard R.", ROLE_FACILITATOR, 0, 1, "1234",
	  "animateur, code 1234" },
	{ "04F00D42", "Yasmine T.", ROLE_ADMIN, 0, 1, "4321",
	  "administratrice, code 4321" },
	{ "04DEAD01", "Théo L.", ROLE_COOPERATOR, 0, 0, NULL,
	  "badge désactivé" },
};

static const DemoMember extra_members[] = {
	{ "04AA0001", "Léa M.", ROLE_COOPERATOR, 1, NULL },
	{ "04AA0002", "Josiane P.", ROLE_COOPERATOR, 0, NULL },
	{ "04AA0003", "Karim D.", ROLE_COWORKER, 0, NULL },
	{ "04AA0004", "Noah S.", ROLE_COOPERATOR, 1, NULL },
	{ "04AA0005", "Manon G.", ROLE_FACILITATOR, 0, "5678" },
};

static const DemoMission missions[] = {
	{ "Arroser les plantes du bureau",
	  "Les plantes de l'open space ont soif pendant mes congés. Un arrosoir "
	  "est dans la cuisine ; la liste des plantes est sur le frigo.",
	  "Bureau 3, premier étage", CAT_JARDIN, 6, 0, 30, 1, REWARD_TIP, 0, 1,
	  M_SOPHIE, D_TAKEN, M_INES },
	{ "Garder Caramel, mon chat",
	  "Passer nourrir Caramel et changer sa litière une fois par jour. Il "
	  "est câlin et très calme.", "Rue des Lilas, à 5 minutes",
	  CAT_ANIMAUX, 11, 7, 20, 1, REWARD_FIXED, 4000, 1, M_KARIM, D_OPEN, M_NONE },
	{ "Décaper un mur avant peinture",
	  "Le mur de la salle commune doit être gratté avant le chantier "
	  "peinture. On vous montre comment faire. Le matériel est fourni : "
	  "grattoir, gants et masque.", "Salle commune, rez-de-chaussée",
	  CAT_BRICOLAGE, 4, 0, 180, 2, REWARD_FIXED, 4500, 0, M_SOPHIE, D_OPEN, M_NONE },
	{ "Rénover une table en bois",
	  "Poncer et huiler une vieille table de ferme pour la cuisine "
	  "partagée.", "Atelier", CAT_BRICOLAGE, 8, 0, 240, 2, REWARD_QUOTE, 0, 0,
	  M_KARIM, D_OPEN, M_NONE },
	{ "Ourlets sur trois rideaux",
	  "Raccourcir trois rideaux de 10 cm. Machine à coudre disponible à "
	  "l'atelier couture.", "Atelier couture", CAT_COUTURE, 3, 0, 120, 1,
	  REWARD_FIXED, 2000, 1, M_YASMINE, D_OPEN, M_NONE },
	{ "Préparer le goûter de la journée contributive",
	  "Crêpes et jus pour une vingtaine de personnes. Les ingrédients sont "
	  "achetés.", "Cuisine partagée", CAT_CUISINE, 0, 0, 90, 3, REWARD_TIP, 0,
	  1, M_BERNARD, D_OPEN, M_NONE },
	{ "Installer une imprimante",
	  "Brancher la nouvelle imprimante et l'installer sur deux ordinateurs "
	  "portables.", "Espace coworking", CAT_NUMERIQUE, 2, 0, 60, 1,
	  REWARD_FIXED, 2500, 1, M_KARIM, D_OPEN, M_NONE },
	{ "Désherber le potager",
	  "Enlever les mauvaises herbes des bacs du potager partagé avant les "
	  "plantations.", "Cour, bacs du potager", CAT_JARDIN, 1, 2, 120, 3,
	  REWARD_FIXED, 1500, 1, M_MANON, D_OPEN, M_NONE },
	{ "Promener Filou le samedi",
	  "Une heure de promenade au parc avec Filou, un beagle très joueur.",
	  "Parc de la Mairie", CAT_ANIMAUX, 5, 0, 60, 1, REWARD_FIXED, 1000, 1,
	  M_SOPHIE, D_OPEN, M_NONE },
	{ "Tri des vêtements de la friperie",
	  "Trier les dons de vêtements par taille et par saison.",
	  "Local friperie", CAT_COUTURE, -1, 0, 180, 4, REWARD_TIP, 0, 1,
	  M_MANON, D_OPEN, M_NONE },
	{ "Monter une étagère",
	  "Une étagère en kit pour la bibliothèque du tiers-lieu. Visseuse "
	  "fournie.", "Bibliothèque", CAT_BRICOLAGE, 2, 0, 60, 2, REWARD_FIXED,
	  1500, 1, M_YASMINE, D_TAKEN, M_MAMADOU },
	{ "Atelier smartphone pour les aîné·es",
	  "Aider trois personnes âgées à envoyer des photos et des messages "
	  "sur leur téléphone.", "Salle commune", CAT_NUMERIQUE, 7, 0, 120, 2,
	  REWARD_FIXED, 3000, 1, M_BERNARD, D_OPEN, M_NONE },
	{ "Cuisiner pour le repas partagé",
	  "Un grand plat végétarien pour le repas de vendredi. Recette au "
	  "choix.", "Cuisine partagée", CAT_CUISINE, 4, 0, 180, 2, REWARD_FIXED,
	  3000, 1, M_KARIM, D_OPEN, M_NONE },
	{ "Repeindre les volets de l'entrée",
	  "Deux volets en bois à poncer puis repeindre. Peinture fournie.",
	  "Entrée principale", CAT_BRICOLAGE, 9, 1, 240, 2, REWARD_FIXED, 6000, 0,
	  M_YASMINE, D_OPEN, M_NONE },
	{ "Arroser la serre pendant les vacances",
	  "Arrosage de la petite serre tous les deux jours pendant deux "
	  "semaines.", "Serre, au fond de la cour", CAT_JARDIN, 14, 13, 20, 1,
	  REWARD_FIXED, 5000, 1, M_SOPHIE, D_OPEN, M_NONE },
	{ "Coudre des sacs en tissu",
	  "Coudre dix sacs à partir de chutes de tissu pour le marché.",
	  "Atelier couture", CAT_COUTURE, 6, 3, 240, 2, REWARD_QUOTE, 0, 1,
	  M_MANON, D_OPEN, M_NONE },
	{ "Mettre à jour le site de l'association",
	  "Ajouter les dates des prochains ateliers et trois photos sur le "
	  "site.", "Espace coworking", CAT_NUMERIQUE, -1, 0, 90, 1, REWARD_FIXED,
	  3500, 1, M_KARIM, D_OPEN, M_NONE },
	{ "Nourrir les poules",
	  "Donner le grain et l'eau aux poules du jardin, ramasser les oeufs.",
	  "Poulailler", CAT_ANIMAUX, 1, 6, 15, 1, REWARD_TIP, 0, 1, M_BERNARD,
	  D_OPEN, M_NONE },
	{ "Ranger la réserve",
	  "Trier et étiqueter les cartons de la réserve du rez-de-chaussée.",
	  "Réserve", CAT_AUTRE, 3, 0, 120, 2, REWARD_FIXED, 2000, 1, M_YASMINE,
	  D_OPEN, M_NONE },
	{ "Distribuer des flyers dans le quartier",
	  "Déposer les flyers de la fête du tiers-lieu chez les commerçants.",
	  "Quartier de la gare", CAT_AUTRE, 2, 4, 90, 3, REWARD_FIXED, 1500, 1,
	  M_MANON, D_OPEN, M_NONE },
	{ "Réparer un vélo",
	  "Changer une chambre à air et régler les freins d'un vélo de ville.",
	  "Atelier", CAT_BRICOLAGE, -1, 0, 60, 1, REWARD_FIXED, 1500, 1,
	  M_SOPHIE, D_OPEN, M_NONE },
	{ "Faire des confitures",
	  "Transformer les prunes du jardin en confiture, pots fournis.",
	  "Cuisine partagée", CAT_CUISINE, 10, 0, 180, 2, REWARD_TIP, 0, 1,
	  M_BERNARD, D_OPEN, M_NONE },
	{ "Tailler la haie",
	  "Tailler la haie côté rue avec un taille-haie électrique.",
	  "Jardin, côté rue", CAT_JARDIN, 12, 0, 180, 1, REWARD_FIXED, 4500, 0,
	  M_KARIM, D_OPEN, M_NONE },
	{ "Saisir des factures dans un tableur",
	  "Recopier une cinquantaine de factures dans un tableur simple.",
	  "Espace coworking", CAT_NUMERIQUE, 5, 2, 180, 1, REWARD_FIXED, 4000, 0,
	  M_YASMINE, D_OPEN, M_NONE },
	{ "Garder deux lapins",
	  "Nourrir Pompon et Noisette matin et soir pendant un week-end.",
	  "Chez moi, rue Victor-Hugo", CAT_ANIMAUX, 9, 1, 20, 1, REWARD_FIXED,
	  2500, 1, M_SOPHIE, D_OPEN, M_NONE },
	/* Waiting for a facilitator (approval is on by default). */
	{ "Transporter des meubles",
	  "Aider à porter un canapé et une armoire au deuxième étage.",
	  "Rue de la République", CAT_AUTRE, 3, 0, 120, 2, REWARD_FIXED, 5000, 0,
	  M_SOPHIE, D_PENDING, M_NONE },
	{ "Retoucher une robe",
	  "Reprendre la taille d'une robe de cérémonie.", "Atelier couture",
	  CAT_COUTURE, 6, 0, 60, 1, REWARD_QUOTE, 0, 1, M_KARIM, D_PENDING, M_NONE },
	{ "Créer une affiche pour la fête",
	  "Une affiche A3 avec le programme de la fête du tiers-lieu.",
	  "Espace coworking", CAT_NUMERIQUE, 4, 3, 120, 1, REWARD_FIXED, 3000, 1,
	  M_SOPHIE, D_PENDING, M_NONE },
	{ "Planter des bulbes",
	  "Planter 200 bulbes de tulipes dans les massifs de l'entrée.",
	  "Massifs de l'entrée", CAT_JARDIN, 7, 0, 120, 3, REWARD_TIP, 0, 1,
	  M_KARIM, D_OPEN, M_LEA },
	{ "Laver les vitres de la verrière",
	  "Nettoyer les vitres intérieures de la verrière, escabeau fourni.",
	  "Verrière", CAT_AUTRE, 13, 0, 150, 2, REWARD_FIXED, 3500, 0, M_YASMINE,
	  D_OPEN, M_NONE },
};

static int
uid_of(const char *hex, BadgeUid *uid)
{
	return uid_parse(hex, UID_DEC_LSB_FIRST, uid, NULL, 0);
}

static int
demo_add_members(Store *st, int64_t now_utc, int64_t ids[M_COUNT])
{
	BadgeUid uid;
	int rc;

	for (int i = 0; i < DEMO_N_BADGES; i++) {
		const DemoBadge *b = &demo_badges[i];

		if ((rc = uid_of(b->uid, &uid)) != BORNE_OK ||
		    (rc = member_add(st, b->name, b->role, b->minor, &uid, b->pin, 0,
		                     now_utc, &ids[M_INES + i])) != BORNE_OK)
			return rc;
		if (!b->active &&
		    (rc = member_deactivate(st, ids[M_INES + i], 0, now_utc)) !=
		    BORNE_OK)
			return rc;
	}
	for (size_t i = 0; i < sizeof extra_members / sizeof extra_members[0];
	     i++) {
		const DemoMember *m = &extra_members[i];

		if ((rc = uid_of(m->uid, &uid)) != BORNE_OK ||
		    (rc = member_add(st, m->name, m->role, m->minor, &uid, m->pin, 0,
		                     now_utc, &ids[M_LEA + i])) != BORNE_OK)
			return rc;
	}
	return BORNE_OK;
}

static int
demo_add_missions(Store *st, int64_t now_utc, const int64_t ids[M_COUNT])
{
	char today[TIME_DATE_SIZE];
	int64_t id;
	int rc;

	time_local_date(now_utc, today);
	for (size_t i = 0; i < sizeof missions / sizeof missions[0]; i++) {
		const DemoMission *dm = &missions[i];
		MissionDraft d;
		Mission m;

		mission_draft_init(&d);
		text_copy(d.title, sizeof d.title, dm->title);
		text_copy(d.description, sizeof d.description, dm->description);
		text_copy(d.place, sizeof d.place, dm->place);
		d.category = dm->category;
		if (dm->from_days >= 0) {
			time_date_add(today, dm->from_days, d.date_from);
			if (dm->span_days > 0)
				time_date_add(today, dm->from_days + dm->span_days,
				              d.date_to);
		}
		d.duration_min = dm->duration_min;
		d.places = dm->places;
		d.reward_kind = dm->reward;
		d.reward_cents = dm->reward == REWARD_FIXED ? dm->cents : 0;
		d.minors_ok = dm->minors_ok;
		if ((rc = mission_add(st, &d, ids[dm->poster], now_utc, &id)) !=
		    BORNE_OK ||
		    (rc = mission_get(st, id, &m)) != BORNE_OK)
			return rc;
		if (dm->state != D_PENDING && m.status == MISSION_PENDING &&
		    (rc = mission_approve(st, id, ids[M_BERNARD], now_utc)) !=
		    BORNE_OK)
			return rc;
		if (dm->taker != M_NONE &&
		    (rc = mission_take(st, id, ids[dm->taker], now_utc, NULL)) != BORNE_OK)
			return rc;
	}
	return BORNE_OK;
}

/* People who came earlier today: arrivals spread before now, late enough
** that the day's end has not closed their visit yet. */
static int
demo_checkins(Store *st, int64_t now_utc)
{
	static const int who[] = { M_LEA, M_JOSIANE, M_KARIM, M_NOAH, M_MANON };
	const int n = (int)(sizeof who / sizeof who[0]);
	int now_min = time_local_minutes(now_utc);
	int from_min = now_min >= 17 * 60 ? 17 * 60 : 0;
	int span_min = now_min - from_min;
	CheckinResult r;
	BadgeUid uid;
	int rc;

	if (span_min > 150)
		span_min = 150;
	for (int i = 0; i < n; i++) {
		int64_t ago_s = (int64_t)span_min * 60 * (n - i) / (n + 1);

		if ((rc = uid_of(extra_members[who[i] - M_LEA].uid, &uid)) !=
		    BORNE_OK ||
		    (rc = checkin_tap(st, &uid, now_utc - ago_s, &r)) != BORNE_OK)
			return rc;
	}
	return BORNE_OK;
}

int
demo_fill(Store *st, int64_t now_utc)
{
	char today[TIME_DATE_SIZE];
	int64_t ids[M_COUNT], day_id;
	BadgeUid uid;
	Member m;
	int rc, n_days;

	if (uid_of(demo_badges[0].uid, &uid) == BORNE_OK &&
	    member_by_badge(st, &uid, &m) == BORNE_OK)
		return BORNE_EREFUSED;
	/* Demo PINs need a key: a process that has none gets one in memory
	** (a demo database lives for one run). */
	if (pinkey_source() == PINKEY_NONE)
		pinkey_set_random();
	memset(ids, 0, sizeof ids);
	time_local_date(now_utc, today);
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = demo_add_members(st, now_utc, ids)) != BORNE_OK ||
	    (rc = day_add(st, today, "Chantier peinture", 9 * 60, 17 * 60, NULL,
	                  ids[M_BERNARD], now_utc, &day_id, &n_days)) != BORNE_OK ||
	    (rc = demo_add_missions(st, now_utc, ids)) != BORNE_OK ||
	    (rc = demo_checkins(st, now_utc)) != BORNE_OK)
		goto fail;
	return store_commit(st);
fail:
	store_rollback(st);
	return rc;
}
