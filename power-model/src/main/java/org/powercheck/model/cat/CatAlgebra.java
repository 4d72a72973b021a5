package org.powercheck.model.cat;

import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;
import org.powercheck.model.EventSet;
import org.powercheck.model.Rel;
import org.powercheck.model.cat.CatAst.Binary;
import org.powercheck.model.cat.CatAst.Op1;
import org.powercheck.model.cat.CatAst.Op2;
import org.powercheck.model.cat.CatAst.Unary;
import org.powercheck.model.cat.CatValue.EmptyV;
import org.powercheck.model.cat.CatValue.ErrV;
import org.powercheck.model.cat.CatValue.IdSetV;
import org.powercheck.model.cat.CatValue.RelV;
import org.powercheck.model.cat.CatValue.SetV;

/**
 * cat's operators on values: on sets they build {@link EventSet} trees, on relations
 * {@link Rel} trees; a set computed from relations is combined through its identity relation.
 */
final class CatAlgebra {
    private CatAlgebra() {}

    static CatValue unary(Unary u, CatValue v) {
        if (u.op() == Op1.COMPLEMENT) {
            if (v instanceof SetV s) return new SetV(EventSet.Base.ALL.minus(s.set()));
            if (v instanceof IdSetV s) return new IdSetV(Rel.id(EventSet.Base.ALL).minus(s.id()));
            if (v instanceof EmptyV) return new SetV(EventSet.Base.ALL);
            return new RelV(Rel.cross(EventSet.Base.ALL, EventSet.Base.ALL).minus(asRel(u.pos(), v)));
        }
        if (u.op() == Op1.TO_ID) {
            if (v instanceof EmptyV) return new RelV(new Rel.Empty());
            if (v instanceof IdSetV s) return new RelV(s.id());
            return new RelV(Rel.id(asSet(u.pos(), v)));
        }
        Rel r = asRel(u.pos(), v);
        return new RelV(switch (u.op()) {
            case STAR -> r.star();
            case PLUS -> r.plus();
            case OPT -> r.opt();
            case INVERSE -> r.inverse();
            case COMPLEMENT, TO_ID -> throw new IllegalStateException("handled above");
        });
    }

    static CatValue binary(Binary b, CatValue l, CatValue r) {
        SourcePos pos = b.pos();
        if (b.op() == Op2.ADD) throw new IllegalStateException("++ builds sets of relations: CatInterpreter's");
        if (b.op() == Op2.CROSS) return new RelV(cross(pos, l, r));
        if (b.op() == Op2.SEQ) return new RelV(asRel(pos, l).seq(asRel(pos, r)));
        boolean sets = isSet(l) || isSet(r);
        boolean rels = l instanceof RelV || r instanceof RelV;
        if (sets && rels) {
            throw new InputException(pos, "a set and a relation combined by " + symbol(b.op()));
        }
        if (!sets && !rels) {
            if (l instanceof EmptyV && r instanceof EmptyV) return l;
            throw new InputException(pos, symbol(b.op()) + " of " + CatValue.describe(l) + " and " + CatValue.describe(r));
        }
        if (l instanceof IdSetV || r instanceof IdSetV) return new IdSetV(combine(b.op(), idOf(l), idOf(r)));
        if (sets) {
            EventSet x = asSet(pos, l), y = asSet(pos, r);
            return new SetV(switch (b.op()) {
                case UNION -> x.or(y);
                case INTER -> x.and(y);
                case DIFF -> x.minus(y);
                default -> throw new IllegalStateException("handled above");
            });
        }
        return new RelV(combine(b.op(), asRel(pos, l), asRel(pos, r)));
    }

    /** {@code |}, {@code &} or {@code \} of two relations. */
    private static Rel combine(Op2 op, Rel x, Rel y) {
        return switch (op) {
            case UNION -> x.or(y);
            case INTER -> x.and(y);
            case DIFF -> x.minus(y);
            default -> throw new IllegalStateException("not a set operator: " + op);
        };
    }

    private static String symbol(Op2 op) {
        return switch (op) {
            case UNION -> "|";
            case INTER -> "&";
            case DIFF -> "\\";
            case SEQ -> ";";
            case CROSS -> "*";
            case ADD -> "++";
        };
    }

    /** {@code S * T}; a side that depends on relations is joined through its identity. */
    private static Rel cross(SourcePos pos, CatValue l, CatValue r) {
        if (!(l instanceof IdSetV) && !(r instanceof IdSetV)) return Rel.cross(asSet(pos, l), asSet(pos, r));
        if (l instanceof EmptyV || r instanceof EmptyV) return new Rel.Empty();
        Rel left = l instanceof IdSetV a ? a.id().seq(Rel.cross(EventSet.Base.ALL, EventSet.Base.ALL))
                : Rel.cross(asSet(pos, l), EventSet.Base.ALL);
        return r instanceof IdSetV b ? left.seq(b.id()) : left.and(Rel.cross(EventSet.Base.ALL, asSet(pos, r)));
    }

    static boolean isSet(CatValue v) {
        return v instanceof SetV || v instanceof IdSetV;
    }

    /** The identity relation on a set. */
    static Rel idOf(CatValue v) {
        return switch (v) {
            case SetV s -> Rel.id(s.set());
            case IdSetV s -> s.id();
            case EmptyV e -> new Rel.Empty();
            case ErrV err -> throw err.error();
            default -> throw new IllegalStateException("not a set: " + v);
        };
    }

    static Rel asRel(SourcePos pos, CatValue v) {
        return switch (v) {
            case RelV r -> r.rel();
            case EmptyV e -> new Rel.Empty();
            case ErrV err -> throw err.error();
            default -> throw new InputException(pos, "expected a relation, got " + CatValue.describe(v));
        };
    }

    static EventSet asSet(SourcePos pos, CatValue v) {
        return switch (v) {
            case SetV s -> s.set();
            case EmptyV e -> EventSet.Base.ALL.minus(EventSet.Base.ALL);
            case ErrV err -> throw err.error();
            default -> throw new InputException(pos, "expected a set of events, got " + CatValue.describe(v));
        };
    }
}
