/* app_post.c -- to be written. */
