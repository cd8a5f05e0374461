/* screens/pin.c -- to be written. */
