package org.powercheck.frontend.kernel;

import java.util.List;
import java.util.Optional;
import org.powercheck.frontend.cparse.CExpr;
import org.powercheck.frontend.cparse.CStmt;
import org.powercheck.ir.Expr;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.UnsupportedConstructException;
import org.powercheck.ir.Width;

/**
 * Lowers C expressions. Values flow through registers, so dependencies are exactly the
 * syntactic ones: a value loaded into a local and used in an address, a stored value or a
 * branch condition gives an addr, data or ctrl dependency, also through pointer arithmetic. A
 * plain access to memory ({@code *p}, {@code s->f}, {@code a[i]}, a global) is one load or store
 * of the scalar's width; kernel primitives and calls are {@link CallLowering}'s. Operands are
 * evaluated left to right.
 */
final class ExprLowering {
    private final ThreadLowering t;
    private final LoweringUnit unit;
    private final Types types;

    ExprLowering(ThreadLowering t) {
        this.t = t;
        this.unit = t.unit;
        this.types = unit.types;
    }

    private SourcePos at(CExpr e) {
        return e.pos();
    }

    private CodeBuffer out() {
        return t.out;
    }

    /** The value of {@code e}, as an expression over registers, after the code that computes it. */
    Val value(CExpr e) {
        return switch (e) {
            case CExpr.Ident id -> ident(id);
            case CExpr.IntLit lit -> new Val(new Expr.Const(lit.value()), literalType(lit));
            case CExpr.Unary u -> unary(u);
            case CExpr.Binary b -> binary(b);
            case CExpr.Assign a -> assign(a);
            case CExpr.Conditional c -> conditional(c);
            case CExpr.Call c -> t.calls.call(c, Optional.empty(), true);
            case CExpr.Cast c -> cast(c);
            case CExpr.StringLit s -> stringLiteral(s);
            case CExpr.Index i -> {
                yield load(place(i), at(i));
            }
            case CExpr.Member m -> {
                yield load(place(m), at(m));
            }
            case CExpr.CompoundLiteral c -> {
                Place.InMemory literal = compoundLiteral(c);
                if (!literal.type().isScalar()) throw new UnsupportedConstructException(at(c), "compound literal used as a value");
                yield load(literal, at(c));
            }
            case CExpr.SizeofType s -> sizeof(unit.resolver.resolve(s.type(), s.pos()), s);
            case CExpr.SizeofExpr s -> sizeof(typeOf(s.operand()), s);
            case CExpr.AlignofType a -> {
                KType type = unit.resolver.resolve(a.type(), a.pos());
                abiSize(type, at(a));
                yield new Val(new Expr.Const(type.align()), types.unsignedLong);
            }
            case CExpr.StatementExpr s -> statementExpr(s);
            case CExpr.OrElse o -> orElse(o);
            case CExpr.TypeArg a -> throw new InputException(at(a), "a type is not a value: " + a.type());
            case CExpr.LabelAddress l -> throw new UnsupportedConstructException(at(l), "label address");
            case CExpr.Generic g -> value(genericChoice(g));
        };
    }

    /** GNU {@code a ?: b}: {@code a} once, or {@code b} when it is zero. */
    private Val orElse(CExpr.OrElse o) {
        Val first = value(o.value());
        if (first.expr() instanceof Expr.Const c) return c.value() != 0 ? first : value(o.otherwise());
        Reg result = out().temp();
        out().emit(new Instr.Assign(result, first.expr(), at(o)));
        String done = out().label();
        out().emit(new Instr.Branch(IrExprs.truth(new Expr.RegRef(result)), done, at(o)));
        Val other = value(o.otherwise());
        out().emit(new Instr.Assign(result, convert(other, resultType(first, other)).expr(), at(o)));
        out().emit(new Instr.Label(done, at(o)));
        return new Val(new Expr.RegRef(result), resultType(first, other));
    }

    private Val sizeof(KType type, CExpr e) {
        return new Val(new Expr.Const(abiSize(type, at(e))), types.unsignedLong);
    }

    /** {@code sizeof(type)} in the ppc64le ABI; an error naming what makes it unknown. */
    static long abiSize(KType type, SourcePos pos) {
        Types.known(type, pos);
        if (type.size() != KType.UNKNOWN) return type.size();
        if (type instanceof KType.Array a) return abiSize(a.element(), pos);
        if (type instanceof KType.Struct s) {
            if (!s.complete()) throw new InputException(pos, "sizeof of " + s.spelling() + ", which has no definition here");
            for (KType.Field f : s.fields()) {
                abiSize(f.type(), pos);
                if (f.bytes() == KType.UNKNOWN) {
                    throw new UnsupportedConstructException(pos, "the layout of " + s.spelling() + " from its bit-field '"
                            + f.name() + "' on (bit-fields are not laid out)");
                }
            }
            throw new UnsupportedConstructException(pos, "the layout of " + s.spelling()
                    + " after its last member (a trailing bit-field is not laid out)");
        }
        throw new IllegalStateException("no size: " + type.spelling());
    }

    /** Evaluates {@code e} for its effects only (an expression statement). */
    void effect(CExpr e) {
        if (e instanceof CExpr.Call c) {
            t.calls.call(c, Optional.empty(), false);
        } else if (e instanceof CExpr.Unary u && u.op() == CExpr.UnaryOp.POST_INC) {
            // the old value is not used: no copy of it
            value(new CExpr.Unary(CExpr.UnaryOp.PRE_INC, u.operand(), u.pos()));
        } else if (e instanceof CExpr.Unary u && u.op() == CExpr.UnaryOp.POST_DEC) {
            value(new CExpr.Unary(CExpr.UnaryOp.PRE_DEC, u.operand(), u.pos()));
        } else if (e instanceof CExpr.Cast c) {
            effect(c.operand());
        } else {
            value(e);
        }
    }

