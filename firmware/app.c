/* app.c -- to be written. */
