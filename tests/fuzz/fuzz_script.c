/* fuzz_script.c -- the headless script's line parser (ui/script_parse.c).
** The input is a script: each line goes to script_parse_line() as
** script.c gives it. Invariants: a line is read or refused with a reason;
** every number read is within its bounds (nothing wrapped); text to type
** is valid UTF-8 cut into characters of 1..4 bytes; a reader detail fits
** the event; a screenshot name has no '/'; a badge is 4, 7 or 10 bytes;
** a text argument quoted back with escapes reads back the same. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "borne.h"
#include "script_parse.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_quoted(const ScriptCmd *c)
{
	static ScriptCmd back;
	char line[2 * SCRIPT_LINE_MAX + 32], err[256];
	size_t n;

	n = (size_t)snprintf(line, sizeof line, "expect-text \"");
	for (const char *p = c->text; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			line[n++] = '\\';
		line[n++] = *p;
	}
	line[n++] = '"';
	line[n] = '\0';
	if (n >= SCRIPT_LINE_MAX)
		return;                   /* too long once quoted: refused, fine */
	if (script_parse_line(line, &back, err, sizeof err) != BORNE_OK ||
	    back.kind != SCRIPT_EXPECT_TEXT || strcmp(back.text, c->text) != 0)
		abort();
}

static void
check_line(const char *line)
{
	static ScriptCmd c;
	char err[256];
	size_t n, len;

	err[0] = '\0';
	if (script_parse_line(line, &c, err, sizeof err) != BORNE_OK) {
		if (err[0] == '\0')
			abort();
		return;
	}
	if (c.kind != SCRIPT_NONE && c.name == NULL)
		abort();
	switch (c.kind) {
	case SCRIPT_NONE:
		break;
	case SCRIPT_TAP:
		if (c.x < 0 || c.x > SCRIPT_COORD_MAX || c.y < 0 ||
		    c.y > SCRIPT_COORD_MAX)
			abort();
		break;
	case SCRIPT_FINGER:
		if (c.finger < 0 || c.finger > 2 || c.id < 0 ||
		    c.id > SCRIPT_FINGER_MAX || c.x < -SCRIPT_COORD_MAX ||
		    c.x > SCRIPT_COORD_MAX || c.y < -SCRIPT_COORD_MAX ||
		    c.y > SCRIPT_COORD_MAX)
			abort();
		break;
	case SCRIPT_KEY_HOLD:
		if (c.repeats < 0 || c.repeats > SCRIPT_REPEAT_MAX)
			abort();
		break;
	case SCRIPT_WAIT:
		if (c.ms < 0 || c.ms > SCRIPT_CLOCK_MAX_S * 1000)
			abort();
		break;
	case SCRIPT_TYPE:
		if (text_check(c.text, SCRIPT_LINE_MAX, TEXT_MULTILINE, 0, NULL, 0)
		    != BORNE_OK)
			abort();
		len = 0;
		for (const char *p = c.text; (n = script_char_len(p)) > 0; p += n) {
			if (n > 4)
				abort();
			len += n;
		}
		if (len != strlen(c.text))
			abort();
		break;
	case SCRIPT_READER_LOST:
	case SCRIPT_READER_BACK:
		if (strlen(c.text) > SCRIPT_DETAIL_MAX)
			abort();
		break;
	case SCRIPT_SCREENSHOT:
		if (c.text[0] == '\0' || strchr(c.text, '/') != NULL)
			abort();
		break;
	case SCRIPT_BADGE:
		if (c.uid.len != 4 && c.uid.len != 7 && c.uid.len != 10)
			abort();
		break;
	default:
		break;
	}
	if (c.kind == SCRIPT_TAP_TEXT || c.kind == SCRIPT_EXPECT_TEXT ||
	    c.kind == SCRIPT_TYPE)
		check_quoted(&c);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1), *line, *nl;

	if (buf == NULL)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	for (line = buf; line != NULL; line = nl) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl++ = '\0';
		check_line(line);
	}
	free(buf);
	return 0;
}
