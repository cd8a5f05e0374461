/* widgets.c -- to be written. */
