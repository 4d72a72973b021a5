/*
 * Kernel macros for powercheck, read before a kernel source file in place of the headers that
 * are not parsed. Written for this tool: each definition keeps what the checker needs from a
 * macro (a declaration, a loop, a value) and drops what it does not (sections, alignment,
 * sparse annotations, tracing, instrumentation).
 *
 * Macros the checker gives a meaning of its own (READ_ONCE, smp_mb, spin_lock, ...) are NOT
 * defined here: they reach the checker as calls.
 */
#ifndef POWERCHECK_PRELUDE_MACROS_H
#define POWERCHECK_PRELUDE_MACROS_H

/* ---- annotations that mean nothing to the checker ---- */

/* where code and data are placed */
#define __init
#define __exit
#define __initdata
#define __initconst
#define __exitdata
#define __ref
#define __refdata
#define __meminit
#define __meminitdata
#define __cpuinit
#define __cpuinitdata
#define __read_mostly
#define __ro_after_init
#define __section(name)
#define __aligned(n)
#define __packed
#define __cacheline_aligned
#define __cacheline_aligned_in_smp
#define ____cacheline_aligned
#define ____cacheline_aligned_in_smp
#define ____cacheline_internodealigned_in_smp
#define __page_aligned_data
#define __page_aligned_bss
#define __visible
#define __weak
#define __used
#define __maybe_unused
#define __always_unused
#define __unused
#define __randomize_layout
#define __no_randomize_layout
#define __designated_init
#define __counted_by(member)
#define __nonstring
#define __latent_entropy
#define __irq_entry
#define __softirq_entry
#define __kprobes
#define __sched
#define __lockfunc
#define __cpuidle
#define __head
#define __nostackprotector
#define asmlinkage
#define __user_stack

/* how code is compiled or instrumented */
#define __always_inline inline
#define __inline_maybe_unused inline
#define nokprobe_inline inline
#define noinline
#define noinline_for_stack
#define __noinline
#define notrace
#define noinstr
#define __noinstr_section(name)
#define __flatten
#define __cold
#define __hot
#define __pure
#define __attribute_const__
#define __malloc
#define __must_check
#define __noreturn
#define __naked
#define __nocfi
#define __noclone
#define __no_profile
#define __no_kcsan
#define __no_sanitize_address
#define __no_sanitize_thread
#define __no_sanitize_undefined
#define __no_sanitize_or_inline inline
#define __no_stack_protector
#define __no_kasan_or_inline inline
#define __no_kcsan_or_inline inline
#define __deprecated
#define __printf(format, first)
#define __scanf(format, first)
#define __alloc_size(...)
#define __realloc_size(...)
#define __assume_aligned(...)
#define __compiletime_error(message)
#define __compiletime_warning(message)
#define __diag_push()
#define __diag_pop()
#define __diag_ignore(...)
#define __diag_ignore_all(...)
#define fallthrough do { } while (0)
#define __fallthrough
#define __fastpath_inline inline
#define __always_unused

/* sparse's address spaces and lock annotations */
#define __user
#define __kernel
#define __iomem
#define __percpu
#define __rcu
#define __force
#define __bitwise
#define __private
#define __safe
#define __nocast
#define __must_hold(lock)
#define __acquires(lock)
#define __releases(lock)
#define __acquire(lock) ((void)0)
#define __release(lock) ((void)0)
#define __cond_lock(lock, condition) (condition)
#define __cond_acquires(lock)
#define __guarded_by(lock)
#define __pt_guarded_by(lock)
#define ACCESS_PRIVATE(pointer, member) ((pointer)->member)

/* asm spelled the way kernel headers spell it */
#define asm_inline asm __inline
#define asm_volatile_goto(...) asm goto(__VA_ARGS__)

/* ---- values the compiler would compute ---- */

#define likely(condition) __builtin_expect(!!(condition), 1)
#define unlikely(condition) __builtin_expect(!!(condition), 0)
#define likely_notrace(condition) (!!(condition))
#define unlikely_notrace(condition) (!!(condition))
#define __stringify_plain(...) #__VA_ARGS__
#define __stringify(...) __stringify_plain(__VA_ARGS__)
#define offsetof(type, member) __builtin_offsetof(type, member)
#define ARRAY_SIZE(array) (sizeof(array) / sizeof((array)[0]))
#define BITS_PER_LONG 64
#define BITS_PER_BYTE 8
#define BITS_TO_LONGS(bits) (((bits) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define __unqual_scalar_typeof(expression) __typeof__(expression)
#define typeof_member(type, member) __typeof__(((type *)0)->member)
#define sizeof_field(type, member) sizeof(((type *)0)->member)
#define __same_type(a, b) __builtin_types_compatible_p(__typeof__(a), __typeof__(b))

