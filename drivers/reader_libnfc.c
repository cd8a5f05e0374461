/* reader_libnfc.c -- to be written. */
