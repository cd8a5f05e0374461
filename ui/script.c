/* script.c -- to be written. */
