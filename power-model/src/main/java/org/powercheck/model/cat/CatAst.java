package org.powercheck.model.cat;

import java.util.List;
import java.util.Optional;
import org.powercheck.ir.SourcePos;

/**
 * The syntax of a cat file as herd7 reads it: instructions and expressions, each with the place
 * it was written. {@link CatInterpreter} turns a tree of these into a {@link org.powercheck.model.Model}.
 */
public final class CatAst {
    private CatAst() {}

    /** A whole file: its optional title line and its instructions. */
    public record CatFile(String file, String title, List<Stmt> body) {
        public CatFile {
            body = List.copyOf(body);
        }
    }

    public sealed interface Stmt {
        SourcePos pos();
    }

    /** {@code let [rec] b1 and b2 ...} */
    public record LetStmt(SourcePos pos, boolean rec, List<Binding> bindings) implements Stmt { }

    /** {@code [flag] [~]acyclic|irreflexive|empty e [as name]} */
    public record Test(SourcePos pos, TestUse use, boolean negated, TestKind kind, Expr rel, Optional<String> name)
            implements Stmt { }

    public record Include(SourcePos pos, String file) implements Stmt { }

    /** {@code show}, {@code unshow}, {@code enum}, {@code instructions}: nothing a check depends on. */
    public record Ignored(SourcePos pos, String what) implements Stmt { }

    public record Procedure(SourcePos pos, String name, List<String> params, List<Stmt> body) implements Stmt {
        public Procedure {
            params = List.copyOf(params);
            body = List.copyOf(body);
        }
    }

    public record Call(SourcePos pos, String name, Expr arg, Optional<String> as) implements Stmt { }

    /** {@code with x from e}: x ranges over the relations of e (herd's candidate enumeration). */
    public record WithFrom(SourcePos pos, String name, Expr from) implements Stmt { }

    /** {@code if "variant" ... [else ...] end} */
    public record IfVariant(SourcePos pos, String variant, List<Stmt> then, List<Stmt> otherwise) implements Stmt {
        public IfVariant {
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }
    }

    /** {@code enum Name = 'a || 'b}: defines the tags and, per tag, the set of events carrying it. */
    public record Enum(SourcePos pos, String name, List<String> tags) implements Stmt {
        public Enum {
            tags = List.copyOf(tags);
        }
    }

    /** An instruction read but not evaluated ({@code forall}, {@code debug}, {@code match}). */
    public record Unsupported(SourcePos pos, String what) implements Stmt { }

    public enum TestUse { CHECK, FLAG, REQUIRES }

    public enum TestKind { ACYCLIC, IRREFLEXIVE, EMPTY }

    /**
     * One binding: {@code x = e}, {@code (x, y) = e}, or a function {@code f(x, y) = e} /
     * {@code f x = e} (then {@code params} is non-empty... or empty for {@code f() = e}).
     */
    public record Binding(SourcePos pos, List<String> names, Optional<List<String>> params, Expr body) {
        public Binding {
            names = List.copyOf(names);
        }
    }

    public sealed interface Expr {
        SourcePos pos();
    }

    public record Name(SourcePos pos, String name) implements Expr { }

    /** {@code 0} and {@code {}}: the empty relation or set, whichever the context needs. */
    public record Empty(SourcePos pos) implements Expr { }

    /** {@code _} */
    public record Universe(SourcePos pos) implements Expr { }

    public record Tag(SourcePos pos, String tag) implements Expr { }

    /** {@code {e1, e2, ...}} */
    public record SetOf(SourcePos pos, List<Expr> elements) implements Expr {
        public SetOf {
            elements = List.copyOf(elements);
        }
    }

    public record Tuple(SourcePos pos, List<Expr> elements) implements Expr {
        public Tuple {
            elements = List.copyOf(elements);
        }
    }

    public enum Op1 { COMPLEMENT, STAR, PLUS, OPT, INVERSE, TO_ID }

    public enum Op2 { UNION, INTER, DIFF, SEQ, CROSS, ADD }

    public record Unary(SourcePos pos, Op1 op, Expr arg) implements Expr { }

    public record Binary(SourcePos pos, Op2 op, Expr left, Expr right) implements Expr { }

    public record App(SourcePos pos, Expr fun, Expr arg) implements Expr { }

    public record Let(SourcePos pos, boolean rec, List<Binding> bindings, Expr body) implements Expr {
        public Let {
            bindings = List.copyOf(bindings);
        }
    }

    public record Fun(SourcePos pos, List<String> params, Expr body) implements Expr {
        public Fun {
            params = List.copyOf(params);
        }
    }

    public record Try(SourcePos pos, Expr body, Expr fallback) implements Expr { }

    /** An expression read but not evaluated ({@code match}, {@code if ... then ... else}). */
    public record UnsupportedExpr(SourcePos pos, String what) implements Expr { }
}
