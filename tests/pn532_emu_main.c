/* pn532_emu_main.c -- the PN532 emulator as a program, for shell tests
** and for trying borne without a reader:
**   pn532_emu LINK [CONTROL]
** makes a pty, points LINK at it (use libnfc:pn532_uart:LINK with borne),
** prints "ready LINK -> /dev/pts/N", then reads one command a line from
** CONTROL (a FIFO, created if missing) or from stdin:
**   place UIDHEX | remove | silent on|off | garbage N | unplug | replug
**   place2 UIDHEX | remove2   (a second card beside the first)
**   noise N    (N raw bytes of line noise before the next answer)
**   settle N   (wait until N more lists are answered, at most 10 s)
**   quit
** Each command answers one line on stdout ("ok ...", "settled ...",
** "error ..."), flushed, so a script can wait for it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pn532_emu.h"

static int emu_do(Pn532Emu *e, char *line);

/* Runs one command; 1 to quit. */
/* Monotonic ms, comparable with borne's BORNE_LATENCY_LOG figures. */
static long long
emu_mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int
emu_do(Pn532Emu *e, char *line)
{
	char cmd[32] = "", arg[64] = "";

	line[strcspn(line, "\r\n")] = '\0';
	if (sscanf(line, "%31s %63s", cmd, arg) < 1)
		return 0;
	if (strcmp(cmd, "quit") == 0) {
		printf("ok quit\n");
		return 1;
	}
	if (strcmp(cmd, "place") == 0) {
		if (pn532_emu_place_hex(e, arg) != 0)
			printf("error place: UID must be 4, 7 or 10 bytes of hex\n");
		else
			printf("ok place %s lists=%ld t=%lld\n", arg,
			       pn532_emu_lists(e), emu_mono_ms());
	} else if (strcmp(cmd, "place2") == 0) {
		if (pn532_emu_place_hex_at(e, 1, arg) != 0)
			printf("error place2: UID must be 4, 7 or 10 bytes of hex\n");
		else
			printf("ok place2 %s\n", arg);
	} else if (strcmp(cmd, "remove2") == 0) {
		pn532_emu_remove_at(e, 1);
		printf("ok remove2\n");
	} else if (strcmp(cmd, "noise") == 0) {
		static const uint8_t junk[64] = { 0xA5, 0x5A, 0xFF, 0x00, 0x13 };
		int k = atoi(arg);
		if (k < 1 || k > 64 || pn532_emu_inject(e, junk, (size_t)k) != 0)
			printf("error noise: 1 to 64 bytes\n");
		else
			printf("ok noise %d\n", k);
	} else if (strcmp(cmd, "remove") == 0) {
		pn532_emu_remove(e);
		printf("ok remove lists=%ld\n", pn532_emu_lists(e));
	} else if (strcmp(cmd, "silent") == 0) {
		pn532_emu_silent(e, strcmp(arg, "off") != 0);
		printf("ok silent %s\n", strcmp(arg, "off") != 0 ? "on" : "off");
	} else if (strcmp(cmd, "garbage") == 0) {
		pn532_emu_garbage(e, atoi(arg));
		printf("ok garbage %d\n", atoi(arg));
	} else if (strcmp(cmd, "unplug") == 0) {
		pn532_emu_unplug(e);
		printf("ok unplug\n");
	} else if (strcmp(cmd, "replug") == 0) {
		printf(pn532_emu_replug(e) == 0 ? "ok replug\n" : "error replug\n");
	} else if (strcmp(cmd, "settle") == 0) {
		long n = pn532_emu_lists(e);
		int k = atoi(arg) > 0 ? atoi(arg) : 1;
		if (pn532_emu_wait_lists(e, n + k - 1, 10000))
			printf("settled lists=%ld\n", pn532_emu_lists(e));
		else
			printf("error settle: no list in 10 s (lists=%ld)\n",
			       pn532_emu_lists(e));
	} else {
		printf("error unknown command: %s\n", cmd);
	}
	fflush(stdout);
	return 0;
}

int
main(int argc, char **argv)
{
	Pn532Emu *e = NULL;
	FILE *ctl = stdin;
	char line[256], pts[128];

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: pn532_emu LINK [CONTROL_FIFO]\n");
		return 2;
	}
	if (argc == 3) {
		int fd;
		if (mkfifo(argv[2], 0600) != 0 && errno != EEXIST) {
			fprintf(stderr, "pn532_emu: %s: %s\n", argv[2], strerror(errno));
			return 1;
		}
		/* Read-write: writers closing never give EOF. */
		if ((fd = open(argv[2], O_RDWR)) < 0 ||
		    (ctl = fdopen(fd, "r")) == NULL) {
			fprintf(stderr, "pn532_emu: %s: %s\n", argv[2], strerror(errno));
			return 1;
		}
	}
	if (pn532_emu_start(argv[1], &e) != 0) {
		fprintf(stderr, "pn532_emu: cannot make a pty at %s: %s\n", argv[1],
		        strerror(errno));
		return 1;
	}
	pn532_emu_pts(e, pts, sizeof pts);
	printf("ready %s -> %s\n", argv[1], pts);
	fflush(stdout);
	while (fgets(line, sizeof line, ctl) != NULL)
		if (emu_do(e, line))
			break;
	pn532_emu_stop(e);
	if (ctl != stdin)
		fclose(ctl);
	return 0;
}
