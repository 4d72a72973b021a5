#include <linux/no-such-header.h>

int f(void)
{
	return 0;
}
