/* pn532_emu.h -- a PN532 on a pseudo-terminal, for tests without hardware.
** It serves the PN532 serial (HSU) frame protocol well enough for the real
** libnfc pn532_uart driver: wake-up preamble, ACK, normal frames, and the
** commands libnfc sends to open a device and list ISO14443A targets.
** It runs on its own thread; the controls below act on it at once.
**
** The device is reached through a symlink we own (link_path -> /dev/pts/N)
** so "unplug" (close the pty, remove the link) and "replug" (a new pty,
** the link re-pointed) look to the driver like a USB serial adapter
** coming and going under one stable name. */
#ifndef BORNE_PN532_EMU_H
#define BORNE_PN532_EMU_H

#include <stddef.h>
#include <stdint.h>

typedef struct Pn532Emu Pn532Emu;

/* Creates the pty, points link_path at it and starts serving. 0 or -1
** (errno set). */
int  pn532_emu_start(const char *link_path, Pn532Emu **out);
void pn532_emu_stop(Pn532Emu *e);                     /* NULL-safe */

/* Puts a tag with this UID (4, 7 or 10 bytes) on the antenna. */
void pn532_emu_place(Pn532Emu *e, const uint8_t *uid, size_t n);
/* Same, from hex text ("04A1B2C3"); -1 if the text is not 4/7/10 bytes. */
int  pn532_emu_place_hex(Pn532Emu *e, const char *hex);
void pn532_emu_remove(Pn532Emu *e);
/* Two cards at once: slot 0 is the card of place/remove, slot 1 a second
** one beside it. A list answers every card in the field that is not
** halted (libnfc deselects, i.e. halts, a card to look for another; the
** card answers again once the field has been switched off and on). */
void pn532_emu_place_at(Pn532Emu *e, int slot, const uint8_t *uid, size_t n);
int  pn532_emu_place_hex_at(Pn532Emu *e, int slot, const char *hex);
void pn532_emu_remove_at(Pn532Emu *e, int slot);
/* Noise on the serial wire: these raw bytes (at most 64) go out right
** before the next answer, ahead of its ACK. 0 or -1. */
int  pn532_emu_inject(Pn532Emu *e, const uint8_t *bytes, size_t n);
/* on: read frames but never answer (a PN532 that hung). */
void pn532_emu_silent(Pn532Emu *e, int on);
/* The next n answers are damaged: right ACK, then a frame whose data
** checksum is wrong. */
void pn532_emu_garbage(Pn532Emu *e, int n);
/* Closes the pty and removes the link; replug makes a new one. 0 or -1. */
void pn532_emu_unplug(Pn532Emu *e);
int  pn532_emu_replug(Pn532Emu *e);

/* How many InListPassiveTarget commands were answered (polls seen). */
long pn532_emu_lists(Pn532Emu *e);
/* Waits until the count of answered lists exceeds n, at most timeout_ms
** (a bound so a broken driver cannot hang the test). 1 reached, 0 not. */
int  pn532_emu_wait_lists(Pn532Emu *e, long n, int timeout_ms);
/* The pts path currently served ("" when unplugged), copied into out. */
void pn532_emu_pts(Pn532Emu *e, char *out, size_t outlen);

#endif
