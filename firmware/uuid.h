/* uuid.h -- random (version 4) UUIDs for rows that may travel between
** kiosks. */
#ifndef BORNE_UUID_H
#define BORNE_UUID_H

#include "borne.h"

/* Writes a new lower-case UUID and its NUL into out. */
void uuid_make(char out[BORNE_UUID_LEN + 1]);

#endif
