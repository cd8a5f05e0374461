/* text.h -- checks on what people type.
** Text is UTF-8. Refused: invalid UTF-8, control characters (tab and
** newline are allowed where multiline is asked), invisible or
** direction-changing characters (bidi controls, zero-width characters,
** BOM, soft hyphen, fillers, tags: see text.c; a ZWJ between two emoji
** is fine), and more than max_ch characters. Emoji, right-to-left
** letters, accents and any other visible character are fine. */
#ifndef BORNE_TEXT_H
#define BORNE_TEXT_H

#include <stddef.h>
#include <stdint.h>

enum { TEXT_SINGLE_LINE = 0, TEXT_MULTILINE = 1 };

/* BORNE_OK, or BORNE_EINVAL with a reason in why (English, one line):
** "is empty", "is not valid UTF-8", "has a control character",
** "has an invisible or direction-changing character (U+202E)",
** "is longer than N characters". Empty text is refused when required. */
int    text_check(const char *s, size_t max_ch, int multiline, int required,
                  char *why, size_t whylen);
/* Checks s, typed at the end of before (already in the field), like
** text_check but with no length or empty rule: a ZWJ right after an emoji
** may end s, since the emoji it joins comes in the next keystroke. */
int    text_check_typed(const char *before, const char *s, int multiline,
                        char *why, size_t whylen);
/* Drops a zero-width joiner left open at the end of s (typed after an
** emoji, waiting for the next one that never came): what a field holds
** once typing is over, and what it gives to a search or a save. */
void   text_settle(char *s);
/* 1 when s shows nothing: empty, or only spaces (any Unicode space, the
** Braille blank U+2800, Hangul fillers) and combining marks; 0 otherwise
** (invalid UTF-8 too). A required text_check refuses such text with
** "has no visible character (U+3000 shows nothing)", or "is empty" when
** it holds nothing but ASCII blanks. */
int    text_blank(const char *s);
/* Number of code points in valid UTF-8 (bytes for invalid input). */
size_t text_chars(const char *s);
/* Bytes taken by the first n code points of s. */
size_t text_prefix_bytes(const char *s, size_t n_ch);
/* Encodes the code point cp as UTF-8 into out, NUL-terminated: its length
** in bytes, or 0 (and out empty) when cp is a surrogate or past U+10FFFF.
** The one encoder of the core and the UI. */
int    text_utf8_put(uint32_t cp, char out[5]);
/* Removes the last code point of s in place. */
void   text_pop_char(char *s);
/* The first name in a display name: all before a last name's initial
** ("Jean Pierre M." -> "Jean Pierre", as the kiosk enrols), else the
** first word ("Inès Martin" -> "Inès"). */
void   text_first_name(const char *name, char *out, size_t outlen);
/* The capital of a lower-case letter (Latin, Latin-1, Latin Extended-A,
** Greek, Cyrillic), of the same UTF-8 length; any other cp unchanged. */
uint32_t text_upper_cp(uint32_t cp);
/* 1 when a and b are the same but for the case of ASCII letters
** ("chantier" is "Chantier"): how a day's streams are told apart. */
int    text_same_ascii_fold(const char *a, const char *b);
/* The first character of s: its bytes (0 when s is empty or does not
** start with valid UTF-8) and *cp. */
int    text_first_cp(const char *s, uint32_t *cp);
/* 1 when cp may start a name: a letter of the Latin, Greek or Cyrillic
** alphabets, or any other script's character that is no space, mark,
** punctuation, symbol or emoji. */
int    text_is_letter(uint32_t cp);
/* A name as people write it: the first letter of each part (after a
** space or a hyphen) made a capital, in place, the rest kept as typed
** ("zoé" -> "Zoé", "jean-pierre" -> "Jean-Pierre", "McNeil" stays). */
void   text_name_capitalise(char *s);
/* Copies s into out, trimmed of blanks at both ends (ASCII and Unicode
** spaces, see text_blank), truncating on a character boundary. */
void   text_copy(char *out, size_t outlen, const char *s);

#endif
