package org.powercheck.checker.trace;

import java.util.ArrayList;
import java.util.List;

/** Greedy word wrapping to a width, with a hanging indent for the continuation lines. */
final class Wrap {
    static final int WIDTH = 80;

    private Wrap() {}

    static List<String> lines(String first, String indent, String text) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : text.split(" ")) {
            if (word.isEmpty()) continue;
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                out.add(line.toString());
                line = new StringBuilder(indent);
                empty = true;
            }
            if (!empty) line.append(' ');
            line.append(word);
            empty = false;
        }
        out.add(line.toString());
        return out;
    }
}
