/* textlayout_check.h -- the invariants every line breaking must keep,
** shared by tests/test_textlayout.c and the fuzz target.
** textlayout_violation() returns NULL when the lines of s[0..len) at
** width are sound, else says which rule broke:
**  - lines cover the text in order: the first starts at 0, each starts
**    where the one before said, the last ends at len (unless max_lines
**    stopped it), and each moves on by at least one byte;
**  - what lies between a line and the next is spaces and at most one
**    newline; a line's ends are grapheme cluster boundaries;
**  - no line is wider than width unless it is a single cluster. */
#ifndef BORNE_TEXTLAYOUT_CHECK_H
#define BORNE_TEXTLAYOUT_CHECK_H

#include <stdlib.h>

#include "textlayout.h"

/* 1 when at is a cluster boundary; positions are asked in order, *cur
** (0 at first) walks the clusters once. */
static int
textlayout_check_boundary(const char *s, size_t len, size_t at, size_t *cur)
{
	while (*cur < at)
		*cur = textlayout_cluster_end(s, len, *cur);
	return *cur == at;
}

static const char *
textlayout_violation(const char *s, size_t len, int width, TextMeasure m,
                     void *ctx, const TextLine *lines, int n, int max_lines)
{
	size_t pos = 0, cur = 0;

	if (len == 0)
		return n == 0 ? NULL : "lines for empty text";
	if (n <= 0)
		return "no line for some text";
	if (n > max_lines)
		return "more lines than allowed";
	for (int k = 0; k < n; k++) {
		const TextLine *l = &lines[k];
		size_t end = l->start + l->len;
		int newlines = 0;
		if (l->start != pos)
			return "a line does not start where the previous one ended";
		if (end > l->next || l->next > len)
			return "a line runs past the text or past its next";
		if (l->next <= l->start)
			return "a line that does not move on";
		for (size_t i = end; i < l->next; i++) {
			if (s[i] == '\n' || s[i] == '\r') {
				if (s[i] == '\r' && i + 1 < l->next && s[i + 1] == '\n')
					i++;
				newlines++;
			} else if (s[i] != ' ' && s[i] != '\t') {
				return "a skipped byte that is not a space";
			}
		}
		if (newlines > 1)
			return "two newlines skipped at once";
		if (!textlayout_check_boundary(s, len, l->start, &cur) ||
		    !textlayout_check_boundary(s, len, end, &cur) ||
		    !textlayout_check_boundary(s, len, l->next, &cur))
			return "a line breaks inside a grapheme cluster";
		if (l->len > 0 && m(ctx, s + l->start, l->len) > width &&
		    textlayout_cluster_end(s, len, l->start) != end)
			return "a line wider than the box that is not one cluster";
		pos = l->next;
	}
	if (pos != len && n < max_lines)
		return "the text is not all laid out";
	return NULL;
}

#endif