/* IS_ENABLED(CONFIG_X): 1 when CONFIG_X is defined as 1 (the configuration is -D flags) */
#define __pc_one_then_comma_1 0,
#define __pc_second(ignored, value, ...) value
#define __pc_is_one_(junk_or_comma) __pc_second(junk_or_comma 1, 0)
#define __pc_is_one(value) __pc_is_one_(__pc_one_then_comma_##value)
#define IS_ENABLED(option) __pc_is_one(option)
#define IS_BUILTIN(option) __pc_is_one(option)
#define IS_REACHABLE(option) __pc_is_one(option)
#define IS_MODULE(option) 0

/* compile-time checks: nothing to run */
#define BUILD_BUG_ON(condition) ((void)0)
#define BUILD_BUG_ON_MSG(condition, message) ((void)0)
#define BUILD_BUG_ON_ZERO(condition) 0
#define BUILD_BUG_ON_INVALID(expression) ((void)0)
#define BUILD_BUG() ((void)0)
#define static_assert(condition, ...) _Static_assert(condition, #condition)

/* ---- declarations ---- */

/* exported symbols, module metadata, init calls and boot parameters: no code */
#define EXPORT_SYMBOL(symbol)
#define EXPORT_SYMBOL_GPL(symbol)
#define EXPORT_SYMBOL_NS(symbol, ns)
#define EXPORT_SYMBOL_NS_GPL(symbol, ns)
#define EXPORT_PER_CPU_SYMBOL(symbol)
#define EXPORT_PER_CPU_SYMBOL_GPL(symbol)
#define EXPORT_TRACEPOINT_SYMBOL(symbol)
#define EXPORT_TRACEPOINT_SYMBOL_GPL(symbol)
#define MODULE_LICENSE(text)
#define MODULE_AUTHOR(text)
#define MODULE_DESCRIPTION(text)
#define MODULE_ALIAS(text)
#define MODULE_PARM_DESC(parameter, text)
#define module_param(name, type, permissions)
#define module_param_named(name, value, type, permissions)
#define core_param(name, value, type, permissions)
#define early_param(text, function)
#define __setup(text, function)
#define early_initcall(function)
#define pure_initcall(function)
#define core_initcall(function)
#define postcore_initcall(function)
#define arch_initcall(function)
#define subsys_initcall(function)
#define fs_initcall(function)
#define device_initcall(function)
#define late_initcall(function)
#define late_initcall_sync(function)
#define module_init(function)
#define module_exit(function)
#define __initcall(function)
#define NOKPROBE_SYMBOL(symbol)
#define ALLOW_ERROR_INJECTION(function, kind)

/*
 * powerpc instructions spelled by macros (asm/ppc-opcode.h) and CPU-feature alternatives
 * (asm/feature-fixups.h): a POWER9 in hypervisor mode has the features that the doorbell code
 * tests (CPU_FTR_HVMODE, CPU_FTR_ARCH_300), so ASM_FTR_IFSET keeps its first alternative.
 */
#define PPC_MSGSND(b) "msgsnd " __stringify(b)
#define PPC_MSGSNDP(b) "msgsndp " __stringify(b)
#define PPC_MSGCLR(b) "msgclr " __stringify(b)
#define PPC_MSGCLRP(b) "msgclrp " __stringify(b)
#define PPC_MSGSYNC "msgsync"
#define ASM_FTR_IFSET(section_if_set, section_else, feature) section_if_set
#define ASM_FTR_IFCLR(section_if_clear, section_else, feature) section_else
#define CPU_FTR_HVMODE 1
#define CPU_FTR_ARCH_300 2

/* powerpc interrupt handlers (asm/interrupt.h): the entry and exit work around the body is not modelled */
#define DECLARE_INTERRUPT_HANDLER(func) void func(struct pt_regs *regs)
#define DECLARE_INTERRUPT_HANDLER_RAW(func) long func(struct pt_regs *regs)
#define DECLARE_INTERRUPT_HANDLER_ASYNC(func) void func(struct pt_regs *regs)
#define DECLARE_INTERRUPT_HANDLER_NMI(func) long func(struct pt_regs *regs)
#define DECLARE_INTERRUPT_HANDLER_RET(func) long func(struct pt_regs *regs)
#define DEFINE_INTERRUPT_HANDLER(func) void func(struct pt_regs *regs)
#define DEFINE_INTERRUPT_HANDLER_RAW(func) long func(struct pt_regs *regs)
#define DEFINE_INTERRUPT_HANDLER_ASYNC(func) void func(struct pt_regs *regs)
#define DEFINE_INTERRUPT_HANDLER_NMI(func) long func(struct pt_regs *regs)
#define DEFINE_INTERRUPT_HANDLER_RET(func) long func(struct pt_regs *regs)

