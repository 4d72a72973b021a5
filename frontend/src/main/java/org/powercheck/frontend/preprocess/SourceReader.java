package org.powercheck.frontend.preprocess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;

/**
 * The tokens of the text lines of a translation unit: reads the stack of open files, obeys the
 * directives as it meets them (so directives inside a multi-line macro call work, as in GCC)
 * and drops what conditional compilation excludes. Line ends are not passed on.
 */
final class SourceReader implements TokenInput {
    /** A file being read. */
    private static final class OpenFile {
        final String name;
        final Path dir;
        /** Absolute path, for #pragma once and include guards; null for texts that are no file. */
        final Path key;
        final PpLexeme[] tokens;
        final int depth;
        final List<ConditionalGroup> groups = new ArrayList<>();
        int index;
        boolean atLineStart = true;
        boolean seenAnything;
        /** The macro of an include guard whose #endif was the last thing seen. */
        String guardCandidate;

        OpenFile(String name, Path dir, Path key, PpLexeme[] tokens, int depth) {
            this.name = name;
            this.dir = dir;
            this.key = key;
            this.tokens = tokens;
            this.depth = depth;
        }

        boolean active() {
            return groups.isEmpty() || groups.get(groups.size() - 1).active;
        }
    }

    /** One #if ... #endif group. */
    private static final class ConditionalGroup {
        final boolean parentActive;
        /** The directive that opened the current branch, for "unterminated #else". */
        PpLexeme branch;
        boolean active;
        /** Some branch was taken already, so later #elif/#else branches are not. */
        boolean taken;
        boolean sawElse;
        boolean sawElif;
        String guardMacro;

        ConditionalGroup(PpLexeme opener, boolean parentActive) {
            this.branch = opener;
            this.parentActive = parentActive;
        }
    }

    private final ArrayDeque<OpenFile> files = new ArrayDeque<>();
    private final MacroTable macros;
    private final PreprocessorOptions options;
    private final IncludeResolver resolver;
    private final ExpansionContext context;
    private final ConditionEvaluator conditions;
    private final List<UnresolvedInclude> unresolved = new ArrayList<>();
    private final Set<Path> includedFiles = new LinkedHashSet<>();
    private final Set<Path> onceOnly = new HashSet<>();
    private final Map<Path, String> guards = new HashMap<>();
    private final Map<Path, PpLexeme[]> lexed = new HashMap<>();
    private PpLexeme end;
    /** Counts files opened and closed, so the output can start a new line when reading moves to another file. */
    private int fileSwitches;

    SourceReader(MacroTable macros, PreprocessorOptions options, String baseFile) {
        this.macros = macros;
        this.options = options;
        this.resolver = new IncludeResolver(options.includeDirs(), options.asmGenericFallback());
        this.context = new ExpansionContext(macros, options, baseFile, this::headerExists, this::includeLevel);
        this.conditions = new ConditionEvaluator(context);
    }

    ExpansionContext context() {
        return context;
    }

    List<UnresolvedInclude> unresolvedIncludes() {
        return unresolved;
    }

    Set<Path> includedFiles() {
        return includedFiles;
    }

    /** Opens a text to be read before everything opened so far (so push the main file first). */
    void open(String name, Path dir, Path key, String text) {
        files.push(new OpenFile(name, dir, key, Lexer.lex(text, name), 0));
    }

    int fileSwitches() {
        return fileSwitches;
    }

    @Override
    public PpLexeme next() {
        while (true) {
            OpenFile f = files.peek();
            if (f == null) {
                return end;
            }
            PpLexeme t = f.tokens[f.index];
            switch (t.kind) {
                case NEWLINE -> {
                    f.index++;
                    f.atLineStart = true;
                }
                case EOF -> close(f, t);
                default -> {
                    f.index++;
                    boolean first = !f.seenAnything;
                    f.seenAnything = true;
                    f.guardCandidate = null;
                    if (f.atLineStart && t.is("#")) {
                        directive(f, first);
                        continue;
                    }
                    f.atLineStart = false;
                    if (f.active()) {
                        return t;
                    }
                }
            }
        }
    }

    private int includeLevel() {
        OpenFile f = files.peek();
        return f == null ? 0 : f.depth;
    }

