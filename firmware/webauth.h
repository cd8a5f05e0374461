/* webauth.h -- signing in to the back office (borne-web) from the kiosk.
** No password database: a facilitator asks the kiosk (facilitator mode)
** or borne-admin for a one-time code, valid WEBAUTH_CODE_TTL_S, and types
** it on the login page; that opens a session for them, a random token in
** a cookie, ended after WEBAUTH_IDLE_S without a request, by signing out,
** or from the kiosk. Codes and tokens are stored as their hash only.
** Wrong codes are audited ("web.login_refused") and, past
** WEBAUTH_MAX_FAILS in WEBAUTH_FAIL_WINDOW_S from anywhere, every try is
** refused until the window has passed (BORNE_ELOCKED): with 10^8 codes
** and 5 tries per 5 minutes, guessing one in its 10 minutes is hopeless.
** actor_id 0 is the machine's administrator (borne-admin over SSH). */
#ifndef BORNE_WEBAUTH_H
#define BORNE_WEBAUTH_H

#include <stdint.h>

#include "store.h"

#define WEBAUTH_CODE_DIGITS   8
#define WEBAUTH_CODE_SIZE     16      /* "1234 5678" and its NUL, with room */
#define WEBAUTH_CODE_TTL_S    600     /* 10 minutes */
#define WEBAUTH_IDLE_S        (12 * 3600)
#define WEBAUTH_TOKEN_SIZE    65      /* 64 hex digits and the NUL */
#define WEBAUTH_MAX_FAILS     5
#define WEBAUTH_FAIL_WINDOW_S 300

/* Makes a one-time code for actor_id (0, or an active facilitator or
** admin: BORNE_EPERM otherwise), audited as web.code. code gets the 8
** digits as "1234 5678" (spaces are ignored when typed). Expired codes
** are deleted on the way. */
int  webauth_code_new(Store *st, int64_t actor_id, int64_t now_utc,
                      char code[WEBAUTH_CODE_SIZE]);

/* Trades a code for a session: BORNE_OK with token (the cookie's value)
** and *actor_out set, the code used up, audited as web.login with client
** (an address, may be NULL) as detail. BORNE_ENOTFOUND: wrong or expired
** code (audited as web.login_refused); BORNE_ELOCKED: too many wrong
** codes lately, not even looked at (audited as web.login_locked);
** BORNE_EPERM: the code's facilitator is no longer one. */
int  webauth_login(Store *st, const char *code, const char *client,
                   int64_t now_utc, char token[WEBAUTH_TOKEN_SIZE],
                   int64_t *actor_out);

/* The session of a cookie's token: BORNE_OK and *actor_out, its idle
** time restarted (a read-only database only skips that); BORNE_ENOTFOUND
** when there is none, it expired (deleted) or its facilitator is no
** longer one. */
int  webauth_session(Store *st, const char *token, int64_t now_utc,
                     int64_t *actor_out);

/* The CSRF token of a session: a hash of its token, so nothing is stored
** and a page cannot forge it without the cookie. */
void webauth_csrf(const char *token, char out[WEBAUTH_TOKEN_SIZE]);

/* Signs one session out (audited as web.logout). BORNE_OK even when it
** had already ended. */
int  webauth_logout(Store *st, const char *token, int64_t now_utc);

/* Ends every web session (actor_id: who asks, for the audit) and every
** unused code: "end web sessions" at the kiosk. *n_ended (may be NULL)
** gets how many sessions were open. */
int  webauth_end_all(Store *st, int64_t actor_id, int64_t now_utc,
                     int *n_ended);

/* How many sessions are open now (not idle past WEBAUTH_IDLE_S). */
int  webauth_count(Store *st, int64_t now_utc);

#endif
