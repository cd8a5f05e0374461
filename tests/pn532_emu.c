/* pn532_emu.c -- a PN532 speaking HSU frames on a pty (see pn532_emu.h).
** Written from the PN532 user manual's frame format and from reading
** what libnfc's pn532_uart driver sends; no code is taken from libnfc.
**
** Host to chip: [55 55 00 ...] 00 00 FF LEN LCS D4 CMD data DCS 00, where
** LEN counts D4..data, LEN+LCS = 0 and D4+CMD+data+DCS = 0 (mod 256).
** Chip to host: ACK 00 00 FF 00 FF 00, then 00 00 FF LEN LCS D5 CMD+1
** data DCS 00. An unknown command gets the error frame 00 00 FF 01 FF 7F
** 81 00. An ACK from the host (it aborts a command) is ignored. */
#define _XOPEN_SOURCE 700      /* posix_openpt, grantpt, unlockpt */
#include "pn532_emu.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

enum { OP_NONE = 0, OP_UNPLUG, OP_REPLUG, OP_QUIT };

#define EMU_TAGS       2         /* cards the antenna can hold at once */
#define EMU_INJECT_MAX 64

/* One card in the field. A card listed then deselected (InDeselect: HLTA)
** is halted: it no longer answers a list until it loses power (the field
** is switched off, or the card leaves the field). */
typedef struct EmuTag {
	int on;
	int selected;
	int halted;
	uint8_t uid[10];
	size_t uid_len;
} EmuTag;

enum {
	ST_HUNT = 0, ST_LEN, ST_LCS, ST_ELEN_HI, ST_ELEN_LO, ST_ELCS, ST_DATA,
	ST_DCS
};

struct Pn532Emu {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int wake[2];                 /* control pipe to the thread */
	int op, op_result;           /* pending request, its result */
	char link[512];
	char pts[128];
	int master, keeper;          /* owned by the thread once started */
	/* what the antenna sees (mu) */
	EmuTag tag[EMU_TAGS];
	int field_on;
	int silent;
	int garbage;
	long n_lists;
	uint8_t inject[EMU_INJECT_MAX];   /* noise before the next answer (mu) */
	size_t inject_n;
	/* frame parser (thread only) */
	int st;
	uint8_t prev;
	size_t len, got;
	uint8_t frame[300];
	uint8_t regs[0x10000];
};

static pthread_mutex_t emu_ptsname_mu = PTHREAD_MUTEX_INITIALIZER;

static void *emu_main(void *arg);
static int emu_make_pty(Pn532Emu *e);
static void emu_drop_pty(Pn532Emu *e);
static int emu_request(Pn532Emu *e, int op);
static void emu_feed(Pn532Emu *e, uint8_t b);
static void emu_command(Pn532Emu *e, const uint8_t *d, size_t n);
static void emu_reply(Pn532Emu *e, uint8_t cmd, const uint8_t *data,
                      size_t n, int damage);
static void emu_write(Pn532Emu *e, const uint8_t *buf, size_t n);
static int emu_hexval(int c);

static void
emu_write(Pn532Emu *e, const uint8_t *buf, size_t n)
{
	while (n > 0 && e->master >= 0) {
		ssize_t w = write(e->master, buf, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			if (errno == EAGAIN) {
				struct pollfd p = { .fd = e->master, .events = POLLOUT };
				poll(&p, 1, 100);
				continue;
			}
			return;
		}
		buf += w;
		n -= (size_t)w;
	}
}

/* Sends ACK then D5 cmd+1 data; damage spoils the data checksum. */
static void
emu_reply(Pn532Emu *e, uint8_t cmd, const uint8_t *data, size_t n, int damage)
{
	static const uint8_t ack[] = { 0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00 };
	uint8_t out[300], junk[EMU_INJECT_MAX];
	size_t k = 0, jn;
	uint8_t sum = 0xD5;

	pthread_mutex_lock(&e->mu);
	jn = e->inject_n;
	memcpy(junk, e->inject, jn);
	e->inject_n = 0;
	pthread_mutex_unlock(&e->mu);
	if (jn > 0)
		emu_write(e, junk, jn);
	emu_write(e, ack, sizeof ack);
	out[k++] = 0x00;
	out[k++] = 0x00;
	out[k++] = 0xFF;
	out[k++] = (uint8_t)(n + 2);
	out[k++] = (uint8_t)(0x100 - ((n + 2) & 0xFF));
	out[k++] = 0xD5;
	out[k++] = (uint8_t)(cmd + 1);
	sum = (uint8_t)(sum + cmd + 1);
	for (size_t i = 0; i < n; i++) {
		out[k++] = data[i];
		sum = (uint8_t)(sum + data[i]);
	}
	out[k++] = (uint8_t)(0x100 - sum + (damage ? 0x5A : 0));
	out[k++] = 0x00;
	emu_write(e, out, k);
}

