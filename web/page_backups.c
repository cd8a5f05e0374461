/* page_backups.c -- Sauvegardes: the daily backups borne-backup.timer
** keeps (web_backup_dir), each one to download, and a fresh copy of the
** database made now with SQLite's online backup (maintenance.c), which
** runs beside the kiosk. A backup holds everyone's personal data: each
** download is written in the audit log. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit.h"
#include "maintenance.h"
#include "timeutil.h"
#include "web.h"

static int  backup_name_ok(const char *s);
static int  read_into(WebResp *rs, const char *path);
static void audit_download(Web *w, WebReq *rq, const char *what);

static int
backup_name_ok(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	if (n < 4 || n > 100 || strncmp(s, MAINTENANCE_BACKUP_PREFIX,
	    strlen(MAINTENANCE_BACKUP_PREFIX)) != 0 || strcmp(s + n - 3, ".db") != 0)
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '-' || *s == '.' || *s == '_'))
			return 0;
	return 1;
}

static int
read_into(WebResp *rs, const char *path)
{
	char chunk[65536];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (f == NULL)
		return BORNE_ENOTFOUND;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		wb_put(&rs->body, chunk, n);
	fclose(f);
	return rs->body.failed ? BORNE_ENOMEM : BORNE_OK;
}

/* Best effort: a read-only database still gives its backup. */
static void
audit_download(Web *w, WebReq *rq, const char *what)
{
	if (store_begin(w->st) != BORNE_OK)
		return;
	if (audit_log(w->st, rq->actor_id, "web.backup_download", "backup", 0,
	              what, rq->now_utc) == BORNE_OK)
		(void)store_commit(w->st);
	else
		store_rollback(w->st);
}

int
page_backups_get(Web *w, WebReq *rq, WebResp *rs)
{
	WebBuf *b = &rs->body;
	struct dirent **list = NULL;
	char path[1200], when[20];
	int n, shown = 0;

	web_page_begin(w, rq, rs, TR(rq, "Sauvegardes", "Backups"));
	html_f(b, "<section class=\"card narrow\"><p>%s</p><a class=\"button "
	       "primary\" id=\"fresh\" href=\"/backup.db\">%s</a></section>",
	       TR(rq, "Une sauvegarde contient les données de tous les membres : "
	          "gardez-la en lieu sûr.", "A backup holds every member's data: "
	          "keep it somewhere safe."),
	       TR(rq, "Télécharger une sauvegarde faite maintenant",
	          "Download a backup made now"));
	html_f(b, "<h2>%s</h2><p class=\"muted\">%s</p><ul id=\"backups\">",
	       TR(rq, "Sauvegardes de chaque jour", "Daily backups"),
	       w->backup_dir != NULL ? w->backup_dir : "");
	n = w->backup_dir != NULL ? scandir(w->backup_dir, &list, NULL,
	                                    alphasort) : -1;
	for (int i = n - 1; i >= 0; i--) {
		struct stat sb;

		snprintf(path, sizeof path, "%s/%s", w->backup_dir, list[i]->d_name);
		if (backup_name_ok(list[i]->d_name) && stat(path, &sb) == 0 &&
		    S_ISREG(sb.st_mode)) {
			web_time((int64_t)sb.st_mtime, when);
			html_f(b, "<li><a href=\"/backup.db?name=%u\">%s</a> <span "
			       "class=\"muted\">%s · %D Ko</span></li>", list[i]->d_name,
			       list[i]->d_name, when, (int64_t)(sb.st_size / 1024));
			shown++;
		}
		free(list[i]);
	}
	free(list);
	html_raw(b, "</ul>");
	if (shown == 0)
		html_f(b, "<p class=\"muted\">%s</p>", n < 0 ? TR(rq, "Le dossier des "
		       "sauvegardes ne peut pas être lu.", "The backups' folder cannot "
		       "be read.") : TR(rq, "Aucune sauvegarde pour l'instant.",
		       "No backup yet."));
	web_page_end(w, rq, rs);
	return BORNE_OK;
}

int
page_backup_download(Web *w, WebReq *rq, WebResp *rs)
{
	const char *name = web_query(rq, "name");
	char path[1200], msg[300], date[TIME_DATE_SIZE];
	int rc;

	if (name != NULL) {
		snprintf(path, sizeof path, "%s/%s", w->backup_dir ? w->backup_dir :
		         "", name);
		if (!backup_name_ok(name) || read_into(rs, path) != BORNE_OK) {
			wb_free(&rs->body);
			web_error_page(w, rq, rs, 404, TR(rq, "Cette sauvegarde n'existe "
			               "pas.", "No such backup."));
			return BORNE_OK;
		}
		audit_download(w, rq, name);
		snprintf(rs->disposition, sizeof rs->disposition,
		         "attachment; filename=\"%s\"", name);
	} else {
		const char *tmp = getenv("TMPDIR");
		int fd;

		snprintf(path, sizeof path, "%s/borne-web-XXXXXX",
		         tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
		if ((fd = mkstemp(path)) < 0)
			return BORNE_EIO;
		close(fd);
		rc = maintenance_backup(w->st, path, msg, sizeof msg);
		if (rc == BORNE_OK)
			rc = read_into(rs, path);
		unlink(path);
		if (rc != BORNE_OK) {
			wb_free(&rs->body);
			web_error_page(w, rq, rs, 503, rc == BORNE_ENOMEM ?
			               borne_strerror(rc) : msg);
			return BORNE_OK;
		}
		audit_download(w, rq, "now");
		time_local_date(rq->now_utc, date);
		snprintf(rs->disposition, sizeof rs->disposition,
		         "attachment; filename=\"borne-%s-now.db\"", date);
	}
	rs->ctype = "application/vnd.sqlite3";
	return BORNE_OK;
}
