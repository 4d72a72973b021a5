package org.powercheck.frontend.clitmus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.powercheck.frontend.cparse.CFunction;
import org.powercheck.frontend.cparse.CParam;
import org.powercheck.frontend.kernel.LitmusThreads;
import org.powercheck.frontend.litmus.ConditionTail;
import org.powercheck.frontend.litmus.ConditionTailParser;
import org.powercheck.frontend.litmus.KeyResolver;
import org.powercheck.ir.Cell;
import org.powercheck.ir.Expr;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Program;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.StateKey;
import org.powercheck.ir.ThreadCode;
import org.powercheck.ir.Width;

/** Puts a parsed C litmus test together: cells, threads lowered to IR, the condition. */
final class CLitmusProgramBuilder {
    private final CLitmusSyntax.Header header;
    private final String file;
    /** Cells in order of first mention, with their initial value; herd's default is 0. */
    private final Map<String, Cell> cells = new LinkedHashMap<>();
    private final Set<String> initialised = new HashSet<>();
    /** The cells whose width a thread's parameter has set. */
    private final Set<String> widened = new HashSet<>();
    /** Per thread: the initial register values and every register the init section names. */
    private final List<Map<Reg, Expr>> registerInits = new ArrayList<>();
    private final List<List<String>> initRegisters = new ArrayList<>();
    private final List<java.util.Set<String>> locals = new ArrayList<>();
    private final LitmusThreads lowering;

    CLitmusProgramBuilder(CLitmusSyntax.Header header, LitmusThreads lowering, String file) {
        this.header = header;
        this.file = file;
        this.lowering = lowering;
    }

    Program build(String text, int tailStart) {
        List<CFunction> functions = threads();
        for (CFunction f : functions) {
            registerInits.add(new HashMap<>());
            initRegisters.add(new ArrayList<>());
        }
        header.init().forEach(this::initEntry);
        List<ThreadCode> threads = new ArrayList<>();
        for (int i = 0; i < functions.size(); i++) threads.add(lowerThread(i, functions.get(i)));
        lowering.checkCalls();
        for (Cell c : lowering.declaredCells()) cells.putIfAbsent(c.name(), c);
        ConditionTail tail = ConditionTailParser.parseFrom(text, tailStart, file, new Resolver());
        return new Program(header.name(), Program.Arch.C, file, new ArrayList<>(cells.values()), threads,
                tail.condition(), tail.locations(), tail.filter(), Map.of(), org.powercheck.ir.Interrupts.NONE, Map.of(),
                lowering.symbolicReads());
    }

    /** {@code x = 1} gives a cell; {@code 0:r1 = x} an initial register value of P0. */
    private void initEntry(CLitmusSyntax.InitEntry e) {
        if (e.thread().isPresent()) {
            int t = e.thread().getAsInt();
            if (t >= registerInits.size()) throw new InputException(e.pos(), "no thread P" + t + " in this test");
            initRegisters.get(t).add(e.name());
            e.value().ifPresent(v -> registerInits.get(t).put(new Reg(e.name()), value(v)));
            return;
        }
        if (!initialised.add(e.name())) {
            throw new InputException(e.pos(), "location '" + e.name() + "' is initialised twice");
        }
        mention(e.name(), e.pos());
        Expr init = e.value().map(this::value).orElse(new Expr.Const(0));
        cells.put(e.name(), new Cell(e.name(), init, Width.DOUBLE, e.pos()));
    }

    /** Parameters name shared cells; locals and init-section registers are the thread's registers. */
    private ThreadCode lowerThread(int id, CFunction f) {
        for (CParam p : f.params()) {
            String name = p.name().orElseThrow(() -> new InputException(p.pos(), "thread parameters need a name"));
            mention(name, p.pos());
        }
        LitmusThreads.Lowered t = lowering.lower(id, f, initRegisters.get(id));
        locals.add(t.locals());
        t.locationWidths().forEach(this::widen);
        return new ThreadCode(id, f.name(), registerInits.get(id), t.code(), f.pos());
    }

    /** The threads P0, P1, ... in order. */
    private List<CFunction> threads() {
        List<CFunction> out = new ArrayList<>();
        for (CFunction f : lowering.threads()) {
            String expected = "P" + out.size();
            if (!f.name().equals(expected)) {
                throw new InputException(f.pos(), "expected thread " + expected + " but found '" + f.name() + "'");
            }
            out.add(f);
        }
        if (out.isEmpty()) {
            throw new InputException(header.namePos(), "the test has no threads");
        }
        return out;
    }

    private Expr value(CLitmusSyntax.InitValue v) {
        return switch (v) {
            case CLitmusSyntax.InitValue.Number n -> new Expr.Const(n.value());
            case CLitmusSyntax.InitValue.Address a -> {
                mention(a.cell(), a.pos());
                yield new Expr.Addr(a.cell());
            }
        };
    }

    /** A location is as wide as the widest type a thread's parameter gives it (herd's default: 64 bits). */
    private void widen(String name, Width width) {
        Cell c = cells.get(name);
        boolean first = widened.add(name);
        if (c.width() != width && (first || width.bits > c.width().bits)) {
            cells.put(name, new Cell(name, c.init(), width, c.pos()));
        }
    }

    private void mention(String name, SourcePos pos) {
        cells.computeIfAbsent(name, n -> new Cell(n, new Expr.Const(0), Width.DOUBLE, pos));
    }

    /** Checks the condition's names against the test: threads and their locals exist. */
    private class Resolver implements KeyResolver {
        @Override
        public StateKey register(int thread, String name, SourcePos pos) {
            if (thread < 0 || thread >= locals.size()) throw new InputException(pos, "no thread P" + thread + " in this test");
            Reg reg = new Reg(name);
            if (!locals.get(thread).contains(name) && !listed()) {
                throw new InputException(pos, "P" + thread + " has no local variable '" + name + "'");
            }
            return new StateKey.RegKey(thread, reg);
        }

        /** In a locations list a local the thread does not declare is listed, as 0 (herd7 does the same). */
        boolean listed() {
            return false;
        }

        @Override
        public KeyResolver listing() {
            return new Resolver() {
                @Override boolean listed() {
                    return true;
                }
            };
        }

        @Override
        public StateKey memory(String name, SourcePos pos) {
            mention(name, pos);
            return new StateKey.MemKey(name);
        }

        @Override
        public Expr address(String name, SourcePos pos) {
            mention(name, pos);
            return new Expr.Addr(name);
        }
    }
}