/* system calls: a function sys_NAME with the listed parameters */
#define SYSCALL_DEFINE0(name) long sys_##name(void)
#define SYSCALL_DEFINE1(name, t1, a1) long sys_##name(t1 a1)
#define SYSCALL_DEFINE2(name, t1, a1, t2, a2) long sys_##name(t1 a1, t2 a2)
#define SYSCALL_DEFINE3(name, t1, a1, t2, a2, t3, a3) long sys_##name(t1 a1, t2 a2, t3 a3)
#define SYSCALL_DEFINE4(name, t1, a1, t2, a2, t3, a3, t4, a4) long sys_##name(t1 a1, t2 a2, t3 a3, t4 a4)
#define SYSCALL_DEFINE5(name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5) \
	long sys_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5)
#define SYSCALL_DEFINE6(name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6) \
	long sys_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5, t6 a6)
#define COMPAT_SYSCALL_DEFINE1(name, t1, a1) long compat_sys_##name(t1 a1)
#define COMPAT_SYSCALL_DEFINE2(name, t1, a1, t2, a2) long compat_sys_##name(t1 a1, t2 a2)
#define COMPAT_SYSCALL_DEFINE3(name, t1, a1, t2, a2, t3, a3) long compat_sys_##name(t1 a1, t2 a2, t3 a3)

/* per-CPU variables: __thread marks the variable as one copy per CPU; the type may be an array type */
#define DEFINE_PER_CPU(type, name) __thread __typeof__(type) name
#define DEFINE_PER_CPU_ALIGNED(type, name) __thread __typeof__(type) name
#define DEFINE_PER_CPU_SHARED_ALIGNED(type, name) __thread __typeof__(type) name
#define DEFINE_PER_CPU_READ_MOSTLY(type, name) __thread __typeof__(type) name
#define DEFINE_PER_CPU_PAGE_ALIGNED(type, name) __thread __typeof__(type) name
#define DEFINE_PER_CPU_FIRST(type, name) __thread __typeof__(type) name
#define DEFINE_PER_CPU_DECRYPTED(type, name) __thread __typeof__(type) name
#define DECLARE_PER_CPU(type, name) extern __thread __typeof__(type) name
#define DECLARE_PER_CPU_ALIGNED(type, name) extern __thread __typeof__(type) name
#define DECLARE_PER_CPU_SHARED_ALIGNED(type, name) extern __thread __typeof__(type) name
#define DECLARE_PER_CPU_READ_MOSTLY(type, name) extern __thread __typeof__(type) name
#define DECLARE_PER_CPU_PAGE_ALIGNED(type, name) extern __thread __typeof__(type) name

