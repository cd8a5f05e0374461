/* store_schema.h -- the database schema as its migrations, for store.c:
** migration i takes PRAGMA user_version i to i + 1. Append, never edit. */
#ifndef BORNE_STORE_SCHEMA_H
#define BORNE_STORE_SCHEMA_H

/* How many migrations there are: the latest schema version. */
int         store_migration_count(void);
/* The SQL of migration i (0-based), NULL outside 0..count-1. */
const char *store_migration_sql(int i);

#endif
