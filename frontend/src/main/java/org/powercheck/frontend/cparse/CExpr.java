package org.powercheck.frontend.cparse;

import java.util.List;
import org.powercheck.ir.SourcePos;

/** A C expression as written (no types resolved, no evaluation order decided). */
public sealed interface CExpr {
    SourcePos pos();

    record Ident(String name, SourcePos pos) implements CExpr {
        @Override public String toString() { return name; }
    }

    /** An integer or character constant; {@code text} is the spelling. */
    record IntLit(long value, String text, SourcePos pos) implements CExpr {
        @Override public String toString() { return text; }
    }

    /** Adjacent string literals, concatenated, escapes kept as written. */
    record StringLit(String value, SourcePos pos) implements CExpr {
        @Override public String toString() { return "\"" + value + "\""; }
    }

    record Unary(UnaryOp op, CExpr operand, SourcePos pos) implements CExpr {
        @Override public String toString() {
            return op.postfix ? "(" + operand + op.symbol + ")" : "(" + op.symbol + operand + ")";
        }
    }

    /** A binary operator, including {@code &&}, {@code ||} and the comma operator. */
    record Binary(BinaryOp op, CExpr left, CExpr right, SourcePos pos) implements CExpr {
        @Override public String toString() { return "(" + left + " " + op.symbol + " " + right + ")"; }
    }

    /** {@code target op= value}; {@code op} is null for plain {@code =}. */
    record Assign(BinaryOp op, CExpr target, CExpr value, SourcePos pos) implements CExpr {
        @Override public String toString() {
            return "(" + target + " " + (op == null ? "" : op.symbol) + "= " + value + ")";
        }
    }

    record Conditional(CExpr cond, CExpr then, CExpr otherwise, SourcePos pos) implements CExpr {
        @Override public String toString() { return "(" + cond + " ? " + then + " : " + otherwise + ")"; }
    }

    record Call(CExpr function, List<CExpr> args, SourcePos pos) implements CExpr {
        public Call {
            args = List.copyOf(args);
        }

        @Override public String toString() {
            return function + "(" + String.join(", ", args.stream().map(Object::toString).toList()) + ")";
        }
    }

    record Index(CExpr array, CExpr index, SourcePos pos) implements CExpr {
        @Override public String toString() { return array + "[" + index + "]"; }
    }

    /** {@code object.member} or, with {@code arrow}, {@code object->member}. */
    record Member(CExpr object, String member, boolean arrow, SourcePos pos) implements CExpr {
        @Override public String toString() { return object + (arrow ? "->" : ".") + member; }
    }

    record Cast(CType type, CExpr operand, SourcePos pos) implements CExpr {
        @Override public String toString() { return "((" + type + ") " + operand + ")"; }
    }

    /** {@code (type){ ... }}. */
    record CompoundLiteral(CType type, CInit init, SourcePos pos) implements CExpr {
        @Override public String toString() { return "(" + type + ")" + init; }
    }

    record SizeofType(CType type, SourcePos pos) implements CExpr {
        @Override public String toString() { return "sizeof(" + type + ")"; }
    }

    record AlignofType(CType type, SourcePos pos) implements CExpr {
        @Override public String toString() { return "_Alignof(" + type + ")"; }
    }

    record SizeofExpr(CExpr operand, SourcePos pos) implements CExpr {
        @Override public String toString() { return "sizeof " + operand; }
    }

    /** GNU statement expression {@code ({ ...; value; })}. */
    record StatementExpr(CStmt.Block body, SourcePos pos) implements CExpr {
        @Override public String toString() { return "(" + body + ")"; }
    }

    /**
     * A type written where a macro takes one, as kernel macros do: {@code container_of(p, struct foo, node)},
     * {@code min_t(u32, a, b)}, {@code __builtin_va_arg(ap, int)}. Only a call argument is parsed this way.
     */
    record TypeArg(CType type, SourcePos pos) implements CExpr {
        @Override public String toString() { return "<" + type + ">"; }
    }

    /** GNU {@code value ?: otherwise}: {@code value} if it is non-zero, evaluated once; else {@code otherwise}. */
    record OrElse(CExpr value, CExpr otherwise, SourcePos pos) implements CExpr {
        @Override public String toString() { return "(" + value + " ?: " + otherwise + ")"; }
    }

    /** GNU label address {@code &&label}, the operand of a computed {@code goto *p}. */
    record LabelAddress(String label, SourcePos pos) implements CExpr {
        @Override public String toString() { return "&&" + label; }
    }

    /** C11 {@code _Generic(control, type: value, ..., default: value)}, the value picked by the control's type. */
    record Generic(CExpr control, List<GenericAssociation> associations, SourcePos pos) implements CExpr {
        public Generic {
            associations = List.copyOf(associations);
        }

        @Override public String toString() { return "_Generic(" + control + ", " + associations + ")"; }
    }

    /** One {@code type: value} of a {@link Generic}; no type for {@code default: value}. */
    record GenericAssociation(java.util.Optional<CType> type, CExpr value) {
        @Override public String toString() { return type.map(Object::toString).orElse("default") + ": " + value; }
    }

    enum UnaryOp {
        ADDRESS("&", false), DEREF("*", false), PLUS("+", false), MINUS("-", false),
        BIT_NOT("~", false), NOT("!", false),
        PRE_INC("++", false), PRE_DEC("--", false), POST_INC("++", true), POST_DEC("--", true);

        public final String symbol;
        public final boolean postfix;

        UnaryOp(String symbol, boolean postfix) {
            this.symbol = symbol;
            this.postfix = postfix;
        }
    }

    enum BinaryOp {
        MUL("*"), DIV("/"), MOD("%"), ADD("+"), SUB("-"), SHL("<<"), SHR(">>"),
        LT("<"), GT(">"), LE("<="), GE(">="), EQ("=="), NE("!="),
        BIT_AND("&"), BIT_XOR("^"), BIT_OR("|"), AND("&&"), OR("||"), COMMA(",");

        public final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }
    }
}
