/* screens/badge_result.c -- to be written. */
