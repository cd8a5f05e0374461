/* post_steps.h -- the posting form's chosen steps (post_steps.c), each
** drawn in the body r under the step's line, and the chips the title
** step shares with them. */
#ifndef BORNE_UI_POST_STEPS_H
#define BORNE_UI_POST_STEPS_H

#include "ui.h"

#define CHIP_H  56

void post_category(Ui *ui, const AppView *v, UiRect r);
void post_when(Ui *ui, const AppView *v, UiRect r);
void post_duration(Ui *ui, const AppView *v, UiRect r);
void post_reward(Ui *ui, const AppView *v, UiRect r);
/* Chips laid out in rows from r's corner; args[i] is sent with act.
** Returns the bottom. post_chips_fit: how many of the n fit in w within
** max_rows. */
int  post_chips(Ui *ui, UiRect r, int n, const char *const *labels,
                const int *args, int selected_index, AppAction act);
int  post_chips_fit(Ui *ui, int w, int n, const char *const *labels,
                    int max_rows);

#endif
