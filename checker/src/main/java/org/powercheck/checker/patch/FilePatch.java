package org.powercheck.checker.patch;

import java.util.List;
import com.github.difflib.patch.Patch;

/**
 * The changes a diff makes to one file.
 *
 * @param path  the file's path relative to the tree the patch was made in (git's a/ and b/ gone)
 * @param patch the hunks, as java-diff-utils reads them
 */
public record FilePatch(String path, Patch<String> patch) {
    public int hunks() {
        return patch.getDeltas().size();
    }

    /** What one hunk needed to apply: how far from its stated line, and how many context lines were ignored. */
    public record Placement(int hunk, int offset, int fuzz) { }

    public record Applied(List<String> lines, List<Placement> placements) { }
}
