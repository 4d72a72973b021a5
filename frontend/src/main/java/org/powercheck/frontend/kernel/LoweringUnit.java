package org.powercheck.frontend.kernel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.powercheck.frontend.cparse.CExpr;
import org.powercheck.frontend.cparse.CFunction;
import org.powercheck.frontend.cparse.CInit;
import org.powercheck.ir.Expr;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.model.mapping.KernelMapping;

/**
 * What the threads of one program share while they are lowered: the declarations, the memory
 * (cells are allocated when first used, so a program has cells only for what its threads and
 * condition touch), the mapping of kernel primitives, and the analyses done once per function.
 */
final class LoweringUnit {
    /**
     * The register a call through a pointer that matches no known function sets to 1 (a register,
     * not a location: it costs the checker no event).
     */
    static final Reg BAD_CALL = new Reg("pc_bad_call");
    /** The IPI pseudo-locations, one per CPU ({@code ipi@1}): triggers write them, deliveries read them. */
    static final String IPI = "ipi";

    final Types types;
    final TypeResolver resolver;
    final Declarations decls;
    final Memory memory = new Memory();
    final KernelMapping mapping;
    /** the calls without a body or semantics met so far, reported together at the end */
    MissingFunctions missing = new MissingFunctions();
    LoweringOptions options;
    /**
     * Whether a kernel tree's headers were read: a primitive the mapping knows is lowered by its
     * meaning there, not by the body a header gives it.
     */
    boolean treeHeaders;
    private final Map<CFunction, Set<String>> escapes = new HashMap<>();
    private final Map<CFunction, Set<String>> assigned = new HashMap<>();
    private Set<String> addressTaken;
    private final Set<Integer> badCalls = new TreeSet<>();
    /** the assembly files whose functions C code may call ({@code PC_ASSEMBLY}) */
    final List<org.powercheck.frontend.asm.AsmModule> assembly = new ArrayList<>();
    /** an assembly instruction's text by its position, for reports */
    final Map<SourcePos, String> asmTexts = new HashMap<>();

    LoweringUnit(KernelMapping mapping, LoweringOptions options, Predicate<SourcePos> inPrelude) {
        this.mapping = mapping;
        this.options = options;
        this.types = new Types();
        this.resolver = new TypeResolver(types, inPrelude);
        this.decls = new Declarations(resolver, inPrelude);
        resolver.useConstants(this::constant);
        resolver.useExpressionTypes(e -> statics().exprs.typeOf(e));
    }

    /** The assembly file that defines {@code function}, if one does. */
    java.util.Optional<org.powercheck.frontend.asm.AsmModule> assemblyFor(String function) {
        return assembly.stream().filter(m -> m.defines(function)).findFirst();
    }

    /** Replaces the options once the code's configuration is known (before any thread is lowered). */
    void configure(LoweringOptions chosen) {
        this.options = chosen;
    }

    /** A lowering with no thread, for the constant expressions of declarations. */
    private ThreadLowering statics() {
        return new ThreadLowering(this, "<file scope>", -1, Frame.thread("<file scope>", "<file scope>", Set.of()));
    }

    long constant(CExpr e) {
        return statics().exprs.constant(e);
    }

    /** The value of a static initialiser: a constant or the address of a cell. */
    Expr initialValue(CExpr e, KType type, String of) {
        ThreadLowering s = statics();
        Val v = s.exprs.convert(s.exprs.value(e), type);
        if (!s.out.buffer().peek().isEmpty() || !(v.expr() instanceof Expr.Const || v.expr() instanceof Expr.Addr)) {
            throw new InputException(e.pos(), "the initialiser of '" + of
                    + "' is not a constant or the address of a location");
        }
        return v.expr();
    }

    /** The memory of a global variable, allocated and initialised on first use. */
    Memory.MemObject global(String name, SourcePos use) {
        var existing = memory.object(name);
        if (existing.isPresent()) return existing.get();
        Declarations.Global g = decls.global(name).orElseThrow();
        KType type = g.type();
        if (type instanceof KType.Struct s && !s.complete()) {
            throw new InputException(use, "'" + name + "' has an incomplete type (" + s.spelling() + ")");
        }
        if (type instanceof KType.Void) throw new InputException(use, "'" + name + "' has type void");
        List<String> prefixes = new ArrayList<>();
        if (g.perCpu()) {
            for (int cpu = 0; cpu < options.cpus(); cpu++) prefixes.add(name + "@" + cpu);
        } else {
            prefixes.add(name);
        }
        Memory.MemObject o = memory.allocate(name, prefixes, type, g.pos());
        if (g.init().isPresent()) {
            CInit init = g.init().get();
            for (int copy = 0; copy < prefixes.size(); copy++) {
                long base = copy * type.cells();
                Initializers.walk(type, init, resolver, (offset, leaf, value) ->
                        memory.setInit(memory.cellName(o, base + offset), initialValue(value, leaf, name)));
            }
        }
        return o;
    }

