package org.powercheck.checker.trace;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import org.powercheck.model.EventSet;
import org.powercheck.model.PpcModel;
import org.powercheck.model.Rel;

/**
 * The cat names of the model's relations (the public constants of {@link PpcModel}, named as
 * ppc.cat names them), and relation trees written in cat's syntax with those names.
 */
public final class RelNames {
    private static final Map<Rel, String> NAMES = new HashMap<>();

    static {
        for (Field f : PpcModel.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || !Rel.class.isAssignableFrom(f.getType())) continue;
            try {
                NAMES.putIfAbsent((Rel) f.get(null), catName(f.getName()));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private RelNames() {}

    /** Java names that cat spells otherwise. */
    private static String catName(String java) {
        return switch (java) {
            case "poLoc" -> "po-loc";
            case "intr" -> "int";
            case "hbstar" -> "hb*";
            default -> java;
        };
    }

    /** The relation's cat name, if ppc.cat names it. */
    public static String nameOf(Rel r) {
        return NAMES.get(r);
    }

    /** The relation in cat syntax, named sub-relations by their names. */
    public static String text(Rel r) {
        String name = NAMES.get(r);
        if (name != null) return name;
        return switch (r) {
            case Rel.Base b -> b.name().toLowerCase(java.util.Locale.ROOT);
            case Rel.Empty e -> "0";
            case Rel.Identity i -> "[" + set(i.set()) + "]";
            case Rel.Cross c -> set(c.left()) + "*" + set(c.right());
            case Rel.Union u -> "(" + text(u.left()) + " | " + text(u.right()) + ")";
            case Rel.Inter i -> "(" + text(i.left()) + " & " + text(i.right()) + ")";
            case Rel.Diff d -> "(" + text(d.left()) + " \\ " + text(d.right()) + ")";
            case Rel.Seq s -> text(s.left()) + ";" + text(s.right());
            case Rel.Inverse i -> text(i.rel()) + "^-1";
            case Rel.Plus p -> text(p.rel()) + "+";
            case Rel.Star s -> text(s.rel()) + "*";
            case Rel.Opt o -> text(o.rel()) + "?";
            case Rel.Var v -> v.name();
            case Rel.Fix f -> f.names().get(f.index());
        };
    }

    private static String set(EventSet s) {
        return switch (s) {
            case EventSet.Base b -> b.name();
            case EventSet.Fences f -> f.kind().mnemonic();
            case EventSet.Tagged t -> t.tag();
            case EventSet.Union u -> "(" + set(u.left()) + " | " + set(u.right()) + ")";
            case EventSet.Inter i -> "(" + set(i.left()) + " & " + set(i.right()) + ")";
            case EventSet.Diff d -> "(" + set(d.left()) + " \\ " + set(d.right()) + ")";
        };
    }
}
