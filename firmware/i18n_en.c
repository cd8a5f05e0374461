/* i18n_en.c -- the English, with --lang en or lang = en.
** One section per part of the kiosk; each part adds its keys only inside
** its own section (keep the markers). test_i18n checks that both
** catalogues hold the same keys with the same printf conversions. */
#include "i18n.h"

const I18nEntry i18n_en[] = {
	/* -- app (firmware/app*.c) -- */
	/* -- end app -- */

	/* -- ui: shared widgets and accueil, badge, pin, facilitator -- */
	/* -- end ui -- */

	/* -- ui: board, mission, post, keyboard -- */
	/* -- end ui missions -- */
	{ NULL, NULL }
};
