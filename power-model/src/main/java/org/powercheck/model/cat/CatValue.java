package org.powercheck.model.cat;

import java.util.List;
import java.util.function.BiFunction;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;
import org.powercheck.model.EventSet;
import org.powercheck.model.Rel;

/** What a cat expression evaluates to. */
sealed interface CatValue {
    record SetV(EventSet set) implements CatValue { }

    record RelV(Rel rel) implements CatValue { }

    /**
     * A set that depends on relations ({@code domain(r)}, {@code range(r)}, a recursive set),
     * held as the identity relation on it: the engines evaluate relations, so such a set is
     * built from them ({@code [domain(r)]} is {@code (r ; r^-1) & id}).
     */
    record IdSetV(Rel id) implements CatValue { }

    /** {@code 0} or {@code {}}: empty, as a set or a relation, whichever it is used as. */
    record EmptyV() implements CatValue { }

    record TagV(String tag) implements CatValue { }

    record TupleV(List<CatValue> items) implements CatValue {
        public TupleV {
            items = List.copyOf(items);
        }
    }

    /**
     * One member of a set of events, of a relation (a pair) or of a family, taken symbolically
     * by {@code map}: the interpreter evaluates a function once on it, not once per member, so
     * every value computed from a member stands for the union of the values all members give
     * ({@code {r}} is the whole set, {@code p ++ 0} the whole relation).
     */
    record MemberV(CatValue of) implements CatValue { }

    /**
     * A set whose members are relations (or sets of them), as {@code map} builds: known by the
     * union of its members, which is all that {@code cross} and {@code with ... from} need.
     */
    record FamilyV(CatValue union) implements CatValue { }

    /**
     * {@code cross(S)} of a set of families of one-edge relations: the relations that take one
     * member of each family. Its union {@code candidates} is the edges any choice may take.
     */
    record ChoiceV(Rel candidates) implements CatValue { }

    /** A function written in cat; {@code env} is where it was defined (it sees itself there when recursive). */
    record FunV(String name, List<String> params, CatAst.Expr body, CatEnv env) implements CatValue { }

    /** A function powercheck provides ({@code domain}, {@code range}, ...). */
    record BuiltinV(String name, BiFunction<SourcePos, CatValue, CatValue> apply) implements CatValue { }

    record ProcV(CatAst.Procedure proc, CatEnv env) implements CatValue { }

    /**
     * A binding whose definition could not be evaluated. herd reads files whole, so a model may
     * define what it never uses (and {@code try} falls back on what is not there); the error is
     * raised only where the value is used.
     */
    record ErrV(InputException error) implements CatValue { }

    static String describe(CatValue v) {
        return switch (v) {
            case SetV s -> "a set";
            case IdSetV s -> "a set";
            case RelV r -> "a relation";
            case EmptyV e -> "the empty set";
            case TagV t -> "a tag";
            case TupleV t -> "a tuple";
            case MemberV m -> "a member of " + describe(m.of());
            case FamilyV f -> "a set of relations";
            case ChoiceV c -> "a set of relations";
            case FunV f -> "a function";
            case BuiltinV b -> "a function";
            case ProcV p -> "a procedure";
            case ErrV e -> "an error";
        };
    }
}
