package org.powercheck.frontend.clitmus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.powercheck.frontend.cparse.CExpr;
import org.powercheck.ir.Expr;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.UnsupportedConstructException;
import org.powercheck.ir.Width;
import org.powercheck.model.mapping.ArgKind;
import org.powercheck.model.mapping.InstrBuffer;
import org.powercheck.model.mapping.Invocation;
import org.powercheck.model.mapping.KernelMapping;
import org.powercheck.model.mapping.Primitive;

/**
 * Lowers C expressions of a litmus thread. Values flow through registers, so dependencies are
 * exactly the syntactic ones: a value loaded into a local and used in an address, a stored value
 * or a branch condition gives an addr, data or ctrl dependency. A dereference {@code *p} is a
 * plain load or store; kernel primitives are emitted by the {@link KernelMapping}. Operands are
 * evaluated left to right.
 */
final class ExprLowering {
    /** int and pointer values alike are modelled as 64-bit registers and cells. */
    static final Width WIDTH = Width.DOUBLE;

    private final ThreadScope scope;
    private final KernelMapping mapping;
    private final InstrBuffer out;

    ExprLowering(ThreadScope scope, KernelMapping mapping, InstrBuffer out) {
        this.scope = scope;
        this.mapping = mapping;
        this.out = out;
    }

    /** The value of {@code e}, as an expression over registers, after the code that computes it. */
    Expr value(CExpr e) {
        return switch (e) {
            case CExpr.Ident id -> resolve(id);
            case CExpr.IntLit lit -> new Expr.Const(lit.value());
            case CExpr.Unary u -> unary(u);
            case CExpr.Binary b -> binary(b);
            case CExpr.Assign a -> assign(a);
            case CExpr.Conditional c -> conditional(c);
            case CExpr.Call c -> call(c, Optional.empty(), true);
            case CExpr.Cast c -> value(c.operand());
            case CExpr.StringLit s -> throw new UnsupportedConstructException(s.pos(), "string literal");
            case CExpr.Index i -> throw new UnsupportedConstructException(i.pos(), "array indexing");
            case CExpr.Member m -> throw new UnsupportedConstructException(m.pos(), "struct member access");
            case CExpr.CompoundLiteral c -> throw new UnsupportedConstructException(c.pos(), "compound literal");
            case CExpr.SizeofType s -> throw new UnsupportedConstructException(s.pos(), "sizeof");
            case CExpr.SizeofExpr s -> throw new UnsupportedConstructException(s.pos(), "sizeof");
            case CExpr.AlignofType a -> throw new UnsupportedConstructException(a.pos(), "_Alignof");
            case CExpr.StatementExpr s -> throw new UnsupportedConstructException(s.pos(), "statement expression");
            case CExpr.TypeArg t -> throw new UnsupportedConstructException(t.pos(), "type as an argument");
            case CExpr.OrElse o -> throw new UnsupportedConstructException(o.pos(), "'?:' without a middle operand");
            case CExpr.LabelAddress l -> throw new UnsupportedConstructException(l.pos(), "label address");
            case CExpr.Generic g -> throw new UnsupportedConstructException(g.pos(), "_Generic");
        };
    }

    /** Evaluates {@code e} for its effects only (an expression statement). */
    void effect(CExpr e) {
        if (e instanceof CExpr.Call c) {
            call(c, Optional.empty(), false);
        } else if (e instanceof CExpr.Unary u && u.op() == CExpr.UnaryOp.POST_INC) {
            // the old value is not used: no copy of it
            value(new CExpr.Unary(CExpr.UnaryOp.PRE_INC, u.operand(), u.pos()));
        } else if (e instanceof CExpr.Unary u && u.op() == CExpr.UnaryOp.POST_DEC) {
            value(new CExpr.Unary(CExpr.UnaryOp.PRE_DEC, u.operand(), u.pos()));
        } else {
            value(e);
        }
    }

