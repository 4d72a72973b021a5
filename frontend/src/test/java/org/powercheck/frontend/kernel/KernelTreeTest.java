package org.powercheck.frontend.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Instr;
import org.powercheck.ir.ThreadCode;

/**
 * Kernel C read with a kernel tree's own headers ({@code --kernel-tree}), on a fake tree of a
 * few headers under the test resources: include search with the asm-generic fallback, the
 * generated autoconf.h from the default configuration and its Kconfig selects, the checker's
 * primitives kept over the tree's macros, and bad trees, headers and .config files.
 */
class KernelTreeTest {
    private static final Path TREE = Path.of("src/test/resources/org/powercheck/frontend/kernel/fake-tree");

    private static KernelFrontend.LoweredSource lower(String file, Optional<Path> config) throws IOException {
        Path source = TREE.resolve(file);
        KernelOptions options = KernelOptions.defaults().withTree(KernelTree.open(TREE, config));
        return KernelFrontend.sourceFunctions(Files.readString(source), source.toString(), options, Set.of());
    }

    @Test
    void headersOfTheTreeAreReadAndEachFailureNamedWithItsReason() throws IOException {
        KernelFrontend.LoweredSource s = lower("kernel/thing.c", Optional.empty());
        assertEquals(List.of("use_thing", "by_value", "first_characters"),
                s.program().threads().stream().map(ThreadCode::name).toList());
        List<Instr> code = s.program().threads().get(0).code();
        // thing_b's WRITE_ONCE of FAKE_GENERIC_VALUE (from asm-generic/barrier.h): the tree's empty macro was not read
        assertTrue(code.stream().anyMatch(i -> i instanceof Instr.Store st && st.value().toString().equals("7")), code::toString);
        assertTrue(code.stream().anyMatch(i -> i instanceof Instr.Load), code::toString);
        assertEquals(1, s.notLowered().size());
        KernelFrontend.NotLowered failed = s.notLowered().get(0);
        assertEquals("not_declared", failed.function());
        assertEquals(20, failed.why().pos().line());
        assertEquals("undeclared variable 'UNDECLARED_NAME'", failed.why().detail());
        assertEquals(List.of("thing_external"), List.copyOf(s.havocked()));
    }

    @Test
    void structsPassedByValueAndGenericSelections() throws IOException {
        List<Instr> code = lower("kernel/thing.c", Optional.empty()).program().threads().get(1).code();
        // _Generic((t), struct thing *: 1, default: 2) stored to t->b; {1, 5} and (struct pair){3, 4} initialised
        List<String> stored = code.stream().filter(i -> i instanceof Instr.Store).map(i -> ((Instr.Store) i).value().toString())
                .filter(v -> v.matches("\\d+")).toList();
        assertEquals(List.of("1", "5", "1", "3", "4"), stored, code::toString);
        // each pair_y(p) copies both members into its parameter before reading p.y
        long copies = code.stream().filter(i -> i instanceof Instr.Store st && st.address().toString().contains("pair_y.p")).count();
        assertEquals(4, copies, code::toString);
    }

    @Test
    void aStringLiteralIsAnObjectHoldingItsFirstCharacter() throws IOException {
        KernelFrontend.LoweredSource s = lower("kernel/thing.c", Optional.empty());
        // "ab", "\nx", "\x41"
        assertEquals(List.of("97", "10", "65"), s.program().cells().stream().filter(c -> c.name().startsWith("__pc_string_"))
                .map(c -> c.init().toString()).toList());
    }

    @Test
    void aDotConfigReplacesTheDefaultConfiguration() throws IOException {
        // HAVE_FAKE_THING is selected by PPC in the default configuration, not set in this one
        KernelFrontend.LoweredSource s = lower("kernel/thing.c", Optional.of(TREE.resolve("good.config")));
        assertEquals(List.of("thing_b", "thing_external"), List.copyOf(s.havocked()));
        assertEquals("1", KernelConfig.defaults(TREE.toAbsolutePath()).values().get("CONFIG_HAVE_FAKE_THING"));
    }

    @Test
    void aDirectoryThatIsNoKernelTreeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KernelTree.open(TREE.resolve("kernel"), Optional.empty()));
        assertTrue(e.getMessage().contains("is not a kernel source tree"), e.getMessage());
    }

    @Test
    void aMissingHeaderIsAnErrorAtItsInclude() {
        InputException e = assertThrows(InputException.class, () -> lower("kernel/missing.c", Optional.empty()));
        assertEquals(1, e.pos().line());
        assertEquals(10, e.pos().column());
        assertTrue(e.detail().startsWith("linux/no-such-header.h: No such file or directory"), e.detail());
    }

    @Test
    void anUnknownConfigOptionIsAnErrorAtItsLine() {
        InputException e = assertThrows(InputException.class,
                () -> KernelTree.open(TREE, Optional.of(TREE.resolve("unknown-option.config"))));
        assertEquals(3, e.pos().line());
        assertTrue(e.detail().startsWith("unknown configuration option CONFIG_NOT_AN_OPTION"), e.detail());
    }

    @Test
    void inlineAssemblyIsNormalisedAsTheAssemblerReadsIt() {
        assertEquals("lwz 14,0(15)\n bne 1b\n", InlineAssembly.normalized("lwz%U1%X1 14,0(15)\n bne- 1b\n"));
        assertEquals("\nsync", InlineAssembly.normalized("dcbt 0,5\nsync"));
        assertEquals("1:\tlwarx\tr16,0,r15\t\t\n", InlineAssembly.normalized("1:\tlwarx\tr16,0,r15\t\t# __cmpxchg_u32\n"));
    }
}
