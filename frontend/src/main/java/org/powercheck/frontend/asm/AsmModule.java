package org.powercheck.frontend.asm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.powercheck.frontend.ppc.PpcInstructionLowering;
import org.powercheck.frontend.preprocess.PreprocessedUnit;
import org.powercheck.frontend.preprocess.Preprocessor;
import org.powercheck.frontend.preprocess.PreprocessorOptions;
import org.powercheck.ir.Expr;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Instr;
import org.powercheck.ir.SourcePos;

/**
 * One assembly file, read as the kernel build assembles it ({@code __ASSEMBLY__} defined, the
 * generated {@code asm-offsets} known), whose functions C code may call. A call is inlined: the
 * caller puts the arguments in r3..r10 (ELF ABI), the code runs from the function's label over
 * the statements reachable from it, {@code blr} returns, and the result is in r3. Addition in
 * assembly is byte arithmetic ({@link Expr.BinOp#BYTE_ADD}), since offsets there are ABI bytes.
 */
public final class AsmModule {
    private static final Pattern LOCAL_REF = Pattern.compile("(\\d+)([bf])");
    private static final Set<String> CONDITIONAL = Set.of("beq", "bne", "blt", "bgt", "ble", "bng", "bge", "bnl",
            "beq-", "bne-", "beq+", "bne+");

    private final String file;
    private final List<AsmStatement> statements;
    private final Map<String, Long> symbols;
    private final Map<String, Integer> labels = new HashMap<>();
    private final Set<String> globals;
    private int calls;

