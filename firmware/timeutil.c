/* timeutil.c -- to be written. */
