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

    boolean hasType() {
        return special != null || !words.isEmpty();
    }

    /** The specified type; plain {@code int} when only qualifiers or storage words were written. */
    CType type() {
        if (special != null) return special;
        return new CType.Base(words.isEmpty() ? List.of("int") : words, qualifiers);
    }
}
