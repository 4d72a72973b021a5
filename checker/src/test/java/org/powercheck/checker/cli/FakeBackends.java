package org.powercheck.checker.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.CheckTimeoutException;
import org.powercheck.checker.Engine;
import org.powercheck.checker.EngineLimitException;
import org.powercheck.checker.FinalState;
import org.powercheck.checker.Outcome;
import org.powercheck.ir.Cell;
import org.powercheck.ir.Condition;
import org.powercheck.ir.Expr;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Program;
import org.powercheck.ir.Prop;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.StateKey;
import org.powercheck.ir.UnsupportedConstructException;
import org.powercheck.ir.Width;

/**
 * Canned tests for driving the CLI without a front end or engine: a test file holds one word,
 * the name of a scenario below; the fake engine returns that scenario's final states.
 */
public final class FakeBackends {
    public static final StateKey R1 = new StateKey.RegKey(1, new Reg("r1"));
    public static final StateKey X = new StateKey.MemKey("x");

    private record Scenario(Condition.Quantifier quantifier, Prop prop, List<Long> r1Values, boolean boundCut) {}

    private static final Prop R1_IS_1 = eq(R1, 1);

    private static final Map<String, Scenario> SCENARIOS = Map.ofEntries(
            Map.entry("reachable", new Scenario(Condition.Quantifier.EXISTS, R1_IS_1, List.of(0L, 1L), false)),
            Map.entry("unreachable", new Scenario(Condition.Quantifier.EXISTS, R1_IS_1, List.of(0L), false)),
            Map.entry("always", new Scenario(Condition.Quantifier.EXISTS, R1_IS_1, List.of(1L), false)),
            Map.entry("notexists-holds", new Scenario(Condition.Quantifier.NOT_EXISTS, R1_IS_1, List.of(0L, 2L), false)),
            Map.entry("notexists-violated", new Scenario(Condition.Quantifier.NOT_EXISTS, R1_IS_1, List.of(0L, 1L), false)),
            Map.entry("forall-holds", new Scenario(Condition.Quantifier.FORALL,
                    new Prop.Or(eq(R1, 0), R1_IS_1), List.of(0L, 1L), false)),
            Map.entry("forall-violated", new Scenario(Condition.Quantifier.FORALL,
                    new Prop.Or(eq(R1, 0), R1_IS_1), List.of(0L, 1L, 2L), false)),
            Map.entry("boundcut", new Scenario(Condition.Quantifier.EXISTS, R1_IS_1, List.of(0L), true)),
            Map.entry("boundcut-reachable", new Scenario(Condition.Quantifier.EXISTS, R1_IS_1, List.of(0L, 1L), true)));

    private FakeBackends() {}

    public static Backends backends() {
        return new Backends(FakeBackends::load, Map.of("sat", FakeEngine::new, "explicit", FakeEngine::new));
    }

    static Prop eq(StateKey key, long v) {
        return new Prop.Eq(key, new Expr.Const(v));
    }

    /** Writes a fake test file holding {@code scenario}; the test's name is the file's base name. */
    public static Path write(Path dir, String fileName, String scenario) {
        try {
            Path f = dir.resolve(fileName);
            Files.createDirectories(f.getParent());
            Files.writeString(f, scenario + "\n");
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Program load(Path file) {
        String word;
        try {
            word = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SourcePos at = new SourcePos(file.toString(), 1, 1);
        switch (word) {
            case "syntax-error" -> throw new InputException(new SourcePos(file.toString(), 3, 7), "expected ';'");
            case "unsupported" -> throw new UnsupportedConstructException(new SourcePos(file.toString(), 2, 5), "synchronize_rcu");
            case "loader-bug" -> throw new IllegalStateException("loader bug");
            default -> { }
        }
        String name = file.getFileName().toString().replaceFirst("\\.litmus$", "");
        Scenario s = SCENARIOS.get(word);
        Condition.Quantifier q = s == null ? Condition.Quantifier.EXISTS : s.quantifier();
        Prop prop = s == null ? R1_IS_1 : s.prop();
        // The scenario's word rides along as a second cell, which the fake engine reads.
        List<Cell> cells = List.of(new Cell("x", new Expr.Const(0), Width.WORD, at),
                new Cell(word, new Expr.Const(0), Width.WORD, at));
        return new Program(name, Program.Arch.PPC, file.toString(), cells, List.of(),
                new Condition(q, prop, at), List.of(), Optional.empty());
    }

    /** Answers from the scenario named by the program's second cell. */
    static final class FakeEngine implements Engine {
        @Override
        public Outcome run(Program program, CheckOptions options) throws CheckTimeoutException {
            String word = program.cells().get(1).name();
            switch (word) {
                case "slow" -> throw new CheckTimeoutException("timeout");
                case "crash" -> throw new IllegalStateException("engine bug");
                case "limit" -> throw new EngineLimitException(new SourcePos(program.file(), 4, 1), "a program this large");
                default -> { }
            }
            Scenario s = SCENARIOS.get(word);
            if (s == null) throw new IllegalArgumentException("no scenario " + word);
            List<FinalState> states = new ArrayList<>();
            for (long v : s.r1Values()) states.add(FinalState.of(Map.of(R1, v)));
            return new Outcome(program, states, s.boundCut(), Optional.empty(), 1000);
        }

        @Override
        public String name() {
            return "fake";
        }
    }
}
