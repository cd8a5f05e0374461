/* screens/post_mission.c -- to be written. */
