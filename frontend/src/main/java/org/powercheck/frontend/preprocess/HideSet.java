package org.powercheck.frontend.preprocess;

import java.util.Arrays;

/**
 * The names of the macros a token was produced by (Prosser's hide set): a token whose own name is
 * in its hide set is never expanded again, which stops self-referential macros. Hide sets are
 * tiny (the nesting depth of macro calls), so a plain array beats any hashed set.
 */
final class HideSet {
    static final HideSet EMPTY = new HideSet(new String[0]);

    private final String[] names;

    private HideSet(String[] names) {
        this.names = names;
    }

    boolean contains(String name) {
        for (String n : names) {
            if (n.equals(name)) {
                return true;
            }
        }
        return false;
    }

    HideSet with(String name) {
        if (contains(name)) {
            return this;
        }
        String[] more = Arrays.copyOf(names, names.length + 1);
        more[names.length] = name;
        return new HideSet(more);
    }

    HideSet union(HideSet other) {
        if (other.names.length == 0 || other == this) {
            return this;
        }
        if (names.length == 0) {
            return other;
        }
        HideSet result = this;
        for (String n : other.names) {
            result = result.with(n);
        }
        return result;
    }

    HideSet intersect(HideSet other) {
        if (names.length == 0 || other == this) {
            return this;
        }
        String[] kept = new String[names.length];
        int count = 0;
        for (String n : names) {
            if (other.contains(n)) {
                kept[count++] = n;
            }
        }
        return count == names.length ? this : count == 0 ? EMPTY : new HideSet(Arrays.copyOf(kept, count));
    }

    @Override
    public String toString() {
        return Arrays.toString(names);
    }
}
