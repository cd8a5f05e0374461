/* screens/board.c -- to be written. */
