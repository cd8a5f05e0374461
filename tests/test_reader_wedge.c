/* test_reader_wedge.c -- the keyboard-wedge driver end to end, on a FIFO
** carrying raw struct input_event records (the driver accepts one for
** replaying recordings; a real evdev node is tested in
** test_reader_wedge_uinput.c when /dev/uinput exists). One tap per number
** typed (ARRIVED then REMOVED), the same card twice is two taps, a number
** without Enter is dropped, non-input paths are refused clearly. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "reader.h"
#include "reader_test_util.h"
#include "wedge_stream.h"

#define WAIT_MS 5000

static char dir[64], fifo[128], spec[160];

static void send_stream(const WedgeStream *s);
static void test_refusals(void);
static void test_sync(void);
static void test_thread(void);

/* Writes a stream into the FIFO (waits until the reader has it open). */
static void
send_stream(const WedgeStream *s)
{
	int fd = open(fifo, O_WRONLY);
	size_t len = (size_t)s->n * sizeof s->ev[0];

	CHECK(fd >= 0);
	if (fd < 0)
		return;
	CHECK_INT(write(fd, s->ev, len), len);
	close(fd);
}

static void
test_refusals(void)
{
	Reader *r = NULL;
	char err[200], path[160], sp[200];
	int fd;

	CHECK_INT(reader_new("wedge:/nonexistent/event-kbd", NULL, &r, err,
	                     sizeof err), BORNE_OK);
	CHECK_INT(reader_open(r), BORNE_ELOST);
	CHECK_CONTAINS(reader_errmsg(r), "wedge reader /nonexistent/event-kbd: "
	               "No such file or directory");
	reader_free(r);

	snprintf(path, sizeof path, "%s/plain", dir);
	fd = open(path, O_CREAT | O_WRONLY, 0600);
	close(fd);
	snprintf(sp, sizeof sp, "wedge:%s", path);
	CHECK_INT(reader_new(sp, NULL, &r, err, sizeof err), BORNE_OK);
	CHECK_INT(reader_open(r), BORNE_EINVAL);
	CHECK_CONTAINS(reader_errmsg(r), "is not an input device");
	reader_free(r);

	/* A character device that is not evdev cannot be grabbed. */
	CHECK_INT(reader_new("wedge:/dev/null", NULL, &r, err, sizeof err), BORNE_OK);
	CHECK_INT(reader_open(r), BORNE_EINVAL);
	CHECK_CONTAINS(reader_errmsg(r), "is not an evdev input device");
	reader_free(r);
}

static void
test_sync(void)
{
	ReaderOptions opt = { .dec_order = UID_DEC_MSB_FIRST, .poll_ms = 150 };
	Reader *r = NULL;
	BadgeUid uid;
	WedgeStream s;
	char err[200], hex[UID_HEX_SIZE];

	printf("wedge, synchronous\n");
	CHECK_INT(mkfifo(fifo, 0600), 0);
	CHECK_INT(reader_new(spec, &opt, &r, err, sizeof err), BORNE_OK);
	CHECK_INT(reader_open(r), BORNE_OK);
	CHECK_INT(reader_poll(r, &uid, 0), 0);

	memset(&s, 0, sizeof s);
	ws_type(&s, "2712847316\n");
	send_stream(&s);
	CHECK_INT(reader_poll(r, &uid, WAIT_MS), 1);
	uid_format(&uid, hex);
	CHECK_STR(hex, "A1B2C3D4");                  /* msb order chosen */
	CHECK_INT(reader_poll(r, &uid, 0), 0);       /* a wedge tap is lifted */

	/* Two numbers in one write: two taps, each lifted. */
	memset(&s, 0, sizeof s);
	ws_type(&s, "04A1B2C3\n04A1B2C3\n");
	send_stream(&s);
	CHECK_INT(reader_poll(r, &uid, WAIT_MS), 1);
	CHECK_INT(reader_poll(r, &uid, 0), 0);
	CHECK_INT(reader_poll(r, &uid, WAIT_MS), 1);
	uid_format(&uid, hex);
	CHECK_STR(hex, "04A1B2C3");
	CHECK_INT(reader_poll(r, &uid, 0), 0);

	/* No Enter: dropped once the gap has passed, with a message. */
	memset(&s, 0, sizeof s);
	ws_type(&s, "00012");
	send_stream(&s);
	while (reader_poll(r, &uid, 100) == 0 &&
	       strstr(reader_errmsg(r), "without Enter") == NULL) {
		static int guard;
		if (++guard > 50)
			break;
	}
	CHECK_CONTAINS(reader_errmsg(r), "badge number without Enter, dropped");

	/* A number that is not a UID (5 digits) is refused with a message. */
	memset(&s, 0, sizeof s);
	ws_type(&s, "12345\n");
	send_stream(&s);
	CHECK_INT(reader_poll(r, &uid, 300), 0);
	CHECK_CONTAINS(reader_errmsg(r), "wedge reader: ignored \"12345\"");

	/* An event split across two writes still parses. */
	{
		int fd = open(fifo, O_WRONLY);
		size_t half = sizeof s.ev[0] / 2, len;
		memset(&s, 0, sizeof s);
		ws_type(&s, "CAFEBABE\n");
		len = (size_t)s.n * sizeof s.ev[0];
		CHECK_INT(write(fd, s.ev, half), half);
		CHECK_INT(write(fd, (char *)s.ev + half, len - half), len - half);
		close(fd);
		CHECK_INT(reader_poll(r, &uid, WAIT_MS), 1);
		uid_format(&uid, hex);
		CHECK_STR(hex, "CAFEBABE");
	}
	reader_free(r);
}

static void
test_thread(void)
{
	ReaderOptions opt = { .dec_order = UID_DEC_LSB_FIRST, .poll_ms = 150 };
	Reader *r = NULL;
	ReaderThread *t = NULL;
	ReaderEvent ev;
	WedgeStream s;
	char err[200], hex[UID_HEX_SIZE];

	printf("wedge, on the reader thread\n");
	CHECK_INT(reader_new(spec, &opt, &r, err, sizeof err), BORNE_OK);
	CHECK_INT(reader_thread_start(r, rtu_wake, NULL, &t), BORNE_OK);
	memset(&s, 0, sizeof s);
	ws_type(&s, "2712847316\n");
	send_stream(&s);
	CHECK(reader_test_expect(t, READER_EV_ARRIVED, &ev, WAIT_MS));
	uid_format(&ev.uid, hex);
	CHECK_STR(hex, "D4C3B2A1");
	CHECK(reader_test_expect(t, READER_EV_REMOVED, &ev, WAIT_MS));
	send_stream(&s);             /* the same card again: a second tap */
	CHECK(reader_test_expect(t, READER_EV_ARRIVED, &ev, WAIT_MS));
	CHECK(reader_test_expect(t, READER_EV_REMOVED, &ev, WAIT_MS));
	reader_thread_stop(t);
}

int
main(void)
{
	char cmd[128];

	snprintf(dir, sizeof dir, "/tmp/borne-wedge-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return 2;
	snprintf(fifo, sizeof fifo, "%s/kbd.events", dir);
	snprintf(spec, sizeof spec, "wedge:%s", fifo);
	test_refusals();
	test_sync();
	test_thread();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return check_done();
}