    /** {@code dst = e}: a load or a call's result goes straight into {@code dst}. */
    void assignTo(Place.InRegister dst, CExpr e, SourcePos pos) {
        CExpr src = e;
        Reg reg = dst.reg();
        if (src instanceof CExpr.Call c) {
            Val result = t.calls.call(c, Optional.of(reg), true);
            if (result.expr() instanceof Expr.RegRef r && r.reg().equals(reg)) {
                Expr held = out().known(reg).orElse(result.expr());
                Expr converted = Types.convert(held, result.type(), dst.type());
                if (!converted.equals(held)) out().emit(new Instr.Assign(reg, converted, pos));
            } else {
                out().emit(new Instr.Assign(reg, convert(result, dst.type()).expr(), pos));
            }
        } else if (isMemoryAccess(src)) {
            Place p = place(src);
            Val v = loadInto(p, at(src), Optional.of(reg));
            if (v.expr() instanceof Expr.RegRef r && r.reg().equals(reg)) {
                Expr converted = Types.convert(v.expr(), v.type(), dst.type());
                if (!converted.equals(v.expr())) out().emit(new Instr.Assign(reg, converted, pos));
            } else {
                out().emit(new Instr.Assign(reg, convert(v, dst.type()).expr(), pos));
            }
        } else {
            out().emit(new Instr.Assign(reg, convert(value(src), dst.type()).expr(), pos));
        }
    }

    /** Whether {@code e} denotes a scalar in memory, whose value is one load. */
    private boolean isMemoryAccess(CExpr e) {
        if (e instanceof CExpr.Unary u && u.op() == CExpr.UnaryOp.DEREF) return true;
        if (e instanceof CExpr.Member || e instanceof CExpr.Index) return true;
        if (e instanceof CExpr.Ident id) {
            Optional<Binding> b = t.frame().lookup(id.name());
            if (b.isPresent()) return b.get() instanceof Binding.Object o && o.type().isScalar();
            return unit.decls.global(id.name()).map(g -> g.type().isScalar() && !g.perCpu()).orElse(false)
                    && unit.resolver.enumConstant(id.name()).isEmpty();
        }
        return false;
    }

    /** A constant that needs no code, such as a {@code case} label. */
    long constant(CExpr e) {
        if (isPure(e) && value(e).expr() instanceof Expr.Const c) return c.value();
        throw new InputException(at(e), "expected a constant");
    }

    // ---------------------------------------------------------------- names

    private Val ident(CExpr.Ident id) {
        Optional<Binding> b = t.frame().lookup(id.name());
        if (b.isPresent()) {
            return switch (b.get()) {
                case Binding.Local l -> load(new Place.InRegister(l.reg(), l.type()), at(id));
                case Binding.Object o -> load(new Place.InMemory(o.address(), o.type()), at(id));
                case Binding.SharedParam s -> new Val(s.address(), s.type());
                case Binding.Constant c -> c.value();
            };
        }
        Optional<Long> k = unit.resolver.enumConstant(id.name());
        if (k.isPresent()) return new Val(new Expr.Const(k.get()), types.intType);
        if (unit.decls.global(id.name()).isPresent()) {
            return load(globalPlace(id, false), at(id));
        }
        if (unit.decls.function(id.name()).isPresent()) {
            KType.Function f = unit.decls.function(id.name()).get().type();
            return new Val(unit.functionAddress(id.name()), new KType.Pointer(f));
        }
        switch (id.name()) {
            case "NULL" -> {
                return new Val(new Expr.Const(0), new KType.Pointer(Types.VOID));
            }
            case "true", "false" -> {
                return new Val(new Expr.Const(id.name().equals("true") ? 1 : 0), types.boolType);
            }
            default -> { }
        }
        throw undeclared(id);
    }

    private InputException undeclared(CExpr.Ident id) {
        String detail = "undeclared variable '" + id.name() + "'";
        var macro = unit.decls.unreadDeclarationOf(id.name());
        if (macro.isPresent()) {
            detail += " (" + macro.get().macro().name() + " at " + macro.get().pos()
                    + " may declare it, but its definition was not read)";
        }
        return new InputException(at(id), detail);
    }

    /** A global variable; a per-CPU one only under {@code &} (through per_cpu()/this_cpu_ptr()). */
    private Place globalPlace(CExpr.Ident id, boolean addressTaken) {
        Declarations.Global g = unit.decls.global(id.name()).get();
        if (g.perCpu() && !addressTaken) {
            throw new InputException(at(id), "per-CPU variable '" + id.name()
                    + "' used without per_cpu(), this_cpu_ptr() or this_cpu_*()");
        }
        Memory.MemObject o = unit.global(id.name(), at(id));
        return new Place.InMemory(unit.memory.address(o, 0), g.type());
    }

    // ---------------------------------------------------------------- places

    /** The lvalue {@code e} denotes. */
    Place place(CExpr e) {
        return place(e, false);
    }

    private Place place(CExpr e, boolean addressTaken) {
        Place p = rawPlace(e, addressTaken);
        return addressTaken ? p : kept(p);
    }

    /** The register that stands for a memory cell this thread keeps in one, else the place itself. */
    private Place kept(Place p) {
        if (p instanceof Place.InMemory m && m.type().isScalar()) {
            Optional<Reg> r = t.registerFor(m.address());
            if (r.isPresent()) return new Place.InRegister(r.get(), m.type());
        }
        return p;
    }

