/* screens.c -- to be written. */
