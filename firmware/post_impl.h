/* post_impl.h -- the post form's parts shared by scr_post_mission.c (the
** steps) and post_draft.c (kept drafts and templates). */
#ifndef BORNE_POST_IMPL_H
#define BORNE_POST_IMPL_H

#include <stdint.h>

#include "app_impl.h"

/* scr_post_mission.c */
void app_post_go_step(App *a, PostStep s);
void app_post_set_when(App *a, WhenChoice w);
/* Checks the draft up to step upto (the store's rules); on a refusal says
** why by the field, going to its step when jump. 1 when it passes. */
int  app_post_check(App *a, PostStep upto, int jump);

/* post_draft.c */
int  app_post_typed(const App *a);      /* something of the poster's own */
void app_post_keep(App *a);             /* left unfinished: kept */
void app_post_offer(App *a);            /* the kept draft offered back */
void app_post_resume(App *a);           /* ... and taken */
void app_post_templates_load(App *a);   /* the poster's earlier missions,
                                        ** and the usual jobs */
void app_post_template(App *a, int64_t id);

#endif
