package org.powercheck.checker.patch;

import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.ChangeDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.Patch;
import com.github.difflib.patch.PatchFailedException;
import com.github.difflib.unifieddiff.UnifiedDiff;
import com.github.difflib.unifieddiff.UnifiedDiffFile;
import com.github.difflib.unifieddiff.UnifiedDiffReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a unified diff with java-diff-utils and applies it to one file's lines as {@code patch}
 * does: each hunk at its stated line, else at the nearest offset where its lines are, else with
 * up to {@link #MAX_FUZZ} context lines at each end ignored (the fuzz), which is reported.
 */
public final class Patches {
    public static final int MAX_FUZZ = 2;

    private Patches() {}

    public static List<FilePatch> read(String file, List<String> diffLines) throws PatchException {
        UnifiedDiff diff;
        try {
            String text = String.join("\n", diffLines) + "\n";
            diff = UnifiedDiffReader.parseUnifiedDiff(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new PatchException(file + ": not a unified diff: " + e.getMessage());
        }
        List<FilePatch> out = new ArrayList<>();
        for (UnifiedDiffFile f : diff.getFiles()) {
            String to = f.getToFile(), from = f.getFromFile();
            String path = strip(to == null || to.equals("/dev/null") ? from : to);
            if (path == null) throw new PatchException(file + ": a file diff without a file name");
            if (f.getPatch().getDeltas().isEmpty()) continue;
            out.add(new FilePatch(path, f.getPatch()));
        }
        if (out.isEmpty()) throw new PatchException(file + ": the patch changes nothing (no hunk in it)");
        return out;
    }

    /** git's a/ and b/ prefixes, and a timestamp after a tab, are not part of the path. */
    private static String strip(String name) {
        if (name == null) return null;
        String n = name.strip();
        int tab = n.indexOf('\t');
        if (tab >= 0) n = n.substring(0, tab);
        if (n.startsWith("a/") || n.startsWith("b/")) n = n.substring(2);
        return n;
    }

    /** The file's lines after the patch, and where each hunk went. */
    public static FilePatch.Applied apply(String patchFile, FilePatch fp, List<String> original) throws PatchException {
        List<AbstractDelta<String>> deltas = fp.patch().getDeltas();
        Patch<String> placed = new Patch<>();
        List<FilePatch.Placement> placements = new ArrayList<>();
        for (int h = 0; h < deltas.size(); h++) {
            AbstractDelta<String> d = deltas.get(h);
            List<String> source = d.getSource().getLines(), target = d.getTarget().getLines();
            int at = d.getSource().getPosition();
            boolean found = false;
            for (int fuzz = 0; fuzz <= MAX_FUZZ && !found; fuzz++) {
                int cut = Math.min(fuzz, contextAtEnds(source, target));
                if (cut < fuzz) break;
                List<String> src = source.subList(cut, source.size() - cut);
                List<String> dst = target.subList(cut, target.size() - cut);
                for (int k = 0; k <= original.size() && !found; k++) {
                    for (int offset : k == 0 ? new int[] {0} : new int[] {k, -k}) {
                        int pos = at + cut + offset;
                        if (matches(original, src, pos)) {
                            placed.addDelta(new ChangeDelta<>(new Chunk<>(pos, new ArrayList<>(src)),
                                    new Chunk<>(d.getTarget().getPosition() + cut + offset, new ArrayList<>(dst))));
                            placements.add(new FilePatch.Placement(h + 1, offset, fuzz));
                            found = true;
                            break;
                        }
                    }
                }
            }
            if (!found) {
                String expected = source.isEmpty() ? "(nothing)" : source.get(0);
                throw new PatchException(patchFile + ": hunk " + (h + 1) + " of " + fp.path() + " (at line " + (at + 1)
                        + ") does not apply: its lines are not in the file, even with fuzz " + MAX_FUZZ
                        + " (first expected line: '" + expected.strip() + "')");
            }
        }
        try {
            return new FilePatch.Applied(placed.applyTo(original), placements);
        } catch (PatchFailedException e) {
            throw new PatchException(patchFile + ": the hunks of " + fp.path() + " overlap: " + e.getMessage());
        }
    }

    /** How many lines at each end of a hunk are context, the same before and after. */
    private static int contextAtEnds(List<String> source, List<String> target) {
        int n = 0;
        while (n < source.size() && n < target.size()
                && source.get(n).equals(target.get(n))
                && source.get(source.size() - 1 - n).equals(target.get(target.size() - 1 - n))
                && 2 * (n + 1) <= Math.min(source.size(), target.size())) {
            n++;
        }
        return n;
    }

    private static boolean matches(List<String> file, List<String> lines, int pos) {
        if (pos < 0 || pos + lines.size() > file.size()) return false;
        for (int i = 0; i < lines.size(); i++) if (!file.get(pos + i).equals(lines.get(i))) return false;
        return true;
    }
}
