/* check.h -- the tests' one assertion family.
** A failed check prints the file, the line and the expression, counts a
** failure and goes on; check_done() prints "N passed, N failed" and gives
** the exit status. */
#ifndef BORNE_CHECK_H
#define BORNE_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_n_pass, check_n_fail;

#define CHECK(expr) do { \
	if (expr) { check_n_pass++; } else { check_n_fail++; \
		fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #expr); } \
} while (0)

#define CHECK_INT(a, b) do { \
	long long check_a_ = (long long)(a), check_b_ = (long long)(b); \
	if (check_a_ == check_b_) { check_n_pass++; } else { check_n_fail++; \
		fprintf(stderr, "%s:%d: CHECK failed: %s == %s (%lld != %lld)\n", \
		        __FILE__, __LINE__, #a, #b, check_a_, check_b_); } \
} while (0)

#define CHECK_STR(a, b) do { \
	const char *check_a_ = (a), *check_b_ = (b); \
	if (check_a_ != NULL && check_b_ != NULL && strcmp(check_a_, check_b_) == 0) { \
		check_n_pass++; } else { check_n_fail++; \
		fprintf(stderr, "%s:%d: CHECK failed: %s == %s (\"%s\" != \"%s\")\n", \
		        __FILE__, __LINE__, #a, #b, check_a_ ? check_a_ : "(null)", \
		        check_b_ ? check_b_ : "(null)"); } \
} while (0)

#define CHECK_CONTAINS(hay, needle) do { \
	const char *check_h_ = (hay), *check_n_ = (needle); \
	if (check_h_ != NULL && strstr(check_h_, check_n_) != NULL) { check_n_pass++; } \
	else { check_n_fail++; fprintf(stderr, "%s:%d: CHECK failed: \"%s\" contains \"%s\"\n", \
		__FILE__, __LINE__, check_h_ ? check_h_ : "(null)", check_n_); } \
} while (0)

static inline int
check_done(void)
{
	printf("%d passed, %d failed\n", check_n_pass, check_n_fail);
	return check_n_fail == 0 ? 0 : 1;
}

#endif
