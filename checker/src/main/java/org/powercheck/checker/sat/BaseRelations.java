package org.powercheck.checker.sat;

import java.util.List;
import org.powercheck.model.EventSet;
import org.powercheck.model.Rel;

/**
 * The model's primitive sets and relations over one program's events: which pairs may be
 * related (from the program: threads, paths, addresses, dependencies; rf and co from the
 * memory encoding) and their literals, which always imply both events' guards.
 */
final class BaseRelations {
    private final Circuit c;
    private final ModelGraph g;
    private final List<Event> events;
    private final MemoryEncoding mem;
    private final ControlDeps control;
    private final long[][][] reach;
    private final InterruptEncoding interrupts;
    private final int n;
    /** per location: whether a final state shows it */
    private final boolean[] observed;

    /**
     * @param reach per thread, per DAG node: the nodes reachable from it
     */
    BaseRelations(Circuit c, ModelGraph g, List<Event> events, MemoryEncoding mem, ControlDeps control,
                  long[][][] reach, InterruptEncoding interrupts, boolean[] observed) {
        this.interrupts = interrupts;
        this.observed = observed;
        this.c = c;
        this.g = g;
        this.events = events;
        this.mem = mem;
        this.control = control;
        this.reach = reach;
        this.n = events.size();
    }

    /** Per event, the literal of its membership in the model's set number {@code s}. */
    int[] setLits(int s) {
        ModelGraph.SetNode sn = g.setNodes.get(s);
        int[] out = new int[n];
        switch (sn.kind()) {
            case BASE -> {
                for (Event e : events) out[e.id] = baseSet(sn.base(), e);
            }
            case FENCES -> {
                for (Event e : events) out[e.id] = e.fence == sn.fence() ? e.guard : Circuit.FALSE;
            }
            case TAGGED -> {
                // The events of instructions carrying the tag (none in POWER code, as in herd7).
                for (Event e : events) {
                    out[e.id] = e.instr != null && e.instr.tags().contains(sn.tag()) ? e.guard : Circuit.FALSE;
                }
            }
            case UNION, INTER, DIFF -> {
                int[] a = setLits(sn.left()), b = setLits(sn.right());
                for (int i = 0; i < n; i++) {
                    out[i] = switch (sn.kind()) {
                        case UNION -> c.or(a[i], b[i]);
                        case INTER -> c.and(a[i], b[i]);
                        default -> c.and(a[i], -b[i]);
                    };
                }
            }
        }
        return out;
    }

    private int baseSet(EventSet.Base b, Event e) {
        int f = Circuit.FALSE;
        return switch (b) {
            case ALL -> e.guard;
            case R -> e.read ? e.guard : f;
            case W -> e.write ? e.guard : f;
            case IW -> e.isInit() ? e.guard : f;
            case FW -> finalWrite(e);
            case X -> e.exclusive ? e.guard : f;
            case F -> e.fence != null || e.instr instanceof org.powercheck.ir.Instr.Marker ? e.guard : f;
        };
    }

    /** herd's FW: the event is the co-last write of a location the final state shows. */
    int finalWrite(Event e) {
        if (!e.write) return Circuit.FALSE;
        int[] shown = new int[e.cells.length];
        int k = 0;
        for (int i = 0; i < e.cells.length; i++) if (observed[e.cells[i]]) shown[k++] = e.cellLits[i];
        return k == 0 ? Circuit.FALSE : c.and(mem.coLast[e.id], c.or(shown, k));
    }

    /** Whether the event is in FW under a solver model (literal values given by {@code value}). */
    boolean isFinalWrite(Event e, java.util.function.IntPredicate value) {
        if (!e.write || !value.test(mem.coLast[e.id])) return false;
        for (int i = 0; i < e.cells.length; i++) if (observed[e.cells[i]] && value.test(e.cellLits[i])) return true;
        return false;
    }

    /** Pairs that may be related (rf and co: the memory encoding's own may sets). */
    BitMatrix may(Rel.Base b) {
        BitMatrix m = new BitMatrix(n);
        switch (b) {
            case PO -> {
                for (Event x : events) {
                    if (x.isInit()) continue;
                    long[] r = reach[x.thread][x.node];
                    for (Event y : events) {
                        if (y.thread == x.thread && (r[y.node >>> 6] & (1L << y.node)) != 0) m.set(x.id, y.id);
                        else if (interrupts.mayPo(x, y)) m.set(x.id, y.id);
                    }
                }
            }
            case LOC -> {
                for (Event x : events) for (Event y : events) if (x.mayShareCell(y)) m.set(x.id, y.id);
            }
            case INT -> {
                for (Event x : events) {
                    for (Event y : events) if (!x.isInit() && !y.isInit() && sameCpu(x, y)) m.set(x.id, y.id);
                }
            }
            case EXT -> {
                for (Event x : events) {
                    for (Event y : events) if (x.isInit() || y.isInit() || !sameCpu(x, y)) m.set(x.id, y.id);
                }
            }
            case ID -> {
                for (int i = 0; i < n; i++) m.set(i, i);
            }
            case SI -> {
                for (Event x : events) {
                    m.set(x.id, x.id);
                    if (x.isInit()) continue;
                    for (Event y : events) if (y.thread == x.thread && y.node == x.node) m.set(x.id, y.id);
                }
            }
            case ADDR, DATA, RMW -> {
                for (Event y : events) for (int x : depsOf(b, y).events) m.set(x, y.id);
            }
            case CTRL -> {
                BitMatrix ctrl = m;
                for (Event y : events) {
                    if (!y.isInit()) control.mayControl(y.thread, y.node, x -> ctrl.set(x, y.id));
                }
            }
            case RF -> m = mem.rfMay;
            case CO -> m = mem.coMay;
        }
        return m;
    }

