#include <linux/thing.h>

int use_thing(struct thing *t)
{
	thing_b(t, FAKE_GENERIC_VALUE);
	thing_external(t);
	return thing_a(t);
}

int not_declared(struct thing *t)
{
	return t->a + UNDECLARED_NAME;
}
