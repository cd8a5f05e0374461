/* mission_impl.h -- what mission.c and mission_list.c share, and no one
** else: the reward kinds' stored names and the name lookup. */
#ifndef BORNE_MISSION_IMPL_H
#define BORNE_MISSION_IMPL_H

/* Indexed by RewardKind: "fixed", "quote", "tip". */
extern const char *const mission_reward_names[3];

/* The index of s in names[0..n-1], or -1 (s may be NULL). */
int mission_name_index(const char *const *names, int n, const char *s);

/* ---- A search's words tested in C (mission_words.c) ---------------- */

struct Store;
struct sqlite3_value;

/* The most words a search keeps (mission_list.c's FTS_MAX_WORDS). */
#define MISSION_WORDS_MAX 8

typedef struct MissionWords MissionWords;
/* Cuts the n typed words word[i] (len[i] bytes, as the search cut them)
** with missions_fts's tokenizer. BORNE_OK; BORNE_EREFUSED (store_errmsg
** not set) when a word has more tokens than a row test follows: let
** FTS5 answer then. */
int  mission_words_make(struct Store *st, const char *const *word,
                        const size_t *len, int n, MissionWords **out);
/* A StoreTest's fn: 1 when every word is in one of the values (the
** mission's title, description, place), 0 when not. */
int  mission_words_test(void *ctx, int argc, struct sqlite3_value **argv);
void mission_words_free(MissionWords *w);                 /* NULL-safe */

#endif
