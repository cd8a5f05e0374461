/* reader_libnfc.c -- NFC readers through libnfc: a PN532 on a serial
** line, I2C or SPI, an ACR122U or another PN533 on USB.
** The spec is "libnfc[:CONNSTRING]" ("libnfc:pn532_uart:/dev/serial0",
** "libnfc:acr122_usb"); without a connstring libnfc's own configuration
** (libnfc.conf, LIBNFC_DEFAULT_DEVICE) picks the device.
**
** Open runs nfc_init, nfc_open, nfc_initiator_init and releases what it
** holds in reverse order on any failure. Each poll asks once for ISO14443A
** targets at 106 kbps with nfc_initiator_list_passive_targets(), never
** with nfc_initiator_poll_target(): on a PN532 that stops answering the
** latter can block forever, while every command of a list has a timeout.
** A list swallows the error of a failed select and returns 0 targets, so
** the poll also checks nfc_device_get_last_error(). One failed list is
** retried at once; two in a row mean the reader is lost (unplugged,
** silent, or answering garbage), and the thread reopens it with backoff.
**
** Two badges at once: each list asks for up to two targets, so a second
** card laid beside the first is reported (poll returns 2) rather than
** silently ignored or, worse, seen in turn. To look for a second target
** libnfc deselects the first, which halts it (HLTA): a halted card
** answers no list until it loses power. So after a list that found a
** card, the next poll first switches the RF field off and on (and gives
** the cards a few milliseconds to power up), and a card lying there is
** seen by every poll.
**
** Exclusive use: libnfc marks a serial port "claimed" with a termios
** flag bit that Linux drops, so two programs can open the same PN532 and
** corrupt each other's frames. Open therefore takes a lock file per device
** (devlock.c: guards against another borne), and on a tty sets TIOCEXCL
** on the descriptor libnfc opened, found in /proc/self/fd, so that a later
** open(2) by anyone but root fails with EBUSY (a hand-run nfc-list, a
** serial console). Root ignores TIOCEXCL; docs/readers.md says so. */
#include "reader_impl.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <nfc/nfc.h>

#include "devlock.h"

/* libnfc 1.8 keeps its driver list in one global: nfc_init appends to it,
** nfc_open walks it, nfc_exit frees it, none of them locked. Two readers
** opening or closing at once (the reader tests run several in one
** process) lose a node or walk a freed one, so the three are called under
** this lock. */
static pthread_mutex_t libnfc_global = PTHREAD_MUTEX_INITIALIZER;

#define LIBNFC_MAX_TTY_FDS 16
#define LIBNFC_POWER_UP_MS 5     /* cards wake after the field is back on */

typedef struct LibnfcDrv {
	nfc_context *ctx;
	nfc_device *pnd;
	DevLock *lock;
	int excl_fd;                 /* libnfc's tty fd we set TIOCEXCL on */
	int64_t next_poll_ms;
	int in_list;                 /* a command is in flight (libnfc_mu) */
	int halted;                  /* the last list halted a card */
	char conn[NFC_BUFSIZE_CONNSTRING];
	char device[PATH_MAX];       /* from the connstring, "" when none */
} LibnfcDrv;

/* Guards Reader.drv for libnfc readers: reader_abort() may come from
** another thread while the reader thread closes the device. */
static pthread_mutex_t libnfc_mu = PTHREAD_MUTEX_INITIALIZER;

static int libnfc_open(Reader *r, const char *arg);
static int libnfc_poll(Reader *r, BadgeUid *uid, int timeout_ms);
static void libnfc_close(Reader *r);
static void libnfc_abort(Reader *r);
static void libnfc_release(LibnfcDrv *d);
static void libnfc_device_of(const char *conn, char *out, size_t outlen);
static int libnfc_tty_fds(const char *device, int *fds, int max);
static int libnfc_exclude(LibnfcDrv *d, const int *before, int n_before);
static void libnfc_busy(LibnfcDrv *d, int on);
static int libnfc_list(Reader *r, LibnfcDrv *d, nfc_target *nt, int max);
static int libnfc_uid(Reader *r, const nfc_target *nt, BadgeUid *uid);

const ReaderOps reader_libnfc = {
	.name = "libnfc",
	.open = libnfc_open,
	.poll = libnfc_poll,
	.close = libnfc_close,
	.abort = libnfc_abort,
};

/* The device path in "driver:/dev/x[:speed]", or "" (usb, no path). */
static void
libnfc_device_of(const char *conn, char *out, size_t outlen)
{
	const char *p = strchr(conn, ':');
	size_t n;

	out[0] = '\0';
	if (p == NULL || p[1] != '/')
		return;
	p++;
	n = strcspn(p, ":");
	if (n >= outlen)
		n = outlen - 1;
	memcpy(out, p, n);
	out[n] = '\0';
}

