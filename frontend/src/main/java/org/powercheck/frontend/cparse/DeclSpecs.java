package org.powercheck.frontend.cparse;

import java.util.ArrayList;
import java.util.List;

/** Declaration specifiers while they are parsed: storage words, type words, qualifiers. */
final class DeclSpecs {
    final List<String> storage = new ArrayList<>();
    final List<String> words = new ArrayList<>();
    final List<String> qualifiers = new ArrayList<>();
    /** A struct, union, enum or typeof specifier, which replaces the type words. */
    CType special;
    /**
     * Whether an unknown name before the type is the type, as in parameters and type names, where
     * nothing else can stand there; elsewhere it must look like one ({@code foo_t x}).
     */
    final boolean nameIsType;

    DeclSpecs() {
        this(false);
    }

    DeclSpecs(boolean nameIsType) {
        this.nameIsType = nameIsType;
    }

    boolean hasType() {
        return special != null || !words.isEmpty();
    }

    /** Whether nothing has been specified yet. */
    boolean isEmpty() {
        return storage.isEmpty() && words.isEmpty() && qualifiers.isEmpty() && special == null;
    }

    /** Whether the specifiers define a struct, union or enum body (not just name one). */
    boolean definesTag() {
        return (special instanceof CType.Record r && r.members().isPresent())
                || (special instanceof CType.Enum e && e.enumerators().isPresent());
    }

    /** The specified type; plain {@code int} when only qualifiers or storage words were written. */
    CType type() {
        if (special != null) return special;
        return new CType.Base(words.isEmpty() ? List.of("int") : words, qualifiers);
    }
}