    /** {@code dst = e}: a load or a primitive's result goes straight into {@code dst}. */
    void assignTo(Reg dst, CExpr e, SourcePos pos) {
        CExpr src = withoutCasts(e);
        if (src instanceof CExpr.Call c) {
            Expr result = call(c, Optional.of(dst), true);
            if (!(result instanceof Expr.RegRef r && r.reg().equals(dst))) out.emit(new Instr.Assign(dst, result, pos));
        } else if (src instanceof CExpr.Unary u && u.op() == CExpr.UnaryOp.DEREF) {
            out.emit(new Instr.Load(dst, value(u.operand()), WIDTH, true, false, u.pos()));
        } else {
            out.emit(new Instr.Assign(dst, value(src), pos));
        }
    }

    /** A constant that needs no code, such as a {@code case} label. */
    long constant(CExpr e) {
        if (isPure(e) && value(e) instanceof Expr.Const c) return c.value();
        throw new InputException(e.pos(), "expected a constant");
    }

    private Expr resolve(CExpr.Ident id) {
        Optional<Reg> local = scope.local(id.name());
        if (local.isPresent()) return new Expr.RegRef(local.get());
        if (scope.isShared(id.name())) return new Expr.Addr(id.name());
        if (id.name().equals("NULL")) return new Expr.Const(0);
        throw new InputException(id.pos(), "undeclared variable '" + id.name() + "'");
    }

    private Expr unary(CExpr.Unary u) {
        return switch (u.op()) {
            case DEREF -> {
                Reg t = out.temp();
                out.emit(new Instr.Load(t, value(u.operand()), WIDTH, true, false, u.pos()));
                yield new Expr.RegRef(t);
            }
            case ADDRESS -> {
                if (withoutCasts(u.operand()) instanceof CExpr.Unary inner && inner.op() == CExpr.UnaryOp.DEREF) {
                    yield value(inner.operand());
                }
                throw new UnsupportedConstructException(u.pos(), "address of a local variable or parameter");
            }
            case PLUS -> value(u.operand());
            case MINUS -> IrExprs.unary(Expr.UnOp.NEG, value(u.operand()));
            case BIT_NOT -> IrExprs.unary(Expr.UnOp.NOT, value(u.operand()));
            case NOT -> IrExprs.unary(Expr.UnOp.LOGICAL_NOT, value(u.operand()));
            case PRE_INC, PRE_DEC, POST_INC, POST_DEC -> increment(u);
        };
    }

    /** {@code ++x}, {@code x--}, {@code (*p)++}: a register update, or a load and a store. */
    private Expr increment(CExpr.Unary u) {
        boolean up = u.op() == CExpr.UnaryOp.PRE_INC || u.op() == CExpr.UnaryOp.POST_INC;
        boolean post = u.op().postfix;
        Expr.BinOp op = up ? Expr.BinOp.ADD : Expr.BinOp.SUB;
        CExpr target = withoutCasts(u.operand());
        if (target instanceof CExpr.Unary d && d.op() == CExpr.UnaryOp.DEREF) {
            Expr address = value(d.operand());
            Reg old = out.temp();
            out.emit(new Instr.Load(old, address, WIDTH, true, false, u.pos()));
            Reg updated = out.temp();
            out.emit(new Instr.Assign(updated, IrExprs.binary(op, new Expr.RegRef(old), new Expr.Const(1)), u.pos()));
            out.emit(new Instr.Store(new Expr.RegRef(updated), address, WIDTH, u.pos()));
            return new Expr.RegRef(post ? old : updated);
        }
        Reg reg = assignableLocal(target);
        Expr result = new Expr.RegRef(reg);
        if (post) {
            Reg old = out.temp();
            out.emit(new Instr.Assign(old, new Expr.RegRef(reg), u.pos()));
            result = new Expr.RegRef(old);
        }
        out.emit(new Instr.Assign(reg, IrExprs.binary(op, new Expr.RegRef(reg), new Expr.Const(1)), u.pos()));
        return result;
    }

    private Expr binary(CExpr.Binary b) {
        switch (b.op()) {
            case COMMA -> {
                effect(b.left());
                return value(b.right());
            }
            case AND, OR -> {
                return logical(b);
            }
            default -> {
                Expr left = value(b.left());
                Expr right = value(b.right());
                return IrExprs.binary(irOp(b.op()), left, right);
            }
        }
    }

