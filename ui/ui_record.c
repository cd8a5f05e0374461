/* ui_record.c -- what the last frame drew, asked: the hit region under a
** finger, whether a text was shown, where to tap for a label. ui.c
** records every text and hit region as it draws; the taps of input.c and
** the script's `expect-text` and `tap-text` read that record here, so a
** test sees what a person sees: clipped-away text does not count. */
#include "ui_state.h"

#include <stdio.h>
#include <string.h>

static int ui_line_joined(const Ui *ui, int first, char *buf, size_t len);
static int ui_text_says(const Ui *ui, int i, const char *needle);
static int ui_hit_says(const Ui *ui, int h, const char *needle, int pass);

const UiHitRec *
ui_hit_at(const Ui *ui, int px, int py)
{
	float lx = (float)px / ui->scale, ly = (float)py / ui->scale;

	for (int i = ui->n_hits - 1; i >= 0; i--) {
		const UiRect *r = &ui->hits[i].r;
		if (lx >= (float)r->x && lx < (float)(r->x + r->w) &&
		    ly >= (float)r->y && ly < (float)(r->y + r->h))
			return &ui->hits[i];
	}
	return NULL;
}

/* Joins the text pieces that continue text `first` on the same line
** ("12 personnes" + " présentes"). Returns the index after the last. */
static int
ui_line_joined(const Ui *ui, int first, char *buf, size_t len)
{
	int i = first;
	size_t k = 0;

	buf[0] = '\0';
	for (;;) {
		const char *s = ui_arena_str(ui, ui->texts[i].off);
		size_t n = strlen(s);
		if (k + n + 2 > len)
			break;
		memcpy(buf + k, s, n + 1);
		k += n;
		if (i + 1 >= ui->n_texts || ui->texts[i + 1].whole)
			return i + 1;
		const UiTextRec *a = &ui->texts[i], *b = &ui->texts[i + 1];
		int gap = b->r.x - a->x_end;
		if (abs(b->y_top - a->y_top) > 6 || gap < -2 || gap > 16)
			return i + 1;
		if (gap >= 3 && buf[k - 1] != ' ' && ui_arena_str(ui, b->off)[0] != ' ')
			buf[k++] = ' ';
		buf[k] = '\0';
		i++;
	}
	return i + 1;
}

int
ui_frame_has_text(const Ui *ui, const char *needle)
{
	char buf[4096];

	for (int i = 0; i < ui->n_texts; i++) {
		if (strstr(ui_arena_str(ui, ui->texts[i].off), needle) != NULL)
			return 1;
		if (ui->texts[i].whole)
			continue;
		ui_line_joined(ui, i, buf, sizeof buf);
		if (strstr(buf, needle) != NULL)
			return 1;
	}
	return 0;
}

/* 1 when text i says needle, alone or with the rest of its line. */
static int
ui_text_says(const Ui *ui, int i, const char *needle)
{
	char buf[4096];

	if (strstr(ui_arena_str(ui, ui->texts[i].off), needle) != NULL)
		return 1;
	if (ui->texts[i].whole)
		return 0;
	ui_line_joined(ui, i, buf, sizeof buf);
	return strstr(buf, needle) != NULL;
}

/* A widget's text is what it drew just before registering its region
** (pass 0), or text drawn inside it afterwards that nothing else covers
** (pass 1). */
static int
ui_hit_says(const Ui *ui, int h, const char *needle, int pass)
{
	const UiHitRec *hit = &ui->hits[h];

	if (hit->label >= 0 && strstr(ui_arena_str(ui, hit->label), needle) != NULL)
		return 1;
	for (int i = 0; i < ui->n_texts; i++) {
		const UiRect *t = &ui->texts[i].r;
		int cx = t->x + t->w / 2, cy = t->y + t->h / 2;
		if (cx < hit->r.x || cx >= hit->r.x + hit->r.w ||
		    cy < hit->r.y || cy >= hit->r.y + hit->r.h)
			continue;
		if (pass == 0 && ui->texts[i].hits_before != h)
			continue;
		if (pass == 1 && ui->texts[i].hits_before <= h)
			continue;       /* drawn before the region: not its text */
		if (pass == 1 && ui_hit_at(ui, (int)((float)cx * ui->scale),
		                           (int)((float)cy * ui->scale)) != hit)
			continue;
		if (ui_text_says(ui, i, needle))
			return 1;
	}
	return 0;
}

int
ui_frame_find_tap(const Ui *ui, const char *needle, int *px, int *py)
{
	static const float fx[] = { .5f, .25f, .75f, .1f, .9f };
	static const float fy[] = { .5f, .25f, .75f };

	for (int pass = 0; pass < 2; pass++) {
		for (int h = ui->n_hits - 1; h >= 0; h--) {
			const UiHitRec *hit = &ui->hits[h];
			if (!ui_hit_says(ui, h, needle, pass))
				continue;
			/* The centre, else another point of it nothing covers. */
			for (int j = 0; j < 3; j++) {
				for (int i = 0; i < 5; i++) {
					int x = (int)(((float)hit->r.x + (float)hit->r.w * fx[i]) *
					              ui->scale);
					int y = (int)(((float)hit->r.y + (float)hit->r.h * fy[j]) *
					              ui->scale);
					if (ui_hit_at(ui, x, y) == hit) {
						*px = x;
						*py = y;
						return 1;
					}
				}
			}
		}
	}
	return 0;
}

void
ui_frame_dump_texts(const Ui *ui, FILE *out)
{
	char buf[4096];

	for (int i = 0; i < ui->n_texts;) {
		if (ui->texts[i].whole) {
			i++;
			continue;
		}
		int next = ui_line_joined(ui, i, buf, sizeof buf);
		fprintf(out, "    | %s\n", buf);
		i = next > i ? next : i + 1;
	}
}
