package org.powercheck.checker.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercheck.checker.cli.ProjectPaths;

/** Reading patches as people send them, and applying hunks with offset and fuzz. */
class PatchesTest {
    private static final List<String> FILE = List.of("one", "two", "three", "four", "five", "six", "seven");
    private static final String DIFF = String.join("\n",
            "--- a/f.c",
            "+++ b/f.c",
            "@@ -2,5 +2,6 @@",
            " two",
            " three",
            " four",
            "+inserted",
            " five",
            " six",
            "");

    @Test
    void aHunkAtItsLineNeedsNoOffsetOrFuzz() throws PatchException {
        FilePatch.Applied a = apply(DIFF, FILE);
        assertEquals(List.of("one", "two", "three", "four", "inserted", "five", "six", "seven"), a.lines());
        assertEquals(List.of(new FilePatch.Placement(1, 0, 0)), a.placements());
    }

    @Test
    void aHunkWhoseLinesMovedAppliesAtAnOffset() throws PatchException {
        List<String> moved = new ArrayList<>(List.of("new 1", "new 2", "new 3"));
        moved.addAll(FILE);
        FilePatch.Applied a = apply(DIFF, moved);
        assertEquals(List.of(new FilePatch.Placement(1, 3, 0)), a.placements());
        assertEquals("inserted", a.lines().get(7));
    }

    @Test
    void aHunkWhoseOuterContextChangedAppliesWithFuzz() throws PatchException {
        List<String> edited = new ArrayList<>(FILE);
        edited.set(1, "TWO (edited)");
        FilePatch.Applied a = apply(DIFF, edited);
        assertEquals(List.of(new FilePatch.Placement(1, 0, 1)), a.placements());
        assertEquals(List.of("one", "TWO (edited)", "three", "four", "inserted", "five", "six", "seven"), a.lines());
    }

    @Test
    void aHunkWhoseLinesAreGoneNamesTheHunkTheFileAndWhy() {
        List<String> other = List.of("nothing", "like", "it");
        PatchException e = assertThrows(PatchException.class, () -> apply(DIFF, other));
        assertEquals("p.diff: hunk 1 of f.c (at line 2) does not apply: its lines are not in the file, even with fuzz 2"
                + " (first expected line: 'two')", e.getMessage());
    }

    @Test
    void emptyBinaryAndDiffLessPatchesAreRefusedWithOneMessage() {
        assertEquals("p: the patch is empty", assertThrows(PatchException.class, () -> PatchText.extract("p", "\n \n")).getMessage());
        assertEquals("p: a binary file, not a patch",
                assertThrows(PatchException.class, () -> PatchText.extract("p", "PK\0\3binary")).getMessage());
        assertEquals("p: a binary patch; patch-check applies text diffs only", assertThrows(PatchException.class,
                () -> PatchText.extract("p", "diff --git a/x.o b/x.o\nindex 1..2\nGIT binary patch\nliteral 3\n")).getMessage());
        assertTrue(assertThrows(PatchException.class, () -> PatchText.extract("p", "Subject: hello\n\nno diff here\n"))
                .getMessage().startsWith("p: no unified diff in it"));
    }

    /** The shipped patches read the same as format-patch output, as a mail, and quoted in a reply. */
    @Test
    void aMailAndAQuotedReplyCarryTheSameDiffAsThePatch() throws IOException, PatchException {
        Path dir = ProjectPaths.root().resolve("examples/patches");
        for (String name : List.of("lwsync-before-ipi", "xnop-before-ipi", "remove-set-message-mb")) {
            List<String> patch = PatchText.extract(name, Files.readString(dir.resolve(name + ".patch")));
            assertTrue(patch.stream().anyMatch(l -> l.startsWith("@@")), name);
            assertEquals(patch, PatchText.extract(name, Files.readString(dir.resolve(name + ".eml"))), name + ".eml");
            assertEquals(patch, PatchText.extract(name, Files.readString(dir.resolve(name + ".reply"))), name + ".reply");
        }
    }

    private static FilePatch.Applied apply(String diff, List<String> file) throws PatchException {
        List<FilePatch> patches = Patches.read("p.diff", PatchText.extract("p.diff", diff));
        assertEquals("f.c", patches.get(0).path());
        return Patches.apply("p.diff", patches.get(0), file);
    }
}
