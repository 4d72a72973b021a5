package org.powercheck.frontend.clitmus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.powercheck.ir.InputException;

/**
 * Damaged tests (truncated, with characters removed or inserted) give one InputException, never
 * another exception: the grammars accept every character and the lowering checks every name.
 */
class CLitmusRobustnessTest {
    private static final String SAMPLE = "C sample\n(* doc *)\n{\n\tint x = 1; 0:r1 = y;\n}\n\n"
            + "P0(int *x, int *y, spinlock_t *s)\n{\n\tint r2;\n\tspin_lock(s);\n\tr2 = READ_ONCE(*y);\n"
            + "\tif (r2 != 0 && r1) { WRITE_ONCE(*x, r2 + 1); } else r2 = cmpxchg(x, 1, 2);\n"
            + "\tspin_unlock(s);\n}\n\nP1(int *x, int *y)\n{\n\tsmp_store_release(y, 1);\n\tsmp_mb(); /* fence */\n}\n\n"
            + "locations [x]\nexists (0:r2=1 /\\ ~y=0)\n";
    private static final String NOISE = "(){};*&,=@~\"'/\\:[]#\n\t\u00e9";

    private static List<String> seeds() throws IOException {
        List<String> out = new ArrayList<>(List.of(SAMPLE));
        Optional<Path> root = CLitmusCorpusTest.corpus();
        if (root.isPresent()) {
            try (Stream<Path> files = Files.walk(root.get().resolve("c"))) {
                List<Path> all = files.filter(p -> p.toString().endsWith(".litmus")).sorted().toList();
                for (int i = 0; i < all.size(); i += 16) out.add(Files.readString(all.get(i), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void damagedInputGivesInputExceptionsOnly() throws IOException {
        Random random = new Random(42);
        int parsed = 0;
        for (String seed : seeds()) {
            for (int i = 0; i < 40; i++) {
                int at = random.nextInt(seed.length() + 1);
                String damaged = switch (i % 3) {
                    case 0 -> seed.substring(0, at);
                    case 1 -> at < seed.length() ? seed.substring(0, at) + seed.substring(at + 1) : seed;
                    default -> seed.substring(0, at) + NOISE.charAt(random.nextInt(NOISE.length())) + seed.substring(at);
                };
                try {
                    CLitmusFrontend.parse(damaged, "d.litmus");
                } catch (InputException e) {
                    assertTrue(e.getMessage().startsWith("d.litmus:"), e.getMessage());
                } catch (RuntimeException e) {
                    throw new AssertionError("crash on damaged input:\n" + damaged, e);
                }
                parsed++;
            }
        }
        assertTrue(parsed >= 40);
    }
}