/* One command from the host: d[0] is 0xD4, d[1] the command code. */
static void
emu_command(Pn532Emu *e, const uint8_t *d, size_t n)
{
	static const uint8_t error_frame[] = { 0x00, 0x00, 0xFF, 0x01, 0xFF,
	                                       0x7F, 0x81, 0x00 };
	uint8_t r[64];
	size_t rn = 0;
	uint8_t cmd;
	int damage, silent;

	if (n < 2 || d[0] != 0xD4)
		return;
	cmd = d[1];
	pthread_mutex_lock(&e->mu);
	silent = e->silent;
	damage = e->garbage > 0;
	if (!silent && damage)
		e->garbage--;
	pthread_mutex_unlock(&e->mu);
	if (silent)
		return;
	d += 2;
	n -= 2;
	switch (cmd) {
	case 0x00:                   /* Diagnose: the communication test echoes */
		if (n > sizeof r)
			n = sizeof r;
		memcpy(r, d, n);
		rn = n;
		break;
	case 0x02:                   /* GetFirmwareVersion: PN532 v1.6 */
		r[0] = 0x32; r[1] = 0x01; r[2] = 0x06; r[3] = 0x07;
		rn = 4;
		break;
	case 0x04:                   /* GetGeneralStatus */
		r[0] = 0x00; r[1] = 0x00; r[2] = 0x00; r[3] = 0x00;
		rn = 4;
		break;
	case 0x06:                   /* ReadRegister: addr pairs, one value each */
		for (size_t i = 0; i + 1 < n && rn < sizeof r; i += 2)
			r[rn++] = e->regs[(d[i] << 8) | d[i + 1]];
		break;
	case 0x08:                   /* WriteRegister: addr, value triples */
		for (size_t i = 0; i + 2 < n; i += 3)
			e->regs[(d[i] << 8) | d[i + 1]] = d[i + 2];
		break;
	case 0x32:                   /* RFConfiguration CfgItem data */
		/* Item 1 is the RF field (bit 0: on). Off powers the cards
		** down, which wakes the halted ones. */
		if (n >= 2 && d[0] == 0x01) {
			pthread_mutex_lock(&e->mu);
			e->field_on = d[1] & 0x01;
			if (!e->field_on)
				for (int i = 0; i < EMU_TAGS; i++)
					e->tag[i].halted = e->tag[i].selected = 0;
			pthread_mutex_unlock(&e->mu);
		}
		break;
	case 0x12:                   /* SetParameters */
	case 0x14:                   /* SAMConfiguration */
		break;
	case 0x44:                   /* InDeselect Tg: the selected card halts */
		pthread_mutex_lock(&e->mu);
		for (int i = 0; i < EMU_TAGS; i++) {
			if (e->tag[i].selected)
				e->tag[i].halted = 1;
			e->tag[i].selected = 0;
		}
		pthread_mutex_unlock(&e->mu);
		r[rn++] = 0x00;
		break;
	case 0x52:                   /* InRelease */
		pthread_mutex_lock(&e->mu);
		for (int i = 0; i < EMU_TAGS; i++)
			e->tag[i].selected = 0;
		pthread_mutex_unlock(&e->mu);
		r[rn++] = 0x00;
		break;
	case 0x16:                   /* PowerDown: status */
		r[rn++] = 0x00;
		break;
	case 0x4A:                   /* InListPassiveTarget MaxTg BrTy */
		pthread_mutex_lock(&e->mu);
		e->n_lists++;
		r[rn++] = 0;                                 /* NbTg */
		for (int i = 0; i < EMU_TAGS; i++) {
			EmuTag *g = &e->tag[i];
			g->selected = 0;
		}
		for (int i = 0; i < EMU_TAGS && n >= 2 && d[1] == 0x00 &&
		     e->field_on && r[0] < d[0]; i++) {
			EmuTag *g = &e->tag[i];
			if (!g->on || g->halted)
				continue;
			g->selected = 1;
			r[0]++;
			r[rn++] = r[0];                          /* Tg */
			r[rn++] = 0x00;                          /* SENS_RES */
			r[rn++] = g->uid_len == 4 ? 0x04 : g->uid_len == 7 ? 0x44 : 0x84;
			r[rn++] = g->uid_len == 4 ? 0x08 : 0x00; /* SEL_RES */
			r[rn++] = (uint8_t)g->uid_len;
			memcpy(r + rn, g->uid, g->uid_len);
			rn += g->uid_len;
		}
		pthread_cond_broadcast(&e->cv);
		pthread_mutex_unlock(&e->mu);
		break;
	default:
		emu_write(e, (const uint8_t[]){ 0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00 },
		          6);
		emu_write(e, error_frame, sizeof error_frame);
		return;
	}
	emu_reply(e, cmd, r, rn, damage);
}

