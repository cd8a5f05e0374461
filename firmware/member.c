/* member.c -- to be written. */
