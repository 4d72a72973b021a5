package org.powercheck.model.mapping;

/** How a front end must lower one argument of a kernel primitive before the mapping sees it. */
public enum ArgKind {
    /** an lvalue whose address is passed, as in {@code READ_ONCE(*p)}: the mapping gets the address */
    PLACE,
    /** a pointer value, as in {@code smp_store_release(p, v)}: the mapping gets the address */
    POINTER,
    /** an ordinary value */
    VALUE,
    /** {@code &local}: a register the primitive reads and may overwrite ({@code try_cmpxchg}'s old) */
    LOCAL
}