    private void close(OpenFile f, PpLexeme eof) {
        if (!f.groups.isEmpty()) {
            ConditionalGroup open = f.groups.get(f.groups.size() - 1);
            throw new InputException(open.branch.pos(), "unterminated #" + open.branch.text);
        }
        if (f.guardCandidate != null && f.key != null) {
            guards.put(f.key, f.guardCandidate);
        }
        files.pop();
        fileSwitches++;
        if (files.isEmpty()) {
            end = eof;
        }
    }

    private void directive(OpenFile f, boolean firstInFile) {
        PpLexeme name = f.tokens[f.index];
        if (name.endsLine()) {
            return; // the null directive
        }
        int restStart = ++f.index;
        while (!f.tokens[f.index].endsLine()) {
            f.index++;
        }
        List<PpLexeme> rest = Arrays.asList(f.tokens).subList(restStart, f.index);
        boolean active = f.active();
        if (name.kind == TokenKind.IDENT && conditional(f, name, rest, active, firstInFile)) {
            return;
        }
        if (!active) {
            return; // GCC ignores unknown directives in skipped groups too
        }
        if (name.kind == TokenKind.NUMBER) {
            return; // a line marker "# 12 "file"" as written by a preprocessor
        }
        if (name.kind != TokenKind.IDENT) {
            throw new InputException(name.pos(), "invalid preprocessing directive");
        }
        switch (name.text) {
            case "define" -> {
                Macro m = MacroDefinitionParser.parse(name, rest);
                // a kept name's self-referring define stays: it only tells the fallbacks the name exists
                if (!options.keeps(m.name, f.name) || m.isSelfReference()) macros.define(m);
            }
            case "undef" -> undefine(name, rest);
            case "include", "include_next", "import" -> include(f, name, rest);
            case "error" -> throw new InputException(name.pos(),
                    rest.isEmpty() ? "#error" : "#error " + HeaderName.spell(rest));
            case "pragma" -> pragma(f, rest);
            case "warning", "line", "ident", "sccs", "assert", "unassert" -> {
                // no effect on the text the checker reads
            }
            default -> throw new InputException(name.pos(), "invalid preprocessing directive #" + name.text);
        }
    }

