/* sound.c -- to be written. */
