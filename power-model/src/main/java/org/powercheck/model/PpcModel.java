package org.powercheck.model;

import static org.powercheck.model.EventSet.Base.ALL;
import static org.powercheck.model.EventSet.Base.R;
import static org.powercheck.model.EventSet.Base.W;
import static org.powercheck.model.EventSet.Base.X;

import java.util.List;
import org.powercheck.ir.FenceKind;

/**
 * herd7's {@code ppc.cat} (7.58, with ppo.cat, ppcfences.cat, cos.cat), one Java line per cat
 * line, in the file's order. Read it beside {@code shared/spec/power-model.md} §1.4-§1.7.
 */
public final class PpcModel {
    private PpcModel() {}

    // Candidate relations (stdlib / herd primitives)
    public static final Rel po = Rel.Base.PO;
    public static final Rel loc = Rel.Base.LOC;
    public static final Rel intr = Rel.Base.INT;            // cat: int
    public static final Rel ext = Rel.Base.EXT;
    public static final Rel id = Rel.Base.ID;
    public static final Rel addr = Rel.Base.ADDR;
    public static final Rel data = Rel.Base.DATA;
    public static final Rel ctrl = Rel.Base.CTRL;
    public static final Rel rmw = Rel.Base.RMW;
    public static final Rel rf = Rel.Base.RF;
    public static final Rel co = Rel.Base.CO;
    public static final Rel si = Rel.Base.SI;

    public static final Rel poLoc = po.and(loc);            // po-loc
    public static final Rel fr = rf.inverse().seq(co).minus(id);
    public static final Rel rfe = rf.and(ext);
    public static final Rel rfi = rf.and(intr);
    public static final Rel coe = co.and(ext);
    public static final Rel fre = fr.and(ext);

    // fencerel(S) = (po & (_ * S)); po
    static Rel fencerel(FenceKind k) {
        return po.restrict(ALL, new EventSet.Fences(k)).seq(po);
    }

    public static final Rel ctrlisync = ctrl.restrict(ALL, new EventSet.Fences(FenceKind.ISYNC)).seq(po);

    // Utilities
    public static final Rel dd = addr.or(data);
    public static final Rel rdw = poLoc.and(fre.seq(rfe));
    public static final Rel detour = poLoc.and(coe.seq(rfe));
    public static final Rel addrpo = addr.seq(po);

    // Initial value of the ppo fixpoint
    public static final Rel ci0 = ctrlisync.or(detour);
    public static final Rel ii0 = Rel.union(dd, rfi, rdw);
    public static final Rel cc0 = Rel.union(dd, poLoc, ctrl, addrpo);
    public static final Rel ic0 = new Rel.Empty();

    // Fixpoint
    private static final Rel.Var CI = new Rel.Var("ci");
    private static final Rel.Var II = new Rel.Var("ii");
    private static final Rel.Var CC = new Rel.Var("cc");
    private static final Rel.Var IC = new Rel.Var("ic");
    private static final Rel.Fix PPO_FIX = new Rel.Fix(
            List.of("ci", "ii", "cc", "ic"),
            List.of(
                    Rel.union(ci0, CI.seq(II), CC.seq(CI)),                 // ci
                    Rel.union(ii0, CI, IC.seq(CI), II.seq(II)),             // ii
                    Rel.union(cc0, CI, CI.seq(IC), CC.seq(CC)),             // cc
                    Rel.union(ic0, II, CC, IC.seq(CC), II.seq(IC))),        // ic
            0);
    public static final Rel ci = PPO_FIX.component(0);
    public static final Rel ii = PPO_FIX.component(1);
    public static final Rel cc = PPO_FIX.component(2);
    public static final Rel ic = PPO_FIX.component(3);

    public static final Rel ppo = ii.restrict(R, R).or(ic.restrict(R, W));

    // Fences (ppcfences.cat)
    public static final Rel sync = fencerel(FenceKind.SYNC);
    public static final Rel lwsync = fencerel(FenceKind.LWSYNC).minus(Rel.cross(W, R));
    public static final Rel eieio = fencerel(FenceKind.EIEIO).restrict(W, W);
    public static final Rel strong = sync;
    public static final Rel light = lwsync.or(eieio);
    public static final Rel fence = strong.or(light);

    // Happens before and propagation
    public static final Rel hb = Rel.union(ppo, fence, rfe);
    public static final Rel hbstar = hb.star();
    public static final Rel propbase = fence.or(rfe.seq(fence)).seq(hbstar);
    public static final Rel chapo = Rel.union(rfe, fre, coe, fre.seq(rfe), coe.seq(rfe));
    public static final Rel prop = propbase.restrict(W, W)
            .or(chapo.opt().seq(propbase.star()).seq(strong).seq(hbstar));

    // Exclusive accesses in program order (scXX)
    public static final Rel xx = po.restrict(X, X);

    public static final Model MODEL = new Model("ppc.cat", List.of(
            new Check("scperlocation", Check.Kind.ACYCLIC, Rel.union(poLoc, rf, fr, co)),   // uniproc
            new Check("atomic", Check.Kind.EMPTY, rmw.and(fre.seq(coe))),
            new Check("thinair", Check.Kind.ACYCLIC, hb),
            new Check("propagation", Check.Kind.ACYCLIC, co.or(prop)),
            new Check("observation", Check.Kind.IRREFLEXIVE, fre.seq(prop).seq(hbstar)),
            new Check("scXX", Check.Kind.ACYCLIC, co.or(xx))));

    /*
     * Mixed sizes. With -variant mixed herd7 splits an access into one event per byte, related
     * per byte by loc, rf and co, and by si to the other bytes of the same instruction; ppc.cat is
     * unchanged. The ISA makes an aligned access single-copy atomic, which per-byte rf and co do
     * not say by themselves (Flur et al., POPL 2017): a write is ordered the same way against
     * another write on every byte they share, and a read that takes one byte from a write takes
     * every other byte that write wrote from it or from a coherence-later write. With one event
     * per access, si is the identity and both checks hold trivially, so they are added only to
     * programs that have mixed-size accesses.
     */
    public static final List<Check> SINGLE_COPY_ATOMIC = List.of(
            new Check("sca-co", Check.Kind.IRREFLEXIVE, co.seq(si).seq(co).seq(si)),
            new Check("sca-rf", Check.Kind.IRREFLEXIVE, rf.seq(si).seq(fr).seq(si)));

    /**
     * A model with the single-copy atomicity checks, for programs with mixed-size accesses. One
     * object per model: the engines compile a model once per object, and a C test with an int
     * and a pointer is mixed-size.
     */
    public static Model mixed(Model m) {
        synchronized (MIXED) {
            if (MIXED.size() > 32) MIXED.clear(); // models are few; this only bounds callers that build one per run
            return MIXED.computeIfAbsent(m, PpcModel::withSingleCopyAtomicity);
        }
    }

    private static final java.util.Map<Model, Model> MIXED = new java.util.IdentityHashMap<>();

    private static Model withSingleCopyAtomicity(Model m) {
        List<Check> checks = new java.util.ArrayList<>(m.checks());
        checks.addAll(SINGLE_COPY_ATOMIC);
        return new Model(m.name(), checks, m.flags());
    }
}
