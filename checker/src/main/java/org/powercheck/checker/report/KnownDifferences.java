package org.powercheck.checker.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;

/**
 * The tests whose verdict on POWER is known to differ from the LKMM's, with the reason: a
 * tab-separated file with the columns {@code path} (the test's path or its trailing part, as in
 * {@code c/paulmckrcu-litmus/manual/kernel/C-PaulEMcKenney-MP+o-a+a-o.litmus}), {@code direction}
 * ({@code power-allows-lkmm-forbids} or {@code lkmm-allows-power-forbids}) and {@code reason}.
 */
public final class KnownDifferences {
    public record Known(String path, ModelDirection direction, String reason) { }

    public static final KnownDifferences NONE = new KnownDifferences("", List.of());

    private final String fileName;
    private final List<Known> rows;

    private KnownDifferences(String fileName, List<Known> rows) {
        this.fileName = fileName;
        this.rows = List.copyOf(rows);
    }

    /** Reads the file; a bad row is an {@link InputException} at its line. */
    public static KnownDifferences read(Path file) {
        Tsv table = Tsv.read(file, "path", List.of("path", "direction", "reason"));
        List<Known> rows = new ArrayList<>();
        int line = 1;
        for (String path : table.keys()) {
            line++;
            Map<String, String> row = table.row(path);
            String word = row.get("direction");
            ModelDirection d = ModelDirection.ofWord(word).filter(x -> x != ModelDirection.SAME).orElseThrow(() ->
                    new InputException(new SourcePos(file.toString(), 0, 0), "row " + path + ": direction must be "
                            + ModelDirection.POWER_ALLOWS_LKMM_FORBIDS.word + " or "
                            + ModelDirection.LKMM_ALLOWS_POWER_FORBIDS.word + ", not '" + word + "'"));
            if (row.get("reason").isEmpty()) {
                throw new InputException(new SourcePos(file.toString(), 0, 0), "row " + path + ": empty reason");
            }
            rows.add(new Known(path, d, row.get("reason")));
        }
        return new KnownDifferences(file.getFileName().toString(), rows);
    }

    /** The row whose path is the whole of {@code file}'s path or its trailing part. */
    public Optional<Known> of(Path file) {
        String abs = file.toAbsolutePath().normalize().toString().replace(java.io.File.separatorChar, '/');
        for (Known k : rows) if (abs.equals(k.path()) || abs.endsWith("/" + k.path())) return Optional.of(k);
        return Optional.empty();
    }

    public List<Known> rows() {
        return rows;
    }

    /** The file's name, for "listed in NAME". */
    public String fileName() {
        return fileName;
    }
}
