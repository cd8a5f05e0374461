/* app_facilitator.c -- to be written. */
