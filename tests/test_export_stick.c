/* test_export_stick.c -- the USB export on a stick that cannot be written.
** A read-only stick (write-protect switch, or a file system the kernel
** mounted read-only after an error) must say "protégée en écriture", not
** "no stick" and not "the export failed". chmod cannot make one for root
** (root writes anyway), so the test mounts a read-only tmpfs in a mount
** namespace of its own: nothing leaks to the machine, and the mount goes
** away with the process. Without the right to do that (not root, no user
** namespaces) the test says so and passes: CI runs it as root.
** Also: the file on a writable stick begins with the UTF-8 BOM. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "core_fixture.h"
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"   /* the fixture's rest */
#include "app_fixture.h"
#pragma GCC diagnostic pop
#include "report.h"

static int  private_mounts(void);
static int  mount_ro(const char *dir);
static void enter_facilitator(T *t);

/* A mount namespace of our own, whose mounts do not propagate out. */
static int
private_mounts(void)
{
	if (unshare(CLONE_NEWNS) != 0) {
		fprintf(stderr, "unshare(CLONE_NEWNS): %s\n", strerror(errno));
		return -1;
	}
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) {
		fprintf(stderr, "mount --make-rprivate /: %s\n", strerror(errno));
		return -1;
	}
	return 0;
}

/* An empty read-only file system at dir (made first). */
static int
mount_ro(const char *dir)
{
	if (mkdir(dir, 0755) != 0 && errno != EEXIST)
		return -1;
	return mount("tmpfs", dir, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV,
	             "size=64k");
}

static void
enter_facilitator(T *t)
{
	t_badge(t, B_YASMINE);
	t_act(t, ACT_FACILITATOR, 0);
	for (const char *p = "4321"; *p != '\0'; p++)
		t_act(t, ACT_PIN_DIGIT, *p - '0');
	t_act(t, ACT_PIN_OK, 0);
	CHECK_INT(t->v->screen, SCREEN_FACILITATOR);
}

int
main(void)
{
	char stick[256], media[256], dir[300], path[512], got[8];
	AppConfig cfg;
	FILE *f;
	T t;

	fx_setup();
	timeutil_init();

	/* A writable stick: the file begins with the BOM. */
	snprintf(stick, sizeof stick, "%s", fx_path("stick"));
	CHECK_INT(mkdir(stick, 0755), 0);
	app_config_defaults(&cfg);
	snprintf(cfg.export_dir, sizeof cfg.export_dir, "%s", stick);
	t_open_cfg(&t, "rw.db", "2024-12-10T09:12", &cfg);
	enter_facilitator(&t);
	t_act(&t, ACT_EXPORT, 0);
	CHECK_CONTAINS(t.v->fac.export_msg, "Présences enregistrées : ");
	t_close(&t);
	snprintf(path, sizeof path, "%s/borne-presences-2024-12-10.csv", stick);
	f = fopen(path, "rb");
	CHECK(f != NULL);
	if (f != NULL) {
		CHECK_INT(fread(got, 1, 6, f), 6);
		CHECK(memcmp(got, "\xEF\xBB\xBF" "id,", 6) == 0);
		fclose(f);
	}

	if (private_mounts() != 0) {
		printf("read-only stick not tested: needs root (a mount "
		       "namespace)\n");
		return check_done();
	}
	snprintf(stick, sizeof stick, "%s", fx_path("ro-stick"));
	if (mount_ro(stick) != 0) {
		fprintf(stderr, "mount tmpfs -o ro %s: %s\n", stick,
		        strerror(errno));
		CHECK(!"a read-only tmpfs in our own namespace");
		return check_done();
	}

	/* The export itself. */
	{
		Store *st = fx_open("ro.db");

		CHECK_INT(report_export_day(st, stick, "2024-12-10", path,
		                            sizeof path), BORNE_EREADONLY);
		CHECK_STR(path, "");
		store_close(st);
	}

	/* Looking for a stick under /media: only a read-only one. */
	snprintf(media, sizeof media, "%s", fx_path("media"));
	CHECK_INT(mkdir(media, 0755), 0);
	snprintf(dir, sizeof dir, "%s/pi", media);
	CHECK_INT(mkdir(dir, 0755), 0);
	snprintf(dir, sizeof dir, "%s/pi/PROTECTED", media);
	CHECK_INT(mount_ro(dir), 0);
	CHECK_INT(report_find_stick(media, path, sizeof path), BORNE_EREADONLY);

	/* At the kiosk: said in the facilitator's words. */
	app_config_defaults(&cfg);
	snprintf(cfg.export_dir, sizeof cfg.export_dir, "%s", stick);
	t_open_cfg(&t, "ro-app.db", "2024-12-10T09:12", &cfg);
	enter_facilitator(&t);
	t_act(&t, ACT_EXPORT, 0);
	CHECK_STR(t.v->fac.export_msg, "La clé USB est protégée en écriture.");
	CHECK_INT(t.v->cue, CUE_REFUSED);
	t_close(&t);

	CHECK_INT(umount(dir), 0);
	CHECK_INT(umount(stick), 0);
	return check_done();
}
