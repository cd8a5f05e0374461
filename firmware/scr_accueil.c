/* scr_accueil.c -- Accueil, the screen nobody owns: the space, the day,
** who is here, the newest open missions. It never times out. */
#include "app_impl.h"
#include "app_screen.h"

#include <string.h>

static int64_t accueil_timeout(const App *a, int64_t idle_ms);
static void    accueil_reload(App *a);
static void    accueil_clear(App *a);

const AppScreen scr_accueil = {
	.name = "accueil",
	.timeout = accueil_timeout,
	.reload = accueil_reload,
	.clear = accueil_clear,
};

static int64_t
accueil_timeout(const App *a, int64_t idle_ms)
{
	(void)a;
	(void)idle_ms;
	return 0;
}

static void
accueil_reload(App *a)
{
	AppView *v = &a->v;
	MissionQuery q = { .category = -1, .status = -1, .limit = APP_NEWS_MAX };
	int total = 0, rc;

	v->accueil.n_news = 0;
	rc = mission_search(a->st, &q, v->accueil.news, &v->accueil.n_news, &total);
	if (rc != BORNE_OK) {
		v->accueil.n_news = total = 0;
		app_read_failed(a, rc, "mission_search");
	}
	v->accueil.open_count = total;
	for (int i = 0; i < v->accueil.n_news; i++)
		app_card_text(v->lang, &v->accueil.news[i], &v->accueil.news_text[i]);
}

static void
accueil_clear(App *a)
{
	(void)a;                        /* nothing personal on Accueil */
}
