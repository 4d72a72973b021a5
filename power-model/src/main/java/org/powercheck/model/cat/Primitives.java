package org.powercheck.model.cat;

import org.powercheck.ir.FenceKind;
import org.powercheck.ir.UnsupportedConstructException;
import org.powercheck.model.EventSet;
import org.powercheck.model.Rel;
import org.powercheck.model.cat.CatValue.BuiltinV;
import org.powercheck.model.cat.CatValue.RelV;
import org.powercheck.model.cat.CatValue.SetV;

/** The names a candidate execution provides before any cat file is read (herd7's primitives). */
final class Primitives {
    private Primitives() {}

    static CatEnv environment() {
        CatEnv env = new CatEnv(null);
        rel(env, "po", Rel.Base.PO);
        rel(env, "loc", Rel.Base.LOC);
        rel(env, "int", Rel.Base.INT);
        rel(env, "ext", Rel.Base.EXT);
        rel(env, "id", Rel.Base.ID);
        rel(env, "addr", Rel.Base.ADDR);
        rel(env, "data", Rel.Base.DATA);
        rel(env, "ctrl", Rel.Base.CTRL);
        rel(env, "rmw", Rel.Base.RMW);
        rel(env, "si", Rel.Base.SI);
        rel(env, "rf", Rel.Base.RF);
        // herd binds co only through "with co from ..."; the engines always choose one, so it is
        // there from the start and "with co from" only says so again.
        rel(env, "co", Rel.Base.CO);
        // POWER has no read-modify-write instruction other than lwarx/stwcx. pairs.
        env.put("amo", new RelV(new Rel.Empty()));

        set(env, "R", EventSet.Base.R);
        set(env, "W", EventSet.Base.W);
        env.put("M", new SetV(EventSet.Base.R.or(EventSet.Base.W)));
        set(env, "IW", EventSet.Base.IW);
        set(env, "FW", EventSet.Base.FW);
        set(env, "X", EventSet.Base.X);
        set(env, "F", EventSet.Base.F);
        for (FenceKind k : FenceKind.values()) env.put(k.name(), new SetV(new EventSet.Fences(k)));

        // The events of herd7's C lock primitives (lock.cat's LKR, LKW, UL, LF, RL, RU) and of
        // read-modify-write instructions.
        for (String lock : new String[] {"LKR", "LKW", "UL", "LF", "RL", "RU"}) {
            env.put(lock, new SetV(new EventSet.Tagged(lock)));
        }
        Rel rmw = Rel.Base.RMW;
        env.put("RMW", new CatValue.IdSetV(domain(rmw).or(range(rmw))));

        env.put("domain", new BuiltinV("domain", (pos, arg) -> relationalSet(pos, arg, true)));
        env.put("range", new BuiltinV("range", (pos, arg) -> relationalSet(pos, arg, false)));
        env.put("different-values", notYet("different-values"));
        return env;
    }

    /** {@code [domain(r)]} = {@code (r ; r^-1) & id}, {@code [range(r)]} = {@code (r^-1 ; r) & id}. */
    static Rel domain(Rel r) {
        return r.seq(r.inverse()).and(Rel.Base.ID);
    }

    static Rel range(Rel r) {
        return r.inverse().seq(r).and(Rel.Base.ID);
    }

    private static CatValue relationalSet(org.powercheck.ir.SourcePos pos, CatValue arg, boolean domain) {
        if (arg instanceof CatValue.EmptyV) return arg;
        Rel r = CatAlgebra.asRel(pos, arg);
        return new CatValue.IdSetV(domain ? domain(r) : range(r));
    }

    private static void rel(CatEnv env, String name, Rel.Base base) {
        env.put(name, new RelV(base));
    }

    private static void set(CatEnv env, String name, EventSet.Base base) {
        env.put(name, new SetV(base));
    }

    private static BuiltinV notYet(String name) {
        return new BuiltinV(name, (pos, arg) -> {
            throw new UnsupportedConstructException(pos, "cat function " + name);
        });
    }
}
