package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercheck.frontend.asm.AsmModule;

/**
 * Scenario S7 on a real kernel tree's own, unedited {@code arch/powerpc/kernel/fpu.S} and
 * {@code vector.S}, assembled with the tree's headers ({@code -I}), in place of the kernel-style
 * models: with the fix of commit 5e1d824f9a28 the register check holds, with the fix taken out
 * again (the lines it added, removed from a copy) it fails on {@code mffs fr0}. Opt-in, since
 * the project ships no kernel text: {@code -Dpowercheck.kernelTree=DIR} (or the environment
 * variable {@code POWERCHECK_KERNEL_TREE}) names an unpacked tree, such as Debian's
 * {@code linux-source-6.1}; without one the test says so and is skipped.
 */
class KernelTreeRegisterSaveTest {
    private static final String FIX_FP_R6 = "REST_1FPVSR(0, R4, R6)";
    private static final String FIX_FP_R3 = "REST_1FPVSR(0, R4, R3)";
    private static final String FIX_VR_R7 = "lvx\tv0,0,r7";
    private static final String FIX_VR_R3 = "lvx\tv0,0,r3";

    @TempDir
    Path dir;

    private static Path tree() {
        String named = System.getProperty("powercheck.kernelTree", System.getenv("POWERCHECK_KERNEL_TREE"));
        assumeTrue(named != null, "no kernel tree: set -Dpowercheck.kernelTree=DIR (an unpacked linux-source tree)"
                + " to check S7 on its fpu.S and vector.S");
        Path tree = Path.of(named);
        assumeTrue(Files.isRegularFile(tree.resolve("arch/powerpc/kernel/fpu.S")), "no arch/powerpc/kernel/fpu.S in " + tree);
        return tree;
    }

    private static List<String> includes(Path tree) {
        List<String> out = new ArrayList<>();
        for (String d : List.of("arch/powerpc/include", "arch/powerpc/include/uapi", "include", "include/uapi")) {
            out.add("-I");
            out.add(tree.resolve(d).toString());
        }
        return out;
    }

    @Test
    void theTreesFilesAssemble() {
        Path tree = tree();
        List<String> args = includes(tree);
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < args.size(); i += 2) flags.add("-I" + args.get(i + 1));
        Map<String, Long> offsets = Map.of("THREAD", 0L, "THREAD_FPSAVEAREA", 0L, "PT_REGS", 0L,
                "THREAD_FPSTATE", 0L, "FPSTATE_FPSCR", 0L, "THREAD_VRSAVEAREA", 0L, "THREAD_VRSTATE", 0L,
                "VRSTATE_VSCR", 0L);
        for (String f : List.of("fpu.S", "vector.S")) {
            AsmModule m = AsmModule.load(tree.resolve("arch/powerpc/kernel").resolve(f), flags, offsets);
            assertTrue(m.defines(f.equals("fpu.S") ? "save_fpu" : "save_altivec"), f);
        }
    }

    @Test
    void s7OnTheTreesCodeWithAndWithoutTheFix() throws IOException {
        Path tree = tree();
        String fpu = Files.readString(tree.resolve("arch/powerpc/kernel/fpu.S"));
        String vector = Files.readString(tree.resolve("arch/powerpc/kernel/vector.S"));
        assumeTrue(fpu.contains(FIX_FP_R6), "this tree's fpu.S predates commit 5e1d824f9a28");
        Path fixed = Files.createDirectories(dir.resolve("fixed"));
        Path buggy = Files.createDirectories(dir.resolve("reverted"));
        Files.writeString(fixed.resolve("fpu.S"), fpu);
        Files.writeString(fixed.resolve("vector.S"), vector);
        Files.writeString(buggy.resolve("fpu.S"), without(fpu, FIX_FP_R6, FIX_FP_R3));
        Files.writeString(buggy.resolve("vector.S"), without(vector, FIX_VR_R7, FIX_VR_R3));

        CliRun withFix = run(tree, harness(fixed));
        assertEquals(0, withFix.status(), withFix.out() + withFix.err());
        assertTrue(withFix.out().contains("Observation S7-save-all Never"), withFix.out());

        CliRun reverted = run(tree, harness(buggy));
        assertEquals(1, reverted.status(), reverted.out() + reverted.err());
        assertTrue(reverted.out().contains("Register S7-save-all: f0 (vs0 doubleword 0) is ?fpscr at return, not ?f0"),
                reverted.out());
        assertTrue(reverted.out().matches("(?s).*last written at \\S*reverted/fpu\\.S:\\d+:\\d+ \\(mffs fr0\\).*"),
                reverted.out());
    }

    private static String without(String text, String... lines) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            boolean drop = false;
            for (String l : lines) drop |= line.strip().equals(l.strip());
            if (!drop) out.append(line).append('\n');
        }
        return out.toString();
    }

    /** The project's S7-save-all harness, with the tree's files (in {@code asm}) for the models. */
    private Path harness(Path asm) throws IOException {
        Path spec = ProjectPaths.specs().resolve("S7-fp-register-save/S7-save-all.litmus");
        String examples = ProjectPaths.root().resolve("examples").toString();
        String text = Files.readString(spec).replace("\"../../examples", "\"" + examples)
                .replace(examples + "/kernel/fpvmx/fpu.S", asm.resolve("fpu.S").toString())
                .replace(examples + "/kernel/fpvmx/vector.S", asm.resolve("vector.S").toString());
        Path h = asm.resolve("S7-save-all.litmus");
        Files.writeString(h, text);
        return h;
    }

    private static CliRun run(Path tree, Path harness) {
        List<String> args = new ArrayList<>(List.of("check"));
        args.addAll(includes(tree));
        args.add(harness.toString());
        return CliRun.real(args.toArray(String[]::new));
    }
}
