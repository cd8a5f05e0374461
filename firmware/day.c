/* day.c -- to be written. */
