/* text.c -- to be written. */
