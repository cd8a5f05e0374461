/* wedge.c -- to be written. */
