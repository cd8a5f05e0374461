/* test_reader_wedge_uinput.c -- the wedge driver on a real evdev node.
** A virtual keyboard made with /dev/uinput types a badge number; the
** driver must grab the device (nobody else sees the digits), report one
** tap, and report the reader lost when the keyboard goes away. Without
** /dev/uinput (containers, CI) the test says so and exits 77, which ctest
** shows as skipped: nothing here is counted as passed. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>
#include <linux/uinput.h>

#include "check.h"
#include "reader.h"
#include "reader_test_util.h"

#define WAIT_MS 5000

static void emit(int fd, int type, int code, int value);
static int find_event_node(int ufd, char *out, size_t outlen);

static void
emit(int fd, int type, int code, int value)
{
	struct input_event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = (uint16_t)type;
	ev.code = (uint16_t)code;
	ev.value = value;
	if (write(fd, &ev, sizeof ev) != (ssize_t)sizeof ev)
		perror("uinput write");
}

/* /dev/input/eventN of the uinput device, waiting for udev a little. */
static int
find_event_node(int ufd, char *out, size_t outlen)
{
	char sys[64], path[160];
	DIR *d;
	struct dirent *de;

	if (ioctl(ufd, UI_GET_SYSNAME(sizeof sys), sys) < 0)
		return -1;
	snprintf(path, sizeof path, "/sys/devices/virtual/input/%s", sys);
	for (int tries = 0; tries < 40; tries++) {
		if ((d = opendir(path)) != NULL) {
			while ((de = readdir(d)) != NULL) {
				if (strncmp(de->d_name, "event", 5) == 0) {
					snprintf(out, outlen, "/dev/input/%.*s", 64, de->d_name);
					closedir(d);
					if (access(out, R_OK) == 0)
						return 0;
					d = NULL;
					break;
				}
			}
			if (d != NULL)
				closedir(d);
		}
		usleep(50 * 1000);
	}
	return -1;
}

int
main(void)
{
	static const int keys[] = { KEY_0, KEY_1, KEY_2, KEY_3, KEY_4, KEY_5,
	                            KEY_6, KEY_7, KEY_8, KEY_9, KEY_ENTER };
	static const char number[] = "2712847316";
	struct uinput_setup us;
	ReaderOptions opt = { .dec_order = UID_DEC_LSB_FIRST, .poll_ms = 150 };
	Reader *r = NULL;
	ReaderThread *t = NULL;
	ReaderEvent ev;
	char node[96], spec[128], err[200], hex[UID_HEX_SIZE];
	int ufd, other;

	ufd = open("/dev/uinput", O_WRONLY | O_NONBLOCK);
	if (ufd < 0) {
		printf("SKIP: /dev/uinput not available (%s): the wedge driver was "
		       "not run on a real evdev device\n", strerror(errno));
		return 77;
	}
	ioctl(ufd, UI_SET_EVBIT, EV_KEY);
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		ioctl(ufd, UI_SET_KEYBIT, keys[i]);
	memset(&us, 0, sizeof us);
	us.id.bustype = BUS_USB;
	us.id.vendor = 0x1234;
	us.id.product = 0x5678;
	snprintf(us.name, sizeof us.name, "borne test wedge");
	if (ioctl(ufd, UI_DEV_SETUP, &us) < 0 || ioctl(ufd, UI_DEV_CREATE) < 0 ||
	    find_event_node(ufd, node, sizeof node) != 0) {
		printf("SKIP: cannot create a uinput keyboard (%s)\n", strerror(errno));
		close(ufd);
		return 77;
	}
	snprintf(spec, sizeof spec, "wedge:%s", node);
	CHECK_INT(reader_new(spec, &opt, &r, err, sizeof err), BORNE_OK);
	CHECK_INT(reader_thread_start(r, rtu_wake, NULL, &t), BORNE_OK);
	usleep(300 * 1000);          /* let the thread open and grab */

	/* Grabbed: another grab is refused. */
	other = open(node, O_RDONLY | O_NONBLOCK);
	if (other >= 0) {
		CHECK(ioctl(other, EVIOCGRAB, (void *)1) != 0);
		close(other);
	}
	for (const char *p = number; *p != '\0'; p++) {
		int code = keys[*p - '0'];
		emit(ufd, EV_KEY, code, 1);
		emit(ufd, EV_SYN, SYN_REPORT, 0);
		emit(ufd, EV_KEY, code, 0);
		emit(ufd, EV_SYN, SYN_REPORT, 0);
	}
	emit(ufd, EV_KEY, KEY_ENTER, 1);
	emit(ufd, EV_SYN, SYN_REPORT, 0);
	emit(ufd, EV_KEY, KEY_ENTER, 0);
	emit(ufd, EV_SYN, SYN_REPORT, 0);
	CHECK(reader_test_expect(t, READER_EV_ARRIVED, &ev, WAIT_MS));
	uid_format(&ev.uid, hex);
	CHECK_STR(hex, "D4C3B2A1");
	CHECK(reader_test_expect(t, READER_EV_REMOVED, &ev, WAIT_MS));

	/* Unplugged: lost. */
	ioctl(ufd, UI_DEV_DESTROY);
	close(ufd);
	CHECK(reader_test_expect(t, READER_EV_LOST, &ev, WAIT_MS));
	reader_thread_stop(t);
	return check_done();
}