    /** A function's address: the address of a cell named after it, which nothing accesses. */
    Expr functionAddress(String name) {
        var o = memory.object(name);
        if (o.isEmpty()) {
            SourcePos pos = decls.function(name).map(Declarations.Function::pos).orElse(SourcePos.UNKNOWN);
            o = java.util.Optional.of(memory.allocate(name, name, types.unsignedLong, pos));
        }
        return memory.address(o.get(), 0);
    }

    /** The function whose address {@code e} is, if it is one. */
    java.util.Optional<Declarations.Function> functionAt(Expr e) {
        if (!(e instanceof Expr.Addr a) || !memory.hasCell(a.cell())) return java.util.Optional.empty();
        String owner = memory.ownerOf(a.cell()).name();
        if (!owner.equals(a.cell()) || decls.global(owner).isPresent()) return java.util.Optional.empty();
        return decls.function(owner);
    }

    Memory.MemObject ipi() {
        return memory.object(IPI).orElseGet(() -> {
            List<String> names = new ArrayList<>();
            for (int cpu = 0; cpu < options.cpus(); cpu++) names.add(IPI + "@" + cpu);
            return memory.allocate(IPI, names, types.longType, SourcePos.UNKNOWN);
        });
    }

    /** Notes that thread {@code thread} may call through a pointer that matches no function. */
    private final List<String> badCallFlags = new ArrayList<>();

    void badCallIn(int thread) {
        badCalls.add(thread);
    }

    /** The flag an interrupt handler sets when it calls through a pointer that matches no function. */
    Memory.MemObject badCallFlag(String handler) {
        String name = handler + "." + BAD_CALL.name();
        return memory.object(name).orElseGet(() -> {
            badCallFlags.add(name);
            return memory.allocate(name, name, types.intType, SourcePos.UNKNOWN);
        });
    }

    /** The cells of {@link #badCallFlag}s. */
    List<String> badCallFlags() {
        return badCallFlags;
    }

    /** The threads that may call through a pointer that matches no function. */
    Set<Integer> badCalls() {
        return badCalls;
    }

    Set<String> escapedLocals(CFunction f) {
        return escapes.computeIfAbsent(f, g -> EscapeAnalysis.addressTaken(g.body(), this));
    }

    Set<String> assignedLocals(CFunction f) {
        return assigned.computeIfAbsent(f, g -> EscapeAnalysis.assigned(g.body(), this));
    }

    /**
     * The functions a call through a pointer of type {@code type} may reach: those with a body whose
     * address the program takes anywhere, with a matching signature, by name.
     */
    List<Declarations.Function> dispatchTargets(KType.Function type) {
        if (addressTaken == null) addressTaken = AddressTakenFunctions.find(decls);
        List<Declarations.Function> out = new ArrayList<>();
        for (String name : new TreeSet<>(addressTaken)) {
            Declarations.Function f = decls.function(name).orElseThrow();
            boolean matches = treeHeaders ? sameSignature(f.type(), type) : compatible(f.type(), type);
            if (f.body().isPresent() && matches) out.add(f);
        }
        out.sort(Comparator.comparing(Declarations.Function::name));
        return out;
    }

    /**
     * With a kernel tree's headers every type is the real one: a call through a pointer reaches
     * only functions of its type (any other call is undefined in C).
     */
    private static boolean sameSignature(KType.Function a, KType.Function b) {
        if (a.params().size() != b.params().size() || a.variadic() != b.variadic()) return false;
        for (int i = 0; i < a.params().size(); i++) {
            if (!TypeResolver.same(a.params().get(i), b.params().get(i))) return false;
        }
        return TypeResolver.same(a.result(), b.result());
    }

    /** Loosely compatible signatures: same arity, pointers for pointers, integers for integers. */
    private static boolean compatible(KType.Function a, KType.Function b) {
        if ((a.result() instanceof KType.Void) != (b.result() instanceof KType.Void)) return false;
        if (a.params().size() != b.params().size() && !a.variadic() && !b.variadic()) return false;
        for (int i = 0; i < Math.min(a.params().size(), b.params().size()); i++) {
            if ((a.params().get(i) instanceof KType.Pointer) != (b.params().get(i) instanceof KType.Pointer)) return false;
        }
        return true;
    }
}
