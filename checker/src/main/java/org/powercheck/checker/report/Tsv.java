package org.powercheck.checker.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;

/** A tab-separated table with a header line, rows keyed by one column. */
public final class Tsv {
    private final Map<String, Map<String, String>> rows;

    private Tsv(Map<String, Map<String, String>> rows) {
        this.rows = rows;
    }

    /**
     * Reads {@code file}; every column in {@code required} must be in the header and
     * {@code key} must be unique. Problems are reported at their line as {@link InputException}.
     */
    public static Tsv read(Path file, String key, List<String> required) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(new SourcePos(file.toString(), 0, 0), "no such file");
        } catch (IOException e) {
            throw new InputException(new SourcePos(file.toString(), 0, 0), "cannot read: " + e.getMessage());
        }
        if (lines.isEmpty()) throw new InputException(new SourcePos(file.toString(), 1, 1), "empty table, expected a header line");
        String[] header = lines.get(0).split("\t", -1);
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.length; i++) column.put(header[i].trim(), i);
        for (String r : required) {
            if (!column.containsKey(r)) {
                throw new InputException(new SourcePos(file.toString(), 1, 1), "header lacks the column '" + r + "'");
            }
        }
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) continue;
            String[] cells = line.split("\t", -1);
            Map<String, String> row = new HashMap<>();
            for (Map.Entry<String, Integer> c : column.entrySet()) {
                row.put(c.getKey(), c.getValue() < cells.length ? cells[c.getValue()].trim() : "");
            }
            String k = row.getOrDefault(key, "");
            if (k.isEmpty()) throw new InputException(new SourcePos(file.toString(), n + 1, 1), "empty '" + key + "' column");
            if (rows.put(k, row) != null) {
                throw new InputException(new SourcePos(file.toString(), n + 1, 1), "duplicate " + key + " " + k);
            }
        }
        return new Tsv(rows);
    }

    public Map<String, String> row(String key) {
        return rows.get(key);
    }

    public List<String> keys() {
        return new ArrayList<>(rows.keySet());
    }

    public int size() {
        return rows.size();
    }
}