    private Place rawPlace(CExpr e, boolean addressTaken) {
        switch (e) {
            case CExpr.Ident id -> {
                Optional<Binding> b = t.frame().lookup(id.name());
                if (b.isPresent()) {
                    return switch (b.get()) {
                        case Binding.Local l -> new Place.InRegister(l.reg(), l.type());
                        case Binding.Object o -> new Place.InMemory(o.address(), o.type());
                        case Binding.SharedParam s -> throw new InputException(at(id), "cannot assign to parameter '"
                                + id.name() + "': it points to a shared location, write *" + id.name() + " = ...");
                        case Binding.Constant c -> throw new IllegalStateException("assigned a read-only local " + id.name());
                    };
                }
                if (unit.decls.global(id.name()).isPresent()) return globalPlace(id, addressTaken);
                if (t.frame().top && unit.options.implicitLocals()) {
                    // as herd does, assigning to an undeclared name declares a local
                    Reg r = t.frame().register(id.name());
                    KType type = types.longType;
                    t.frame().bind(id.name(), new Binding.Local(r, type));
                    return new Place.InRegister(r, type);
                }
                throw undeclared(id);
            }
            case CExpr.Unary u && u.op() == CExpr.UnaryOp.DEREF -> {
                Val p = value(u.operand());
                return new Place.InMemory(p.expr(), pointee(p, u.operand()));
            }
            case CExpr.Member m -> {
                return member(m, addressTaken);
            }
            case CExpr.Index i -> {
                Val base = value(i.array());
                Val index = value(i.index());
                if (!(base.type() instanceof KType.Pointer) && index.type() instanceof KType.Pointer) {
                    Val swap = base;
                    base = index;
                    index = swap;
                }
                Val address = pointerAdd(base, index, false, i);
                return new Place.InMemory(address.expr(), pointee(address, i.array()));
            }
            case CExpr.CompoundLiteral c -> {
                return compoundLiteral(c);
            }
            default -> throw new InputException(at(e), "cannot assign to this expression");
        }
    }

    private Place member(CExpr.Member m, boolean addressTaken) {
        Expr base;
        KType objectType;
        if (m.arrow()) {
            Val p = value(m.object());
            base = p.expr();
            objectType = pointee(p, m.object());
        } else {
            Place p = place(m.object(), addressTaken);
            if (!(p instanceof Place.InMemory mem)) throw new InputException(at(m), "member of a value that is not in memory");
            base = mem.address();
            objectType = mem.type();
        }
        Types.known(objectType, at(m));
        if (!(objectType instanceof KType.Struct s)) {
            throw new InputException(at(m), "'" + m.member() + "' is a member of no struct: the object has type "
                    + objectType.spelling());
        }
        if (!s.complete()) {
            throw new InputException(at(m), s.spelling() + " has no definition before this use"
                    + (unit.treeHeaders ? " in the file or the tree's headers it includes" : Types.NO_HEADERS_STRUCT_HINT));
        }
        KType.Field f = s.field(m.member()).orElseThrow(() ->
                new InputException(at(m), s.spelling() + " has no member '" + m.member() + "'"));
        return new Place.InMemory(unit.memory.plus(base, f.offset() * KType.STRIDE), f.type());
    }

    /** The type {@code *p} has. */
    private KType pointee(Val p, CExpr operand) {
        if (p.type() instanceof KType.Pointer ptr) return ptr.target();
        if (p.type() instanceof KType.Scalar && t.frame().top && unit.options.integerAddresses()) return types.intType;
        throw new InputException(at(operand), "dereference of a value of type " + p.type().spelling()
                + ", not a pointer");
    }

    /** The value in a place; arrays and functions give their address. */
    Val load(Place p, SourcePos pos) {
        return loadInto(p, pos, Optional.empty());
    }

    private Val loadInto(Place place, SourcePos pos, Optional<Reg> into) {
        Place p = kept(place);
        return switch (p) {
            case Place.InRegister r -> new Val(out().known(r.reg()).orElse(new Expr.RegRef(r.reg())), Types.known(r.type(), pos));
            case Place.InMemory m -> {
                Types.known(m.type(), pos);
                if (m.type() instanceof KType.Array a) yield new Val(m.address(), new KType.Pointer(a.element()));
                if (m.type() instanceof KType.Function) yield new Val(m.address(), new KType.Pointer(m.type()));
                if (m.type() instanceof KType.Struct s) {
                    throw new UnsupportedConstructException(pos, "a " + s.spelling() + " used as a value");
                }
                if (m.type() instanceof KType.Void) throw new InputException(pos, "a void value is used");
                checkAccess(m.address(), m.type(), pos);
                Reg dst = into.orElseGet(() -> out().temp());
                out().emit(new Instr.Load(dst, m.address(), width(m.type()), signed(m.type()), false, pos));
                yield new Val(new Expr.RegRef(dst), m.type());
            }
        };
    }

    /** Stores a value (already of the place's type) into a place. */
    void store(Place place, Expr value, SourcePos pos) {
        Place p = kept(place);
        switch (p) {
            case Place.InRegister r -> {
                Types.known(r.type(), pos);
                out().emit(new Instr.Assign(r.reg(), value, pos));
            }
            case Place.InMemory m -> {
                Types.known(m.type(), pos);
                if (!m.type().isScalar()) throw new InputException(pos, "cannot store a value into " + m.type().spelling());
                checkAccess(m.address(), m.type(), pos);
                out().emit(new Instr.Store(value, m.address(), width(m.type()), pos));
            }
        }
    }

    /**
     * Checks an access whose address is known at lowering time against the location it falls in.
     * A narrower access into part of a wider location ({@code ((char *)&long_word)[1]}, a narrower
     * union member) is a mixed-size access of those bytes (little-endian); an access that would
     * reach past its location, or is misaligned, is not supported: the layout has nothing there.
     */
    void checkAccess(Expr address, KType type, SourcePos pos) {
        Expr base = address;
        long offset = 0;
        if (address instanceof Expr.Binary b && (b.op() == Expr.BinOp.ADD || b.op() == Expr.BinOp.SUB)
                && b.left() instanceof Expr.Addr && b.right() instanceof Expr.Const k) {
            base = b.left();
            offset = b.op() == Expr.BinOp.ADD ? k.value() : -k.value();
        }
        if (!(base instanceof Expr.Addr a) || !unit.memory.hasCell(a.cell())) return;
        KType cell = unit.memory.cellType(a.cell());
        long bytes = type.width().bits / 8, cellBytes = cell.width().bits / 8;
        boolean fits = offset >= 0 && offset + bytes <= cellBytes && offset % bytes == 0;
        if (!fits) {
            throw new UnsupportedConstructException(pos, "mixed-size access: a " + type.width().bits + "-bit access to "
                    + a.cell() + (offset == 0 ? "" : " + " + offset) + ", a " + cell.width().bits
                    + "-bit location (" + (offset % bytes != 0 ? "misaligned" : "past the end of the location") + ")");
        }
    }

