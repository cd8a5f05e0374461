/* screens/mission.c -- to be written. */