/* The frame parser, one byte at a time. */
static void
emu_feed(Pn532Emu *e, uint8_t b)
{
	switch (e->st) {
	case ST_HUNT:
		if (e->prev == 0x00 && b == 0xFF)
			e->st = ST_LEN;
		break;
	case ST_LEN:
		e->len = b;
		e->st = ST_LCS;
		break;
	case ST_LCS:
		if (e->len == 0x00 && b == 0xFF) {          /* ACK from the host */
			e->st = ST_HUNT;
		} else if (e->len == 0xFF && b == 0xFF) {   /* extended frame */
			e->st = ST_ELEN_HI;
		} else if (((e->len + b) & 0xFF) != 0 || e->len == 0) {
			e->st = ST_HUNT;
		} else {
			e->got = 0;
			e->st = ST_DATA;
		}
		break;
	case ST_ELEN_HI:
		e->len = (size_t)b << 8;
		e->st = ST_ELEN_LO;
		break;
	case ST_ELEN_LO:
		e->len |= b;
		e->st = ST_ELCS;
		break;
	case ST_ELCS:
		e->got = 0;
		e->st = e->len > 0 && e->len <= sizeof e->frame ? ST_DATA : ST_HUNT;
		break;
	case ST_DATA:
		e->frame[e->got++] = b;
		if (e->got == e->len)
			e->st = ST_DCS;
		break;
	case ST_DCS: {
		uint8_t sum = b;
		for (size_t i = 0; i < e->len; i++)
			sum = (uint8_t)(sum + e->frame[i]);
		e->st = ST_HUNT;
		b = 0x01;                /* not 0x00: the postamble starts no frame */
		if (sum == 0)
			emu_command(e, e->frame, e->len);
		break;
	}
	}
	e->prev = b;
}

static int
emu_make_pty(Pn532Emu *e)
{
	char tmp[600], pts[128];
	const char *name;
	struct termios tio;
	int m, k;

	if ((m = posix_openpt(O_RDWR | O_NOCTTY)) < 0)
		return -1;
	/* ptsname() answers in a static buffer: emulators started together on
	** several threads would swap their names (and share one pty). */
	pthread_mutex_lock(&emu_ptsname_mu);
	if (grantpt(m) != 0 || unlockpt(m) != 0 || (name = ptsname(m)) == NULL) {
		pthread_mutex_unlock(&emu_ptsname_mu);
		close(m);
		return -1;
	}
	snprintf(pts, sizeof pts, "%s", name);
	pthread_mutex_unlock(&emu_ptsname_mu);
	pthread_mutex_lock(&e->mu);
	snprintf(e->pts, sizeof e->pts, "%s", pts);
	pthread_mutex_unlock(&e->mu);
	/* Keep a slave open: the master then never sees a hang-up while the
	** driver closes and reopens; raw mode so nothing is echoed. */
	if ((k = open(pts, O_RDWR | O_NOCTTY)) < 0) {
		close(m);
		return -1;
	}
	if (tcgetattr(k, &tio) == 0) {
		cfmakeraw(&tio);
		tcsetattr(k, TCSANOW, &tio);
	}
	fcntl(m, F_SETFL, O_NONBLOCK);
	fcntl(m, F_SETFD, FD_CLOEXEC);
	fcntl(k, F_SETFD, FD_CLOEXEC);
	snprintf(tmp, sizeof tmp, "%s.new", e->link);
	unlink(tmp);
	if (symlink(pts, tmp) != 0 || rename(tmp, e->link) != 0) {
		close(k);
		close(m);
		return -1;
	}
	e->master = m;
	e->keeper = k;
	e->st = ST_HUNT;
	e->prev = 0x01;
	return 0;
}

