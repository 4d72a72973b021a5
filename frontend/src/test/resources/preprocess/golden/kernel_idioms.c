// flags: -D__KERNEL__ -DCONFIG_SMP=1 -DCONFIG_PPC64=1 -DCONFIG_DEMO_STATS=y
/*
 * Kernel-style idioms, written for this test: accessors built from
 * volatile casts, statement macros, BIT(), pr_debug-style variadics,
 * Kconfig tests and conditional compilation on the configuration.
 */
#include <linux/types.h>
#include <asm/barrier.h>

#define __ACCESS_SCALAR(x)	(*(const volatile __typeof__(x) *)&(x))
#define READ_ONCE(x)		__ACCESS_SCALAR(x)
#define WRITE_ONCE(x, val)						\
do {									\
	*(volatile __typeof__(x) *)&(x) = (val);			\
} while (0)

#define __CONST_SUFFIX(X, Y)	(X##Y)
#define _CONST_SUFFIX(X, Y)	__CONST_SUFFIX(X, Y)
#define UL(x)			(_CONST_SUFFIX(x, UL))
#define BIT(nr)			(UL(1) << (nr))

#define pr_fmt(fmt) "demo: " fmt
#define pr_debug(fmt, ...) \
	demo_printk(pr_fmt(fmt), ##__VA_ARGS__)

#ifdef CONFIG_PPC64
#define WORD_BITS 64
#else
#define WORD_BITS 32
#endif

#if defined(CONFIG_SMP) && WORD_BITS == 64
#define demo_mb()	__asm__ __volatile__ ("sync" : : : "memory")
#else
#define demo_mb()	do { } while (0)
#endif

#define demo_min(type, a, b) ({ type __a = (a); type __b = (b); __a < __b ? __a : __b; })
#define for_each_demo_cpu(cpu, limit) \
	for ((cpu) = 0; (cpu) < (limit); (cpu)++)

struct demo_state {
	int flag;
	unsigned long bits;
};

static struct demo_state state;

#ifdef __KERNEL__
static void demo_publish(int value)
{
	WRITE_ONCE(state.bits, BIT(3) | BIT(WORD_BITS - 1));
	demo_mb();
	WRITE_ONCE(state.flag, value);
	pr_debug("published %d\n", value);
	pr_debug("done\n");
}
#endif /* __KERNEL__ */

static int demo_consume(int limit)
{
	int cpu, seen = 0;

	for_each_demo_cpu(cpu, limit) {
		if (READ_ONCE(state.flag))
			seen += demo_min(int, cpu,
					 READ_ONCE(state.bits) & 0xff);
	}
#if IS_ENABLED(CONFIG_DEMO_STATS)
	demo_account(seen);
#endif
	if (IS_ENABLED(CONFIG_SMP) && !IS_ENABLED(CONFIG_DEMO_UP))
		demo_mb();
	return seen;
}
