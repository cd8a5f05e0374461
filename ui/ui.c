/* ui.c -- to be written. */
