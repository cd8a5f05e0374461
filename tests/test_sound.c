/* test_sound.c -- the badge tones' audio device (ui/sound.c).
** With no usable audio device the kiosk is silent, and SDL's audio is
** shut again: its ALSA back end would otherwise keep a hotplug thread
** waking ten times a second while the kiosk idles. With a device, the
** tones play. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "ui_internal.h"

static int thread_named(const char *name);
static int thread_gone(const char *name);

/* 1 when a thread of this process is called name. */
static int
thread_named(const char *name)
{
	DIR *d = opendir("/proc/self/task");
	struct dirent *e;
	char path[300], comm[64];
	int found = 0;

	if (d == NULL)
		return 0;
	while (!found && (e = readdir(d)) != NULL) {
		FILE *f;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "/proc/self/task/%s/comm", e->d_name);
		if ((f = fopen(path, "r")) == NULL)
			continue;
		if (fgets(comm, sizeof comm, f) != NULL &&
		    strncmp(comm, name, strlen(name)) == 0)
			found = 1;
		fclose(f);
	}
	closedir(d);
	return found;
}

/* 1 once no thread is called name. SDL joins its hotplug thread when the
** audio is shut, but the task can linger in /proc a moment after the
** join (seen under qemu-user): look again for up to 5 s before saying it
** stayed. An event waited for, not a speed asserted. */
static int
thread_gone(const char *name)
{
	const struct timespec tick = { 0, 10 * 1000 * 1000 };

	for (int i = 0; i < 500; i++) {
		if (!thread_named(name))
			return 1;
		nanosleep(&tick, NULL);
	}
	return 0;
}

int
main(void)
{
	Sound *s = NULL;

	CHECK_INT(SDL_Init(0), 0);

	/* Nowhere to play (no ALSA playback device here, no sound server's
	** socket): SDL's audio is not even tried, so PulseAudio's and ALSA's
	** libraries and configuration are never read. A socket, or
	** SDL_AUDIODRIVER, and it is. */
	if (access("/dev/snd", F_OK) != 0 && access("/var/run/pulse/native", F_OK) != 0) {
		char dir[] = "/tmp/borne-sound-XXXXXX", path[64];
		FILE *f;

		CHECK(mkdtemp(dir) != NULL);
		unsetenv("SDL_AUDIODRIVER");
		unsetenv("PULSE_SERVER");
		setenv("XDG_RUNTIME_DIR", dir, 1);
		CHECK_INT(sound_output_exists(), 0);
		CHECK_INT(sound_open(&s), BORNE_OK);
		CHECK(s == NULL);
		CHECK(SDL_WasInit(SDL_INIT_AUDIO) == 0);
		snprintf(path, sizeof path, "%s/pipewire-0", dir);
		CHECK((f = fopen(path, "w")) != NULL);
		if (f != NULL)
			fclose(f);
		CHECK_INT(sound_output_exists(), 1);
		unlink(path);
		CHECK_INT(sound_output_exists(), 0);
		setenv("SDL_AUDIODRIVER", "dummy", 1);
		CHECK_INT(sound_output_exists(), 1);
		rmdir(dir);
	} else {
		fprintf(stderr, "test_sound: this machine has sound: the case"
		        " without anywhere to play is not run\n");
	}

	/* ALSA up, but no such device: silent, and nothing left running. */
	setenv("SDL_AUDIODRIVER", "alsa", 1);
	setenv("AUDIODEV", "borne_test_no_such_pcm", 1);
	CHECK_INT(sound_open(&s), BORNE_OK);
	CHECK(s == NULL);
	CHECK(SDL_WasInit(SDL_INIT_AUDIO) == 0);
	CHECK(thread_gone("SDLHotplugALSA"));
	sound_play(s, CUE_SUCCESS);          /* silent, no crash */
	sound_close(s);

	/* A device: the tones are queued on it. */
	setenv("SDL_AUDIODRIVER", "dummy", 1);
	unsetenv("AUDIODEV");
	CHECK_INT(sound_open(&s), BORNE_OK);
	CHECK(s != NULL);
	CHECK(SDL_WasInit(SDL_INIT_AUDIO) != 0);
	sound_play(s, CUE_SUCCESS);
	sound_close(s);

	SDL_Quit();
	return check_done();
}
