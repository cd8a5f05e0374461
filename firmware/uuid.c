/* uuid.c -- to be written. */
