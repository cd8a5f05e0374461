/* maintenance.c -- to be written. */
