package org.powercheck.frontend.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;

/**
 * A kernel configuration as {@code generated/autoconf.h} spells it: each enabled option's macro
 * and value ({@code y} is 1, {@code m} defines {@code CONFIG_X_MODULE}), from the default
 * configuration or from a {@code .config} whose options the tree's Kconfig files declare.
 *
 * @param values the value of each {@code CONFIG_} macro, as C text
 */
record KernelConfig(Map<String, String> values) {
    /** Values a configured tree has for options the default configuration does not name, ppc64le. */
    private static final Map<String, String> DEFAULT_VALUES = defaultValues();
    private static final Pattern SET = Pattern.compile("(CONFIG_[A-Za-z0-9_]+)=(.*)");
    private static final Pattern UNSET = Pattern.compile("# (CONFIG_[A-Za-z0-9_]+) is not set");
    private static final Pattern DECLARED = Pattern.compile("^\\s*(?:menu)?config\\s+([A-Za-z0-9_]+)", Pattern.MULTILINE);

    KernelConfig {
        values = Map.copyOf(values);
    }

    private static Map<String, String> defaultValues() {
        Map<String, String> v = new LinkedHashMap<>();
        for (String arg : KernelSource.CONFIG) {
            String spec = arg.substring(2);
            int eq = spec.indexOf('=');
            v.put(spec.substring(0, eq), spec.substring(eq + 1));
        }
        // the CPU count the checker models, not a distribution's 2048
        v.put("CONFIG_NR_CPUS", Integer.toString(LoweringOptions.DEFAULT_CPUS));
        v.put("CONFIG_HZ", "100");
        v.put("CONFIG_PGTABLE_LEVELS", "4");
        v.put("CONFIG_SLUB", "1");
        v.put("CONFIG_PAGE_OFFSET", "0xc000000000000000");
        v.put("CONFIG_KERNEL_START", "0xc000000000000000");
        v.put("CONFIG_PHYSICAL_START", "0x0");
        v.put("CONFIG_PPC_PAGE_SHIFT", "16");
        v.put("CONFIG_PPC_64K_PAGES", "1");
        v.put("CONFIG_PAGE_SHIFT", "16");
        v.put("CONFIG_NODES_SHIFT", "8");
        v.put("CONFIG_NUMA", "1");
        v.put("CONFIG_PPC_RADIX_MMU", "1");
        v.put("CONFIG_PPC_64S_HASH_MMU", "1");
        v.put("CONFIG_PPC_BOOK3S_64", "1");
        v.put("CONFIG_PPC_STD_MMU_64", "1");
        v.put("CONFIG_CPU_LITTLE_ENDIAN", "1");
        v.put("CONFIG_MMU", "1");
        v.put("CONFIG_IO_URING", "1");
        v.put("CONFIG_PREEMPT_NONE", "1");
        v.put("CONFIG_LOG_BUF_SHIFT", "17");
        v.put("CONFIG_BASE_SMALL", "0");
        v.put("CONFIG_FRAME_WARN", "2048");
        v.put("CONFIG_ARCH_FORCE_MAX_ORDER", "9");
        v.put("CONFIG_FORCE_MAX_ZONEORDER", "9");
        v.put("CONFIG_THREAD_SHIFT", "14");
        v.put("CONFIG_PPC_MM_SLICES", "1");
        v.put("CONFIG_HAVE_ARCH_JUMP_LABEL", "1");
        v.put("CONFIG_ARCH_HAS_CACHE_LINE_SIZE", "1");
        v.put("CONFIG_DEFAULT_MMAP_MIN_ADDR", "4096");
        v.put("CONFIG_RCU_FANOUT", "64");
        v.put("CONFIG_RCU_FANOUT_LEAF", "16");
        v.put("CONFIG_TREE_RCU", "1");
        v.put("CONFIG_TREE_SRCU", "1");
        v.put("CONFIG_SRCU", "1");
        v.put("CONFIG_GENERIC_IRQ_SHOW", "1");
        v.put("CONFIG_IRQ_DOMAIN", "1");
        v.put("CONFIG_EPOLL", "1");
        v.put("CONFIG_NET", "1");
        v.put("CONFIG_AIO", "1");
        return v;
    }

    /** The default configuration, with what its options select in {@code tree}'s Kconfig files. */
    static KernelConfig defaults(Path tree) {
        Map<String, String> v = new LinkedHashMap<>(DEFAULT_VALUES);
        Set<String> on = new HashSet<>();
        for (var e : DEFAULT_VALUES.entrySet()) if (e.getValue().equals("1")) on.add(e.getKey().substring(7));
        on.add("PPC");
        for (String name : KconfigSelects.close(tree, on)) v.putIfAbsent("CONFIG_" + name, "1");
        return new KernelConfig(v);
    }

    /**
     * A {@code .config}: its {@code CONFIG_X=value} lines, each option one the tree declares.
     *
     * @throws InputException at the line of a malformed line or an option no Kconfig file of the tree declares
     */
    static KernelConfig read(Path dotConfig, Path tree) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dotConfig);
        } catch (IOException e) {
            throw new InputException(new SourcePos(dotConfig.toString(), 1, 1), "cannot read " + dotConfig + ": "
                    + e.getMessage());
        }
        Set<String> declared = declaredOptions(tree);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            SourcePos at = new SourcePos(dotConfig.toString(), i + 1, 1);
            if (line.isEmpty() || (line.startsWith("#") && !UNSET.matcher(line).matches())) continue;
            Matcher unset = UNSET.matcher(line);
            Matcher set = SET.matcher(line);
            String name = unset.matches() ? unset.group(1) : set.matches() ? set.group(1) : null;
            if (name == null) throw new InputException(at, "not a configuration line: " + line);
            if (!declared.contains(name.substring("CONFIG_".length()))) {
                throw new InputException(at, "unknown configuration option " + name
                        + " (no Kconfig file of " + tree + " declares it)");
            }
            if (unset.matches()) continue;
            String value = set.group(2);
            switch (value) {
                case "y" -> values.put(name, "1");
                case "m" -> values.put(name + "_MODULE", "1");
                case "n" -> { }
                default -> values.put(name, value);
            }
        }
        return new KernelConfig(values);
    }

    /** The option names the tree's Kconfig files declare ({@code config X}, {@code menuconfig X}). */
    static Set<String> declaredOptions(Path tree) {
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith("Kconfig"))::iterator) {
                if (!Files.isRegularFile(p)) continue;
                Matcher m = DECLARED.matcher(Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1));
                while (m.find()) names.add(m.group(1));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return names;
    }

    /** {@code generated/autoconf.h}. */
    String autoconf() {
        StringBuilder sb = new StringBuilder("/* generated by powercheck from its configuration */\n");
        values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append("#define ").append(e.getKey()).append(' ').append(e.getValue()).append('\n'));
        return sb.toString();
    }
}
