/* borne.c -- to be written. */
