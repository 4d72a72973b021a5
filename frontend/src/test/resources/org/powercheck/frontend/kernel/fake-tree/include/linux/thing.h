/* A fake kernel header for powercheck's tests, in the style of include/linux/. */
#ifndef _LINUX_THING_H
#define _LINUX_THING_H
#include <asm/barrier.h>

struct thing {
	int a;
	int b;
};

/* not read: WRITE_ONCE is the checker's primitive (a test fails if the store goes) */
#define WRITE_ONCE(x, val) do { } while (0)

static inline int thing_a(struct thing *t)
{
	return READ_ONCE(t->a);
}

#ifdef CONFIG_HAVE_FAKE_THING
static inline void thing_b(struct thing *t, int v)
{
	WRITE_ONCE(t->b, v);
}
#endif

void thing_external(struct thing *t);

struct pair {
	int x;
	int y;
};

static inline int pair_y(struct pair p)
{
	return p.y;
}

#define thing_kind(t) _Generic((t), struct thing *: 1, default: 2)

#endif
