/* screens/unknown_badge.c -- to be written. */
