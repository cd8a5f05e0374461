/* reader.c -- to be written. */
