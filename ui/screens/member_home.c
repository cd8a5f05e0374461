/* screens/member_home.c -- to be written. */
