/* main.c -- borne-web: the back office of the kiosk, a web server on the
** space's network. `borne-web --db FILE [--listen ADDR:PORT] [--config
** FILE]`: the listen address, the certificate and key for HTTPS and the
** backups' folder come from the configuration (config_def.h, web_*),
** the command line wins. A separate process from the kiosk: a crash or
** a slow page here never touches the door. It stops on SIGTERM/SIGINT. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"
#include "sdnotify.h"
#include "timeutil.h"
#include "web.h"
#include "web_http.h"

static void usage(FILE *out);
static void warn_line(const char *line, void *ctx);
static const char *font_dir(void);

static void
usage(FILE *out)
{
	fputs("usage: borne-web --db FILE [--listen ADDR:PORT] [--config FILE]\n"
	      "  --listen   where to serve (default: web_listen of the config, "
	      "0.0.0.0:8080)\n"
	      "  --config   the kiosk's configuration file (web_* keys, lang, "
	      "tz)\nSign in with a code from the kiosk's facilitator mode, or "
	      "borne-admin --db FILE web code.\n", out);
}

static void
warn_line(const char *line, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "borne-web: config: %s\n", line);
}

static const char *
font_dir(void)
{
	static const char *const dirs[] = {
		"/usr/share/fonts/opentype/inter", "/usr/share/fonts/truetype/inter",
	};
	struct stat sb;

	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
		if (stat(dirs[i], &sb) == 0 && S_ISDIR(sb.st_mode))
			return dirs[i];
	return dirs[0];
}

int
main(int argc, char **argv)
{
	const char *db = NULL, *listen = NULL, *conf_path = NULL;
	Config *cfg = NULL;
	WebHttp *http = NULL;
	Web w;
	char err[600], uri[1100];
	sigset_t sigs;
	int rc, sig = 0, status = 1;

	memset(&w, 0, sizeof w);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return 0;
		}
		if (v == NULL || (strcmp(a, "--db") != 0 && strcmp(a, "--listen") != 0
		                  && strcmp(a, "--config") != 0)) {
			fprintf(stderr, "borne-web: %s %s\n", a, v == NULL ?
			        "needs a value or is unknown" : "is unknown");
			usage(stderr);
			return 1;
		}
		if (strcmp(a, "--db") == 0)
			db = v;
		else if (strcmp(a, "--listen") == 0)
			listen = v;
		else
			conf_path = v;
		i++;
	}
	rc = config_load(conf_path, &cfg, warn_line, NULL);
	if (cfg == NULL) {
		fprintf(stderr, "borne-web: out of memory\n");
		return 1;
	}
	if (conf_path != NULL && rc == BORNE_ENOTFOUND)
		fprintf(stderr, "borne-web: %s not found: defaults used\n", conf_path);
	if (config_get(cfg, "tz")[0] != '\0')
		setenv("TZ", config_get(cfg, "tz"), 1);
	timeutil_init();
	if (db == NULL)
		db = config_get(cfg, "db");
	if (listen == NULL)
		listen = config_get(cfg, "web_listen");
	w.db_path = db;
	w.font_dir = font_dir();
	w.js_dir = "/usr/share/javascript";
	w.backup_dir = config_get(cfg, "web_backup_dir");
	w.lang_en = strcmp(config_get(cfg, "lang"), "en") == 0;
	rc = store_open(db, &w.st, err, sizeof err);
	if (rc == BORNE_EREADONLY) {
		/* Pages can still be read; every change says the database is
		** read-only. */
		snprintf(uri, sizeof uri, "file:%s?mode=ro", db);
		fprintf(stderr, "borne-web: %s is read-only: serving it read-only\n",
		        db);
		rc = store_open(uri, &w.st, err, sizeof err);
	}
	if (rc != BORNE_OK) {
		fprintf(stderr, "borne-web: %s: %s\n", db, err[0] ? err :
		        borne_strerror(rc));
		goto done;
	}
	/* Signals are waited for by this thread: the server's thread, made
	** below, inherits the mask and never sees them. */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (web_http_start(&w, listen, config_get(cfg, "web_tls_cert"),
	                   config_get(cfg, "web_tls_key"), &http, err,
	                   sizeof err) != BORNE_OK) {
		fprintf(stderr, "borne-web: %s\n", err);
		goto done;
	}
	fprintf(stderr, "borne-web: serving %s on %s://%s\n", db,
	        w.https ? "https" : "http", listen);
	(void)sdnotify_send("READY=1");
	while (sigwait(&sigs, &sig) == 0 && sig == SIGHUP)
		;
	(void)sdnotify_send("STOPPING=1");
	status = 0;
done:
	web_http_stop(http);
	store_close(w.st);
	config_free(cfg);
	return status;
}
