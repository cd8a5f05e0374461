/* keyboard.c -- to be written. */
