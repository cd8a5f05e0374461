/* app_stream.c -- the kiosk's question "Aujourd’hui, je participe à :"
** (stream.h), one StreamChoiceView filled and answered the same way on
** the greeting after an arrival and on the member's home, where the
** member changes it during the day. "Comme la dernière fois (Chantier)"
** comes first when their last stream is one of today's; the day's other
** streams follow in the day's order. */
#include "app_impl.h"

#include <string.h>

#include "i18n.h"
#include "stream.h"
#include "text.h"

static void stream_add(StreamChoiceView *s, const char *label,
                       const char *name, const char *current);

static void
stream_add(StreamChoiceView *s, const char *label, const char *name,
           const char *current)
{
	if (s->n >= APP_STREAM_CHOICES)
		return;
	text_copy(s->label[s->n], sizeof s->label[s->n], label);
	text_copy(s->name[s->n], sizeof s->name[s->n], name);
	if (s->chosen < 0 && current[0] != '\0' && strcmp(current, name) == 0)
		s->chosen = s->n;
	s->n++;
}

int
app_stream_load(App *a, int64_t member_id, StreamChoiceView *s)
{
	StreamOffer o;
	char label[sizeof s->label[0]];
	int rc;

	memset(s, 0, sizeof *s);
	s->chosen = -1;
	if (member_id == 0)
		return BORNE_OK;
	rc = stream_offer(a->st, member_id, a->now_utc, &o);
	if (rc == BORNE_ENOTFOUND)
		return BORNE_OK;
	if (rc != BORNE_OK)
		return rc;
	s->visit_id = o.visit_id;
	text_copy(s->question, sizeof s->question,
	          tr(a->v.lang, "app.stream.question"));
	if (o.last[0] != '\0') {
		app_trf(a->v.lang, label, sizeof label, "app.stream.last", o.last);
		stream_add(s, label, o.last, o.current);
	}
	for (int i = 0; i < o.day.n; i++)
		if (strcmp(o.day.name[i], o.last) != 0)
			stream_add(s, o.day.name[i], o.day.name[i], o.current);
	return BORNE_OK;
}

void
app_stream_choose(App *a, StreamChoiceView *s, int64_t i)
{
	int rc;

	if (i < 0 || i >= s->n || s->visit_id == 0)
		return;
	rc = stream_choose(a->st, s->visit_id, s->name[i], a->now_utc);
	if (rc == BORNE_OK) {
		s->chosen = (int)i;
		app_cue(a, CUE_SUCCESS);
		app_toast(a, "app.stream.joined", s->name[i]);
	} else if (rc == BORNE_EREFUSED || rc == BORNE_EINVAL) {
		/* Left meanwhile, or the day's streams changed: asked again. */
		app_cue(a, CUE_REFUSED);
		app_toast(a, "app.stream.gone");
	} else {
		app_cue(a, CUE_REFUSED);
		app_toast_rc(a, rc);
	}
	app_reload(a);
}