/* objects whose initial value is their header's business: declared zeroed */
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]
#define LIST_HEAD(name) struct list_head name = { &(name), &(name) }
#define HLIST_HEAD(name) struct hlist_head name = { 0 }
#define LLIST_HEAD(name) struct llist_head name = { 0 }
#define DEFINE_SPINLOCK(name) spinlock_t name = { 0 }
#define DEFINE_RAW_SPINLOCK(name) raw_spinlock_t name = { 0 }
#define DEFINE_RWLOCK(name) rwlock_t name = { 0 }
#define DEFINE_SEQLOCK(name) seqlock_t name = { 0 }
#define DEFINE_MUTEX(name) struct mutex name = { 0 }
#define DEFINE_RT_MUTEX(name) struct rt_mutex name = { 0 }
#define DECLARE_RWSEM(name) struct rw_semaphore name = { 0 }
#define DEFINE_SEMAPHORE(name, count) struct semaphore name = { 0 }
#define DEFINE_SRCU(name) struct srcu_struct name = { 0 }
#define DEFINE_STATIC_SRCU(name) static struct srcu_struct name = { 0 }
#define DEFINE_IDA(name) struct ida name = { 0 }
#define DEFINE_IDR(name) struct idr name = { 0 }
#define DEFINE_XARRAY(name) struct xarray name = { 0 }
#define DEFINE_XARRAY_ALLOC(name) struct xarray name = { 0 }
#define DEFINE_XARRAY_FLAGS(name, flags) struct xarray name = { 0 }
#define DECLARE_WAIT_QUEUE_HEAD(name) struct wait_queue_head name = { 0 }
#define DECLARE_WAIT_QUEUE_HEAD_ONSTACK(name) struct wait_queue_head name = { 0 }
#define DECLARE_COMPLETION(name) struct completion name = { 0 }
#define DECLARE_COMPLETION_ONSTACK(name) struct completion name = { 0 }
#define DECLARE_WORK(name, function) struct work_struct name = { .func = (function) }
#define DECLARE_DELAYED_WORK(name, function) struct delayed_work name = { .work = { .func = (function) } }
#define DEFINE_IRQ_WORK(name, function) struct irq_work name = { .func = (function) }
#define DEFINE_WAIT_FUNC(name, function) struct wait_queue_entry name = { .private = current, .func = (function) }
#define DEFINE_WAIT(name) DEFINE_WAIT_FUNC(name, autoremove_wake_function)
#define DECLARE_WAITQUEUE(name, task) struct wait_queue_entry name = { .private = (task) }
#define DEFINE_RATELIMIT_STATE(name, interval, burst) struct ratelimit_state name = { 0 }
#define DEFINE_STATIC_KEY_TRUE(name) struct static_key_true name = { 0 }
#define DEFINE_STATIC_KEY_FALSE(name) struct static_key_false name = { 0 }
#define DEFINE_STATIC_KEY_TRUE_RO(name) struct static_key_true name = { 0 }
#define DEFINE_STATIC_KEY_FALSE_RO(name) struct static_key_false name = { 0 }
#define DECLARE_STATIC_KEY_TRUE(name) extern struct static_key_true name
#define DECLARE_STATIC_KEY_FALSE(name) extern struct static_key_false name

/* ---- loops ---- */

/* CPUs and bits: counting loops over a mask */
#define for_each_cpu(cpu, mask) \
	for ((cpu) = -1; (cpu) = cpumask_next((cpu), (mask)), (cpu) < nr_cpu_ids;)
#define for_each_cpu_wrap(cpu, mask, start) \
	for ((cpu) = cpumask_next_wrap((start) - 1, (mask), (start), 0); (cpu) < nr_cpumask_bits; \
	     (cpu) = cpumask_next_wrap((cpu), (mask), (start), 1))
#define for_each_cpu_and(cpu, mask1, mask2) \
	for ((cpu) = -1; (cpu) = cpumask_next_and((cpu), (mask1), (mask2)), (cpu) < nr_cpu_ids;)
#define for_each_cpu_andnot(cpu, mask1, mask2) \
	for ((cpu) = -1; (cpu) = cpumask_next_andnot((cpu), (mask1), (mask2)), (cpu) < nr_cpu_ids;)
#define for_each_cpu_not(cpu, mask) \
	for ((cpu) = -1; (cpu) = cpumask_next_zero((cpu), (mask)), (cpu) < nr_cpu_ids;)
#define for_each_possible_cpu(cpu) for_each_cpu((cpu), cpu_possible_mask)
#define for_each_online_cpu(cpu) for_each_cpu((cpu), cpu_online_mask)
#define for_each_present_cpu(cpu) for_each_cpu((cpu), cpu_present_mask)
#define for_each_set_bit(bit, addr, size) \
	for ((bit) = find_first_bit((addr), (size)); (bit) < (size); \
	     (bit) = find_next_bit((addr), (size), (bit) + 1))
#define for_each_clear_bit(bit, addr, size) \
	for ((bit) = find_first_zero_bit((addr), (size)); (bit) < (size); \
	     (bit) = find_next_zero_bit((addr), (size), (bit) + 1))
#define for_each_node(node) for ((node) = 0; (node) < MAX_NUMNODES; (node)++)
#define for_each_online_node(node) for_each_node(node)

/* doubly linked lists: a list_head embedded as `member` in each entry */
#define list_for_each(pos, head) \
	for ((pos) = (head)->next; (pos) != (head); (pos) = (pos)->next)
#define list_for_each_safe(pos, tmp, head) \
	for ((pos) = (head)->next, (tmp) = (pos)->next; (pos) != (head); (pos) = (tmp), (tmp) = (pos)->next)
#define list_for_each_prev(pos, head) \
	for ((pos) = (head)->prev; (pos) != (head); (pos) = (pos)->prev)
