/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Definitions of the kernel primitives the models leave to the powercheck
 * front end, for syntax and type checking the models with GCC only
 * (tools/syntax-check.sh). They say nothing about ordering: the semantics are
 * the ppc64 mappings of power-model.md section 2, implemented by the front end.
 */
#define READ_ONCE(x) (*(volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) do { *(volatile __typeof__(x) *)&(x) = (v); } while (0)
#define smp_mb() __asm__ __volatile__("" ::: "memory")
#define mb() smp_mb()
#define __smp_lwsync() smp_mb()
#define smp_mb__after_atomic() smp_mb()
#define smp_acquire__after_ctrl_dep() smp_mb()
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - __builtin_offsetof(type, member)))
#define xchg(p, v) __atomic_exchange_n((p), (v), __ATOMIC_SEQ_CST)
#define xchg_relaxed(p, v) __atomic_exchange_n((p), (v), __ATOMIC_RELAXED)
#define cmpxchg(p, o, n) ({ __typeof__(*(p)) __o = (o); \
	__atomic_compare_exchange_n((p), &__o, (n), 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); __o; })
#define try_cmpxchg(p, op, n) \
	__atomic_compare_exchange_n((p), (op), (n), 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
#define try_cmpxchg_relaxed(p, op, n) \
	__atomic_compare_exchange_n((p), (op), (n), 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED)
#define atomic_read(v) READ_ONCE((v)->counter)
#define atomic_set(v, i) WRITE_ONCE((v)->counter, (i))
#define atomic_inc(v) ((void)__atomic_fetch_add(&(v)->counter, 1, __ATOMIC_RELAXED))
#define atomic_dec(v) ((void)__atomic_fetch_sub(&(v)->counter, 1, __ATOMIC_RELAXED))
#define atomic_or(i, v) ((void)__atomic_fetch_or(&(v)->counter, (i), __ATOMIC_RELAXED))
#define atomic_andnot(i, v) ((void)__atomic_fetch_and(&(v)->counter, ~(i), __ATOMIC_RELAXED))
#define atomic_dec_and_test(v) (__atomic_sub_fetch(&(v)->counter, 1, __ATOMIC_SEQ_CST) == 0)
#define atomic_fetch_sub_release(i, v) __atomic_fetch_sub(&(v)->counter, (i), __ATOMIC_RELEASE)
#define atomic_try_cmpxchg_relaxed(v, op, n) \
	__atomic_compare_exchange_n(&(v)->counter, (op), (n), 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED)
#define atomic_long_or(i, v) ((void)__atomic_fetch_or(&(v)->counter, (long)(i), __ATOMIC_RELAXED))
#define atomic_long_andnot(i, v) ((void)__atomic_fetch_and(&(v)->counter, ~(long)(i), __ATOMIC_RELAXED))
#define atomic_long_fetch_or(i, v) __atomic_fetch_or(&(v)->counter, (long)(i), __ATOMIC_SEQ_CST)
#define atomic_long_fetch_or_acquire(i, v) __atomic_fetch_or(&(v)->counter, (long)(i), __ATOMIC_ACQUIRE)
struct raw_spinlock;
void raw_spin_lock(struct raw_spinlock *lock);
void raw_spin_unlock(struct raw_spinlock *lock);
void raw_spin_lock_irq(struct raw_spinlock *lock);
void raw_spin_unlock_irq(struct raw_spinlock *lock);
void preempt_disable(void);
void preempt_enable(void);
#ifndef local_irq_enable
void local_irq_enable(void);
void local_irq_disable(void);
#endif
int smp_processor_id(void);
#define DEFINE_PER_CPU_SHARED_ALIGNED(type, name) __typeof__(type) name[NR_CPUS]
#define per_cpu(var, cpu) ((var)[cpu])
#define this_cpu_ptr(ptr) (&(*(ptr))[smp_processor_id()])
