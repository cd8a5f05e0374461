/* devlock.c -- to be written. */