    /** Events of one CPU: of its thread or of the interrupts it takes. */
    private boolean sameCpu(Event x, Event y) {
        return interrupts.cpu(x.thread) == interrupts.cpu(y.thread);
    }

    private static EventMap depsOf(Rel.Base b, Event e) {
        return switch (b) {
            case ADDR -> e.addr;
            case DATA -> e.data;
            case RMW -> e.rmw;
            default -> throw new IllegalArgumentException(b.name());
        };
    }

    /**
     * Pairs that are related whenever both events happen: their literal is exactly the
     * conjunction of the two guards (see {@link #lit}). An under-approximation is sound.
     */
    BitMatrix must(Rel.Base b, BitMatrix may) {
        BitMatrix m = new BitMatrix(n);
        for (int i = 0; i < n; i++) {
            for (int j = may.next(i, 0); j >= 0; j = may.next(i, j + 1)) {
                if (mustPair(b, events.get(i), events.get(j))) m.set(i, j);
            }
        }
        return m;
    }

    private boolean mustPair(Rel.Base b, Event x, Event y) {
        return switch (b) {
            case PO -> x.thread == y.thread && !x.isInit();
            case INT, EXT, ID, SI -> true;
            case LOC -> definite(x) && definite(y) && x.cells[0] == y.cells[0];
            case ADDR, DATA -> depsOf(b, y).lit(x.id) == Circuit.TRUE;
            case CO -> x.isInit() && definite(y);
            case CTRL, RMW, RF -> false;
        };
    }

    /** A memory event with one location whatever its address, whenever it happens. */
    private static boolean definite(Event e) {
        return e.cells.length == 1 && e.cellLits[0] == e.guard;
    }

    /** The literal of a pair (which must be in {@link #may}). */
    int lit(Rel.Base b, int i, int j) {
        Event x = events.get(i), y = events.get(j);
        return switch (b) {
            case PO -> x.thread == y.thread ? c.and(x.guard, y.guard) : interrupts.po(x, y);
            case INT, EXT -> c.and(x.guard, y.guard);
            case ID -> x.guard;
            case SI -> i == j ? x.guard : c.and(x.guard, y.guard);
            case LOC -> MemoryEncoding.sameCell(c, x, y);
            case ADDR, DATA -> c.and(y.guard, depsOf(b, y).lit(i));
            case CTRL -> control.lit(c, y.thread, y.node, y.guard, i);
            case RMW -> y.rmw.lit(i);
            case RF -> mem.rf.get(i, j);
            case CO -> mem.co.get(i, j);
        };
    }

    /**
     * Whether the pair's literal may wait until it is asked for ({@link LitMatrix#defer}): a
     * pair that holds whenever both events happen, a dependency or a shared location, which
     * {@link #holds} reads off a model from literals that exist anyway.
     */
    boolean deferrable(Rel.Base b, boolean mustPair) {
        return mustPair || b == Rel.Base.CTRL || b == Rel.Base.ADDR || b == Rel.Base.DATA || b == Rel.Base.LOC;
    }

    /** {@link #lit}'s value under a model, for a {@link #deferrable} pair. */
    boolean holds(Rel.Base b, int i, int j, boolean mustPair, java.util.function.IntPredicate value) {
        Event x = events.get(i), y = events.get(j);
        if (mustPair) return value.test(x.guard) && value.test(y.guard);
        return switch (b) {
            case CTRL -> value.test(y.guard) && control.holds(c, y.thread, y.node, i);
            case ADDR, DATA -> value.test(y.guard) && value.test(depsOf(b, y).lit(i));
            case LOC -> sharesCell(x, y, value);
            default -> throw new IllegalArgumentException(b.name());
        };
    }

    /** {@link MemoryEncoding#sameCell}'s value under a model, from the events' cell literals. */
    private static boolean sharesCell(Event x, Event y, java.util.function.IntPredicate value) {
        for (int k = 0; k < x.cells.length; k++) {
            int ly = y.cellLit(x.cells[k]);
            if (ly != Circuit.FALSE && value.test(x.cellLits[k]) && value.test(ly)) return true;
        }
        return false;
    }

    /** The matrix of rf or co, which the memory encoding owns. */
    LitMatrix choice(Rel.Base b) {
        return b == Rel.Base.RF ? mem.rf : mem.co;
    }
}
