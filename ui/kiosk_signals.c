/* kiosk_signals.c -- signals taken by one thread with sigwait(): a stop
** (SIGTERM, SIGHUP; SIGINT in windowed mode) becomes an SDL event, the
** rest are logged and ignored in kiosk mode. Not in headless mode, where
** a signal simply kills. */

#include "kiosk.h"

/* ---- signals (not in headless mode, where a signal simply kills) ---- */

/* What the signal thread waits for. SIGUSR2 only stops the thread. */
void
main_signal_set(int kiosk, sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGTERM);
	sigaddset(set, SIGHUP);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGUSR2);
	if (kiosk) {
		sigaddset(set, SIGQUIT);
		sigaddset(set, SIGTSTP);
	}
}

const char *
main_signal_name(int sig)
{
	switch (sig) {
	case SIGTERM: return "SIGTERM";
	case SIGHUP:  return "SIGHUP";
	case SIGINT:  return "SIGINT";
	case SIGQUIT: return "SIGQUIT";
	case SIGTSTP: return "SIGTSTP";
	default:      return "a signal";
	}
}

/* Stops (SIGTERM, SIGHUP; in windowed mode SIGINT too) become an SDL
** event the loop reads; in kiosk mode the keyboard's signals are only
** logged. SDL_PushEvent is thread-safe; nothing here runs in a handler. */
void *
kiosk_signal_thread(void *arg)
{
	Kiosk *k = arg;
	sigset_t set;
	int sig;

	main_signal_set(k->opt.kiosk, &set);
	for (;;) {
		if (sigwait(&set, &sig) != 0)
			continue;
		if (sig == SIGUSR2)
			return NULL;                /* kiosk_signals_stop */
		if (sig == SIGTERM || sig == SIGHUP || !k->opt.kiosk) {
			SDL_Event e;

			memset(&e, 0, sizeof e);
			e.type = k->ev_signal;
			e.user.code = sig;
			SDL_PushEvent(&e);
			continue;
		}
		fprintf(stderr, "borne: %s ignored: kiosk mode (facilitator mode "
		        "quits; systemctl stop sends SIGTERM)\n",
		        main_signal_name(sig));
	}
}

int
kiosk_signals_start(Kiosk *k)
{
	k->ev_signal = SDL_RegisterEvents(1);
	if (k->ev_signal == (Uint32)-1) {
		k->ev_signal = 0;
		fprintf(stderr, "borne: no SDL event left for signals\n");
		return BORNE_EIO;
	}
	if (pthread_create(&k->sig_thread, NULL, kiosk_signal_thread, k) != 0) {
		fprintf(stderr, "borne: signal thread: %s\n", strerror(errno));
		return BORNE_EIO;
	}
	k->sig_thread_on = 1;
	return BORNE_OK;
}

void
kiosk_signals_stop(Kiosk *k)
{
	if (!k->sig_thread_on)
		return;
	pthread_kill(k->sig_thread, SIGUSR2);
	pthread_join(k->sig_thread, NULL);
	k->sig_thread_on = 0;
}