    private Width width(KType t) {
        return t.width();
    }

    private boolean signed(KType t) {
        return t.isSigned();
    }

    /** Copies a struct or array leaf by leaf ({@code *dst = *src}). */
    void copy(Place.InMemory dst, Place.InMemory src, SourcePos pos) {
        copyLeaves(dst.type(), dst.address(), src.address(), pos);
    }

    private void copyLeaves(KType type, Expr dst, Expr src, SourcePos pos) {
        switch (type) {
            case KType.Struct s -> {
                for (KType.Field f : s.fields()) {
                    long off = f.offset() * KType.STRIDE;
                    copyLeaves(f.type(), unit.memory.plus(dst, off), unit.memory.plus(src, off), pos);
                    if (s.union()) break;
                }
            }
            case KType.Array a -> {
                for (long i = 0; i < a.length(); i++) {
                    long off = i * a.element().cells() * KType.STRIDE;
                    copyLeaves(a.element(), unit.memory.plus(dst, off), unit.memory.plus(src, off), pos);
                }
            }
            default -> {
                Types.known(type, pos);
                if (!type.isScalar()) return;
                Val v = load(new Place.InMemory(src, type), pos);
                store(new Place.InMemory(dst, type), v.expr(), pos);
            }
        }
    }

    // ---------------------------------------------------------------- operators

    private Val unary(CExpr.Unary u) {
        return switch (u.op()) {
            case DEREF -> {
                // herd's numbering of temporaries: the loaded register first, then the address
                Optional<Reg> into = Optional.empty();
                yield loadInto(place(u), at(u), into);
            }
            case ADDRESS -> address(u);
            case PLUS -> {
                Val v = value(u.operand());
                yield new Val(v.expr(), types.promote(v.type()));
            }
            case MINUS -> arithmetic(Expr.UnOp.NEG, value(u.operand()));
            case BIT_NOT -> arithmetic(Expr.UnOp.NOT, value(u.operand()));
            case NOT -> new Val(IrExprs.unary(Expr.UnOp.LOGICAL_NOT, value(u.operand()).expr()), types.intType);
            case PRE_INC, PRE_DEC, POST_INC, POST_DEC -> increment(u);
        };
    }

    private Val arithmetic(Expr.UnOp op, Val v) {
        KType type = types.promote(v.type());
        return new Val(Types.normalize(IrExprs.unary(op, v.expr()), type), type);
    }

    private Val address(CExpr.Unary u) {
        CExpr operand = withoutCasts(u.operand());
        if (operand instanceof CExpr.Unary inner && inner.op() == CExpr.UnaryOp.DEREF) {
            Val p = value(inner.operand());
            return p;
        }
        if (operand instanceof CExpr.Ident id && t.frame().lookup(id.name()).isEmpty()
                && unit.decls.global(id.name()).isEmpty() && unit.decls.function(id.name()).isPresent()) {
            return value(operand);
        }
        Place p = place(u.operand(), true);
        if (p instanceof Place.InMemory m) return new Val(m.address(), new KType.Pointer(m.type()));
        throw new InputException(at(u), "cannot take the address of a register local");
    }

    /** {@code ++x}, {@code x--}, {@code (*p)++}: a register update, or a load and a store. */
    private Val increment(CExpr.Unary u) {
        boolean up = u.op() == CExpr.UnaryOp.PRE_INC || u.op() == CExpr.UnaryOp.POST_INC;
        boolean post = u.op().postfix;
        Place target = place(u.operand());
        KType type = Types.known(target.type(), at(u));
        if (type instanceof KType.Pointer p) Types.known(p.target(), at(u));
        if (target instanceof Place.InMemory m) {
            checkAccess(m.address(), type, at(u));
            Reg old = out().temp();
            out().emit(new Instr.Load(old, m.address(), width(type), signed(type), false, at(u)));
            Reg updated = out().temp();
            out().emit(new Instr.Assign(updated, step(new Expr.RegRef(old), type, up), at(u)));
            out().emit(new Instr.Store(new Expr.RegRef(updated), m.address(), width(type), at(u)));
            return new Val(new Expr.RegRef(post ? old : updated), type);
        }
        Reg reg = ((Place.InRegister) target).reg();
        Expr current = load(target, at(u)).expr();
        Expr result = new Expr.RegRef(reg);
        if (post) {
            Reg old = out().temp();
            out().emit(new Instr.Assign(old, current, at(u)));
            result = new Expr.RegRef(old);
        }
        out().emit(new Instr.Assign(reg, step(current, type, up), at(u)));
        return new Val(result, type);
    }

    /** {@code v + 1} or {@code v - 1}; a pointer moves by its target's size. */
    private Expr step(Expr v, KType type, boolean up) {
        if (type instanceof KType.Pointer p && !(p.target() instanceof KType.Function)) {
            if (isByte(p.target())) return unit.memory.plusBytes(v, up ? 1 : -1).orElse(unit.memory.plus(v, up ? 1 : -1));
            return unit.memory.plus(v, up ? p.target().span() : -p.target().span());
        }
        Expr.BinOp op = up ? Expr.BinOp.ADD : Expr.BinOp.SUB;
        return Types.normalize(IrExprs.binary(op, v, new Expr.Const(1)), type);
    }

    private Val binary(CExpr.Binary b) {
        switch (b.op()) {
            case COMMA -> {
                effect(b.left());
                return value(b.right());
            }
            case AND, OR -> {
                return logical(b);
            }
            default -> {
                Val left = value(b.left());
                Val right = value(b.right());
                return operate(b.op(), left, right, b);
            }
        }
    }