#define list_for_each_entry(pos, head, member) \
	for ((pos) = container_of((head)->next, __typeof__(*(pos)), member); \
	     &(pos)->member != (head); \
	     (pos) = container_of((pos)->member.next, __typeof__(*(pos)), member))
#define list_for_each_entry_reverse(pos, head, member) \
	for ((pos) = container_of((head)->prev, __typeof__(*(pos)), member); \
	     &(pos)->member != (head); \
	     (pos) = container_of((pos)->member.prev, __typeof__(*(pos)), member))
#define list_for_each_entry_continue(pos, head, member) \
	for ((pos) = container_of((pos)->member.next, __typeof__(*(pos)), member); \
	     &(pos)->member != (head); \
	     (pos) = container_of((pos)->member.next, __typeof__(*(pos)), member))
#define list_for_each_entry_from(pos, head, member) \
	for (; &(pos)->member != (head); (pos) = container_of((pos)->member.next, __typeof__(*(pos)), member))
#define list_for_each_entry_safe(pos, tmp, head, member) \
	for ((pos) = container_of((head)->next, __typeof__(*(pos)), member), \
	     (tmp) = container_of((pos)->member.next, __typeof__(*(pos)), member); \
	     &(pos)->member != (head); \
	     (pos) = (tmp), (tmp) = container_of((tmp)->member.next, __typeof__(*(tmp)), member))
#define list_for_each_entry_rcu(pos, head, member, ...) \
	for ((pos) = container_of(READ_ONCE((head)->next), __typeof__(*(pos)), member); \
	     &(pos)->member != (head); \
	     (pos) = container_of(READ_ONCE((pos)->member.next), __typeof__(*(pos)), member))

/* singly linked hash chains: a hlist_node embedded as `member` */
#define hlist_for_each(pos, head) \
	for ((pos) = (head)->first; (pos); (pos) = (pos)->next)
#define hlist_for_each_safe(pos, tmp, head) \
	for ((pos) = (head)->first; (pos) && ((tmp) = (pos)->next, 1); (pos) = (tmp))
#define hlist_for_each_entry(pos, head, member) \
	for ((pos) = hlist_entry_safe((head)->first, __typeof__(*(pos)), member); (pos); \
	     (pos) = hlist_entry_safe((pos)->member.next, __typeof__(*(pos)), member))
#define hlist_for_each_entry_safe(pos, tmp, head, member) \
	for ((pos) = hlist_entry_safe((head)->first, __typeof__(*(pos)), member); \
	     (pos) && ((tmp) = (pos)->member.next, 1); \
	     (pos) = hlist_entry_safe((tmp), __typeof__(*(pos)), member))
#define hlist_for_each_entry_rcu(pos, head, member, ...) \
	for ((pos) = hlist_entry_safe(READ_ONCE((head)->first), __typeof__(*(pos)), member); (pos); \
	     (pos) = hlist_entry_safe(READ_ONCE((pos)->member.next), __typeof__(*(pos)), member))

/* lock-less lists: an llist_node embedded as `member` */
#define llist_for_each(pos, node) for ((pos) = (node); (pos); (pos) = (pos)->next)
#define llist_for_each_safe(pos, tmp, node) \
	for ((pos) = (node); (pos) && ((tmp) = (pos)->next, 1); (pos) = (tmp))
#define llist_for_each_entry(pos, node, member) \
	for ((pos) = llist_entry_safe((node), __typeof__(*(pos)), member); (pos); \
	     (pos) = llist_entry_safe((pos)->member.next, __typeof__(*(pos)), member))
#define llist_for_each_entry_safe(pos, tmp, node, member) \
	for ((pos) = llist_entry_safe((node), __typeof__(*(pos)), member); \
	     (pos) && ((tmp) = llist_entry_safe((pos)->member.next, __typeof__(*(pos)), member), 1); \
	     (pos) = (tmp))

/* xarrays */
#define xa_for_each(xa, index, entry) \
	for ((index) = 0, (entry) = xa_find((xa), &(index), ~0UL, XA_PRESENT); (entry); \
	     (entry) = xa_find_after((xa), &(index), ~0UL, XA_PRESENT))

/* tasks: every thread of every process */
#define for_each_process(task) \
	for ((task) = &init_task; ((task) = next_task(task)) != &init_task;)
#define for_each_thread(process, thread) \
	for ((thread) = first_thread(process); (thread); (thread) = next_thread_or_null(thread))
#define while_each_thread(first, thread) while (((thread) = next_thread(thread)) != (first))

#endif /* POWERCHECK_PRELUDE_MACROS_H */
