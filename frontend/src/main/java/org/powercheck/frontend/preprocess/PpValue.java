package org.powercheck.frontend.preprocess;

/**
 * A value of an {@code #if} expression: C evaluates them in intmax_t or uintmax_t (64 bits
 * here), and an operation is unsigned when either operand is (the usual arithmetic conversions).
 */
record PpValue(long bits, boolean unsigned) {
    static final PpValue ZERO = new PpValue(0, false);
    static final PpValue ONE = new PpValue(1, false);

    static PpValue of(boolean b) {
        return b ? ONE : ZERO;
    }

    boolean isTrue() {
        return bits != 0;
    }

    private boolean eitherUnsigned(PpValue o) {
        return unsigned || o.unsigned;
    }

    PpValue add(PpValue o) {
        return new PpValue(bits + o.bits, eitherUnsigned(o));
    }

    PpValue subtract(PpValue o) {
        return new PpValue(bits - o.bits, eitherUnsigned(o));
    }

    PpValue multiply(PpValue o) {
        return new PpValue(bits * o.bits, eitherUnsigned(o));
    }

    /** Quotient; a zero divisor gives 0 (the caller reports it where the operand is evaluated). */
    PpValue divide(PpValue o) {
        if (o.bits == 0) {
            return new PpValue(0, eitherUnsigned(o));
        }
        return eitherUnsigned(o) ? new PpValue(Long.divideUnsigned(bits, o.bits), true)
                : new PpValue(bits / o.bits, false);
    }

    PpValue remainder(PpValue o) {
        if (o.bits == 0) {
            return new PpValue(0, eitherUnsigned(o));
        }
        return eitherUnsigned(o) ? new PpValue(Long.remainderUnsigned(bits, o.bits), true)
                : new PpValue(bits % o.bits, false);
    }

    /** The result has the type of the left operand; a negative count shifts the other way, as in GCC. */
    PpValue shiftLeft(PpValue count) {
        if (!count.unsigned && count.bits < 0) {
            return shiftRight(new PpValue(-count.bits, false));
        }
        boolean tooFar = Long.compareUnsigned(count.bits, 64) >= 0;
        return new PpValue(tooFar ? 0 : bits << count.bits, unsigned);
    }

    PpValue shiftRight(PpValue count) {
        if (!count.unsigned && count.bits < 0) {
            return shiftLeft(new PpValue(-count.bits, false));
        }
        boolean tooFar = Long.compareUnsigned(count.bits, 64) >= 0;
        if (unsigned) {
            return new PpValue(tooFar ? 0 : bits >>> count.bits, true);
        }
        return new PpValue(tooFar ? (bits < 0 ? -1 : 0) : bits >> count.bits, false);
    }

    private int compare(PpValue o) {
        return eitherUnsigned(o) ? Long.compareUnsigned(bits, o.bits) : Long.compare(bits, o.bits);
    }

    PpValue less(PpValue o) {
        return of(compare(o) < 0);
    }

    PpValue lessOrEqual(PpValue o) {
        return of(compare(o) <= 0);
    }

    PpValue greater(PpValue o) {
        return of(compare(o) > 0);
    }

    PpValue greaterOrEqual(PpValue o) {
        return of(compare(o) >= 0);
    }

    PpValue equal(PpValue o) {
        return of(bits == o.bits);
    }

    PpValue notEqual(PpValue o) {
        return of(bits != o.bits);
    }

    PpValue and(PpValue o) {
        return new PpValue(bits & o.bits, eitherUnsigned(o));
    }

    PpValue or(PpValue o) {
        return new PpValue(bits | o.bits, eitherUnsigned(o));
    }

    PpValue xor(PpValue o) {
        return new PpValue(bits ^ o.bits, eitherUnsigned(o));
    }

    PpValue negate() {
        return new PpValue(-bits, unsigned);
    }

    PpValue complement() {
        return new PpValue(~bits, unsigned);
    }

    PpValue not() {
        return of(bits == 0);
    }

    /** {@code c ? a : b}: the result type comes from both branches even though one is not evaluated. */
    static PpValue choose(boolean condition, PpValue a, PpValue b) {
        PpValue chosen = condition ? a : b;
        return new PpValue(chosen.bits, a.unsigned || b.unsigned);
    }

    @Override
    public String toString() {
        return unsigned ? Long.toUnsignedString(bits) + "u" : Long.toString(bits);
    }
}
