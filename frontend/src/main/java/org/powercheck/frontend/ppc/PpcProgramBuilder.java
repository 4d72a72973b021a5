package org.powercheck.frontend.ppc;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.powercheck.frontend.litmus.ConditionTail;
import org.powercheck.frontend.litmus.ConditionTailParser;
import org.powercheck.frontend.litmus.KeyResolver;
import org.powercheck.frontend.litmus.LitmusNumbers;
import org.powercheck.frontend.litmus.TextPositions;
import org.powercheck.ir.Expr;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Program;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.StateKey;
import org.powercheck.ir.ThreadCode;
import org.powercheck.ir.Width;

/** Lowers a parsed PPC litmus test (its init block, code table and tail) to a {@link Program}. */
final class PpcProgramBuilder {
    private final PpcSyntax.Test test;
    private final String file;
    private final int threadCount;
    private final CellTable cells = new CellTable();
    /** For each herd symbolic register ({@code %x0}), the threads whose code uses it. */
    private final Map<String, Set<Integer>> symbolicUsers = new HashMap<>();
    /** Register types declared in the init block ({@code int64_t 0:r0;}). */
    private final Map<StateKey, Width> declaredRegisterWidths = new HashMap<>();

    PpcProgramBuilder(PpcSyntax.Test test, String file) {
        this.test = test;
        this.file = file;
        this.threadCount = test.threads().size();
    }

    Program build(String text) {
        checkColumns();
        collectSymbolicUsers();
        List<Map<Reg, Expr>> registerInits = new ArrayList<>();
        for (int t = 0; t < threadCount; t++) registerInits.add(new LinkedHashMap<>());
        for (PpcSyntax.InitEntry entry : test.init()) applyInit(entry, registerInits);
        List<ThreadCode> threads = new ArrayList<>();
        for (int t = 0; t < threadCount; t++) threads.add(lowerThread(t, registerInits.get(t)));
        ConditionTail tail = parseTail(text);
        return new Program(testName(), Program.Arch.PPC, file, cells.cells(), threads,
                tail.condition(), tail.locations(), tail.filter(), registerWidths(tail, registerInits));
    }

    /**
     * herd gives a register without a declared type the type {@code int} unless it holds an
     * address, and prints its final value as that type: a signed 32-bit number.
     */
    private Map<StateKey, Width> registerWidths(ConditionTail tail, List<Map<Reg, Expr>> registerInits) {
        Set<StateKey> keys = new TreeSet<>(tail.locations());
        keys.addAll(tail.condition().prop().keys());
        tail.filter().ifPresent(f -> keys.addAll(f.keys()));
        Map<StateKey, Width> widths = new HashMap<>();
        for (StateKey key : keys) {
            if (!(key instanceof StateKey.RegKey r) || r.thread() >= threadCount) continue;
            Width declared = declaredRegisterWidths.get(key);
            boolean holdsAddress = registerInits.get(r.thread()).get(r.reg()) instanceof Expr.Addr;
            Width w = declared != null ? declared : holdsAddress ? Width.DOUBLE : Width.WORD;
            if (w != Width.DOUBLE) widths.put(key, w);
        }
        return widths;
    }

    /** herd's name rules: a trailing ".litmus" is dropped, and "--" stands for the file's base name. */
    private String testName() {
        String name = test.name();
        if (name.equals("--")) {
            name = Paths.get(file).getFileName().toString();
            int dot = name.lastIndexOf('.');
            if (dot > 0) name = name.substring(0, dot);
        }
        return name.endsWith(".litmus") ? name.substring(0, name.length() - ".litmus".length()) : name;
    }

    private void checkColumns() {
        for (PpcSyntax.Row row : test.rows()) {
            int n = row.cells().size();
            if (n != threadCount) {
                throw new InputException(row.pos(), "this row has " + n + (n == 1 ? " column" : " columns")
                        + " but the test has " + threadCount + (threadCount == 1 ? " thread" : " threads"));
            }
        }
    }

    private void collectSymbolicUsers() {
        for (PpcSyntax.Row row : test.rows()) {
            for (int t = 0; t < threadCount; t++) {
                PpcSyntax.Instruction in = row.cells().get(t).instruction();
                if (in == null) continue;
                for (PpcSyntax.Operand op : in.operands()) {
                    String name = op instanceof PpcSyntax.Operand.Displacement d ? d.base().text() : op.text();
                    if (PpcRegisters.isSymbolic(name)) symbolicUsers.computeIfAbsent(name, k -> new TreeSet<>()).add(t);
                }
            }
        }
    }

