/* test_contrast.c -- every text and control colour pair the kiosk draws
** (ui/palette.h) against WCAG 2.1: 4.5:1 for text (1.4.3), 3:1 for a
** control's edge (1.4.11). With a path argument it also writes the table
** of ratios as Markdown (the closing note of issue 11). */
#include <math.h>
#include <stdio.h>

#include "check.h"
#include "palette.h"

typedef struct Pair {
	const char *what;
	UiColor fg, bg;
	int min10;
} Pair;

static double contrast_channel(unsigned v);
static double contrast_luminance(UiColor c);
static double contrast_ratio(UiColor a, UiColor b);
static void   contrast_known(void);
static int    contrast_table(FILE *out);

#define CONTRAST_ROW(what, fg, bg, min) { what, fg, bg, min },
static const Pair pairs[] = { PALETTE_PAIRS(CONTRAST_ROW) };
#define N_PAIRS ((int)(sizeof pairs / sizeof pairs[0]))

static double
contrast_channel(unsigned v)
{
	double c = (double)v / 255.0;

	return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double
contrast_luminance(UiColor c)
{
	return 0.2126 * contrast_channel((c >> 16) & 0xFFu)
	     + 0.7152 * contrast_channel((c >> 8) & 0xFFu)
	     + 0.0722 * contrast_channel(c & 0xFFu);
}

static double
contrast_ratio(UiColor a, UiColor b)
{
	double la = contrast_luminance(a), lb = contrast_luminance(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* The formula against known values: black on white 21, a colour on
** itself 1, and the two figures for Terracotta. */
static void
contrast_known(void)
{
	CHECK(fabs(contrast_ratio(0x000000u, 0xFFFFFFu) - 21.0) < 0.01);
	CHECK(fabs(contrast_ratio(COL_TERRA, COL_TERRA) - 1.0) < 0.001);
	CHECK(fabs(contrast_ratio(COL_TERRA_PALE, COL_TERRA) - 4.43) < 0.01);
	CHECK(fabs(contrast_ratio(COL_BLANC, COL_TERRA) - 5.45) < 0.01);
	/* The old edge of chips and fields, the one the issue measured. */
	CHECK(contrast_ratio(COL_LINE, COL_BLANC) < 1.5);
}

/* Each pair meets its floor; prints (and writes) the table. */
static int
contrast_table(FILE *out)
{
	int bad = 0;

	if (out != NULL) {
		fprintf(out, "| pair | foreground | background | ratio | "
		             "needs | |\n|---|---|---|---|---|---|\n");
	}
	for (int i = 0; i < N_PAIRS; i++) {
		double r = contrast_ratio(pairs[i].fg, pairs[i].bg);
		int ok = r * 10.0 >= (double)pairs[i].min10;

		if (out != NULL)
			fprintf(out, "| %s | #%06X | #%06X | %.2f:1 | %d.%d:1 (%s) | %s |\n",
			        pairs[i].what, (unsigned)pairs[i].fg,
			        (unsigned)pairs[i].bg, r, pairs[i].min10 / 10,
			        pairs[i].min10 % 10,
			        pairs[i].min10 >= PALETTE_TEXT ? "text" : "control",
			        ok ? "ok" : "FAILS");
		if (!ok) {
			fprintf(stderr, "contrast: %s: %.2f:1 under %d.%d:1\n",
			        pairs[i].what, r, pairs[i].min10 / 10,
			        pairs[i].min10 % 10);
			bad++;
		}
		CHECK(ok);
	}
	return bad;
}

int
main(int argc, char **argv)
{
	contrast_known();
	contrast_table(stdout);
	if (argc > 1) {
		FILE *f = fopen(argv[1], "w");
		CHECK(f != NULL);
		if (f != NULL) {
			fprintf(f, "# Contrast of every text and control colour pair\n\n"
			           "Written by `build/tests/test_contrast FILE` from "
			           "`ui/palette.h` (WCAG 2.1 relative luminance; text "
			           "4.5:1, 1.4.3; a control's edge 3:1, 1.4.11).\n\n");
			contrast_table(f);
			fclose(f);
		}
	}
	return check_done();
}
