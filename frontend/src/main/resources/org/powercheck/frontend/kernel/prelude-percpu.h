/*
 * powercheck's per-CPU operations, read after prelude.h or tree-prelude.h (with a kernel tree's
 * headers, a tree's definitions of these names are ignored, so these stay). They are written
 * over raw_cpu_ptr(), READ_ONCE()/WRITE_ONCE() and raw_local_irq_save()/restore().
 */
#ifndef __POWERCHECK_PRELUDE_PERCPU_H
#define __POWERCHECK_PRELUDE_PERCPU_H

/*
 * The per-CPU operations as ppc64 has them (asm-generic/percpu.h, v6.1-v6.6; powerpc defines
 * none of its own): raw_cpu_*() and __this_cpu_*() are plain accesses of this CPU's copy;
 * this_cpu_*() do the same with interrupts soft-masked around them (this_cpu_generic_to_op),
 * so no interrupt of this CPU comes between the load and the store; this_cpu_read() and
 * this_cpu_write() are one access each, which no interrupt can split anyway.
 */
#define raw_cpu_read(pcp) READ_ONCE(*raw_cpu_ptr(&(pcp)))
#define raw_cpu_write(pcp, val) WRITE_ONCE(*raw_cpu_ptr(&(pcp)), val)
#define raw_cpu_add(pcp, val) do { *raw_cpu_ptr(&(pcp)) += (val); } while (0)
#define raw_cpu_sub(pcp, val) do { *raw_cpu_ptr(&(pcp)) -= (val); } while (0)
#define raw_cpu_and(pcp, val) do { *raw_cpu_ptr(&(pcp)) &= (val); } while (0)
#define raw_cpu_or(pcp, val) do { *raw_cpu_ptr(&(pcp)) |= (val); } while (0)
#define raw_cpu_inc(pcp) raw_cpu_add(pcp, 1)
#define raw_cpu_dec(pcp) raw_cpu_sub(pcp, 1)
#define raw_cpu_add_return(pcp, val) ({ *raw_cpu_ptr(&(pcp)) += (val); *raw_cpu_ptr(&(pcp)); })
#define raw_cpu_sub_return(pcp, val) raw_cpu_add_return(pcp, -(__typeof__(pcp))(val))
#define raw_cpu_inc_return(pcp) raw_cpu_add_return(pcp, 1)
#define raw_cpu_dec_return(pcp) raw_cpu_add_return(pcp, -1)
#define raw_cpu_xchg(pcp, nval) ({ __typeof__(pcp) __pc_ret = *raw_cpu_ptr(&(pcp)); \
	*raw_cpu_ptr(&(pcp)) = (nval); __pc_ret; })
#define raw_cpu_cmpxchg(pcp, oval, nval) ({ __typeof__(pcp) __pc_ret = *raw_cpu_ptr(&(pcp)); \
	if (__pc_ret == (oval)) *raw_cpu_ptr(&(pcp)) = (nval); __pc_ret; })
#define __this_cpu_read(pcp) raw_cpu_read(pcp)
#define __this_cpu_write(pcp, val) raw_cpu_write(pcp, val)
#define __this_cpu_add(pcp, val) raw_cpu_add(pcp, val)
#define __this_cpu_sub(pcp, val) raw_cpu_sub(pcp, val)
#define __this_cpu_and(pcp, val) raw_cpu_and(pcp, val)
#define __this_cpu_or(pcp, val) raw_cpu_or(pcp, val)
#define __this_cpu_inc(pcp) raw_cpu_inc(pcp)
#define __this_cpu_dec(pcp) raw_cpu_dec(pcp)
#define __this_cpu_add_return(pcp, val) raw_cpu_add_return(pcp, val)
#define __this_cpu_inc_return(pcp) raw_cpu_inc_return(pcp)
#define __this_cpu_dec_return(pcp) raw_cpu_dec_return(pcp)
#define __this_cpu_xchg(pcp, nval) raw_cpu_xchg(pcp, nval)
#define __this_cpu_cmpxchg(pcp, oval, nval) raw_cpu_cmpxchg(pcp, oval, nval)
/* this_cpu_generic_to_op() and friends: the raw operation with interrupts soft-masked */
#define __pc_this_cpu_masked(op) ({ unsigned long __pc_flags; raw_local_irq_save(__pc_flags); \
	__typeof__(op) __pc_val = (op); raw_local_irq_restore(__pc_flags); __pc_val; })
#define __pc_this_cpu_masked_void(stmt) do { unsigned long __pc_flags; raw_local_irq_save(__pc_flags); \
	stmt; raw_local_irq_restore(__pc_flags); } while (0)
#define this_cpu_read(pcp) READ_ONCE(*raw_cpu_ptr(&(pcp)))
/* one store: masking around it changes nothing an interrupt could see */
#define this_cpu_write(pcp, val) raw_cpu_write(pcp, val)
#define this_cpu_add(pcp, val) __pc_this_cpu_masked_void(raw_cpu_add(pcp, val))
#define this_cpu_sub(pcp, val) __pc_this_cpu_masked_void(raw_cpu_sub(pcp, val))
#define this_cpu_and(pcp, val) __pc_this_cpu_masked_void(raw_cpu_and(pcp, val))
#define this_cpu_or(pcp, val) __pc_this_cpu_masked_void(raw_cpu_or(pcp, val))
#define this_cpu_inc(pcp) this_cpu_add(pcp, 1)
#define this_cpu_dec(pcp) this_cpu_sub(pcp, 1)
#define this_cpu_add_return(pcp, val) __pc_this_cpu_masked(raw_cpu_add_return(pcp, val))
#define this_cpu_sub_return(pcp, val) __pc_this_cpu_masked(raw_cpu_sub_return(pcp, val))
#define this_cpu_inc_return(pcp) this_cpu_add_return(pcp, 1)
#define this_cpu_dec_return(pcp) this_cpu_add_return(pcp, -1)
#define this_cpu_xchg(pcp, nval) __pc_this_cpu_masked(raw_cpu_xchg(pcp, nval))
#define this_cpu_cmpxchg(pcp, oval, nval) __pc_this_cpu_masked(raw_cpu_cmpxchg(pcp, oval, nval))

#endif /* __POWERCHECK_PRELUDE_PERCPU_H */
