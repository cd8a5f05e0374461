/* page_dash.c -- Tableau de bord: who is here now, today's contributive
** day, the missions waiting for a facilitator, and what may need one:
** the kiosk's reader lost, taps waiting for a trusted clock, disk space,
** the last backup, wrong
** sign-in codes. Every read that fails says so on its card: an empty
** card means "nothing there", never "the database said no". */
#include <dirent.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#include "app.h"
#include "checkin.h"
#include "day.h"
#include "maintenance.h"
#include "mission.h"
#include "safety.h"
#include "syncview.h"
#include "timeutil.h"
#include "web.h"

static int  present_row(const Visit *v, void *ctx);
static void band_sync(Web *w, WebReq *rq, WebResp *rs);
static void card_present(Web *w, WebReq *rq, WebResp *rs);
static void card_today(Web *w, WebReq *rq, WebResp *rs);
static void card_waiting(Web *w, WebReq *rq, WebResp *rs);
static void card_problems(Web *w, WebReq *rq, WebResp *rs);
static int  newest_backup(const char *dir, char *name, size_t namelen,
                          int64_t *mtime);

typedef struct PresentCtx {
	Web    *w;
	WebReq *rq;
	WebResp *rs;
	int     n;
} PresentCtx;

static int
present_row(const Visit *v, void *ctx)
{
	PresentCtx *c = ctx;
	char name[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)], hm[6];

	if (c->n++ >= 50)
		return 1;
	web_actor_name(c->w, c->rq, v->member_id, name, sizeof name);
	time_format_hm(v->in_utc, hm);
	html_f(&c->rs->body, "<li>%s <span class=\"muted\">%s %s</span></li>",
	       name, TR(c->rq, "depuis", "since"), hm);
	return 0;
}

/* What the facilitators must know of the sync with the hub, in a band
** above the cards: not synced for an hour (or the last sync failed), an
** update required, badges enrolled here taken by someone elsewhere. The
** rule is facilitator mode's (syncview_health); a kiosk alone shows
** nothing. */
static void
band_sync(Web *w, WebReq *rq, WebResp *rs)
{
	SyncHealth h;
	char when[20];
	int rc;

	if ((rc = syncview_health(w->st, rq->now_utc, &h)) != BORNE_OK) {
		web_notice(rs, "err", web_store_error(rq, w->st, rc));
		return;
	}
	if (!h.joined || (!h.stale && !h.update_required && h.badges_taken == 0))
		return;
	html_raw(&rs->body, "<div class=\"notice info\" id=\"sync\" "
	         "role=\"status\"><ul>");
	if (h.stale && h.synced_utc > 0) {
		web_time(h.synced_utc, when);
		html_f(&rs->body, "<li id=\"sync-stale\">%s %s", TR(rq,
		       "Pas synchronisée depuis le", "Not synced since"), when);
	} else if (h.stale) {
		html_f(&rs->body, "<li id=\"sync-stale\">%s", TR(rq,
		       "Pas encore synchronisée avec les autres bornes",
		       "Not synced with the other kiosks yet"));
	}
	if (h.stale)
		html_f(&rs->body, "%s%s%s%s</li>", h.failed ? " (" : "",
		       h.failed ? TR(rq, "dernier essai : ", "last try: ") : "",
		       h.failed ? h.last_error : "", h.failed ? ")" : "");
	if (h.update_required)
		html_f(&rs->body, "<li id=\"sync-update\">%s</li>", TR(rq,
		       "Mise à jour requise : une autre borne a une version plus "
		       "récente. Ses nouveautés attendent cette mise à jour.",
		       "Update required: another kiosk runs a newer version. What "
		       "it sent waits for this update."));
	if (h.badges_taken > 0)
		html_f(&rs->body, "<li id=\"sync-badges\">%s %D. %s</li>", TR(rq,
		       "Badges pris ailleurs :", "Badges taken elsewhere:"),
		       h.badges_taken, TR(rq, "Ces badges, inscrits ici, étaient "
		       "déjà à quelqu'un sur une autre borne : voyez le journal "
		       "(badge.taken_elsewhere) et donnez-leur un autre badge.",
		       "These badges, enrolled here, already belonged to someone on "
		       "another kiosk: see the log (badge.taken_elsewhere) and give "
		       "them another badge."));
	html_raw(&rs->body, "</ul></div>");
}

static void
card_present(Web *w, WebReq *rq, WebResp *rs)
{
	PresentCtx c = { w, rq, rs, 0 };
	int n = 0, rc;

	html_f(&rs->body, "<section class=\"card\"><h2>%s</h2>",
	       TR(rq, "Présents maintenant", "Here now"));
	if ((rc = checkin_present_count(w->st, rq->now_utc, &n)) != BORNE_OK) {
		web_notice(rs, "err", web_store_error(rq, w->st, rc));
	} else {
		html_f(&rs->body, "<p class=\"figure\" id=\"present\">%d</p><ul>", n);
		if ((rc = checkin_present_each(w->st, rq->now_utc, present_row, &c))
		    != BORNE_OK)
			web_notice(rs, "err", web_store_error(rq, w->st, rc));
		html_raw(&rs->body, "</ul>");
	}
	html_raw(&rs->body, "</section>");
}