/* The descriptors of this process open on device (resolved), up to max. */
static int
libnfc_tty_fds(const char *device, int *fds, int max)
{
	char real[PATH_MAX], link[300], target[PATH_MAX];
	DIR *dir;
	struct dirent *de;
	int n = 0;

	if (realpath(device, real) == NULL)
		return 0;
	if ((dir = opendir("/proc/self/fd")) == NULL)
		return 0;
	while ((de = readdir(dir)) != NULL && n < max) {
		ssize_t len;
		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		snprintf(link, sizeof link, "/proc/self/fd/%s", de->d_name);
		len = readlink(link, target, sizeof target - 1);
		if (len <= 0)
			continue;
		target[len] = '\0';
		if (strcmp(target, real) == 0)
			fds[n++] = atoi(de->d_name);
	}
	closedir(dir);
	return n;
}

/* Finds the tty descriptor libnfc just opened (not in before[]) and makes
** the line exclusive. Best effort: returns 1 when TIOCEXCL was set. */
static int
libnfc_exclude(LibnfcDrv *d, const int *before, int n_before)
{
	int now[LIBNFC_MAX_TTY_FDS];
	int n = libnfc_tty_fds(d->device, now, LIBNFC_MAX_TTY_FDS);

	for (int i = 0; i < n; i++) {
		int seen = 0;
		for (int j = 0; j < n_before; j++)
			seen |= before[j] == now[i];
		if (seen || !isatty(now[i]))
			continue;
		if (ioctl(now[i], TIOCEXCL) == 0) {
			d->excl_fd = now[i];
			return 1;
		}
	}
	return 0;
}

/* Releases in reverse order of open; NULL-safe. */
static void
libnfc_release(LibnfcDrv *d)
{
	if (d == NULL)
		return;
	if (d->excl_fd >= 0)
		ioctl(d->excl_fd, TIOCNXCL);
	if (d->pnd != NULL)
		nfc_close(d->pnd);
	if (d->ctx != NULL) {
		pthread_mutex_lock(&libnfc_global);
		nfc_exit(d->ctx);
		pthread_mutex_unlock(&libnfc_global);
	}
	devlock_release(d->lock);
	free(d);
}

static int
libnfc_open(Reader *r, const char *arg)
{
	LibnfcDrv *d;
	char err[READER_ERR_SIZE];
	const char *what;
	int before[LIBNFC_MAX_TTY_FDS];
	int n_before = 0, res, rc;

	if ((d = calloc(1, sizeof *d)) == NULL)
		return reader_fail(r, BORNE_ENOMEM, "out of memory");
	d->excl_fd = -1;
	if (strlen(arg) >= sizeof d->conn) {
		rc = reader_fail(r, BORNE_EINVAL, "libnfc connstring too long: %s", arg);
		goto fail;
	}
	snprintf(d->conn, sizeof d->conn, "%s", arg);
	libnfc_device_of(d->conn, d->device, sizeof d->device);
	what = d->device[0] != '\0' ? d->device :
	       d->conn[0] != '\0' ? d->conn : "libnfc";

	rc = devlock_acquire(what, &d->lock, err, sizeof err);
	if (rc != BORNE_OK) {
		rc = reader_fail(r, rc, "%s", err);
		goto fail;
	}
	pthread_mutex_lock(&libnfc_global);
	nfc_init(&d->ctx);
	pthread_mutex_unlock(&libnfc_global);
	if (d->ctx == NULL) {
		rc = reader_fail(r, BORNE_ENOMEM, "nfc_init failed");
		goto fail;
	}
	if (d->device[0] != '\0') {
		if (access(d->device, R_OK | W_OK) != 0) {
			rc = reader_fail(r, BORNE_ELOST, "reader %s: %s", d->device,
			                 strerror(errno));
			goto fail;
		}
		n_before = libnfc_tty_fds(d->device, before, LIBNFC_MAX_TTY_FDS);
	}
	pthread_mutex_lock(&libnfc_global);
	d->pnd = nfc_open(d->ctx, d->conn[0] != '\0' ? d->conn : NULL);
	pthread_mutex_unlock(&libnfc_global);
	if (d->pnd == NULL) {
		rc = reader_fail(r, BORNE_ELOST, "no NFC reader answered on %s",
		                 d->conn[0] != '\0' ? d->conn :
		                 "the libnfc default device");
		goto fail;
	}
	if ((res = nfc_initiator_init(d->pnd)) < 0 ||
	    (res = nfc_device_set_property_bool(d->pnd, NP_INFINITE_SELECT,
	                                        false)) < 0 ||
	    (res = nfc_device_set_property_bool(d->pnd, NP_AUTO_ISO14443_4,
	                                        false)) < 0) {
		rc = reader_fail(r, BORNE_ELOST, "reader %s: cannot set it up: %s",
		                 what, nfc_strerror(d->pnd));
		goto fail;
	}
	if (d->device[0] != '\0')
		libnfc_exclude(d, before, n_before);
	d->next_poll_ms = reader_now_ms();
	r->absent_polls_to_remove = 2;   /* a badge at the edge may miss one */
	pthread_mutex_lock(&libnfc_mu);
	r->drv = d;
	pthread_mutex_unlock(&libnfc_mu);
	return BORNE_OK;
fail:
	libnfc_release(d);
	return rc;
}

