package org.powercheck.checker.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;

/** The test files named on a command line: files as given, folders searched for *.litmus. */
final class TestFiles {
    private TestFiles() {}

    static List<Path> expand(List<String> args) {
        if (args.isEmpty()) throw new UsageException("no test file or folder given");
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            Path p = Path.of(arg);
            if (Files.isDirectory(p)) {
                List<Path> found = litmusFilesUnder(p);
                if (found.isEmpty()) throw new InputException(new SourcePos(arg, 0, 0), "no .litmus files in this folder");
                files.addAll(found);
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new InputException(new SourcePos(arg, 0, 0), "no such file or folder");
            }
        }
        return files;
    }

    private static List<Path> litmusFilesUnder(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(f -> f.getFileName().toString().endsWith(".litmus") && Files.isRegularFile(f))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new InputException(new SourcePos(dir.toString(), 0, 0), "cannot read folder: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new InputException(new SourcePos(dir.toString(), 0, 0), "cannot read folder: " + e.getCause().getMessage());
        }
    }
}
