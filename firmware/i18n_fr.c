/* i18n_fr.c -- to be written. */
