/* reader_thread.c -- to be written. */
