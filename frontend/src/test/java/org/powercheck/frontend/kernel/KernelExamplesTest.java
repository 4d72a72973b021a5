package org.powercheck.frontend.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.powercheck.frontend.Frontend;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Program;

/** Every kernel model and harness of {@code examples/kernel} lowers. */
class KernelExamplesTest {
    private static final Pattern THREAD = Pattern.compile("(?m)^P(\\d+)\\(");

    static Optional<Path> examples() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("examples").resolve("kernel");
            if (Files.isDirectory(candidate.resolve("harness"))) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    static Stream<String> sources() throws IOException {
        Optional<Path> dir = examples();
        if (dir.isEmpty()) return Stream.of("<no examples>");
        try (Stream<Path> files = Files.list(dir.get())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".c") || n.endsWith(".h"))
                    .sorted().toList().stream();
        }
    }

    static Stream<String> harnesses() throws IOException {
        Optional<Path> dir = examples();
        if (dir.isEmpty()) return Stream.of("<no examples>");
        try (Stream<Path> files = Files.list(dir.get().resolve("harness"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".litmus")).sorted().toList()
                    .stream();
        }
    }

    /** A lone model: one pseudo-thread per function it defines, each lowered. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void eachModelLowersFunctionByFunction(String name) throws IOException {
        assumeTrue(examples().isPresent(), "examples/kernel not found above the working directory");
        Path file = examples().get().resolve(name);
        String text = Files.readString(file);
        Program p = Frontend.load(file);
        boolean hasFunctions = Pattern.compile("(?m)^\\{").matcher(text).find();
        assertEquals(hasFunctions, !p.threads().isEmpty(), name + " defines functions");
        for (var t : p.threads()) {
            assertTrue(Pattern.compile("\\b" + t.name() + "\\(").matcher(text).find(), t.name() + " is not in " + name);
            assertFalse(t.code().stream().anyMatch(i -> i.pos().line() <= 0), t.name() + " has an instruction without a position");
        }
    }

    /** A harness: its threads P0..Pn, its condition, every instruction placed in some file. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("harnesses")
    void eachHarnessLowers(String name) throws IOException {
        assumeTrue(examples().isPresent(), "examples/kernel not found above the working directory");
        Path file = examples().get().resolve("harness").resolve(name);
        String text = Files.readString(file);
        Program p = Frontend.load(file);
        assertEquals(name.replace(".litmus", ""), p.name());
        Matcher m = THREAD.matcher(text);
        int threads = 0;
        while (m.find()) threads++;
        assertEquals(threads, p.threads().size());
        assertTrue(p.condition().quantifier() == org.powercheck.ir.Condition.Quantifier.NOT_EXISTS);
        for (var t : p.threads()) {
            assertTrue(t.code().stream().anyMatch(i -> i instanceof Instr.Load || i instanceof Instr.Store
                    || i instanceof Instr.StoreConditional), t.name() + " accesses no memory");
        }
    }

    /** llist_add() and llist_del_all() of the llist.h model: a full try_cmpxchg loop and a full xchg. */
    @Test
    void llistAddAndDelAll() {
        assumeTrue(examples().isPresent(), "examples/kernel not found above the working directory");
        String llist = examples().get().resolve("llist.h").toString();
        Program p = KernelFrontend.harness("""
                C llist
                #include "%s"
                struct llist_head head;
                struct llist_node n1;
                {
                }
                P0(void)
                {
                	int empty = llist_add(&n1, &head);
                }
                P1(void)
                {
                	struct llist_node *first = llist_del_all(&head);
                }
                exists (0:empty=1 /\\ 1:first=n1)
                """.formatted(llist), "llist.litmus", KernelOptions.defaults());
        assertEquals(List.of(
                "llist_add_batch.first = load.64 [&head.first]",
                "%L3:",
                "store.64 [&n1.next] = llist_add_batch.first",
                "%L4:",
                "sync",
                "%t1 = load-reserve.64 [&head.first]",
                "if (%t1 != llist_add_batch.first) goto %L6",
                "%t2 = store-conditional.64 [&head.first] = &n1.next",
                "if %t2 goto %retry",
                "sync",
                "%L6:",
                "%t3 = (%t1 == llist_add_batch.first)",
                "if %t3 goto %L7",
                "llist_add_batch.first = %t1",
                "%L7:",
                "if logical_not(%t3) goto %L3",
                "%L5:",
                "empty = logical_not(llist_add_batch.first)",
                "goto %end", "%retry:", "assume 0", "%end:"),
            p.threads().get(0).code().stream().map(Instr::toString).toList());
        assertEquals(List.of(
                "sync",
                "first = load-reserve.64 [&head.first]",
                "%t1 = store-conditional.64 [&head.first] = 0",
                "if %t1 goto %retry",
                "sync",
                "goto %end", "%retry:", "assume 0", "%end:"),
            p.threads().get(1).code().stream().map(Instr::toString).toList());
    }
}