/* Marks a libnfc command in flight (or not) for libnfc_abort(). */
static void
libnfc_busy(LibnfcDrv *d, int on)
{
	pthread_mutex_lock(&libnfc_mu);
	d->in_list = on;
	pthread_mutex_unlock(&libnfc_mu);
}

/* One list of up to max targets, after waking the card the last one
** halted. Returns how many (0..max), or a libnfc error (< 0). */
static int
libnfc_list(Reader *r, LibnfcDrv *d, nfc_target *nt, int max)
{
	const nfc_modulation nm = { .nmt = NMT_ISO14443A, .nbr = NBR_106 };
	int n = 0;

	memset(nt, 0, (size_t)max * sizeof nt[0]);
	if (d->halted) {
		libnfc_busy(d, 1);
		if ((n = nfc_device_set_property_bool(d->pnd, NP_ACTIVATE_FIELD,
		                                      false)) >= 0)
			n = nfc_device_set_property_bool(d->pnd, NP_ACTIVATE_FIELD, true);
		libnfc_busy(d, 0);
		if (n < 0)
			return n;
		d->halted = 0;
		if (reader_wait(r, -1, LIBNFC_POWER_UP_MS, NULL) == -1)
			return NFC_EOPABORTED;
	}
	libnfc_busy(d, 1);
	n = nfc_initiator_list_passive_targets(d->pnd, nm, nt, (size_t)max);
	libnfc_busy(d, 0);
	if (n > 0)
		d->halted = 1;
	if (n < 0)
		return n;
	if (n == 0 && nfc_device_get_last_error(d->pnd) < 0)
		return nfc_device_get_last_error(d->pnd);
	return n > max ? max : n;
}

/* The badge UID of a target: 1, or 0 for a UID length we do not take or
** an all-zero UID (a misread): no badge, so no tap. */
static int
libnfc_uid(Reader *r, const nfc_target *nt, BadgeUid *uid)
{
	if (uid_from_bytes(nt->nti.nai.abtUid, nt->nti.nai.szUidLen, uid)
	    == BORNE_OK)
		return 1;
	if (nt->nti.nai.szUidLen == 4 || nt->nti.nai.szUidLen == 7 ||
	    nt->nti.nai.szUidLen == 10)
		reader_fail(r, 0, "badge ignored: its UID is all zeros (a misread)");
	else
		reader_fail(r, 0, "badge ignored: a %zu-byte UID is neither 4, "
		            "7 nor 10 bytes", nt->nti.nai.szUidLen);
	return 0;
}

static int
libnfc_poll(Reader *r, BadgeUid *uid, int timeout_ms)
{
	LibnfcDrv *d = r->drv;
	nfc_target nt[READER_POLL_MAX];
	int64_t wait_ms = d->next_poll_ms - reader_now_ms();
	int n = 0, got = 0;

	/* Keep the pace: one list per poll period. */
	if (wait_ms > 0) {
		int w = reader_wait(r, -1, wait_ms < timeout_ms ? (int)wait_ms :
		                    timeout_ms, NULL);
		if (w == -1 || wait_ms > timeout_ms)
			return 0;
	}
	d->next_poll_ms = reader_now_ms() + r->opt.poll_ms;
	for (int attempt = 0; attempt < 2; attempt++) {
		n = libnfc_list(r, d, nt, READER_POLL_MAX);
		if (n == NFC_EOPABORTED || reader_aborted(r))
			return 0;
		if (n >= 0)
			break;
	}
	if (n < 0)
		return reader_fail(r, BORNE_ELOST, "reader %s stopped answering: %s",
		                   d->device[0] != '\0' ? d->device : d->conn,
		                   nfc_strerror(d->pnd));
	/* A card whose UID we do not take is ignored, as when it is alone. */
	for (int i = 0; i < n; i++)
		got += libnfc_uid(r, &nt[i], &uid[got]);
	return got;
}

static void
libnfc_close(Reader *r)
{
	LibnfcDrv *d;

	pthread_mutex_lock(&libnfc_mu);
	d = r->drv;
	r->drv = NULL;
	pthread_mutex_unlock(&libnfc_mu);
	libnfc_release(d);
}

/* Stops a list in flight: libnfc's pipe-based abort makes the pending
** receive return NFC_EOPABORTED. Only while a list runs: an abort with no
** receive waiting would leave libnfc's old pipe end open. Between lists
** the wait on the abort pipe (reader.c) does the job. */
static void
libnfc_abort(Reader *r)
{
	LibnfcDrv *d;

	pthread_mutex_lock(&libnfc_mu);
	d = r->drv;
	if (d != NULL && d->pnd != NULL && d->in_list)
		nfc_abort_command(d->pnd);
	pthread_mutex_unlock(&libnfc_mu);
}
