/* i18n.c -- to be written. */
