/* screens/facilitator.c -- to be written. */
