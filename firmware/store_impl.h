/* store_impl.h -- what store.c asks of store_settings.c when a store
** opens: the space rules' defaults, then the values saved in the
** settings table. Private to the store. */
#ifndef BORNE_STORE_IMPL_H
#define BORNE_STORE_IMPL_H

#include "store.h"

/* The rules as config_def.h's defaults set them. */
void store_rules_defaults(StoreRules *r);
/* Applies to *rules each rule saved in st's settings table (values out
** of bounds left out). */
void store_rules_load(Store *st, StoreRules *rules);

#endif
