/* mission_impl.h -- what mission.c and mission_list.c share, and no one
** else: the reward kinds' stored names and the name lookup. */
#ifndef BORNE_MISSION_IMPL_H
#define BORNE_MISSION_IMPL_H

/* Indexed by RewardKind: "fixed", "quote", "tip". */
extern const char *const mission_reward_names[3];

/* The index of s in names[0..n-1], or -1 (s may be NULL). */
int mission_name_index(const char *const *names, int n, const char *s);

#endif
