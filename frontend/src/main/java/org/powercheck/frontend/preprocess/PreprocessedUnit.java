package org.powercheck.frontend.preprocess;

import java.nio.file.Path;
import java.util.List;
import org.powercheck.ir.SourcePos;

/** The preprocessed text of one file and the way back from its positions to the user's sources. */
public final class PreprocessedUnit {
    private final String text;
    private final SourceMap sourceMap;
    private final List<UnresolvedInclude> unresolvedIncludes;
    private final List<Path> includedFiles;

    PreprocessedUnit(String text, SourceMap sourceMap, List<UnresolvedInclude> unresolvedIncludes,
                     List<Path> includedFiles) {
        this.text = text;
        this.sourceMap = sourceMap;
        this.unresolvedIncludes = List.copyOf(unresolvedIncludes);
        this.includedFiles = List.copyOf(includedFiles);
    }

    /** The expanded text: no directives, comments or line splices; every line ends with '\n'. */
    public String text() {
        return text;
    }

    /**
     * The source position of a position in {@link #text()}, both 1-based, columns counting
     * characters (a tab is one column, as in JavaCC's default). A token spelled in a source file
     * maps to exactly where it is spelled; a token made by macro replacement maps to the
     * invocation of the outermost macro.
     */
    public SourcePos map(int outLine, int outColumn) {
        return sourceMap.map(outLine, outColumn);
    }

    public int lineCount() {
        return sourceMap.lineCount();
    }

    /** {@code #include <...>} directives not read because no {@code -I} directory has the header, in order. */
    public List<UnresolvedInclude> unresolvedIncludes() {
        return unresolvedIncludes;
    }

    /** Absolute paths of the files that were included, in the order first read. */
    public List<Path> includedFiles() {
        return includedFiles;
    }
}
