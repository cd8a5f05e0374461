/* text.h -- checks on what people type.
** Text is UTF-8. Refused: invalid UTF-8, control characters (tab and
** newline are allowed where multiline is asked), and more than max_ch
** characters. Emoji and any other valid character are fine. */
#ifndef BORNE_TEXT_H
#define BORNE_TEXT_H

#include <stddef.h>

enum { TEXT_SINGLE_LINE = 0, TEXT_MULTILINE = 1 };

/* BORNE_OK, or BORNE_EINVAL with a reason in why (English, one line):
** "is empty", "is not valid UTF-8", "has a control character",
** "is longer than N characters". Empty text is refused when required. */
int    text_check(const char *s, size_t max_ch, int multiline, int required,
                  char *why, size_t whylen);
/* Number of code points in valid UTF-8 (bytes for invalid input). */
size_t text_chars(const char *s);
/* Bytes taken by the first n code points of s. */
size_t text_prefix_bytes(const char *s, size_t n_ch);
/* Removes the last code point of s in place. */
void   text_pop_char(char *s);
/* First word of a display name ("Inès Martin" -> "Inès"). */
void   text_first_name(const char *name, char *out, size_t outlen);
/* Copies trimmed s into out (truncating on a character boundary). */
void   text_copy(char *out, size_t outlen, const char *s);

#endif
