#include <linux/thing.h>

int use_thing(struct thing *t)
{
	thing_b(t, FAKE_GENERIC_VALUE);
	thing_external(t);
	return thing_a(t);
}

int by_value(struct thing *t)
{
	struct pair p = { 1, 5 };

	WRITE_ONCE(t->b, thing_kind(t));
	return pair_y(p) + thing_kind(t) + pair_y((struct pair){ 3, 4 });
}

int not_declared(struct thing *t)
{
	return t->a + UNDECLARED_NAME;
}

char first_characters(void)
{
	const char *plain = "ab", *newline = "\nx", *hex = "\x41";

	return *plain + *newline + *hex;
}
