package org.powercheck.frontend.cparse;

import java.util.List;
import java.util.Optional;
import org.powercheck.ir.SourcePos;

/** A C statement as written. */
public sealed interface CStmt {
    SourcePos pos();

    record Block(List<CStmt> items, SourcePos pos) implements CStmt {
        public Block {
            items = List.copyOf(items);
        }

        @Override public String toString() { return "{" + items + "}"; }
    }

    /** A declaration in a block: one or more declared names. */
    record Declaration(List<CDecl> decls, SourcePos pos) implements CStmt {
        public Declaration {
            decls = List.copyOf(decls);
        }

        @Override public String toString() { return decls + ";"; }
    }

    record ExprStmt(CExpr expr, SourcePos pos) implements CStmt {
        @Override public String toString() { return expr + ";"; }
    }

    record Empty(SourcePos pos) implements CStmt {
        @Override public String toString() { return ";"; }
    }

    record If(CExpr cond, CStmt then, Optional<CStmt> otherwise, SourcePos pos) implements CStmt {}

    record While(CExpr cond, CStmt body, SourcePos pos) implements CStmt {}

    record DoWhile(CStmt body, CExpr cond, SourcePos pos) implements CStmt {}

    /** {@code for (init; cond; step) body}; {@code init} is a declaration or an expression statement. */
    record For(Optional<CStmt> init, Optional<CExpr> cond, Optional<CExpr> step, CStmt body, SourcePos pos)
            implements CStmt {}

    record Switch(CExpr value, CStmt body, SourcePos pos) implements CStmt {}

    /** {@code case value:} (or GNU {@code case low ... high:}) before {@code body}. */
    record Case(CExpr value, Optional<CExpr> high, CStmt body, SourcePos pos) implements CStmt {}

    record Default(CStmt body, SourcePos pos) implements CStmt {}

    record Break(SourcePos pos) implements CStmt {}

    record Continue(SourcePos pos) implements CStmt {}

    record Return(Optional<CExpr> value, SourcePos pos) implements CStmt {}

    record Goto(String label, SourcePos pos) implements CStmt {}

    record Labeled(String label, CStmt body, SourcePos pos) implements CStmt {}

    /** GNU computed goto {@code goto *target;}. */
    record ComputedGoto(CExpr target, SourcePos pos) implements CStmt {}

    /**
     * A macro the headers define as a loop header, used with a body:
     * {@code list_for_each_entry(pos, head, member) { ... }}, {@code for_each_cpu(cpu, mask) f(cpu);}.
     * Its arguments are parsed as call arguments (so may hold {@link CExpr.TypeArg}); the loop itself
     * is left to whoever knows the macro.
     */
    record MacroLoop(String name, List<CExpr> args, CStmt body, SourcePos pos) implements CStmt {
        public MacroLoop {
            args = List.copyOf(args);
        }

        @Override public String toString() {
            return name + "(" + String.join(", ", args.stream().map(Object::toString).toList()) + ") " + body;
        }
    }

    /**
     * A declaration macro inside a function, recognised by the storage class before it:
     * {@code static DEFINE_SPINLOCK(lock);}. Without a storage class such a line reads as a call.
     */
    record MacroDeclaration(MacroInvocation macro, SourcePos pos) implements CStmt {}

    /**
     * GNU inline assembly: {@code asm [volatile] [goto] ("template" : outputs : inputs : clobbers : labels)}.
     * Operands keep their constraint and expression; nothing is interpreted here.
     */
    record Asm(List<String> qualifiers, String template, List<AsmOperand> outputs, List<AsmOperand> inputs,
               List<String> clobbers, List<String> labels, SourcePos pos) implements CStmt {
        public Asm {
            qualifiers = List.copyOf(qualifiers);
            outputs = List.copyOf(outputs);
            inputs = List.copyOf(inputs);
            clobbers = List.copyOf(clobbers);
            labels = List.copyOf(labels);
        }
    }

    /** {@code [name] "constraint" (expr)}. */
    record AsmOperand(Optional<String> name, String constraint, CExpr expr) {}
}
