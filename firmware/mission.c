/* mission.c -- to be written. */
