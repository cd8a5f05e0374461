/* sound.c -- the tone that goes with each badge tap.
** Three short cues, made at start-up as 16-bit samples (no sound files to
** ship or lose): success is two rising notes, unknown a neutral double
** beep, refused one low tone. Each note has a soft attack and release so
** nothing clicks. Playing queues the samples on the audio device (SDL
** plays them on its own thread); a new cue cuts the previous one. With
** no audio device the kiosk stays silent and works the same, and SDL's
** audio is shut again: its ALSA back end keeps a hotplug thread that
** wakes ten times a second for as long as the subsystem is up. A machine
** with nowhere to play (no ALSA playback device, no PulseAudio or
** PipeWire socket) does not even start it: trying loads and reads
** PulseAudio's and ALSA's libraries and configuration, 0.8 MiB of the
** kiosk's memory for nothing (docs/performance.md). */
#include <glob.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "borne.h"
#include "ui_internal.h"

#define SOUND_RATE   22050
#define SOUND_VOLUME 0.30

typedef struct Tone {
	double hz;
	int    ms;               /* 0 hz: silence */
} Tone;

typedef struct Clip {
	int16_t *samples;
	Uint32   n_bytes;
} Clip;

struct Sound {
	SDL_AudioDeviceID dev;
	Clip clips[CUE_REFUSED + 1];
};

static int  sound_make(Clip *c, const Tone *tones, int n_tones);

static const Tone cue_success[] = { { 659.25, 90 }, { 0, 20 }, { 987.77, 160 } };
static const Tone cue_unknown[] = { { 587.33, 90 }, { 0, 70 }, { 587.33, 90 } };
static const Tone cue_refused[] = { { 196.00, 320 } };

/* Renders tones one after another into c. */
static int
sound_make(Clip *c, const Tone *tones, int n_tones)
{
	size_t n = 0, k = 0;

	for (int i = 0; i < n_tones; i++)
		n += (size_t)tones[i].ms * SOUND_RATE / 1000;
	c->samples = calloc(n, sizeof *c->samples);
	if (c->samples == NULL)
		return BORNE_ENOMEM;
	c->n_bytes = (Uint32)(n * sizeof *c->samples);
	for (int i = 0; i < n_tones; i++) {
		size_t len = (size_t)tones[i].ms * SOUND_RATE / 1000;
		size_t ramp = SOUND_RATE / 200;          /* 5 ms */
		for (size_t j = 0; j < len; j++, k++) {
			double env = 1.0, t = (double)j / SOUND_RATE;
			if (tones[i].hz <= 0)
				continue;
			if (j < ramp)
				env = (double)j / (double)ramp;
			else if (len - j < ramp * 4)
				env = (double)(len - j) / (double)(ramp * 4);
			/* A touch of the octave makes it rounder than a sine. */
			double v = sin(2 * M_PI * tones[i].hz * t) +
			           0.25 * sin(4 * M_PI * tones[i].hz * t);
			c->samples[k] = (int16_t)(v / 1.25 * env * SOUND_VOLUME * 32767);
		}
	}
	return BORNE_OK;
}

/* SDL_AUDIODRIVER set: whatever it names is tried. */
int
sound_output_exists(void)
{
	static const char *const sockets[] = { "pulse/native", "pipewire-0" };
	const char *env = getenv("XDG_RUNTIME_DIR");
	char dir[256], path[300];
	glob_t g;
	int found;

	if (getenv("SDL_AUDIODRIVER") != NULL || getenv("PULSE_SERVER") != NULL)
		return 1;
	found = glob("/dev/snd/pcmC*D*p", 0, NULL, &g) == 0;
	globfree(&g);
	if (found || access("/var/run/pulse/native", F_OK) == 0)
		return 1;
	if (env != NULL && env[0] != '\0')
		snprintf(dir, sizeof dir, "%s", env);
	else
		snprintf(dir, sizeof dir, "/run/user/%u", (unsigned)getuid());
	for (size_t i = 0; i < sizeof sockets / sizeof sockets[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, sockets[i]);
		if (access(path, F_OK) == 0)
			return 1;
	}
	return 0;
}

int
sound_open(Sound **out)
{
	Sound *s;
	SDL_AudioSpec want, have;
	int rc = BORNE_ENOMEM, inited = 0;

	*out = NULL;
	if ((s = calloc(1, sizeof *s)) == NULL)
		return BORNE_ENOMEM;
	if (sound_make(&s->clips[CUE_SUCCESS], cue_success, 3) != BORNE_OK ||
	    sound_make(&s->clips[CUE_UNKNOWN], cue_unknown, 3) != BORNE_OK ||
	    sound_make(&s->clips[CUE_REFUSED], cue_refused, 1) != BORNE_OK)
		goto fail;
	if (!SDL_WasInit(SDL_INIT_AUDIO)) {
		if (!sound_output_exists() ||
		    SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
			rc = BORNE_OK;       /* no audio: silent, not an error */
			goto fail;
		}
		inited = 1;
	}
	memset(&want, 0, sizeof want);
	want.freq = SOUND_RATE;
	want.format = AUDIO_S16SYS;
	want.channels = 1;
	want.samples = 512;
	s->dev = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
	if (s->dev == 0) {
		rc = BORNE_OK;
		if (inited)
			SDL_QuitSubSystem(SDL_INIT_AUDIO);
		goto fail;
	}
	SDL_PauseAudioDevice(s->dev, 0);
	*out = s;
	return BORNE_OK;
fail:
	sound_close(s);
	return rc;
}

void
sound_close(Sound *s)
{
	if (s == NULL)
		return;
	if (s->dev != 0)
		SDL_CloseAudioDevice(s->dev);
	for (int i = 0; i <= CUE_REFUSED; i++)
		free(s->clips[i].samples);
	free(s);
}

void
sound_play(Sound *s, AppCue cue)
{
	if (s == NULL || s->dev == 0 || cue <= CUE_NONE || cue > CUE_REFUSED)
		return;
	SDL_ClearQueuedAudio(s->dev);
	SDL_QueueAudio(s->dev, s->clips[cue].samples, s->clips[cue].n_bytes);
}
