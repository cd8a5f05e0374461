/* screens/accueil.c -- to be written. */