static void
card_today(Web *w, WebReq *rq, WebResp *rs)
{
	char today[TIME_DATE_SIZE];
	ContribDay d;
	int rc;

	time_local_date(rq->now_utc, today);
	html_f(&rs->body, "<section class=\"card\"><h2>%s</h2><p>%s</p>",
	       TR(rq, "Aujourd'hui", "Today"), today);
	rc = day_on(w->st, today, &d);
	if (rc == BORNE_OK)
		html_f(&rs->body, "<p><strong>%s</strong><br>%d:%d%d – %d:%d%d</p>",
		       d.title, d.open_min / 60, d.open_min % 60 / 10,
		       d.open_min % 10, d.close_min / 60, d.close_min % 60 / 10,
		       d.close_min % 10);
	else if (rc == BORNE_ENOTFOUND)
		html_f(&rs->body, "<p class=\"muted\">%s</p>", TR(rq, "Pas de journée "
		       "contributive aujourd'hui.", "No contributive day today."));
	else
		web_notice(rs, "err", web_store_error(rq, w->st, rc));
	html_raw(&rs->body, "</section>");
}

/* The heat alert (safety.h): on or off today, turned by one button,
** audited as the signed-in facilitator's (POST /heat). */
static void
card_heat(Web *w, WebReq *rq, WebResp *rs)
{
	SafetyRules r;
	int on = safety_heat_on(w->st, rq->now_utc);

	safety_rules(w->st, &r);
	html_f(&rs->body, "<section class=\"card\" id=\"heat\"><h2>%s</h2>",
	       TR(rq, "Alerte chaleur", "Heat alert"));
	html_f(&rs->body, "<p>%s %d:%d%d %s %d:%d%d.</p>", on ?
	       TR(rq, "Activée aujourd'hui : pas de mission en extérieur pour les "
	          "moins de 18 ans de", "On today: no outdoor mission for "
	          "under-18s from") :
	       TR(rq, "Désactivée. Activée, elle retire aux moins de 18 ans les "
	          "missions en extérieur de", "Off. When on, outdoor missions are "
	          "not offered to under-18s from"),
	       r.heat_from_min / 60, r.heat_from_min % 60 / 10,
	       r.heat_from_min % 10, TR(rq, "à", "to"), r.heat_to_min / 60, r.heat_to_min % 60 / 10,
	       r.heat_to_min % 10);
	web_form_begin(rq, rs, "/heat", "id=\"heat-form\"");
	html_f(&rs->body, "<input type=\"hidden\" name=\"on\" value=\"%s\">"
	       "<button%r>%s</button></form></section>", on ? "0" : "1",
	       on ? "" : " class=\"primary\"", on ?
	       TR(rq, "Désactiver l'alerte chaleur", "Turn the heat alert off") :
	       TR(rq, "Activer l'alerte chaleur pour aujourd'hui",
	          "Turn the heat alert on for today"));
}

int
page_heat_post(Web *w, WebReq *rq, WebResp *rs)
{
	const char *on = web_form(rq, "on");
	int rc;

	if (on == NULL || (strcmp(on, "0") != 0 && strcmp(on, "1") != 0)) {
		web_error_page(w, rq, rs, 400, TR(rq, "Action inconnue.",
		               "Unknown action."));
		return BORNE_OK;
	}
	rc = safety_heat_set(w->st, on[0] == '1', rq->actor_id, rq->now_utc);
	if (rc != BORNE_OK) {
		web_error_page(w, rq, rs, rc == BORNE_EPERM ? 403 : 503,
		               web_store_error(rq, w->st, rc));
		return BORNE_OK;
	}
	web_redirect(rs, "/#heat");
	return BORNE_OK;
}

static void
card_waiting(Web *w, WebReq *rq, WebResp *rs)
{
	MissionQuery q = { -1, NULL, 0, 0, MISSION_PENDING, 0, 5 };
	MissionCard cards[5];
	int n = 0, total = 0, rc;

	html_f(&rs->body, "<section class=\"card\"><h2>%s</h2>",
	       TR(rq, "Missions à valider", "Missions waiting for approval"));
	if ((rc = mission_search(w->st, &q, cards, &n, &total)) != BORNE_OK) {
		web_notice(rs, "err", web_store_error(rq, w->st, rc));
	} else {
		html_f(&rs->body, "<p class=\"figure\" id=\"waiting\">%d</p><ul>",
		       total);
		for (int i = 0; i < n; i++)
			html_f(&rs->body, "<li>%s</li>", cards[i].title);
		html_f(&rs->body, "</ul><a class=\"button\" href=\"/missions\">%s</a>",
		       TR(rq, "Voir les missions", "See the missions"));
	}
	html_raw(&rs->body, "</section>");
}

