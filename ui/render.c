/* render.c -- to be written. */