    private AsmModule(String file, AsmReader.Read read) {
        this.file = file;
        this.statements = read.statements();
        this.symbols = read.symbols();
        this.globals = read.globals();
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i) instanceof AsmStatement.Label l && !l.name().chars().allMatch(Character::isDigit)) {
                Integer before = labels.putIfAbsent(l.name(), i);
                if (before != null) throw new InputException(l.pos(), "label '" + l.name() + "' is defined twice");
            }
        }
    }

    /**
     * Reads {@code path}. {@code preprocessorArgs} are the kernel configuration and the user's
     * {@code -D}/{@code -U}/{@code -I}; {@code offsets} the asm-offsets constants, defined first.
     */
    public static AsmModule load(Path path, List<String> preprocessorArgs, Map<String, Long> offsets) {
        if (!Files.isRegularFile(path)) throw new InputException(new SourcePos(path.toString(), 0, 0), "no such file");
        StringBuilder defines = new StringBuilder();
        offsets.forEach((k, v) -> defines.append("#define ").append(k).append(' ').append(v).append('\n'));
        PreprocessorOptions options = PreprocessorOptions.builder().kernelPpc64le().arguments(preprocessorArgs)
                .define("__ASSEMBLY__").define("CONFIG_PPC64_ELF_ABI_V2=1").define("CONFIG_CPU_LITTLE_ENDIAN=1")
                .preInclude("<powercheck asm-offsets.h>", defines.toString()).build();
        PreprocessedUnit unit = new Preprocessor(options).run(path);
        return new AsmModule(path.toString(), AsmReader.read(unit, Map.of()));
    }

    /** The instructions of an inline {@code asm} template, already bound to registers. */
    public static AsmModule inline(String template, SourcePos pos) {
        return new AsmModule(pos.file(), AsmReader.readInline(template, pos));
    }

    /** The code of an inline template: from its first statement to its end (or a jump past it). */
    public List<Instr> inlineCode(SourcePos pos) {
        List<AsmStatement> code = new ArrayList<>(statements);
        String prefix = "asm" + (calls++) + ".";
        String end = prefix + "end";
        PpcInstructionLowering sink = new PpcInstructionLowering();
        int[] current = {0};
        AsmInstructions lowering = new AsmInstructions(sink, symbols,
                (ref, p) -> prefix + labelName(target(ref, current[0], p)));
        for (int i = 0; i < code.size(); i++) {
            current[0] = i;
            switch (code.get(i)) {
                case AsmStatement.Label l -> sink.label(prefix + labelName(i), l.pos());
                case AsmStatement.Instruction in -> lowering.lower(in);
            }
        }
        List<Instr> out = new ArrayList<>();
        for (Instr in : sink.code()) out.add(rewrite(in, end));
        out.add(new Instr.Label(end, pos));
        return out;
    }

    /** The functions the file exports ({@code .globl} labels it defines), in file order. */
    public List<String> functions() {
        List<String> out = new ArrayList<>();
        for (AsmStatement s : statements) {
            if (s instanceof AsmStatement.Label l && globals.contains(l.name())) out.add(l.name());
        }
        return out;
    }

    /** Where a label is defined. */
    public SourcePos position(String label) {
        return statements.get(labels.get(label)).pos();
    }

    public String file() {
        return file;
    }

    public boolean defines(String function) {
        return labels.containsKey(function);
    }

    /** The instructions as written, by position, where one position holds one instruction. */
    public Map<SourcePos, String> instructionTexts() {
        Map<SourcePos, String> out = new HashMap<>();
        Map<SourcePos, Integer> count = new HashMap<>();
        for (AsmStatement s : statements) {
            if (s instanceof AsmStatement.Instruction in) {
                out.put(in.pos(), in.text());
                count.merge(in.pos(), 1, Integer::sum);
            }
        }
        count.forEach((p, n) -> {
            if (n > 1) out.remove(p);
        });
        return out;
    }

    /**
     * The code of one call of {@code function}, which returns by jumping to its end. Labels get a
     * prefix of their own per call, so a function may be called several times.
     */
    public List<Instr> call(String function, SourcePos callPos) {
        Integer entry = labels.get(function);
        if (entry == null) throw new InputException(callPos, "no assembly function '" + function + "' in " + file);
        String prefix = "asm" + (calls++) + "." + function + ".";
        BitSet reachable = reachable(entry);
        PpcInstructionLowering sink = new PpcInstructionLowering();
        int[] current = {0};
        AsmInstructions lowering = new AsmInstructions(sink, symbols,
                (ref, pos) -> prefix + labelName(target(ref, current[0], pos)));
        for (int i = reachable.nextSetBit(0); i >= 0; i = reachable.nextSetBit(i + 1)) {
            current[0] = i;
            switch (statements.get(i)) {
                case AsmStatement.Label l -> sink.label(prefix + labelName(i), l.pos());
                case AsmStatement.Instruction in -> lowering.lower(in);
            }
        }
        String end = prefix + "return";
        List<Instr> out = new ArrayList<>();
        for (Instr in : sink.code()) out.add(rewrite(in, end));
        out.add(new Instr.Label(end, callPos));
        return out;
    }

    private String labelName(int statement) {
        AsmStatement.Label l = (AsmStatement.Label) statements.get(statement);
        return l.name().chars().allMatch(Character::isDigit) ? "L" + statement : l.name();
    }

    /** The statements control can reach from {@code entry}; running past the last one is an error. */
    private BitSet reachable(int entry) {
        BitSet seen = new BitSet();
        Deque<Integer> work = new ArrayDeque<>(List.of(entry));
        while (!work.isEmpty()) {
            int i = work.pop();
            if (seen.get(i)) continue;
            seen.set(i);
            AsmStatement s = statements.get(i);
            boolean fallsThrough = true;
            if (s instanceof AsmStatement.Instruction in) {
                String m = in.mnemonic();
                if (m.equals("b") || CONDITIONAL.contains(m)) {
                    List<AsmStatement.Operand> ops = in.operands();
                    if (ops.isEmpty()) throw new InputException(in.pos(), "'" + m + "' needs a label");
                    AsmStatement.Operand label = ops.get(ops.size() - 1);
                    work.push(target(label.text(), i, label.pos()));
                    fallsThrough = !m.equals("b");
                } else if (m.equals("blr")) {
                    fallsThrough = false;
                }
            }
            if (fallsThrough) {
                if (i + 1 >= statements.size()) {
                    throw new InputException(s.pos(), "the code runs past the end of " + file + " without a blr");
                }
                work.push(i + 1);
            }
        }
        return seen;
    }

    /** The statement a label operand names, seen from statement {@code at}. */
    private int target(String ref, int at, SourcePos pos) {
        Matcher local = LOCAL_REF.matcher(ref.strip());
        if (local.matches()) {
            String n = local.group(1);
            boolean back = local.group(2).equals("b");
            for (int i = back ? at - 1 : at + 1; i >= 0 && i < statements.size(); i += back ? -1 : 1) {
                if (statements.get(i) instanceof AsmStatement.Label l && l.name().equals(n)) return i;
            }
            throw new InputException(pos, "undefined label '" + ref + "' (no label " + n + ": "
                    + (back ? "before" : "after") + " it)");
        }
        Integer i = labels.get(ref.strip());
        if (i == null) throw new InputException(pos, "undefined label '" + ref + "'");
        return i;
    }

    /** Assembly adds bytes; {@code blr} jumps to the call's end. */
    private static Instr rewrite(Instr in, String end) {
        return switch (in) {
            case Instr.Load l -> new Instr.Load(l.dst(), bytes(l.address()), l.width(), l.signed(), l.reserve(), l.pos());
            case Instr.Store s -> new Instr.Store(bytes(s.value()), bytes(s.address()), s.width(), s.pos());
            case Instr.StoreConditional s -> new Instr.StoreConditional(bytes(s.value()), bytes(s.address()), s.width(),
                    s.status(), s.pos());
            case Instr.Assign a -> new Instr.Assign(a.dst(), bytes(a.value()), a.pos());
            case Instr.Branch b -> new Instr.Branch(bytes(b.cond()),
                    b.target().equals(PpcInstructionLowering.RETURN_LABEL) ? end : b.target(), b.pos());
            default -> in;
        };
    }

    private static Expr bytes(Expr e) {
        return switch (e) {
            case Expr.Binary b -> {
                if (b.op() == Expr.BinOp.ADD) yield new Expr.Binary(Expr.BinOp.BYTE_ADD, bytes(b.left()), bytes(b.right()));
                if (b.op() == Expr.BinOp.SUB && b.right() instanceof Expr.Const k) {
                    yield new Expr.Binary(Expr.BinOp.BYTE_ADD, bytes(b.left()), new Expr.Const(-k.value()));
                }
                yield new Expr.Binary(b.op(), bytes(b.left()), bytes(b.right()));
            }
            case Expr.Unary u -> new Expr.Unary(u.op(), bytes(u.arg()));
            case Expr.Select s -> new Expr.Select(bytes(s.cond()), bytes(s.then()), bytes(s.otherwise()));
            default -> e;
        };
    }

    /** A function's name, when {@code name} is one of this file's labels. */
    public Optional<String> function(String name) {
        return labels.containsKey(name) ? Optional.of(name) : Optional.empty();
    }
}
