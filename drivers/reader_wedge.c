/* reader_wedge.c -- to be written. */