    /** {@code left op right} for the arithmetic, bitwise and comparison operators. */
    Val operate(CExpr.BinaryOp op, Val left, Val right, CExpr at) {
        boolean lp = left.type() instanceof KType.Pointer, rp = right.type() instanceof KType.Pointer;
        if (lp || rp) {
            switch (op) {
                case ADD -> {
                    return lp ? pointerAdd(left, right, false, at) : pointerAdd(right, left, false, at);
                }
                case SUB -> {
                    if (lp && rp) return pointerDifference(left, right);
                    if (lp) return pointerAdd(left, right, true, at);
                }
                case EQ, NE -> {
                    Optional<Boolean> same = unit.memory.sameAddress(left.expr(), right.expr());
                    if (same.isPresent()) {
                        return new Val(new Expr.Const(same.get() == (op == CExpr.BinaryOp.EQ) ? 1 : 0), types.intType);
                    }
                }
                default -> { }
            }
        }
        KType type = switch (op) {
            case SHL, SHR -> types.promote(left.type());
            default -> lp || rp ? types.unsignedLong : types.common(left.type(), right.type());
        };
        Expr l = Types.convert(left.expr(), left.type(), type);
        Expr r = op == CExpr.BinaryOp.SHL || op == CExpr.BinaryOp.SHR ? right.expr()
                : Types.convert(right.expr(), right.type(), type);
        boolean signed = type.isSigned();
        return switch (op) {
            case LT, GT, LE, GE -> new Val(compare(op, l, r, signed), types.intType);
            case EQ -> new Val(IrExprs.binary(Expr.BinOp.EQ, l, r), types.intType);
            case NE -> new Val(IrExprs.binary(Expr.BinOp.NE, l, r), types.intType);
            case ADD, SUB, MUL, SHL -> new Val(Types.normalize(IrExprs.binary(irOp(op, signed), l, r), type), type);
            default -> new Val(IrExprs.binary(irOp(op, signed), l, r), type);
        };
    }

    private static Expr compare(CExpr.BinaryOp op, Expr l, Expr r, boolean signed) {
        if (signed) return IrExprs.binary(irOp(op, true), l, r);
        return switch (op) {
            case LT -> IrExprs.binary(Expr.BinOp.LTU, l, r);
            case GT -> IrExprs.binary(Expr.BinOp.GTU, l, r);
            case LE -> IrExprs.unary(Expr.UnOp.LOGICAL_NOT, IrExprs.binary(Expr.BinOp.GTU, l, r));
            case GE -> IrExprs.unary(Expr.UnOp.LOGICAL_NOT, IrExprs.binary(Expr.BinOp.LTU, l, r));
            default -> throw new IllegalArgumentException(op.toString());
        };
    }

    /** Whether a pointer to {@code t} counts in bytes: the character types and (GNU C) void. */
    private static boolean isByte(KType t) {
        return t instanceof KType.Void || t instanceof KType.Scalar s && s.width() == Width.BYTE;
    }

    /**
     * {@code p + i} (or {@code p - i}). A {@code T *} moves by whole elements, each
     * {@link KType#span()} of address space. A byte pointer moves by bytes: into an object known
     * here, to the cell holding that byte ({@link Memory#plusBytes}); from a visible cast
     * {@code (char *)q + n} of a {@code T *}, by {@code n} bytes of {@code T}'s ABI layout
     * ({@link ByteLayout#distance}); otherwise by {@code i} bytes of address space, which stays
     * right inside the scalar the pointer points into.
     */
    Val pointerAdd(Val p, Val i, boolean subtract, CExpr at) {
        if (!(p.type() instanceof KType.Pointer ptr) || ptr.target() instanceof KType.Function) {
            return rawAdd(p, i.expr(), 1, subtract);
        }
        KType target = Types.known(ptr.target(), at(at));
        if (isByte(target)) {
            if (i.expr() instanceof Expr.Const k) {
                long n = subtract ? -k.value() : k.value();
                Optional<Expr> folded = unit.memory.plusBytes(p.expr(), n);
                if (folded.isPresent()) return new Val(folded.get(), p.type());
                Optional<KType> from = castFrom(at);
                if (from.isPresent()) {
                    long d = ByteLayout.distance(from.get(), n).orElseThrow(() -> new UnsupportedConstructException(at(at),
                            "a byte offset of " + n + " into " + from.get().spelling()
                                    + " (padding, or a layout powercheck does not know)"));
                    return new Val(unit.memory.plus(p.expr(), d), p.type());
                }
            }
            return rawAdd(p, i.expr(), 1, subtract);
        }
        return elementAdd(p, i, subtract, at);
    }

    /** {@code p + i} in whole elements of what {@code p} points to, whatever its type (per-CPU copies). */
    Val elementAdd(Val p, Val i, boolean subtract, CExpr at) {
        KType target = p.type() instanceof KType.Pointer ptr ? Types.known(ptr.target(), at(at)) : Types.VOID;
        if (target instanceof KType.Struct s && !s.complete()) {
            throw new InputException(at(at), "arithmetic on a pointer to " + s.spelling() + ", which has no definition here");
        }
        return rawAdd(p, i.expr(), target.span(), subtract);
    }

    private Val rawAdd(Val p, Expr i, long scale, boolean subtract) {
        if (i instanceof Expr.Const k) {
            long d = k.value() * scale;
            return new Val(unit.memory.plus(p.expr(), subtract ? -d : d), p.type());
        }
        Expr offset = scale == 1 ? i : IrExprs.binary(Expr.BinOp.MUL, i, new Expr.Const(scale));
        return new Val(IrExprs.binary(subtract ? Expr.BinOp.SUB : Expr.BinOp.ADD, p.expr(), offset), p.type());
    }

    /**
     * {@code T} when a byte-pointer operand of {@code at} is written {@code (char *)q} with
     * {@code q} a {@code T *}: the type its byte offsets count in.
     */
    private Optional<KType> castFrom(CExpr at) {
        List<CExpr> operands = switch (at) {
            case CExpr.Binary b -> List.of(b.left(), b.right());
            case CExpr.Index i -> List.of(i.array(), i.index());
            default -> List.of();
        };
        for (CExpr e : operands) {
            if (e instanceof CExpr.Cast c && unit.resolver.resolve(c.type(), c.pos()) instanceof KType.Pointer to
                    && isByte(to.target()) && typeOf(c.operand()) instanceof KType.Pointer from
                    && !isByte(from.target()) && !(from.target() instanceof KType.Function)) {
                return Optional.of(from.target());
            }
        }
        return Optional.empty();
    }