    /** Handles a conditional directive; false when {@code name} is no conditional directive. */
    private boolean conditional(OpenFile f, PpLexeme name, List<PpLexeme> rest, boolean active, boolean firstInFile) {
        List<ConditionalGroup> groups = f.groups;
        switch (name.text) {
            case "if", "ifdef", "ifndef" -> {
                ConditionalGroup group = new ConditionalGroup(name, active);
                if (active) {
                    group.active = name.text.equals("if") ? conditions.isTrue(name, rest)
                            : definedTest(name, rest) == name.text.equals("ifdef");
                    group.taken = group.active;
                    if (firstInFile) {
                        group.guardMacro = guardMacro(name, rest);
                    }
                } else {
                    group.taken = true;
                }
                groups.add(group);
            }
            case "elif", "elifdef", "elifndef" -> {
                ConditionalGroup group = innermost(groups, name);
                if (group.sawElse) {
                    throw new InputException(name.pos(), "#" + name.text + " after #else");
                }
                group.sawElif = true;
                group.branch = name;
                if (group.parentActive && !group.taken) {
                    group.active = name.text.equals("elif") ? conditions.isTrue(name, rest)
                            : definedTest(name, rest) == name.text.equals("elifdef");
                    group.taken = group.active;
                } else {
                    group.active = false;
                }
            }
            case "else" -> {
                ConditionalGroup group = innermost(groups, name);
                if (group.sawElse) {
                    throw new InputException(name.pos(), "#else after #else");
                }
                group.sawElse = true;
                group.branch = name;
                group.active = group.parentActive && !group.taken;
                group.taken = true;
            }
            case "endif" -> {
                ConditionalGroup group = innermost(groups, name);
                groups.remove(groups.size() - 1);
                if (group.guardMacro != null && !group.sawElse && !group.sawElif && groups.isEmpty()) {
                    f.guardCandidate = group.guardMacro;
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static ConditionalGroup innermost(List<ConditionalGroup> groups, PpLexeme name) {
        if (groups.isEmpty()) {
            throw new InputException(name.pos(), "#" + name.text + " without #if");
        }
        return groups.get(groups.size() - 1);
    }

    /** Whether the macro named on an #ifdef-style line is defined. */
    private boolean definedTest(PpLexeme directive, List<PpLexeme> rest) {
        if (rest.isEmpty()) {
            throw new InputException(directive.pos(), "no macro name given in #" + directive.text + " directive");
        }
        if (rest.get(0).kind != TokenKind.IDENT) {
            throw new InputException(rest.get(0).pos(), "macro names must be identifiers");
        }
        return macros.isDefined(rest.get(0).text);
    }

    /** X for "#ifndef X" or "#if !defined(X)" opening a file, a possible include guard. */
    private static String guardMacro(PpLexeme directive, List<PpLexeme> rest) {
        if (directive.text.equals("ifndef") && rest.size() == 1) {
            return rest.get(0).text;
        }
        if (directive.text.equals("if") && rest.size() >= 3 && rest.get(0).is("!") && rest.get(1).isIdent("defined")) {
            if (rest.size() == 3 && rest.get(2).kind == TokenKind.IDENT) {
                return rest.get(2).text;
            }
            if (rest.size() == 5 && rest.get(2).is("(") && rest.get(3).kind == TokenKind.IDENT && rest.get(4).is(")")) {
                return rest.get(3).text;
            }
        }
        return null;
    }

    private void undefine(PpLexeme directive, List<PpLexeme> rest) {
        if (rest.isEmpty()) {
            throw new InputException(directive.pos(), "no macro name given in #undef directive");
        }
        MacroDefinitionParser.checkMacroName(rest.get(0));
        if (options.keeps(rest.get(0).text, directive.file)) return;
        macros.undefine(rest.get(0).text);
    }

    private void pragma(OpenFile f, List<PpLexeme> rest) {
        if (rest.size() == 1 && rest.get(0).isIdent("once") && f.key != null) {
            onceOnly.add(f.key);
        }
    }

    private void include(OpenFile f, PpLexeme directive, List<PpLexeme> rest) {
        HeaderName header = HeaderName.of(rest);
        if (header == null && !rest.isEmpty()) {
            header = HeaderName.of(new MacroExpander(new ListTokenInput(rest, directive), context, false).expandAll());
        }
        if (header == null) {
            throw new InputException(rest.isEmpty() ? directive.pos() : rest.get(0).pos(),
                    "#" + directive.text + " expects \"FILENAME\" or <FILENAME>");
        }
        PpLexeme at = rest.get(0);
        Path path = header.angled() ? resolver.findAngled(header.name()) : resolver.findQuoted(header.name(), f.dir);
        if (path == null) {
            // a header a build generates (generated/vdso64-offsets.h) is opaque even in a tree: its names stay unknown
            boolean mayMiss = !options.missingIncludesFail() || header.name().startsWith("generated/");
            if (mayMiss && (header.angled() || options.recordMissingQuotedIncludes() || options.missingIncludesFail())) {
                unresolved.add(new UnresolvedInclude(header.name(), header.angled(), at.pos()));
                return;
            }
            throw new InputException(at.pos(), header.name() + ": No such file or directory"
                    + (options.missingIncludesFail() ? " (not in the kernel tree's include directories)" : ""));
        }
        if (f.depth + 1 > options.maxIncludeDepth()) {
            throw new InputException(directive.pos(), "#include nested depth " + (f.depth + 1)
                    + " exceeds maximum of " + options.maxIncludeDepth());
        }
        Path key = path.toAbsolutePath().normalize();
        String guard = guards.get(key);
        if (onceOnly.contains(key) || (guard != null && macros.isDefined(guard))) {
            return;
        }
        includedFiles.add(key);
        String name = path.toString();
        PpLexeme[] tokens = lexed.get(key);
        if (tokens == null) {
            tokens = Lexer.lex(read(path, at.pos()), name);
            lexed.put(key, tokens);
        }
        files.push(new OpenFile(name, path.getParent(), key, tokens, f.depth + 1));
        fileSwitches++;
    }

    private static String read(Path path, SourcePos at) {
        try {
            return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(at, "cannot read " + path + ": " + e.getMessage());
        }
    }

    /** For __has_include, relative to the file being read. */
    private boolean headerExists(String header, boolean angled) {
        OpenFile f = files.peek();
        return angled ? resolver.findAngled(header) != null
                : resolver.findQuoted(header, f == null ? null : f.dir) != null;
    }
}
