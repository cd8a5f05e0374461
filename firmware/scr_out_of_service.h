/* scr_out_of_service.h -- "Hors service"'s part of the view
** (scr_out_of_service.c fills it, ui/screens/out_of_service.c draws it):
** why the database cannot be used, in plain words for facilitators. */
#ifndef BORNE_SCR_OUT_OF_SERVICE_H
#define BORNE_SCR_OUT_OF_SERVICE_H

typedef struct OosView {
	char oos_reason[160];    /* "Disque plein", "Base de données en lecture seule" */
	char oos_path[512];      /* the database file */
	char oos_detail[300];    /* what SQLite said, as is */
	char oos_retry[160];     /* "Nouvel essai toutes les 5 secondes..." */
} OosView;

#endif