    private Val pointerDifference(Val a, Val b) {
        KType target = ((KType.Pointer) a.type()).target();
        if (isByte(target) || target instanceof KType.Function) {
            Optional<Long> d = unit.memory.byteDistance(a.expr(), b.expr());
            if (d.isPresent()) return new Val(new Expr.Const(d.get()), types.longType);
            return new Val(IrExprs.binary(Expr.BinOp.SUB, a.expr(), b.expr()), types.longType);
        }
        long span = target.span();
        Optional<Long> d = unit.memory.distance(a.expr(), b.expr());
        if (d.isPresent()) return new Val(new Expr.Const(d.get() / span), types.longType);
        return new Val(IrExprs.binary(Expr.BinOp.DIV, IrExprs.binary(Expr.BinOp.SUB, a.expr(), b.expr()),
                new Expr.Const(span)), types.longType);
    }

    /** A member designator's place in an object: {@code cells} and ABI {@code bytes} from its start. */
    record Designated(long cells, long bytes, KType type) {}

    /**
     * The member {@code d} designates in an object of type {@code type}: {@code f}, {@code f.g},
     * {@code f[2]}, as {@code offsetof} and {@code container_of} take them.
     */
    Designated designate(KType type, CExpr d, SourcePos pos) {
        Designated base;
        String name;
        switch (d) {
            case CExpr.Ident id -> {
                base = new Designated(0, 0, type);
                name = id.name();
            }
            case CExpr.Member m && !m.arrow() -> {
                base = designate(type, m.object(), pos);
                name = m.member();
            }
            case CExpr.Index i -> {
                Designated a = designate(type, i.array(), pos);
                if (!(a.type() instanceof KType.Array arr)) throw new InputException(at(i), "subscript of a member that is not an array");
                long k = constant(i.index());
                long elem = arr.element().size();
                return new Designated(a.cells() + k * arr.element().cells(),
                        a.bytes() == KType.UNKNOWN || elem == KType.UNKNOWN ? KType.UNKNOWN : a.bytes() + k * elem,
                        arr.element());
            }
            default -> throw new InputException(at(d), "expected a member name");
        }
        Types.known(base.type(), pos);
        if (!(base.type() instanceof KType.Struct s) || !s.complete()) {
            throw new InputException(pos, "'" + name + "' is not a member of " + base.type().spelling());
        }
        KType.Field f = s.field(name).orElseThrow(() -> new InputException(pos, s.spelling() + " has no member '" + name + "'"));
        long bytes = base.bytes() == KType.UNKNOWN || f.bytes() == KType.UNKNOWN ? KType.UNKNOWN : base.bytes() + f.bytes();
        return new Designated(base.cells() + f.offset(), bytes, f.type());
    }