    private static Expr.BinOp irOp(CExpr.BinaryOp op) {
        return switch (op) {
            case MUL -> Expr.BinOp.MUL;
            case DIV -> Expr.BinOp.DIV;
            case MOD -> Expr.BinOp.MOD;
            case ADD -> Expr.BinOp.ADD;
            case SUB -> Expr.BinOp.SUB;
            case SHL -> Expr.BinOp.SHL;
            // int is signed: an arithmetic shift
            case SHR -> Expr.BinOp.SAR;
            case LT -> Expr.BinOp.LT;
            case GT -> Expr.BinOp.GT;
            case LE -> Expr.BinOp.LE;
            case GE -> Expr.BinOp.GE;
            case EQ -> Expr.BinOp.EQ;
            case NE -> Expr.BinOp.NE;
            case BIT_AND -> Expr.BinOp.AND;
            case BIT_XOR -> Expr.BinOp.XOR;
            case BIT_OR -> Expr.BinOp.OR;
            case AND, OR, COMMA -> throw new IllegalArgumentException("not an arithmetic operator: " + op);
        };
    }

    /**
     * {@code a && b}, {@code a || b}. When {@code b} has effects (a load, a call) it runs only
     * when needed, behind a branch on {@code a}; otherwise both are computed.
     */
    private Expr logical(CExpr.Binary b) {
        boolean and = b.op() == CExpr.BinaryOp.AND;
        Expr.BinOp combine = and ? Expr.BinOp.AND : Expr.BinOp.OR;
        if (isPure(b.right())) {
            Expr left = IrExprs.truth(value(b.left()));
            return IrExprs.binary(combine, left, IrExprs.truth(value(b.right())));
        }
        Reg result = out.temp();
        Expr left = IrExprs.truth(value(b.left()));
        out.emit(new Instr.Assign(result, left, b.pos()));
        String done = out.label();
        out.emit(new Instr.Branch(and ? IrExprs.negate(left) : left, done, b.pos()));
        out.emit(new Instr.Assign(result, IrExprs.truth(value(b.right())), b.pos()));
        out.emit(new Instr.Label(done, b.pos()));
        return new Expr.RegRef(result);
    }

    private Expr conditional(CExpr.Conditional c) {
        if (isPure(c.then()) && isPure(c.otherwise())) {
            Expr cond = value(c.cond());
            return new Expr.Select(cond, value(c.then()), value(c.otherwise()));
        }
        Reg result = out.temp();
        String otherwise = out.label();
        String done = out.label();
        out.emit(new Instr.Branch(IrExprs.negate(value(c.cond())), otherwise, c.pos()));
        out.emit(new Instr.Assign(result, value(c.then()), c.pos()));
        out.emit(Instr.Branch.always(done, c.pos()));
        out.emit(new Instr.Label(otherwise, c.pos()));
        out.emit(new Instr.Assign(result, value(c.otherwise()), c.pos()));
        out.emit(new Instr.Label(done, c.pos()));
        return new Expr.RegRef(result);
    }

    private Expr assign(CExpr.Assign a) {
        CExpr target = withoutCasts(a.target());
        if (target instanceof CExpr.Unary d && d.op() == CExpr.UnaryOp.DEREF) {
            Expr address = value(d.operand());
            Expr stored;
            if (a.op() == null) {
                stored = value(a.value());
            } else {
                Reg old = out.temp();
                out.emit(new Instr.Load(old, address, WIDTH, true, false, a.pos()));
                Reg updated = out.temp();
                out.emit(new Instr.Assign(updated,
                        IrExprs.binary(irOp(a.op()), new Expr.RegRef(old), value(a.value())), a.pos()));
                stored = new Expr.RegRef(updated);
            }
            out.emit(new Instr.Store(stored, address, WIDTH, a.pos()));
            return stored;
        }
        Reg reg = assignableLocal(target);
        if (a.op() == null) {
            assignTo(reg, a.value(), a.pos());
        } else {
            Expr right = value(a.value());
            out.emit(new Instr.Assign(reg, IrExprs.binary(irOp(a.op()), new Expr.RegRef(reg), right), a.pos()));
        }
        return new Expr.RegRef(reg);
    }

