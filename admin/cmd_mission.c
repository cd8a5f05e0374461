/* cmd_mission.c -- borne-admin mission ... commands.
** Text is checked here before it is copied into the draft's fixed
** buffers (a too long title must be refused, never cut); the rest of the
** draft is checked by mission_validate(), as the kiosk's form does. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "mission.h"
#include "text.h"
#include "timeutil.h"

typedef struct Rows {
	Admin       *a;
	ReportTable *t;
	int          rc;
} Rows;

static int  parse_when(const char *s, MissionDraft *d);
static int  when_date(const char *s, size_t n, char out[TIME_DATE_SIZE]);
static int  copy_text(const char *field, const char *s, size_t max_ch,
                      int multiline, int required, char *out, size_t outlen);
static int  mission_row(const Mission *m, void *ctx);
static void format_when(const char *from, const char *to, char *out,
                        size_t outlen);
static void format_reward(RewardKind k, int cents, char *out, size_t outlen);
static int  id_pair(Admin *a, int argc, char **argv, int64_t *id,
                    int64_t *member);

/* French names (with or without accents) and English ones. */
int
admin_parse_category(const char *s, MissionCategory *out)
{
	static const struct { const char *name; MissionCategory c; } alias[] = {
		{ "jardin", CAT_JARDIN }, { "garden", CAT_JARDIN },
		{ "animaux", CAT_ANIMAUX }, { "pets", CAT_ANIMAUX },
		{ "animals", CAT_ANIMAUX },
		{ "bricolage", CAT_BRICOLAGE }, { "diy", CAT_BRICOLAGE },
		{ "couture", CAT_COUTURE }, { "sewing", CAT_COUTURE },
		{ "cuisine", CAT_CUISINE }, { "cooking", CAT_CUISINE },
		{ "numerique", CAT_NUMERIQUE }, { "numérique", CAT_NUMERIQUE },
		{ "digital", CAT_NUMERIQUE },
		{ "autre", CAT_AUTRE }, { "other", CAT_AUTRE },
	};
	char low[32];
	size_t i;

	if (mission_category_parse(s, out) == BORNE_OK)
		return BORNE_OK;
	for (i = 0; s[i] != '\0' && i + 1 < sizeof low; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	low[i] = '\0';
	for (size_t k = 0; k < sizeof alias / sizeof alias[0]; k++)
		if (strcmp(low, alias[k].name) == 0) {
			*out = alias[k].c;
			return BORNE_OK;
		}
	return BORNE_EINVAL;
}

static int
parse_when(const char *s, MissionDraft *d)
{
	const char *sep = strstr(s, "..");
	size_t n1 = strlen(s);
	const char *second = NULL;

	d->date_from[0] = d->date_to[0] = '\0';
	if (strcmp(s, "flexible") == 0)
		return BORNE_OK;
	if (sep == NULL)
		sep = strchr(s, '/');          /* the ISO 8601 interval form */
	if (sep != NULL) {
		n1 = (size_t)(sep - s);
		second = sep + (sep[0] == '/' ? 1 : 2);
	}
	if (when_date(s, n1, d->date_from) != BORNE_OK ||
	    (second != NULL &&
	     when_date(second, strlen(second), d->date_to) != BORNE_OK))
		return BORNE_EINVAL;
	if (d->date_to[0] != '\0' && strcmp(d->date_to, d->date_from) < 0)
		return BORNE_EREFUSED;
	return BORNE_OK;
}

/* One end of --when: YYYY-MM-DD, maybe with a time of day after 'T' or a
** space ("2026-12-01T14:00"). A mission keeps dates only, so the time is
** checked and dropped. */
static int
when_date(const char *s, size_t n, char out[TIME_DATE_SIZE])
{
	char buf[32];
	int minutes;

	out[0] = '\0';
	if (n < TIME_DATE_SIZE - 1 || n >= sizeof buf)
		return BORNE_EINVAL;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (n > TIME_DATE_SIZE - 1) {
		char *t = buf + TIME_DATE_SIZE - 1;
		if ((*t != 'T' && *t != ' ') || strlen(t + 1) < 5)
			return BORNE_EINVAL;
		t[1 + 5] = '\0';               /* HH:MM; seconds dropped */
		if (time_parse_hm(t + 1, &minutes) != BORNE_OK)
			return BORNE_EINVAL;
		*t = '\0';
	}
	if (time_parse_date(buf) != BORNE_OK)
		return BORNE_EINVAL;
	memcpy(out, buf, TIME_DATE_SIZE);
	return BORNE_OK;
}

static int
copy_text(const char *field, const char *s, size_t max_ch, int multiline,
          int required, char *out, size_t outlen)
{
	char why[96];

	if (text_check(s, max_ch, multiline, required, why, sizeof why)
	    != BORNE_OK)
		return admin_refuse("%s %s", field, why);
	if (strlen(s) >= outlen)
		return admin_refuse("%s is too long", field);
	memcpy(out, s, strlen(s) + 1);
	return ADMIN_GO;
}

int
cmd_mission_add(Admin *a, int argc, char **argv)
{
	enum { O_POSTER, O_TITLE, O_DESC, O_CAT, O_PLACE, O_WHEN, O_DUR,
	       O_PLACES, O_CENTS, O_REWARD, O_MINORS, O_OUTDOOR };
	AdminOpt opts[] = {
		[O_POSTER] = { "--poster", 1, NULL },
		[O_TITLE]  = { "--title", 1, NULL },
		[O_DESC]   = { "--description", 1, NULL },
		[O_CAT]    = { "--category", 1, NULL },
		[O_PLACE]  = { "--place", 1, NULL },
		[O_WHEN]   = { "--when", 1, NULL },
		[O_DUR]    = { "--duration-min", 1, NULL },
		[O_PLACES] = { "--places", 1, NULL },
		[O_CENTS]  = { "--reward-cents", 1, NULL },
		[O_REWARD] = { "--reward", 1, NULL },
		[O_MINORS] = { "--minors-ok", 0, NULL },
		[O_OUTDOOR] = { "--outdoor", 0, NULL },
		{ NULL, 0, NULL }
	};
	MissionDraft d;
	MissionField field;
	char *pos[1], why[200];
	int64_t poster, id;
	int n, rc, w;

	if ((rc = admin_args(a, argc, argv, opts, pos, 0, 0, &n)) != ADMIN_GO)
		return rc;
	if (opts[O_POSTER].value == NULL || opts[O_TITLE].value == NULL ||
	    opts[O_DESC].value == NULL || opts[O_CAT].value == NULL)
		return admin_usage_error(a, "--poster, --title, --description and "
		                         "--category are needed");
	if (opts[O_CENTS].value != NULL && opts[O_REWARD].value != NULL)
		return admin_usage_error(a, "give --reward-cents or --reward, not "
		                         "both");
	if ((rc = admin_parse_id(a, opts[O_POSTER].value, "--poster", &poster))
	    != ADMIN_GO)
		return rc;
	mission_draft_init(&d);
	if ((rc = copy_text("title", opts[O_TITLE].value, BORNE_TITLE_MAX_CH,
	                    TEXT_SINGLE_LINE, 1, d.title, sizeof d.title))
	    != ADMIN_GO ||
	    (rc = copy_text("description", opts[O_DESC].value, BORNE_DESC_MAX_CH,
	                    TEXT_MULTILINE, 0, d.description,
	                    sizeof d.description)) != ADMIN_GO)
		return rc;
	if (opts[O_PLACE].value != NULL &&
	    (rc = copy_text("place", opts[O_PLACE].value, BORNE_PLACE_MAX_CH,
	                    TEXT_SINGLE_LINE, 0, d.place, sizeof d.place))
	    != ADMIN_GO)
		return rc;
	if (admin_parse_category(opts[O_CAT].value, &d.category) != BORNE_OK)
		return admin_refuse("category: unknown category \"%.40s\" (jardin, "
		                    "animaux, bricolage, couture, cuisine, numerique "
		                    "or autre)", opts[O_CAT].value);
	if (opts[O_WHEN].value != NULL &&
	    (w = parse_when(opts[O_WHEN].value, &d)) != BORNE_OK)
		return admin_refuse(w == BORNE_EREFUSED ?
		                    "when: \"%.40s\" ends before it starts" :
		                    "when: \"%.40s\" is not YYYY-MM-DD, "
		                    "YYYY-MM-DD..YYYY-MM-DD (a time after T is allowed) or flexible",
		                    opts[O_WHEN].value);
	if (opts[O_DUR].value != NULL &&
	    (rc = admin_parse_int(a, opts[O_DUR].value, "--duration-min",
	                          &d.duration_min)) != ADMIN_GO)
		return rc;
	if (opts[O_PLACES].value != NULL &&
	    (rc = admin_parse_int(a, opts[O_PLACES].value, "--places",
	                          &d.places)) != ADMIN_GO)
		return rc;
	if (opts[O_CENTS].value != NULL) {
		if ((rc = admin_parse_int(a, opts[O_CENTS].value, "--reward-cents",
		                          &d.reward_cents)) != ADMIN_GO)
			return rc;
		d.reward_kind = REWARD_FIXED;
	} else if (opts[O_REWARD].value != NULL) {
		if (strcmp(opts[O_REWARD].value, "quote") == 0)
			d.reward_kind = REWARD_QUOTE;
		else if (strcmp(opts[O_REWARD].value, "tip") == 0)
			d.reward_kind = REWARD_TIP;
		else
			return admin_refuse("reward: \"%.40s\" is not quote or tip (a "
			                    "price is --reward-cents N)",
			                    opts[O_REWARD].value);
	}
	d.minors_ok = opts[O_MINORS].value != NULL;
	d.outdoor = opts[O_OUTDOOR].value != NULL;
	if (mission_validate(&d, &field, why, sizeof why) != BORNE_OK)
		return admin_refuse("%s", why);
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	if ((rc = mission_add(a->st, &d, poster, a->now_utc, &id)) != BORNE_OK)
		return admin_store_error(a, rc, NULL);
	printf("%lld\n", (long long)id);
	return ADMIN_EXIT_OK;
}

static void
format_when(const char *from, const char *to, char *out, size_t outlen)
{
	if (from[0] == '\0')
		snprintf(out, outlen, "flexible");
	else if (to[0] == '\0' || strcmp(from, to) == 0)
		snprintf(out, outlen, "%s", from);
	else
		snprintf(out, outlen, "%s..%s", from, to);
}

static void
format_reward(RewardKind k, int cents, char *out, size_t outlen)
{
	if (k == REWARD_FIXED)
		snprintf(out, outlen, "%d.%02d EUR", cents / 100, cents % 100);
	else
		snprintf(out, outlen, "%s", k == REWARD_QUOTE ? "quote" : "tip");
}

static int
mission_row(const Mission *m, void *ctx)
{
	Rows *r = ctx;
	char id[24], when[32], dur[16] = "", places[16], takers[16],
	     reward[32], poster[24];
	const char *row[12];

	snprintf(id, sizeof id, "%lld", (long long)m->id);
	format_when(m->d.date_from, m->d.date_to, when, sizeof when);
	if (m->d.duration_min > 0)
		time_format_duration((int64_t)m->d.duration_min * 60, dur,
		                     sizeof dur);
	snprintf(places, sizeof places, "%d", m->d.places);
	snprintf(takers, sizeof takers, "%d", m->n_takers);
	format_reward(m->d.reward_kind, m->d.reward_cents, reward, sizeof reward);
	snprintf(poster, sizeof poster, "%lld", (long long)m->poster_id);
	row[0] = id;
	row[1] = mission_status_name(m->status);
	row[2] = m->d.title;
	row[3] = mission_category_name(m->d.category);
	row[4] = when;
	row[5] = dur;
	row[6] = places;
	row[7] = takers;
	row[8] = reward;
	row[9] = m->d.minors_ok ? "1" : "0";
	row[10] = poster;
	row[11] = m->poster_name;
	if ((r->rc = report_table_add(r->t, row)) != BORNE_OK)
		return 1;
	return 0;
}

int
cmd_mission_list(Admin *a, int argc, char **argv)
{
	static const char *const head[] = {
		"id", "status", "title", "category", "when", "duration", "places",
		"takers", "reward", "minors_ok", "poster_id", "poster"
	};
	AdminOpt opts[] = { { "--status", 1, NULL }, { NULL, 0, NULL } };
	MissionStatus s;
	Rows r;
	char *pos[1];
	int n, rc, status = -1;

	if ((rc = admin_args(a, argc, argv, opts, pos, 0, 0, &n)) != ADMIN_GO)
		return rc;
	if (opts[0].value != NULL) {
		if (mission_status_parse(opts[0].value, &s) != BORNE_OK)
			return admin_refuse("--status: unknown status \"%.40s\" "
			                    "(pending open taken done rejected cancelled "
			                    "expired)", opts[0].value);
		status = (int)s;
	}
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	/* As the kiosk does before showing the board; read-only is fine. */
	(void)mission_expire(a->st, a->now_utc, NULL);
	r.a = a;
	r.rc = BORNE_OK;
	if ((r.t = report_table_new(12, head, "rlllllrrrrrl")) == NULL)
		return admin_refuse("out of memory");
	rc = mission_each(a->st, status, mission_row, &r);
	if (rc == BORNE_OK)
		rc = r.rc;
	if (rc == BORNE_OK)
		rc = report_table_print(r.t, a->fmt, stdout);
	report_table_free(r.t);
	return rc == BORNE_OK ? ADMIN_EXIT_OK :
	       admin_store_error(a, rc, "listing missions");
}

int
cmd_mission_approve(Admin *a, int argc, char **argv)
{
	char *pos[1];
	int64_t id;
	int n, rc;

	if ((rc = admin_args(a, argc, argv, NULL, pos, 1, 1, &n)) != ADMIN_GO ||
	    (rc = admin_parse_id(a, pos[0], "ID", &id)) != ADMIN_GO ||
	    (rc = admin_open(a)) != ADMIN_GO)
		return rc;
	if ((rc = mission_approve(a->st, id, 0, a->now_utc)) != BORNE_OK)
		return admin_store_error(a, rc, NULL);
	printf("mission %lld approved: open\n", (long long)id);
	return ADMIN_EXIT_OK;
}

int
cmd_mission_reject(Admin *a, int argc, char **argv)
{
	AdminOpt opts[] = { { "--reason", 1, NULL }, { NULL, 0, NULL } };
	char *pos[1], why[96];
	int64_t id;
	int n, rc;

	if ((rc = admin_args(a, argc, argv, opts, pos, 1, 1, &n)) != ADMIN_GO ||
	    (rc = admin_parse_id(a, pos[0], "ID", &id)) != ADMIN_GO)
		return rc;
	if (opts[0].value == NULL)
		return admin_usage_error(a, "missing --reason");
	if (text_check(opts[0].value, BORNE_REASON_MAX_CH, TEXT_SINGLE_LINE, 1,
	               why, sizeof why) != BORNE_OK)
		return admin_refuse("reason %s", why);
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	rc = mission_reject(a->st, id, opts[0].value, 0, a->now_utc);
	if (rc != BORNE_OK)
		return admin_store_error(a, rc, NULL);
	printf("mission %lld rejected\n", (long long)id);
	return ADMIN_EXIT_OK;
}

static int
id_pair(Admin *a, int argc, char **argv, int64_t *id, int64_t *member)
{
	char *pos[2];
	int n, rc;

	if ((rc = admin_args(a, argc, argv, NULL, pos, 2, 2, &n)) != ADMIN_GO ||
	    (rc = admin_parse_id(a, pos[0], "ID", id)) != ADMIN_GO ||
	    (rc = admin_parse_id(a, pos[1], "MEMBER_ID", member)) != ADMIN_GO)
		return rc;
	return admin_open(a);
}

int
cmd_mission_take(Admin *a, int argc, char **argv)
{
	int64_t id, member;
	int rc;

	if ((rc = id_pair(a, argc, argv, &id, &member)) != ADMIN_GO)
		return rc;
	if ((rc = mission_take(a->st, id, member, a->now_utc, NULL)) != BORNE_OK)
		return admin_store_error(a, rc, NULL);
	printf("mission %lld taken by member %lld\n", (long long)id,
	       (long long)member);
	return ADMIN_EXIT_OK;
}

int
cmd_mission_release(Admin *a, int argc, char **argv)
{
	int64_t id, member;
	int rc;

	if ((rc = id_pair(a, argc, argv, &id, &member)) != ADMIN_GO)
		return rc;
	if ((rc = mission_release(a->st, id, member, a->now_utc, NULL)) != BORNE_OK)
		return admin_store_error(a, rc, NULL);
	printf("mission %lld released by member %lld\n", (long long)id,
	       (long long)member);
	return ADMIN_EXIT_OK;
}

int
cmd_mission_done(Admin *a, int argc, char **argv)
{
	AdminOpt opts[] = { { "--by", 1, NULL }, { NULL, 0, NULL } };
	char *pos[1];
	int64_t id, by;
	int n, rc;

	if ((rc = admin_args(a, argc, argv, opts, pos, 1, 1, &n)) != ADMIN_GO ||
	    (rc = admin_parse_id(a, pos[0], "ID", &id)) != ADMIN_GO)
		return rc;
	if (opts[0].value == NULL)
		return admin_usage_error(a, "missing --by MEMBER_ID");
	if ((rc = admin_parse_id(a, opts[0].value, "--by", &by)) != ADMIN_GO ||
	    (rc = admin_open(a)) != ADMIN_GO)
		return rc;
	if ((rc = mission_done(a->st, id, by, a->now_utc, NULL)) != BORNE_OK)
		return admin_store_error(a, rc, NULL);
	printf("mission %lld done\n", (long long)id);
	return ADMIN_EXIT_OK;
}
