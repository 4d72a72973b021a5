package org.powercheck.checker.patch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A patched copy of the sources some harnesses read, in a temporary folder: the harnesses, the
 * files they {@code #include "..."} or name in {@code PC_ASSEMBLY} (transitively, relative to the
 * including file) and the files the patch changes, at the same places relative to each other. The originals are only read.
 */
public final class SourceCopy implements AutoCloseable {
    private static final Pattern INCLUDE = Pattern.compile("^\\s*#\\s*include\\s+\"([^\"]+)\"");
    /** the assembly files a harness names, {@code PC_ASSEMBLY("fpu.S", "-DX=1", "vector.S")} */
    private static final Pattern ASSEMBLY = Pattern.compile("PC_ASSEMBLY\\s*\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    private final Path base;
    private final Path copy;

    private SourceCopy(Path base, Path copy) {
        this.base = base;
        this.copy = copy;
    }

    /**
     * The tree the patch's paths are relative to: {@code source} when given, else the nearest
     * folder at or above the harnesses' folders under which every file the patch changes exists.
     */
    public static Path root(String patchFile, Path source, List<Path> harnesses, List<FilePatch> patches)
            throws PatchException {
        if (source != null) {
            Path root = source.toAbsolutePath().normalize();
            if (!Files.isDirectory(root)) throw new PatchException(source + ": not a folder (--source)");
            for (FilePatch fp : patches) {
                if (!Files.isRegularFile(root.resolve(fp.path())) && !creates(fp)) {
                    throw new PatchException(patchFile + ": the patch changes " + fp.path() + ", which is not in " + source);
                }
            }
            return root;
        }
        Path start = commonAncestor(harnesses.stream().map(h -> h.toAbsolutePath().normalize().getParent()).toList());
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p;
            if (patches.stream().allMatch(fp -> creates(fp) || Files.isRegularFile(candidate.resolve(fp.path())))) return p;
        }
        throw new PatchException(patchFile + ": the patch changes " + patches.get(0).path()
                + ", which is in no folder above the harnesses (give the tree with --source DIR)");
    }

    private static boolean creates(FilePatch fp) {
        var deltas = fp.patch().getDeltas();
        return deltas.size() == 1 && deltas.get(0).getSource().getLines().isEmpty();
    }

    /** Copies what the harnesses read and applies the patch to the copies; prints nothing. */
    public static SourceCopy make(String patchFile, Path root, List<Path> harnesses, List<FilePatch> patches,
                                  List<String> notes) throws PatchException, IOException {
        Set<Path> files = includes(harnesses);
        List<Path> patched = new ArrayList<>();
        for (FilePatch fp : patches) patched.add(root.resolve(fp.path()).normalize());
        List<Path> all = new ArrayList<>(files);
        all.addAll(patched);
        List<Path> folders = new ArrayList<>();
        for (Path f : all) folders.add(f.getParent());
        folders.add(root);
        Path base = commonAncestor(folders);
        Path copy = Files.createTempDirectory("powercheck-patch-");
        SourceCopy sc = new SourceCopy(base, copy);
        try {
            for (Path f : files) {
                Path to = sc.inCopy(f);
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
            for (int i = 0; i < patches.size(); i++) {
                FilePatch fp = patches.get(i);
                Path original = patched.get(i);
                List<String> lines = Files.isRegularFile(original)
                        ? Files.readAllLines(original, StandardCharsets.UTF_8) : List.of();
                FilePatch.Applied applied = Patches.apply(patchFile, fp, lines);
                for (FilePatch.Placement p : applied.placements()) {
                    if (p.offset() == 0 && p.fuzz() == 0) continue;
                    notes.add(fp.path() + ": hunk " + p.hunk() + " applied"
                            + (p.offset() == 0 ? "" : " at offset " + (p.offset() > 0 ? "+" : "") + p.offset() + " lines")
                            + (p.fuzz() == 0 ? "" : " with fuzz " + p.fuzz()));
                }
                Path to = sc.inCopy(original);
                Files.createDirectories(to.getParent());
                Files.write(to, applied.lines(), StandardCharsets.UTF_8);
            }
            return sc;
        } catch (PatchException | IOException | RuntimeException e) {
            sc.close();
            throw e;
        }
    }

    /** Where a file of the original tree is in the copy. */
    public Path inCopy(Path original) {
        return copy.resolve(base.relativize(original.toAbsolutePath().normalize()).toString());
    }

    /**
     * Preprocessor arguments with {@code -I DIR} preceded by {@code -I COPY} wherever the copy has
     * that folder: an include the patch changed is read from the copy, every other one from DIR.
     */
    public List<String> includesFirst(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("-I") && i + 1 < args.size()) {
                Path dir = Path.of(args.get(i + 1)).toAbsolutePath().normalize();
                if (dir.startsWith(base) && Files.isDirectory(inCopy(dir))) {
                    out.add("-I");
                    out.add(inCopy(dir).toString());
                }
            }
            out.add(args.get(i));
        }
        return out;
    }

    /** The harnesses and every file they include, transitively; files that do not exist are left out. */
    static Set<Path> includes(List<Path> harnesses) throws IOException {
        Set<Path> seen = new LinkedHashSet<>();
        ArrayDeque<Path> todo = new ArrayDeque<>();
        for (Path h : harnesses) todo.add(h.toAbsolutePath().normalize());
        while (!todo.isEmpty()) {
            Path f = todo.poll();
            if (!Files.isRegularFile(f) || !seen.add(f)) continue;
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                Matcher m = INCLUDE.matcher(line);
                if (m.find()) todo.add(f.getParent().resolve(m.group(1)).normalize());
                Matcher asm = ASSEMBLY.matcher(line);
                if (asm.find()) {
                    Matcher q = QUOTED.matcher(asm.group(1));
                    while (q.find()) {
                        if (!q.group(1).startsWith("-")) todo.add(f.getParent().resolve(q.group(1)).normalize());
                    }
                }
            }
        }
        return seen;
    }

    private static Path commonAncestor(List<Path> paths) {
        Path common = paths.get(0);
        for (Path p : paths) {
            while (!p.startsWith(common)) common = common.getParent();
        }
        return common;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> walk = Files.walk(copy)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
