/*
 * Kernel-style C written for the parser tests: the shapes kernel sources have, with the
 * headers they would include left out, as the kernel front end reads them.
 */
#include <linux/percpu.h>
#include "local.h"

#define pr_fmt(fmt) "demo: " fmt

struct demo_work {
	struct list_head node;
	struct llist_node lnode;
	unsigned int cpu;
	atomic_t pending;
	void (*run)(struct demo_work *work);
} ____cacheline_aligned_in_smp;

static DEFINE_PER_CPU(struct demo_work, demo_work);
static DEFINE_PER_CPU(unsigned long[4], demo_counts);
static LIST_HEAD(demo_list);
static DEFINE_SPINLOCK(demo_lock);
static bool demo_enabled __read_mostly;

static noinline void demo_run_one(struct demo_work *w)
{
	if (likely(w->run))
		w->run(w);
	WARN_ON_ONCE(atomic_read(&w->pending) < 0);
}

void __init demo_kick_all(const struct cpumask *mask)
{
	struct demo_work *w, *tmp;
	unsigned long flags;
	int cpu;

	spin_lock_irqsave(&demo_lock, flags);
	list_for_each_entry_safe(w, tmp, &demo_list, node) {
		list_del(&w->node);
		demo_run_one(w);
	}
	spin_unlock_irqrestore(&demo_lock, flags);

	for_each_cpu(cpu, mask)
		per_cpu(demo_work, cpu).cpu = cpu;
}
EXPORT_SYMBOL_GPL(demo_kick_all);

SYSCALL_DEFINE2(demo_ctl, unsigned int, op, void __user *, arg)
{
	switch (op) {
	case 0 ... 3:
		return demo_enabled ? 0 : -EINVAL;
	default:
		break;
	}
	return -ENOSYS;
}
