/* app_field.c -- the text fields the kiosk edits (search, post form,
** enrolment name): typed UTF-8 checked against the field's limits, the
** last character taken back, shown with its count. */
#include "app_impl.h"

#include <string.h>

#include "i18n.h"
#include "text.h"

void
app_field_show(TextFieldView *f, const char *buf, int max_ch)
{
	if (f->text != buf)
		snprintf(f->text, sizeof f->text, "%s", buf);
	f->n_chars = (int)text_chars(f->text);
	f->max_chars = max_ch;
}

int
app_field_type(App *a, TextFieldView *f, char *buf, size_t bufsize, int max_ch,
               int multiline, const char *utf8)
{
	char why[96];
	size_t have, len, room_ch, n_ch, cut;

	if (utf8 == NULL || utf8[0] == '\0')
		return 0;
	/* A joiner left open joins an emoji only: anything else typed after
	** it ends it (the joiner goes), then is checked as usual. */
	if (text_check_typed(buf, utf8, multiline, why, sizeof why) != BORNE_OK)
		text_settle(buf);
	if (text_check_typed(buf, utf8, multiline, why, sizeof why) != BORNE_OK) {
		text_copy(f->error, sizeof f->error,
		          tr(a->v.lang, strstr(why, "invisible") != NULL ?
		             "app.field.invisible" : "app.field.bad_char"));
		return 1;
	}
	have = text_chars(buf);
	n_ch = text_chars(utf8);
	room_ch = (size_t)max_ch > have ? (size_t)max_ch - have : 0;
	f->error[0] = '\0';
	if (n_ch > room_ch) {
		app_trf(a->v.lang, f->error, sizeof f->error, "app.field.limit",
		        max_ch);
		n_ch = room_ch;
	}
	if (n_ch == 0) {
		app_field_show(f, buf, max_ch);
		return 1;
	}
	cut = text_prefix_bytes(utf8, n_ch);
	len = strlen(buf);
	if (len + cut + 1 > bufsize) {
		app_trf(a->v.lang, f->error, sizeof f->error, "app.field.limit",
		        max_ch);
		return 1;
	}
	memcpy(buf + len, utf8, cut);
	buf[len + cut] = '\0';
	/* Phones go back to lower case after one capital: so do we. */
	if (a->v.kbd_layer == KBD_UPPER)
		a->v.kbd_layer = KBD_LOWER;
	app_field_show(f, buf, max_ch);
	return 1;
}

void
app_field_clear(TextFieldView *f)
{
	f->text[0] = '\0';
	f->error[0] = '\0';
	f->n_chars = 0;
}

void
app_field_pop(TextFieldView *f, char *buf)
{
	text_pop_char(buf);
	f->error[0] = '\0';
	app_field_show(f, buf, f->max_chars);
}

