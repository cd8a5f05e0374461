/* outbox.h -- what this kiosk has to send to the PostgreSQL hub, and the
** rows it gets back from it (docs/sync.md).
**
** The outbox is filled by SQLite triggers (store_schema.c, version 10):
** a write and its change commit together. This module reads the sync
** state, marks what the hub has taken, scrubs a forgotten member's
** changes, and applies the changes pulled from the hub with the triggers
** off (sync_state.applying), so that they are not sent back. No network
** here: borne-admin's sync (admin/sync_hub.c) talks to the hub. */
#ifndef BORNE_OUTBOX_H
#define BORNE_OUTBOX_H

#include <stdint.h>

#include "store.h"

/* This kiosk has joined a hub once a sync was tried here: it synced,
** failed, or sent or got a change (SQL on sync_state as s). A kiosk alone
** is never shown anything of the sync (syncview.h). */
#define OUTBOX_JOINED \
	"(s.synced_utc > 0 OR s.last_error <> '' OR s.pushed_seq > 0" \
	" OR s.pulled_seq > 0)"

typedef struct OutboxState {
	char    kiosk_uuid[40];
	int     joined;          /* OUTBOX_JOINED */
	int     update_required; /* the hub has changes this build cannot read */
	int64_t skipped_from;    /* the first of them, by hub sequence (0: none) */
	int     skipped_schema;  /* the newest schema version among them */
	int     incarnation;
	int64_t pushed_seq;      /* the hub has the changes up to this one */
	int64_t pulled_seq;      /* hub sequence applied here */
	int64_t last_seq;        /* newest change written (0: none) */
	int64_t pending;         /* changes not yet taken by the hub */
	int64_t synced_utc;      /* last complete sync, 0: never */
	int64_t hlc_ms;          /* the hybrid logical clock */
	int64_t hlc_ctr;
	int64_t badges_taken;    /* badges given way to the hub's (audit) */
	int64_t pruned_seq;      /* changes up to it were taken, then deleted */
	char    quote_prefix[16];/* the code the hub gave: D2026-B-0001 */
	char    last_error[256]; /* of the last sync that failed, or "" */
} OutboxState;

int outbox_state(Store *st, OutboxState *out);

/* The hlc of change seq into out ("" when there is no such change). */
int outbox_hlc_of(Store *st, int64_t seq, char *out, size_t outlen);

/* Marks the changes up to seq as taken by the hub (never backwards
** unless back is set: the hub lost them and they go again). */
int outbox_mark_pushed(Store *st, int64_t seq, int back);
/* Rows written before this database had an outbox (a kiosk joining a
** hub with its history) get one 'update' change each, in the order that
** lets the hub and other kiosks find what they point to (members first).
** Rows already in the outbox are left. In one transaction; *n (may be
** NULL) counts the changes added. */
int outbox_seed(Store *st, int64_t *n);

/* Every row of every travelling table gets a new change, whether or
** not it had one: a hub restored from a backup older than the changes
** pruned here gets this kiosk's rows again (docs/sync.md). */
int outbox_reseed(Store *st, int64_t *n);

/* Deletes the changes the hub has taken (seq <= pushed_seq) whose wall
** time is more than keep_days before now_utc (0: all it took); never a
** change the hub has not taken. keep_days < 0 keeps everything. sync_state.pruned_seq
** remembers the newest deleted. *n (may be NULL) counts them. */
#define OUTBOX_KEEP_DAYS 30
int outbox_prune(Store *st, int64_t now_utc, int keep_days, int64_t *n);

/* The code the hub gave this kiosk (hub add-kiosk): its quote numbers
** carry it from now on, so two kiosks never hand out the same one. */
int outbox_set_quote_prefix(Store *st, const char *code);

/* The hub's sequence went back (a hub restored from a backup): pull
** again from seq. */
int outbox_set_pulled(Store *st, int64_t seq);

/* The last complete sync (0: never), by one look-up, for the kiosk. */
int outbox_synced_utc(Store *st, int64_t *out);

/* The hub's changes up to seq are applied here. */
int outbox_mark_pulled(Store *st, int64_t seq);
/* A restored backup: its change numbers start again under incarnation. */
int outbox_set_incarnation(Store *st, int incarnation);
/* After a complete sync (error NULL) or a failed one (error: one line). */
int outbox_note_sync(Store *st, int64_t now_utc, const char *error);

/* The boot and whether the wall clock is trusted (clock.h), recorded
** with each change from now on; they do not order anything. */
int outbox_set_clock(Store *st, const char *boot_id, int trusted);

/* Inside the transaction that forgets a member: every change already in
** the outbox about member_uuid is scrubbed (op 'scrubbed', payload {}),
** and, unless the forget itself came from the hub, one 'forget' change
** is appended so the hub and the other kiosks forget too. */
int outbox_forget_member(Store *st, const char *member_uuid);

/* The receive rule of the hybrid logical clock: a change seen from the
** hub with hlc "MS.CTR.KIOSK" moves this kiosk's clock up to it, so that
** a later local change is ordered after it. */
int outbox_observe_hlc(Store *st, const char *hlc);

/* 1 when this build can apply a change of tbl and op (a change of a
** newer schema is applied when it can: its payload only adds fields). */
int outbox_knows(const char *tbl, const char *op);

/* Notes hub change hub_seq, of schema version, passed over (unknown to
** this build): skipped_from keeps the first, skipped_schema the newest.
** outbox_skip_reset(): once this build reads skipped_schema (after an
** update), the pull goes back to just before the first, and the note is
** cleared; nothing is done otherwise. */
int outbox_note_skipped(Store *st, int64_t hub_seq, int version);
int outbox_skip_reset(Store *st);

/* Applies one change pulled from the hub (tbl, op, row uuid, payload as
** JSON) with the triggers off, in the caller's transaction. A row with
** changes here not yet taken by the hub is left as it is (the hub will
** order them); a badge uid held here by another badge gives way to the
** hub's, and the facilitators are told in the audit log. *applied (may be
** NULL) says whether anything was written. BORNE_OK, or BORNE_EDB... */
int outbox_apply(Store *st, const char *tbl, const char *op,
                 const char *row_uuid, const char *payload, int64_t now_utc,
                 int *applied);
/* Turns the triggers off (1) or on (0); outbox_apply needs 1. */
int outbox_applying(Store *st, int on);

#endif