static int
newest_backup(const char *dir, char *name, size_t namelen, int64_t *mtime)
{
	struct dirent *e;
	struct stat sb;
	char path[1024];
	DIR *d;

	name[0] = '\0';
	*mtime = 0;
	if (dir == NULL || (d = opendir(dir)) == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, MAINTENANCE_BACKUP_PREFIX,
		            strlen(MAINTENANCE_BACKUP_PREFIX)) != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
		    (int64_t)sb.st_mtime > *mtime) {
			*mtime = (int64_t)sb.st_mtime;
			snprintf(name, namelen, "%s", e->d_name);
		}
	}
	closedir(d);
	return 0;
}

static void
card_problems(Web *w, WebReq *rq, WebResp *rs)
{
	char dir[1024], when[20], name[256], state[160];
	int64_t newest = 0, bk_utc = 0;
	long long lost_utc = 0;
	int n_held = 0, n_untimed = 0, n_probs = 0, rc, at = 0;
	struct statvfs vfs;
	char *slash;

	html_f(&rs->body, "<section class=\"card\"><h2>%s</h2><ul id=\"problems\">",
	       TR(rq, "À surveiller", "To keep an eye on"));
	rc = checkin_clock_facts(w->st, &newest, &n_held, &n_untimed);
	if (rc != BORNE_OK) {
		html_f(&rs->body, "<li class=\"chip bad\">%s</li>",
		       web_store_error(rq, w->st, rc));
		n_probs++;
	} else if (n_held > 0 || n_untimed > 0) {
		html_f(&rs->body, "<li><span class=\"chip warn\">%s</span> %d %s, "
		       "%d %s</li>", TR(rq, "Horloge", "Clock"), n_held,
		       TR(rq, "passages attendent une heure sûre",
		          "taps wait for a trusted time"), n_untimed,
		       TR(rq, "sans heure", "without a time"));
		n_probs++;
	}
	/* The kiosk's reader, as the kiosk last wrote it (app.c). */
	if (store_setting_get(w->st, APP_READER_SETTING, state, sizeof state) ==
	    BORNE_OK && sscanf(state, "lost %lld %n", &lost_utc, &at) == 1) {
		web_time((int64_t)lost_utc, when);
		html_f(&rs->body, "<li id=\"reader-lost\"><span class=\"chip bad\">"
		       "%s</span> %s %s%s%s%s</li>", TR(rq, "Lecteur de badges",
		       "Badge reader"), TR(rq, "ne répond plus depuis",
		       "lost since"), when, at > 0 && state[at] != '\0' ? " (" : "",
		       at > 0 ? state + at : "", at > 0 && state[at] != '\0' ? ")" :
		       "");
		n_probs++;
	}
	snprintf(dir, sizeof dir, "%s", w->db_path != NULL ? w->db_path : ".");
	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	else
		snprintf(dir, sizeof dir, ".");
	if (statvfs(dir, &vfs) == 0) {
		uint64_t free_mb = (uint64_t)vfs.f_bavail * vfs.f_frsize >> 20;
		uint64_t all_mb = (uint64_t)vfs.f_blocks * vfs.f_frsize >> 20;

		if (free_mb < 200 || free_mb * 10 < all_mb) {
			html_f(&rs->body, "<li><span class=\"chip bad\">%s</span> %D "
			       "Mo %s</li>", TR(rq, "Disque", "Disk"), (int64_t)free_mb,
			       TR(rq, "libres seulement", "free only"));
			n_probs++;
		}
		html_f(&rs->body, "<li class=\"muted\">%s : %D Mo / %D Mo</li>",
		       TR(rq, "Espace libre", "Free space"), (int64_t)free_mb,
		       (int64_t)all_mb);
	}
	if (newest_backup(w->backup_dir, name, sizeof name, &bk_utc) != 0 ||
	    bk_utc == 0) {
		html_f(&rs->body, "<li><span class=\"chip warn\">%s</span> %s</li>",
		       TR(rq, "Sauvegarde", "Backup"), TR(rq, "aucune sauvegarde "
		       "trouvée", "no backup found"));
		n_probs++;
	} else {
		web_time(bk_utc, when);
		html_f(&rs->body, "<li%r>%s : %s</li>", rq->now_utc - bk_utc >
		       2 * 86400 ? " class=\"chip warn\"" : " class=\"muted\"",
		       TR(rq, "Dernière sauvegarde", "Last backup"), when);
	}
	if (n_probs == 0)
		html_f(&rs->body, "<li><span class=\"chip good\">%s</span></li>",
		       TR(rq, "Rien à signaler", "All fine"));
	html_raw(&rs->body, "</ul></section>");
}

int
page_dash_get(Web *w, WebReq *rq, WebResp *rs)
{
	web_page_begin(w, rq, rs, TR(rq, "Tableau de bord", "Dashboard"));
	band_sync(w, rq, rs);
	html_raw(&rs->body, "<div class=\"grid\">");
	card_present(w, rq, rs);
	card_today(w, rq, rs);
	card_heat(w, rq, rs);
	card_waiting(w, rq, rs);
	card_problems(w, rq, rs);
	html_raw(&rs->body, "</div>");
	web_page_end(w, rq, rs);
	return BORNE_OK;
}
