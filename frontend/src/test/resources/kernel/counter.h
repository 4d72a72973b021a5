/* A small kernel-style model for the harness tests: a counter behind an ops table. */
#ifndef COUNTER_H
#define COUNTER_H

struct counter {
	long value;
	int (*bump)(struct counter *c);
};

static int bump_relaxed(struct counter *c)
{
	return atomic_long_fetch_or(1, (atomic_long_t *)&c->value);
}

static inline int counter_bump(struct counter *c)
{
	return c->bump(c);
}

static inline void counter_broken(struct counter *c)
{
	c->value = undeclared_thing;
}

#endif