    /**
     * The register of a local being assigned. As herd does, assigning to an undeclared name
     * declares a local; a parameter names a shared cell and is written through {@code *p}.
     */
    private Reg assignableLocal(CExpr target) {
        if (target instanceof CExpr.Ident id) {
            Optional<Reg> local = scope.local(id.name());
            if (local.isPresent()) return local.get();
            if (scope.isShared(id.name())) {
                throw new InputException(id.pos(), "cannot assign to parameter '" + id.name()
                        + "': it points to a shared location, write *" + id.name() + " = ...");
            }
            return scope.declare(id.name());
        }
        if (target instanceof CExpr.Index i) throw new UnsupportedConstructException(i.pos(), "array indexing");
        if (target instanceof CExpr.Member m) throw new UnsupportedConstructException(m.pos(), "struct member access");
        throw new InputException(target.pos(), "cannot assign to this expression");
    }

    /** A call of a kernel primitive; {@code target} is the local its result is assigned to, if any. */
    private Expr call(CExpr.Call c, Optional<Reg> target, boolean needValue) {
        if (!(c.function() instanceof CExpr.Ident fn)) {
            throw new UnsupportedConstructException(c.pos(), "call through a function pointer");
        }
        String name = fn.name();
        Optional<Primitive> found = mapping.primitive(name);
        if (found.isEmpty()) {
            if (mapping.isUnmodelled(name)) throw new UnsupportedConstructException(c.pos(), name);
            throw new InputException(c.pos(), "unknown function '" + name + "'");
        }
        Primitive p = found.get();
        if (c.args().size() != p.params().size()) {
            throw new InputException(c.pos(), name + " takes " + p.params().size() + " argument"
                    + (p.params().size() == 1 ? "" : "s") + ", not " + c.args().size());
        }
        if (needValue && !p.hasResult()) {
            throw new InputException(c.pos(), name + " does not return a value");
        }
        List<Expr> args = new ArrayList<>();
        for (int i = 0; i < p.params().size(); i++) args.add(argument(name, p.params().get(i), c.args().get(i)));
        Expr result = p.emit(new Invocation(name, args, target, WIDTH, c.pos()), out);
        return result == null ? new Expr.Const(0) : result;
    }

    private Expr argument(String function, ArgKind kind, CExpr arg) {
        CExpr a = withoutCasts(arg);
        return switch (kind) {
            case VALUE, POINTER -> value(arg);
            case PLACE -> {
                if (a instanceof CExpr.Unary d && d.op() == CExpr.UnaryOp.DEREF) yield value(d.operand());
                if (a instanceof CExpr.Index i) throw new UnsupportedConstructException(i.pos(), "array indexing");
                if (a instanceof CExpr.Member m) throw new UnsupportedConstructException(m.pos(), "struct member access");
                throw new InputException(arg.pos(), function + " needs a memory location such as *x");
            }
            case LOCAL -> {
                if (a instanceof CExpr.Unary r && r.op() == CExpr.UnaryOp.ADDRESS
                        && withoutCasts(r.operand()) instanceof CExpr.Ident id && scope.local(id.name()).isPresent()) {
                    yield new Expr.RegRef(scope.local(id.name()).get());
                }
                throw new InputException(arg.pos(), function + " needs the address of a local variable such as &old");
            }
        };
    }

    /** Whether computing {@code e} emits no instruction: no load, call or assignment. */
    static boolean isPure(CExpr e) {
        return switch (e) {
            case CExpr.Ident id -> true;
            case CExpr.IntLit lit -> true;
            case CExpr.Cast c -> isPure(c.operand());
            case CExpr.Unary u -> switch (u.op()) {
                case PLUS, MINUS, BIT_NOT, NOT -> isPure(u.operand());
                case ADDRESS -> u.operand() instanceof CExpr.Unary d && d.op() == CExpr.UnaryOp.DEREF
                        && isPure(d.operand());
                default -> false;
            };
            case CExpr.Binary b -> isPure(b.left()) && isPure(b.right());
            case CExpr.Conditional c -> isPure(c.cond()) && isPure(c.then()) && isPure(c.otherwise());
            default -> false;
        };
    }

    private static CExpr withoutCasts(CExpr e) {
        while (e instanceof CExpr.Cast c) e = c.operand();
        return e;
    }
}