static void
emu_drop_pty(Pn532Emu *e)
{
	unlink(e->link);
	if (e->master >= 0)
		close(e->master);
	if (e->keeper >= 0)
		close(e->keeper);
	e->master = e->keeper = -1;
	pthread_mutex_lock(&e->mu);
	e->pts[0] = '\0';
	pthread_mutex_unlock(&e->mu);
}

static void *
emu_main(void *arg)
{
	Pn532Emu *e = arg;
	uint8_t buf[256];

	for (;;) {
		struct pollfd p[2] = { { .fd = e->wake[0], .events = POLLIN },
		                       { .fd = e->master, .events = POLLIN } };
		int n = poll(p, e->master >= 0 ? 2 : 1, 1000);

		if (n < 0 && errno != EINTR)
			break;
		if (n > 0 && p[0].revents != 0) {
			char c;
			int op, res = 0;
			while (read(e->wake[0], &c, 1) > 0)
				;
			pthread_mutex_lock(&e->mu);
			op = e->op;
			pthread_mutex_unlock(&e->mu);
			if (op == OP_UNPLUG || op == OP_QUIT)
				emu_drop_pty(e);
			else if (op == OP_REPLUG) {
				if (e->master >= 0)
					emu_drop_pty(e);
				res = emu_make_pty(e);
			}
			pthread_mutex_lock(&e->mu);
			e->op = OP_NONE;
			e->op_result = res;
			pthread_cond_broadcast(&e->cv);
			pthread_mutex_unlock(&e->mu);
			if (op == OP_QUIT)
				break;
			continue;
		}
		if (n > 0 && e->master >= 0 && p[1].revents != 0) {
			ssize_t got = read(e->master, buf, sizeof buf);
			if (got > 0) {
				for (ssize_t i = 0; i < got; i++)
					emu_feed(e, buf[i]);
			} else if (got < 0 && errno != EAGAIN && errno != EINTR) {
				struct timespec ts = { 0, 10 * 1000000L };
				nanosleep(&ts, NULL);     /* no slave yet: do not spin */
			}
		}
	}
	return NULL;
}

/* Hands op to the thread and waits until it is done. */
static int
emu_request(Pn532Emu *e, int op)
{
	int res;

	pthread_mutex_lock(&e->mu);
	while (e->op != OP_NONE)
		pthread_cond_wait(&e->cv, &e->mu);
	e->op = op;
	pthread_mutex_unlock(&e->mu);
	if (write(e->wake[1], "x", 1) != 1)
		return -1;
	pthread_mutex_lock(&e->mu);
	while (e->op != OP_NONE)
		pthread_cond_wait(&e->cv, &e->mu);
	res = e->op_result;
	pthread_mutex_unlock(&e->mu);
	return res;
}

int
pn532_emu_start(const char *link_path, Pn532Emu **out)
{
	Pn532Emu *e = calloc(1, sizeof *e);

	*out = NULL;
	if (e == NULL)
		return -1;
	e->master = e->keeper = -1;
	e->field_on = 1;
	snprintf(e->link, sizeof e->link, "%s", link_path);
	pthread_mutex_init(&e->mu, NULL);
	pthread_cond_init(&e->cv, NULL);
	/* Plausible CIU reset values for the registers libnfc reads. */
	e->regs[0x6302] = 0x80;      /* TxMode */
	e->regs[0x6303] = 0x80;      /* RxMode */
	if (pipe(e->wake) != 0)
		goto fail;
	fcntl(e->wake[0], F_SETFL, O_NONBLOCK);
	if (emu_make_pty(e) != 0)
		goto fail;
	if (pthread_create(&e->thread, NULL, emu_main, e) != 0) {
		emu_drop_pty(e);
		goto fail;
	}
	*out = e;
	return 0;
fail:
	if (e->wake[0] > 0) {
		close(e->wake[0]);
		close(e->wake[1]);
	}
	pthread_cond_destroy(&e->cv);
	pthread_mutex_destroy(&e->mu);
	free(e);
	return -1;
}

