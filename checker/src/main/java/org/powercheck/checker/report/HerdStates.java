package org.powercheck.checker.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.powercheck.checker.FinalState;
import org.powercheck.ir.Layout;
import org.powercheck.ir.StateKey;
import org.powercheck.ir.Undetermined;

/**
 * Final states as sets of {@code key=value} tokens ({@code 1:r1=0}, {@code [x]=2}), the form in
 * which herd7's output and ours are compared: token order and spacing do not matter.
 */
public final class HerdStates {
    private HerdStates() {}

    /** The states listed in a herd7 output file, between {@code States N} and the validation line. */
    public static Optional<Set<Set<String>>> read(Path herdOut) {
        if (!Files.isRegularFile(herdOut)) return Optional.empty();
        try {
            return Optional.of(parse(Files.readAllLines(herdOut, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Set<Set<String>> parse(List<String> lines) {
        Set<Set<String>> states = new HashSet<>();
        boolean inside = false;
        for (String line : lines) {
            String t = line.trim();
            if (!inside) {
                inside = t.startsWith("States ");
                continue;
            }
            if (t.equals("Ok") || t.equals("No") || t.equals("Loop Ok") || t.equals("Loop No")) break;
            states.add(tokens(t));
        }
        return states;
    }

    static Set<String> tokens(String stateLine) {
        Set<String> out = new HashSet<>();
        for (String tok : stateLine.split(";")) {
            String t = tok.replace(" ", "");
            if (!t.isEmpty()) out.add(UNSOLVED.matcher(t).replaceFirst("$1" + Undetermined.TEXT));
        }
        return out;
    }

    /**
     * herd's unsolved symbol ({@code 0:r1=S8}): ours is one {@link Undetermined undetermined}
     * value, so herd's symbols compare up to renaming, all as that one.
     */
    private static final Pattern UNSOLVED = Pattern.compile("^(.*=)S[0-9]+$");

    public static Set<Set<String>> of(List<FinalState> states, Layout layout) {
        Set<Set<String>> out = new HashSet<>();
        for (FinalState s : states) {
            Set<String> tokens = new HashSet<>();
            for (Map.Entry<StateKey, Long> e : s.values().entrySet()) {
                tokens.add(e.getKey() + "=" + layout.format(e.getValue()));
            }
            out.add(tokens);
        }
        return out;
    }
}
