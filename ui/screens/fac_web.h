/* fac_web.h -- facilitator mode's back-office parts (fac_web.c): the
** button that asks for a code, and the panel that shows it. */
#ifndef BORNE_UI_FAC_WEB_H
#define BORNE_UI_FAC_WEB_H

#include "ui.h"

/* "Ouvrir l'administration sur un ordinateur" in r (52 to 64 px high). */
void fac_web_button(Ui *ui, const AppView *v, UiRect r);
/* FAC_WEB: the address, the code in big digits, "Fermer toutes les
** sessions web" and "Retour". */
void fac_web_panel(Ui *ui, const AppView *v, UiRect r);

#endif