void
pn532_emu_stop(Pn532Emu *e)
{
	if (e == NULL)
		return;
	emu_request(e, OP_QUIT);
	pthread_join(e->thread, NULL);
	close(e->wake[0]);
	close(e->wake[1]);
	pthread_cond_destroy(&e->cv);
	pthread_mutex_destroy(&e->mu);
	free(e);
}

void
pn532_emu_place(Pn532Emu *e, const uint8_t *uid, size_t n)
{
	pn532_emu_place_at(e, 0, uid, n);
}

void
pn532_emu_place_at(Pn532Emu *e, int slot, const uint8_t *uid, size_t n)
{
	EmuTag *g;

	if ((n != 4 && n != 7 && n != 10) || slot < 0 || slot >= EMU_TAGS)
		return;
	pthread_mutex_lock(&e->mu);
	g = &e->tag[slot];
	memcpy(g->uid, uid, n);
	g->uid_len = n;
	g->on = 1;
	g->halted = g->selected = 0;  /* a card laid down is freshly powered */
	pthread_mutex_unlock(&e->mu);
}

static int
emu_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
pn532_emu_place_hex(Pn532Emu *e, const char *hex)
{
	return pn532_emu_place_hex_at(e, 0, hex);
}

int
pn532_emu_place_hex_at(Pn532Emu *e, int slot, const char *hex)
{
	uint8_t b[10];
	size_t n = 0, len = strlen(hex);

	if (len % 2 != 0 || len / 2 > sizeof b)
		return -1;
	for (size_t i = 0; i < len; i += 2) {
		int hi = emu_hexval(hex[i]), lo = emu_hexval(hex[i + 1]);
		if (hi < 0 || lo < 0)
			return -1;
		b[n++] = (uint8_t)(hi << 4 | lo);
	}
	if ((n != 4 && n != 7 && n != 10) || slot < 0 || slot >= EMU_TAGS)
		return -1;
	pn532_emu_place_at(e, slot, b, n);
	return 0;
}

void
pn532_emu_remove(Pn532Emu *e)
{
	pn532_emu_remove_at(e, 0);
}

void
pn532_emu_remove_at(Pn532Emu *e, int slot)
{
	if (slot < 0 || slot >= EMU_TAGS)
		return;
	pthread_mutex_lock(&e->mu);
	e->tag[slot].on = 0;
	e->tag[slot].halted = e->tag[slot].selected = 0;
	pthread_mutex_unlock(&e->mu);
}

int
pn532_emu_inject(Pn532Emu *e, const uint8_t *bytes, size_t n)
{
	if (n > EMU_INJECT_MAX)
		return -1;
	pthread_mutex_lock(&e->mu);
	memcpy(e->inject, bytes, n);
	e->inject_n = n;
	pthread_mutex_unlock(&e->mu);
	return 0;
}

void
pn532_emu_silent(Pn532Emu *e, int on)
{
	pthread_mutex_lock(&e->mu);
	e->silent = on;
	pthread_mutex_unlock(&e->mu);
}

void
pn532_emu_garbage(Pn532Emu *e, int n)
{
	pthread_mutex_lock(&e->mu);
	e->garbage = n;
	pthread_mutex_unlock(&e->mu);
}

void
pn532_emu_unplug(Pn532Emu *e)
{
	emu_request(e, OP_UNPLUG);
}

int
pn532_emu_replug(Pn532Emu *e)
{
	return emu_request(e, OP_REPLUG);
}

long
pn532_emu_lists(Pn532Emu *e)
{
	long n;

	pthread_mutex_lock(&e->mu);
	n = e->n_lists;
	pthread_mutex_unlock(&e->mu);
	return n;
}

int
pn532_emu_wait_lists(Pn532Emu *e, long n, int timeout_ms)
{
	struct timespec until;
	int ok;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += timeout_ms / 1000;
	until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&e->mu);
	while (e->n_lists <= n)
		if (pthread_cond_timedwait(&e->cv, &e->mu, &until) == ETIMEDOUT)
			break;
	ok = e->n_lists > n;
	pthread_mutex_unlock(&e->mu);
	return ok;
}

void
pn532_emu_pts(Pn532Emu *e, char *out, size_t outlen)
{
	pthread_mutex_lock(&e->mu);
	snprintf(out, outlen, "%s", e->pts);
	pthread_mutex_unlock(&e->mu);
}