    /** The thread that owns a symbolic register named in the init block or the condition. */
    private int symbolicOwner(String name, SourcePos pos) {
        Set<Integer> users = symbolicUsers.get(name);
        if (users == null) throw new InputException(pos, "symbolic register " + name + " does not appear in code");
        if (users.size() > 1) {
            throw new InputException(pos, "symbolic register " + name + " is ambiguous: threads " + users + " use it");
        }
        return users.iterator().next();
    }

    private void applyInit(PpcSyntax.InitEntry entry, List<Map<Reg, Expr>> registerInits) {
        Expr value = entry.value() == null ? null : initValue(entry.value());
        switch (entry.location()) {
            case PpcSyntax.Location.Register r -> {
                checkThread(r.thread(), r.pos());
                Reg reg = PpcRegisters.gpr(r.name(), r.pos());
                Width w = PpcTypes.width(entry.type(), entry.typePos());
                if (entry.type() != null) declaredRegisterWidths.put(new StateKey.RegKey(r.thread(), reg), w);
                registerInits.get(r.thread()).put(reg, value == null ? new Expr.Const(0) : value);
            }
            case PpcSyntax.Location.Symbolic s -> {
                int thread = symbolicOwner(s.name(), s.pos());
                PpcTypes.width(entry.type(), entry.typePos());
                registerInits.get(thread).put(new Reg(s.name()), value == null ? new Expr.Const(0) : value);
            }
            case PpcSyntax.Location.Memory m -> cells.declare(m.name(),
                    entry.type() == null ? null : PpcTypes.width(entry.type(), entry.typePos()), value, m.pos());
        }
    }

    private Expr initValue(PpcSyntax.Value v) {
        if (v.isNumber()) return new Expr.Const(LitmusNumbers.parse(v.text(), v.pos()));
        cells.mention(v.text(), v.pos());
        return new Expr.Addr(v.text());
    }

    private void checkThread(int thread, SourcePos pos) {
        if (thread < 0 || thread >= threadCount) {
            throw new InputException(pos, "thread " + thread + " does not exist (the test has "
                    + threadCount + (threadCount == 1 ? " thread)" : " threads)"));
        }
    }

    private ThreadCode lowerThread(int t, Map<Reg, Expr> registerInit) {
        PpcInstructionLowering lowering = new PpcInstructionLowering();
        Set<String> labels = new TreeSet<>();
        for (PpcSyntax.Row row : test.rows()) {
            PpcSyntax.Cell cell = row.cells().get(t);
            for (PpcSyntax.LabelDef label : cell.labels()) {
                if (!labels.add(label.name())) {
                    throw new InputException(label.pos(), "label '" + label.name() + "' is defined twice in P" + t);
                }
                lowering.label(label.name(), label.pos());
            }
            if (cell.instruction() != null) lowering.lower(cell.instruction());
        }
        lowering.branchTargets().forEach((label, pos) -> {
            if (!labels.contains(label)) throw new InputException(pos, "branch to undefined label '" + label + "' in P" + t);
        });
        List<Instr> code = new ArrayList<>(lowering.code());
        if (lowering.firstReturn() != null) {
            code.add(new Instr.Label(PpcInstructionLowering.RETURN_LABEL, lowering.firstReturn()));
        }
        return new ThreadCode(t, "P" + t, registerInit, code, test.threads().get(t).pos());
    }

    private ConditionTail parseTail(String text) {
        int offset = test.hasTail() ? new TextPositions(text).offset(test.tailLine(), test.tailColumn()) : text.length();
        return ConditionTailParser.parseFrom(text, offset, file, new Resolver());
    }

    /** Checks the condition's names against the test and records the cells it mentions. */
    private final class Resolver implements KeyResolver {
        @Override
        public StateKey register(int thread, String name, SourcePos pos) {
            checkThread(thread, pos);
            return new StateKey.RegKey(thread, PpcRegisters.gpr(name, pos));
        }

        @Override
        public StateKey symbolicRegister(String name, SourcePos pos) {
            return new StateKey.RegKey(symbolicOwner(name, pos), new Reg(name));
        }

        @Override
        public StateKey memory(String name, SourcePos pos) {
            cells.mention(name, pos);
            return new StateKey.MemKey(name);
        }

        @Override
        public Expr address(String name, SourcePos pos) {
            cells.mention(name, pos);
            return new Expr.Addr(name);
        }
    }
}
