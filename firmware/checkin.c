/* checkin.c -- to be written. */
