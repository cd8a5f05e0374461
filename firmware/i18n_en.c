/* i18n_en.c -- to be written. */
