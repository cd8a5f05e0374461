/* input.c -- to be written. */
