/* privacy.c -- to be written. */