    private static Expr.BinOp irOp(CExpr.BinaryOp op, boolean signed) {
        return switch (op) {
            case MUL -> Expr.BinOp.MUL;
            case DIV -> Expr.BinOp.DIV;
            case MOD -> Expr.BinOp.MOD;
            case ADD -> Expr.BinOp.ADD;
            case SUB -> Expr.BinOp.SUB;
            case SHL -> Expr.BinOp.SHL;
            case SHR -> signed ? Expr.BinOp.SAR : Expr.BinOp.SHR;
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
    private Val logical(CExpr.Binary b) {
        boolean and = b.op() == CExpr.BinaryOp.AND;
        Expr.BinOp combine = and ? Expr.BinOp.AND : Expr.BinOp.OR;
        if (t.unit.treeHeaders && isPure(b.right())) {
            Expr left = IrExprs.truth(value(b.left()).expr());
            // decided by the left operand alone, as C evaluates it
            if (left instanceof Expr.Const c && (c.value() != 0) != and) return new Val(c, types.intType);
            if (left instanceof Expr.Const) return new Val(IrExprs.truth(value(b.right()).expr()), types.intType);
            return new Val(IrExprs.binary(combine, left, IrExprs.truth(value(b.right()).expr())), types.intType);
        }
        if (isPure(b.right())) {
            Expr left = IrExprs.truth(value(b.left()).expr());
            return new Val(IrExprs.binary(combine, left, IrExprs.truth(value(b.right()).expr())), types.intType);
        }
        Reg result = out().temp();
        Expr left = IrExprs.truth(value(b.left()).expr());
        if (left instanceof Expr.Const c) {
            // decided by the left operand alone, or the right one is the value
            if ((c.value() != 0) != and) return new Val(c, types.intType);
            return new Val(IrExprs.truth(value(b.right()).expr()), types.intType);
        }
        out().emit(new Instr.Assign(result, left, at(b)));
        String done = out().label();
        out().emit(new Instr.Branch(and ? IrExprs.negate(left) : left, done, at(b)));
        out().emit(new Instr.Assign(result, IrExprs.truth(value(b.right()).expr()), at(b)));
        out().emit(new Instr.Label(done, at(b)));
        return new Val(new Expr.RegRef(result), types.intType);
    }

    private Val conditional(CExpr.Conditional c) {
        if (isPure(c.then()) && isPure(c.otherwise())) {
            Val cond = value(c.cond());
            Val then = value(c.then());
            Val otherwise = value(c.otherwise());
            KType type = resultType(then, otherwise);
            return new Val(IrExprs.select(cond.expr(), convert(then, type).expr(), convert(otherwise, type).expr()), type);
        }
        Reg result = out().temp();
        String otherwise = out().label();
        String done = out().label();
        Val cond = value(c.cond());
        if (cond.expr() instanceof Expr.Const k) return value(k.value() != 0 ? c.then() : c.otherwise());
        out().emit(new Instr.Branch(IrExprs.negate(cond.expr()), otherwise, at(c)));
        Val then = value(c.then());
        out().emit(new Instr.Assign(result, then.expr(), at(c)));
        out().emit(Instr.Branch.always(done, at(c)));
        out().emit(new Instr.Label(otherwise, at(c)));
        Val other = value(c.otherwise());
        out().emit(new Instr.Assign(result, other.expr(), at(c)));
        out().emit(new Instr.Label(done, at(c)));
        return new Val(new Expr.RegRef(result), resultType(then, other));
    }

    private KType resultType(Val a, Val b) {
        if (a.type() instanceof KType.Pointer) return a.type();
        if (b.type() instanceof KType.Pointer) return b.type();
        if (a.type() instanceof KType.Void) return a.type();
        return types.common(a.type(), b.type());
    }

    private Val assign(CExpr.Assign a) {
        Place target = place(a.target());
        KType type = target.type();
        if (target instanceof Place.InMemory m) {
            if (type instanceof KType.Struct && a.op() == null) {
                Place src = place(a.value());
                if (!(src instanceof Place.InMemory s)) throw new InputException(at(a), "cannot copy this struct");
                copy(m, s, at(a));
                return new Val(new Expr.Const(0), Types.VOID);
            }
            Expr stored;
            if (a.op() == null) {
                stored = convert(value(a.value()), type).expr();
            } else {
                checkAccess(m.address(), type, at(a));
                Reg old = out().temp();
                out().emit(new Instr.Load(old, m.address(), width(type), signed(type), false, at(a)));
                Reg updated = out().temp();
                Val result = operate(a.op(), new Val(new Expr.RegRef(old), type), value(a.value()), a);
                out().emit(new Instr.Assign(updated, convert(result, type).expr(), at(a)));
                stored = new Expr.RegRef(updated);
            }
            out().emit(new Instr.Store(stored, m.address(), width(type), at(a)));
            return new Val(stored, type);
        }
        Place.InRegister reg = (Place.InRegister) target;
        if (a.op() == null) {
            assignTo(reg, a.value(), at(a));
        } else {
            Val current = load(reg, at(a));
            Val right = value(a.value());
            out().emit(new Instr.Assign(reg.reg(), convert(operate(a.op(), current, right, a), type).expr(), at(a)));
        }
        return new Val(new Expr.RegRef(reg.reg()), type);
    }

    private Val cast(CExpr.Cast c) {
        Val v = value(c.operand());
        KType to = Types.known(unit.resolver.resolve(c.type(), c.pos()), c.pos());
        if (to instanceof KType.Void) return new Val(new Expr.Const(0), to);
        return convert(v, to);
    }

    /** {@code v} converted to {@code to} as by assignment. */
    Val convert(Val v, KType to) {
        return new Val(Types.convert(v.expr(), v.type(), to), to);
    }

    private Val statementExpr(CExpr.StatementExpr s) {
        List<CStmt> items = s.body().items();
        t.frame().pushScope();
        try {
            for (int i = 0; i < items.size() - 1; i++) t.statements.statement(items.get(i));
            if (items.isEmpty()) return new Val(new Expr.Const(0), Types.VOID);
            CStmt last = items.get(items.size() - 1);
            if (last instanceof CStmt.ExprStmt e && !returnsNothing(e.expr())) return value(e.expr());
            t.statements.statement(last);
            return new Val(new Expr.Const(0), Types.VOID);
        } finally {
            t.frame().popScope();
        }
    }

    /**
     * With a kernel tree's headers, {@code (type){ ... }} (a tree's {@code *(lock) =
     * __RAW_SPIN_LOCK_UNLOCKED(lock)}, {@code (atomic_long_t) WORK_DATA_INIT()}) is an object of
     * the frame of its own, initialised where it is written; elsewhere it is unsupported, as before.
     */
    private Place.InMemory compoundLiteral(CExpr.CompoundLiteral c) {
        SourcePos pos = at(c);
        if (!unit.treeHeaders) throw new UnsupportedConstructException(pos, "compound literal");
        KType type = unit.resolver.resolve(c.type(), pos);
        String name = t.frame().objectName("__pc_literal_" + pos.line() + "_" + pos.column());
        Memory.MemObject o = unit.memory.object(name).orElseGet(() -> unit.memory.allocate(name, name, type, pos));
        Expr address = unit.memory.address(o, 0);
        t.statements.initialize(address, type, c.init(), pos);
        return new Place.InMemory(address, type);
    }

    /** The first character of a literal whose escapes are kept as written ({@code \\n}, {@code \\0}, octal). */
    private static long firstCharacter(String spelled) {
        if (spelled.isEmpty()) return 0;
        if (spelled.charAt(0) != '\\' || spelled.length() < 2) return spelled.charAt(0);
        char c = spelled.charAt(1);
        if (c >= '0' && c <= '7') {
            int end = 1;
            while (end < Math.min(4, spelled.length()) && spelled.charAt(end) >= '0' && spelled.charAt(end) <= '7') end++;
            return Integer.parseInt(spelled.substring(1, end), 8) & 0xff;
        }
        if (c == 'x') {
            int end = 2;
            while (end < spelled.length() && Character.digit(spelled.charAt(end), 16) >= 0) end++;
            return end == 2 ? 'x' : Long.parseLong(spelled.substring(2, end), 16) & 0xff;
        }
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'a' -> 7;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'v' -> 11;
            case 'e' -> 27;
            default -> c; // \\, \", \', \?
        };
    }

    /**
     * The association {@code _Generic} selects (C11 6.5.1.1), with a kernel tree's headers
     * ({@code page_folio}'s const and non-const pages): the one whose type is the control's after
     * lvalue conversion (an array is a pointer to its element), else {@code default}. The control
     * is not evaluated. Elsewhere {@code _Generic} is unsupported, as before.
     */
    private CExpr genericChoice(CExpr.Generic g) {
        if (!unit.treeHeaders) throw new UnsupportedConstructException(at(g), "_Generic");
        KType control = typeOf(g.control());
        if (control instanceof KType.Array a) control = new KType.Pointer(a.element());
        if (control instanceof KType.Function) control = new KType.Pointer(control);
        CExpr fallback = null;
        for (CExpr.GenericAssociation a : g.associations()) {
            if (a.type().isEmpty()) {
                fallback = a.value();
            } else if (TypeResolver.same(unit.resolver.resolve(a.type().get(), at(g)), control)) {
                return a.value();
            }
        }
        if (fallback == null) {
            throw new InputException(at(g), "no association of the _Generic matches its control's type " + control.spelling());
        }
        return fallback;
    }

    /**
     * A call of a function or primitive that returns nothing ({@code ({ barrier(); })} in a
     * tree's iteration macros): the statement expression is then void.
     */
    private boolean returnsNothing(CExpr e) {
        if (!(e instanceof CExpr.Call c) || !(c.function() instanceof CExpr.Ident id)) return false;
        var p = unit.mapping.primitive(id.name());
        if (p.isPresent()) return !p.get().hasResult();
        return unit.decls.function(id.name()).map(f -> f.type().result() instanceof KType.Void).orElse(false);
    }

    /** The type of {@code e}, found by lowering it into a scratch buffer. */
    KType typeOf(CExpr e) {
        boolean lvalue = e instanceof CExpr.Ident || e instanceof CExpr.Member || e instanceof CExpr.Index
                || e instanceof CExpr.Unary u && u.op() == CExpr.UnaryOp.DEREF;
        if (lvalue) {
            if (e instanceof CExpr.Ident id && t.frame().lookup(id.name()).isEmpty()
                    && unit.decls.global(id.name()).isEmpty()) {
                return t.probe(() -> value(e)).type();
            }
            return t.probe(() -> place(e, true)).type();
        }
        return t.probe(() -> value(e)).type();
    }

    private KType literalType(CExpr.IntLit lit) {
        String text = lit.text().toLowerCase();
        if (text.startsWith("'")) return types.intType;
        boolean unsigned = text.contains("u");
        boolean isLong = text.contains("l");
        boolean decimal = !text.startsWith("0") || text.equals("0") || text.startsWith("0u") || text.startsWith("0l");
        long v = lit.value();
        if (!isLong && !unsigned) {
            if (v >= 0 && v <= Integer.MAX_VALUE) return types.intType;
            if (!decimal && v >= 0 && v <= 0xffffffffL) return types.unsignedInt;
            return v >= 0 ? types.longType : types.unsignedLong;
        }
        if (!isLong && v >= 0 && v <= 0xffffffffL) return types.unsignedInt;
        if (unsigned || v < 0) return types.unsignedLong;
        return types.longType;
    }

    /** Whether computing {@code e} emits no instruction: no load, call or assignment. */
    boolean isPure(CExpr e) {
        return switch (e) {
            case CExpr.Ident id -> isPureName(id.name());
            case CExpr.IntLit lit -> true;
            case CExpr.Cast c -> isPure(c.operand());
            case CExpr.Unary u -> switch (u.op()) {
                case PLUS, MINUS, BIT_NOT, NOT -> isPure(u.operand());
                case ADDRESS -> isPureAddress(u.operand());
                default -> false;
            };
            case CExpr.Binary b -> b.op() != CExpr.BinaryOp.COMMA && isPure(b.left()) && isPure(b.right());
            case CExpr.Conditional c -> isPure(c.cond()) && isPure(c.then()) && isPure(c.otherwise());
            case CExpr.SizeofType s -> true;
            case CExpr.SizeofExpr s -> true;
            case CExpr.Call c -> c.function() instanceof CExpr.Ident id && id.name().equals("__builtin_offsetof")
                    && unit.decls.function(id.name()).isEmpty();
            default -> false;
        };
    }

    private boolean isPureName(String name) {
        Optional<Binding> b = t.frame().lookup(name);
        if (b.isPresent()) return !(b.get() instanceof Binding.Object o) || o.type() instanceof KType.Array;
        Optional<Declarations.Global> g = unit.decls.global(name);
        return g.isEmpty() || g.get().type() instanceof KType.Array;
    }

    /** Whether taking the address of {@code e} computes without loads. */
    private boolean isPureAddress(CExpr e) {
        return switch (e) {
            case CExpr.Unary u && u.op() == CExpr.UnaryOp.DEREF -> isPure(u.operand());
            case CExpr.Ident id -> t.frame().lookup(id.name()).map(b -> b instanceof Binding.Object).orElse(true);
            case CExpr.Member m -> m.arrow() ? isPure(m.object()) : isPureAddress(m.object());
            case CExpr.Index i -> isPure(i.index()) && (isPure(i.array()) || isPureAddress(i.array()));
            case CExpr.Cast c -> isPureAddress(c.operand());
            default -> false;
        };
    }

    static CExpr withoutCasts(CExpr e) {
        while (e instanceof CExpr.Cast c) e = c.operand();
        return e;
    }

    /**
     * With a kernel tree's headers a string literal (a name for printk, a property for
     * of_property_*) is the address of an object of its own holding its first character; the
     * code these files check only passes it on. Elsewhere it is unsupported, as before.
     */
    private Val stringLiteral(CExpr.StringLit s) {
        if (!t.unit.treeHeaders) throw new UnsupportedConstructException(at(s), "string literal");
        SourcePos pos = at(s);
        String name = "__pc_string_" + Integer.toHexString(pos.file().hashCode()) + "_" + pos.line() + "_" + pos.column();
        Memory.MemObject o = t.unit.memory.object(name).orElseGet(() -> {
            Memory.MemObject made = t.unit.memory.allocate(name, name, t.unit.types.charType, pos);
            long first = firstCharacter(s.value());
            t.unit.memory.setInit(t.unit.memory.cellName(made, 0), new Expr.Const(first));
            return made;
        });
        return new Val(t.unit.memory.address(o, 0), new KType.Pointer(t.unit.types.charType));
    }
}
