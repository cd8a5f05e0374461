/* reader_sim.c -- to be written. */
