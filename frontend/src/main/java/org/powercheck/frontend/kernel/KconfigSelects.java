package org.powercheck.frontend.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the options of the default configuration select in a tree's Kconfig files, the
 * {@code HAVE_*} and {@code ARCH_*} capabilities a configured ppc64 build has (without them,
 * generic headers define what {@code asm/} headers define again). A partial reading of Kconfig:
 * {@code select X} and {@code select X if [!]Y} of an enabled option, to a fixpoint, and
 * {@code def_bool y} options of {@code arch/powerpc} with no condition.
 */
final class KconfigSelects {
    private static final List<String> FILES = List.of("arch/powerpc/Kconfig", "arch/powerpc/platforms/Kconfig",
            "arch/powerpc/platforms/Kconfig.cputype", "arch/powerpc/platforms/powernv/Kconfig",
            "arch/powerpc/platforms/pseries/Kconfig", "arch/powerpc/sysdev/xive/Kconfig", "arch/Kconfig",
            "init/Kconfig", "kernel/Kconfig.locks", "kernel/irq/Kconfig", "kernel/time/Kconfig", "mm/Kconfig",
            "lib/Kconfig", "kernel/rcu/Kconfig", "kernel/Kconfig.preempt");
    private static final Pattern CONFIG = Pattern.compile("^(?:menu)?config\\s+([A-Za-z0-9_]+)\\s*$");
    private static final Pattern SELECT = Pattern.compile("^\\s+select\\s+([A-Za-z0-9_]+)(?:\\s+if\\s+(!?)([A-Za-z0-9_]+))?\\s*$");
    private static final Pattern DEF_BOOL_Y = Pattern.compile("^\\s+def_bool\\s+y\\s*$");

    private KconfigSelects() {}

    /** One Kconfig entry: its name, its plain selects and whether it is {@code def_bool y} with no condition. */
    private record Entry(String name, List<String[]> selects, boolean alwaysOn) {}

    /** {@code enabled} (option names without {@code CONFIG_}) with what they select. */
    static Set<String> close(Path tree, Set<String> enabled) {
        List<Entry> entries = new ArrayList<>();
        for (String f : FILES) {
            Path p = tree.resolve(f);
            if (Files.isRegularFile(p)) entries.addAll(read(p, f.startsWith("arch/powerpc")));
        }
        Set<String> on = new LinkedHashSet<>(enabled);
        for (Entry e : entries) if (e.alwaysOn()) on.add(e.name());
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Entry e : entries) {
                if (!on.contains(e.name())) continue;
                for (String[] s : e.selects()) {
                    boolean holds = s[2] == null || (on.contains(s[2]) != s[1].equals("!"));
                    if (holds && on.add(s[0])) changed = true;
                }
            }
        }
        return on;
    }

    private static List<Entry> read(Path file, boolean archFile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        String name = null;
        List<String[]> selects = new ArrayList<>();
        boolean defY = false, conditional = false;
        int ifDepth = 0;
        for (String line : lines) {
            if (line.startsWith("if ")) ifDepth++;
            if (line.startsWith("endif") && ifDepth > 0) ifDepth--;
            Matcher c = CONFIG.matcher(line);
            boolean top = !line.isEmpty() && !Character.isWhitespace(line.charAt(0));
            if (c.matches() || top) {
                if (name != null) out.add(new Entry(name, List.copyOf(selects), archFile && defY && !conditional));
                name = c.matches() ? c.group(1) : null;
                selects.clear();
                defY = false;
                // an entry inside an "if" block depends on it: only entries outside count as always on
                conditional = ifDepth > 0;
                continue;
            }
            if (name == null) continue;
            Matcher s = SELECT.matcher(line);
            if (s.matches()) selects.add(new String[] {s.group(1), s.group(2) == null ? "" : s.group(2), s.group(3)});
            else if (DEF_BOOL_Y.matcher(line).matches()) defY = true;
            else if (line.strip().startsWith("depends on") || line.strip().startsWith("def_bool y if")) conditional = true;
        }
        if (name != null) out.add(new Entry(name, List.copyOf(selects), archFile && defY && !conditional));
        return out;
    }
}
