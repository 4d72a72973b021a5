package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * patch-check on examples/patches with the S1 and S2 (in-loop) harnesses: the verdict table,
 * the same table from a mail and a quoted reply, and the refusals (exit 2), with the source
 * tree unchanged after every run.
 */
class PatchCheckCommandTest {
    private static final Path ROOT = ProjectPaths.root();
    private static final String S1 = ROOT.resolve("specs/S1-reschedule-ipi/S1-doorbell.litmus").toString();
    private static final String S2 = ROOT.resolve("specs/S2-sender-without-mb/S2-mb-inloop.litmus").toString();

    @TempDir
    Path tmp;
    private String treeBefore;

    @BeforeEach
    void remember() throws IOException {
        treeBefore = digest();
    }

    @AfterEach
    void sourceTreeIsUntouched() throws IOException {
        assertEquals(treeBefore, digest(), "patch-check wrote into examples/ or specs/");
    }

    private static CliRun patchCheck(String patch, String... harnesses) {
        String[] args = new String[harnesses.length + 3];
        args[0] = "patch-check";
        args[1] = "--patch";
        args[2] = patch;
        System.arraycopy(harnesses, 0, args, 3, harnesses.length);
        return CliRun.real(args);
    }

    private static String patch(String name) {
        return ROOT.resolve("examples/patches").resolve(name).toString();
    }

    /** The rows of the table: harness, before, after, change (the times and the patch's name left out). */
    private static List<String> rows(CliRun run) {
        return run.out().lines().filter(l -> l.startsWith("S")).map(l -> l.replaceAll("\\s+\\S+s\\s+\\S+s$", "")).toList();
    }

    @Test
    void theLwsyncPatchChangesNothing() {
        CliRun run = patchCheck(patch("lwsync-before-ipi.patch"), S1, S2);
        assertEquals(0, run.status(), run.err());
        assertEquals(List.of("S1-doorbell                  safe            safe            unchanged",
                "S2-mb-inloop                 safe            safe            unchanged"), rows(run));
        assertTrue(run.out().contains("  examples/kernel/smp.c: 1 hunk\n"), run.out());
    }

    @Test
    void theFpVmxSaveFixFixesTheRegisterSave() {
        String s7 = ROOT.resolve("specs/S7-fp-register-save/S7-save-all.litmus").toString();
        List<String> expected = List.of("S7-save-all                  counterexample  safe            fixed");
        for (String form : List.of("fp-vmx-save-fix.patch", "fp-vmx-save-fix.eml", "fp-vmx-save-fix.reply")) {
            CliRun run = patchCheck(patch(form), s7);
            assertEquals(0, run.status(), form + ": " + run.out() + run.err());
            assertEquals(expected, rows(run), form);
        }
    }

    @Test
    void theXnopPatchChangesNothing() {
        CliRun run = patchCheck(patch("xnop-before-ipi.patch"), S1);
        assertEquals(0, run.status(), run.err());
        assertEquals(List.of("S1-doorbell                  safe            safe            unchanged"), rows(run));
    }

    @Test
    void removingTheSendersBarrierBreaksTheInLoopPickup() {
        CliRun patch = patchCheck(patch("remove-set-message-mb.patch"), S1, S2);
        assertEquals(1, patch.status(), patch.err());
        assertEquals(List.of("S1-doorbell                  safe            safe            unchanged",
                "S2-mb-inloop                 safe            counterexample  broke"), rows(patch));
        CliRun mail = patchCheck(patch("remove-set-message-mb.eml"), S1, S2);
        CliRun reply = patchCheck(patch("remove-set-message-mb.reply"), S1, S2);
        assertEquals(rows(patch), rows(mail), "as a mail");
        assertEquals(rows(patch), rows(reply), "quoted in a reply");
        assertEquals(1, mail.status());
        assertEquals(1, reply.status());
    }

    /** With --source the patch's paths are relative to that tree, wherever the harnesses are; the tree is only read. */
    @Test
    void aSourceTreeGivenApart() throws IOException {
        Path tree = tmp.resolve("tree");
        Files.createDirectories(tree.resolve("examples"));
        copy(ROOT.resolve("examples/kernel"), tree.resolve("examples/kernel"));
        Path harness = tree.resolve("specs/S2-sender-without-mb/S2-mb-inloop.litmus");
        Files.createDirectories(harness.getParent());
        Files.copy(Path.of(S2), harness);
        String before = Files.readString(tree.resolve("examples/kernel/smp.c"));
        CliRun run = CliRun.real("patch-check", "--patch", patch("remove-set-message-mb.reply"),
                "--source", tree.toString(), harness.toString());
        assertEquals(1, run.status(), run.err());
        assertEquals(List.of("S2-mb-inloop                 safe            counterexample  broke"), rows(run));
        assertEquals(before, Files.readString(tree.resolve("examples/kernel/smp.c")), "the tree given was written");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
    }

    @Test
    void aPatchThatDoesNotApplyIsExitTwoWithTheHunk() throws IOException {
        String text = Files.readString(Path.of(patch("lwsync-before-ipi.patch")))
                .replace(" #if PC_PATCH_XNOP_BEFORE_IPI", " #if SOMETHING_ELSE")
                .replace(" \t\tasm volatile(\"xnop\" : : : \"memory\");", " \t\tnot what the file has;")
                .replace(" \t\tdo_message_pass(cpu, PPC_MSG_RESCHEDULE);", " \t\tnor this;");
        Path bad = tmp.resolve("bad.patch");
        Files.writeString(bad, text);
        CliRun run = patchCheck(bad.toString(), S1);
        assertEquals(2, run.status(), run.out());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith(bad + ": hunk 1 of examples/kernel/smp.c (at line 134) does not apply"), run.err());
        assertEquals(1, run.errLines(), run.err());
    }

    @Test
    void aHarnessThatDoesNotParseIsExitTwo() throws IOException {
        Path harness = tmp.resolve("broken.litmus");
        Files.writeString(harness, "C broken\n{ x = 0; }\nP0(void) { WRITE_ONCE(x, ; }\nexists (x=1)\n");
        CliRun run = patchCheck(patch("lwsync-before-ipi.patch"), harness.toString());
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().startsWith(harness.toString() + ":"), run.err());
        assertEquals(1, run.errLines(), run.err());
    }

    @Test
    void emptyAndBinaryPatchesAreExitTwo() throws IOException {
        Path empty = tmp.resolve("empty.patch");
        Files.writeString(empty, "");
        Path binary = tmp.resolve("binary.patch");
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2});
        CliRun e = patchCheck(empty.toString(), S1);
        CliRun b = patchCheck(binary.toString(), S1);
        assertEquals(2, e.status());
        assertEquals(empty + ": the patch is empty\n", e.err());
        assertEquals(2, b.status());
        assertEquals(binary + ": a binary file, not a patch\n", b.err());
    }

    /** A digest of every file under examples/ and specs/: what a patch-check run must leave as it was. */
    private static String digest() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(ROOT.resolve("examples")), Files.walk(ROOT.resolve("specs")))) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                md.update(f.toString().getBytes(StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
