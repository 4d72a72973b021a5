package org.powercheck.frontend.asm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.powercheck.frontend.preprocess.PreprocessedUnit;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;

/**
 * The assembler's reading of a preprocessed {@code .S} file: statements separated by newlines
 * and {@code ;}, labels, {@code .macro}/{@code .endm} with {@code \arg} parameters and defaults,
 * {@code .rept}/{@code .irp} ... {@code .endr}, {@code .set}/{@code =} symbols, and sections:
 * only {@code .text}-like sections hold code, so what the kernel's macros push into tables
 * ({@code __ftr_fixup}, {@code __ex_table}, {@code _kprobe_blacklist}) is not executed. Layout
 * and symbol directives are accepted and have no effect; an unknown directive is an error.
 */
public final class AsmReader {
    private static final Pattern LABEL = Pattern.compile("\\s*([A-Za-z_.$][\\w.$]*|\\d+)\\s*:(?!=)");
    private static final Pattern ASSIGNMENT = Pattern.compile("\\s*([A-Za-z_.$][\\w.$]*)\\s*=(?!=)(.*)");
    private static final int MAX_EXPANSION_DEPTH = 64;
    /** Directives that only lay out, name or annotate, with no effect on what code does. */
    private static final Set<String> IGNORED = Set.of(".align", ".balign", ".p2align", ".globl", ".global", ".type",
            ".size", ".localentry", ".machine", ".abiversion", ".ident", ".file", ".weak", ".hidden", ".protected",
            ".loc", ".option", ".nop", ".cfi_startproc", ".cfi_endproc", ".cfi_def_cfa", ".cfi_offset",
            ".cfi_restore", ".cfi_register", ".cfi_adjust_cfa_offset", ".cfi_def_cfa_offset", ".cfi_sections",
            ".cfi_undefined", ".cfi_rel_offset", ".cfi_remember_state", ".cfi_restore_state", ".cfi_window_save",
            ".cfi_signal_frame", ".cfi_escape", ".cfi_return_column", ".cfi_personality", ".cfi_lsda",
            ".previous_section", ".purgem", ".error", ".warning", ".print");
    /** Data directives: outside code they fill tables, in code {@code .long} is an instruction word. */
    private static final Set<String> DATA = Set.of(".long", ".4byte", ".int", ".word", ".quad", ".8byte", ".llong",
            ".short", ".2byte", ".hword", ".byte", ".asciz", ".ascii", ".string", ".space", ".skip", ".fill", ".zero",
            ".org", ".rva", ".uleb128", ".sleb128");

    private record Raw(String text, SourcePos pos) {}

    private record Macro(String name, List<String> params, List<String> defaults, List<Raw> body, SourcePos pos) {}

    private final List<AsmStatement> out = new ArrayList<>();
    private final Map<String, Long> symbols;
    private final Set<String> globals = new LinkedHashSet<>();
    private final Map<String, Macro> macros = new HashMap<>();
    private final Deque<String> sectionStack = new ArrayDeque<>();
    /** per open {@code .if}: whether its lines are read, and whether a branch was taken */
    private final Deque<boolean[]> conditionals = new ArrayDeque<>();
    private String section = ".text";
    private String previousSection = ".text";

    private AsmReader(Map<String, Long> symbols) {
        this.symbols = new HashMap<>(symbols);
    }

    /** What a file holds: its code, the symbols it set and the labels it exported. */
    public record Read(List<AsmStatement> statements, Map<String, Long> symbols, Set<String> globals) {}

    /** Reads a preprocessed file; {@code symbols} are known beforehand (the generated asm-offsets). */
    public static Read read(PreprocessedUnit unit, Map<String, Long> symbols) {
        AsmReader r = new AsmReader(symbols);
        r.process(split(unit), 0);
        return new Read(List.copyOf(r.out), Map.copyOf(r.symbols), Set.copyOf(r.globals));
    }

    /** Reads the template of an inline {@code asm} statement, all of it at {@code pos}. */
    public static Read readInline(String template, SourcePos pos) {
        AsmReader r = new AsmReader(Map.of());
        List<Raw> raws = new ArrayList<>();
        for (String line : template.split("\\\\n|\n|;")) {
            String t = line.replace("\\t", " ").strip();
            if (!t.isEmpty()) raws.add(new Raw(t, pos));
        }
        r.process(raws, 0);
        return new Read(List.copyOf(r.out), Map.copyOf(r.symbols), Set.copyOf(r.globals));
    }

    /** The statements of the preprocessed text, each with where it starts. */
    private static List<Raw> split(PreprocessedUnit unit) {
        List<Raw> raws = new ArrayList<>();
        String[] lines = unit.text().split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l];
            int start = 0;
            boolean quoted = false;
            for (int i = 0; i <= line.length(); i++) {
                char c = i < line.length() ? line.charAt(i) : ';';
                if (c == '"') quoted = !quoted;
                if (quoted && i < line.length()) continue;
                if (c == '#' && i < line.length()) {
                    // a comment to the end of the line, as gas reads it
                    add(raws, unit, l + 1, line, start, i);
                    start = -1;
                    break;
                }
                if (c == ';') {
                    add(raws, unit, l + 1, line, start, i);
                    start = i + 1;
                }
            }
        }
        return raws;
    }

    private static void add(List<Raw> raws, PreprocessedUnit unit, int line, String text, int from, int to) {
        if (from < 0) return;
        String s = text.substring(from, to);
        int lead = 0;
        while (lead < s.length() && Character.isWhitespace(s.charAt(lead))) lead++;
        if (lead == s.length()) return;
        raws.add(new Raw(s.substring(lead).stripTrailing(), unit.map(line, from + lead + 1)));
    }

    private boolean inCode() {
        return section.contains("text");
    }

    private void process(List<Raw> raws, int depth) {
        if (depth > MAX_EXPANSION_DEPTH) {
            throw new InputException(raws.isEmpty() ? SourcePos.UNKNOWN : raws.get(0).pos(),
                    "macros expand more than " + MAX_EXPANSION_DEPTH + " levels deep");
        }
        for (int i = 0; i < raws.size(); i++) {
            Raw raw = raws.get(i);
            String text = raw.text();
            Matcher m;
            while ((m = LABEL.matcher(text)).lookingAt()) {
                if (inCode() && reading()) out.add(new AsmStatement.Label(m.group(1), raw.pos()));
                text = text.substring(m.end());
            }
            text = text.strip();
            if (text.isEmpty()) continue;
            if (conditional(text, raw.pos())) continue;
            if (!reading()) continue;
            Matcher assign = ASSIGNMENT.matcher(text);
            if (assign.matches()) {
                symbols.put(assign.group(1), AsmExpression.evaluate(assign.group(2), symbols, raw.pos()));
                continue;
            }
            String word = text.split("\\s+", 2)[0];
            String rest = text.substring(word.length()).strip();
            switch (word) {
                case ".macro" -> i = defineMacro(raws, i, rest, raw.pos());
                case ".rept" -> {
                    int end = blockEnd(raws, i, ".endr");
                    long count = AsmExpression.evaluate(rest, symbols, raw.pos());
                    List<Raw> body = raws.subList(i + 1, end);
                    for (long k = 0; k < count; k++) process(body, depth + 1);
                    i = end;
                }
                case ".irp" -> {
                    int end = blockEnd(raws, i, ".endr");
                    String[] parts = rest.split("[,\\s]+");
                    if (parts.length == 0 || parts[0].isEmpty()) throw new InputException(raw.pos(), "'.irp' needs a symbol");
                    List<Raw> body = raws.subList(i + 1, end);
                    for (int k = 1; k < parts.length; k++) {
                        process(substitute(body, List.of(parts[0]), List.of(parts[k])), depth + 1);
                    }
                    i = end;
                }
                case ".endm" -> throw new InputException(raw.pos(), "'.endm' without '.macro'");
                case ".endr" -> throw new InputException(raw.pos(), "'.endr' without '.rept' or '.irp'");
                case ".set", ".equ" -> {
                    String[] kv = rest.split(",", 2);
                    if (kv.length != 2) throw new InputException(raw.pos(), "'" + word + "' takes a symbol and a value");
                    symbols.put(kv[0].strip(), AsmExpression.evaluate(kv[1], symbols, raw.pos()));
                }
                case ".pushsection" -> {
                    sectionStack.push(section);
                    section = sectionName(rest);
                }
                case ".popsection" -> {
                    if (sectionStack.isEmpty()) throw new InputException(raw.pos(), "'.popsection' without '.pushsection'");
                    section = sectionStack.pop();
                }
                case ".section" -> {
                    previousSection = section;
                    section = sectionName(rest);
                }
                case ".previous" -> {
                    String t = section;
                    section = previousSection;
                    previousSection = t;
                }
                case ".text" -> {
                    previousSection = section;
                    section = ".text";
                }
                case ".data", ".bss", ".rodata" -> {
                    previousSection = section;
                    section = word;
                }
                case ".globl", ".global" -> {
                    for (String g : rest.split(",")) globals.add(g.strip());
                }
                default -> {
                    Macro macro = macros.get(word);
                    if (macro != null) {
                        process(expand(macro, rest, raw.pos()), depth + 1);
                    } else if (word.startsWith(".") && !(inCode() && isWordDirective(word))) {
                        if (!IGNORED.contains(word) && !DATA.contains(word) && !word.startsWith(".cfi_")) {
                            throw new InputException(raw.pos(), "unknown directive '" + word + "'");
                        }
                        if (inCode() && DATA.contains(word)) {
                            throw new InputException(raw.pos(), "data directive '" + word + "' in code is not modelled");
                        }
                    } else if (inCode()) {
                        out.add(new AsmStatement.Instruction(word, operands(withSymbols(rest), raw.pos()), raw.pos()));
                    }
                }
            }
        }
    }

    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$%])[A-Za-z_][\\w]*(?![\\w(])");

    /** Operands with the symbols {@code .set} so far replaced by their values, as gas evaluates them here. */
    private String withSymbols(String rest) {
        if (symbols.isEmpty()) return rest;
        Matcher m = IDENTIFIER.matcher(rest);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            Long v = symbols.get(m.group());
            m.appendReplacement(b, Matcher.quoteReplacement(v == null ? m.group() : "(" + v + ")"));
        }
        m.appendTail(b);
        return b.toString();
    }

    private boolean reading() {
        for (boolean[] c : conditionals) if (!c[0]) return false;
        return true;
    }

    /**
     * The assembler's conditionals ({@code .if}, {@code .ifeq} ... {@code .ifdef}, {@code .else},
     * {@code .elseif}, {@code .endif}); true when {@code text} was one. Outside code, a condition
     * on what is not absolute here (label differences in the kernel's feature tables) is false:
     * only the table's data depends on it.
     */
    private boolean conditional(String text, SourcePos pos) {
        String word = text.split("\\s+", 2)[0];
        String rest = text.substring(word.length()).strip();
        switch (word) {
            case ".if", ".ifne", ".ifeq", ".ifgt", ".ifge", ".iflt", ".ifle", ".ifdef", ".ifndef", ".ifnotdef" -> {
                boolean value = reading() && test(word, rest, pos);
                conditionals.push(new boolean[] {value, value});
                return true;
            }
            case ".elseif" -> {
                boolean[] top = top(word, pos);
                boolean outer = outerReading();
                top[0] = outer && !top[1] && test(".if", rest, pos);
                top[1] |= top[0];
                return true;
            }
            case ".else" -> {
                boolean[] top = top(word, pos);
                top[0] = outerReading() && !top[1];
                top[1] = true;
                return true;
            }
            case ".endif" -> {
                top(word, pos);
                conditionals.pop();
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private boolean outerReading() {
        boolean[] top = conditionals.pop();
        boolean r = reading();
        conditionals.push(top);
        return r;
    }

    private boolean[] top(String word, SourcePos pos) {
        if (conditionals.isEmpty()) throw new InputException(pos, "'" + word + "' without '.if'");
        return conditionals.peek();
    }

    private boolean test(String word, String rest, SourcePos pos) {
        if (word.equals(".ifdef")) return symbols.containsKey(rest);
        if (word.equals(".ifndef") || word.equals(".ifnotdef")) return !symbols.containsKey(rest);
        java.util.Optional<Long> v = AsmExpression.tryEvaluate(rest, symbols, pos);
        if (v.isEmpty()) {
            if (!inCode()) return false;
            AsmExpression.evaluate(rest, symbols, pos); // reports why
        }
        long x = v.orElse(0L);
        return switch (word) {
            case ".ifeq" -> x == 0;
            case ".ifgt" -> x > 0;
            case ".ifge" -> x >= 0;
            case ".iflt" -> x < 0;
            case ".ifle" -> x <= 0;
            default -> x != 0;
        };
    }

    private static boolean isWordDirective(String word) {
        return word.equals(".long") || word.equals(".4byte") || word.equals(".int");
    }

    private static String sectionName(String rest) {
        String name = rest.split(",", 2)[0].strip();
        return name.startsWith("\"") && name.endsWith("\"") && name.length() >= 2 ? name.substring(1, name.length() - 1) : name;
    }

    /** Operands separated by commas outside parentheses, each with its position. */
    private static List<AsmStatement.Operand> operands(String rest, SourcePos pos) {
        List<AsmStatement.Operand> ops = new ArrayList<>();
        if (rest.isEmpty()) return ops;
        int depth = 0, start = 0;
        for (int i = 0; i <= rest.length(); i++) {
            char c = i < rest.length() ? rest.charAt(i) : ',';
            if (c == '(') depth++;
            if (c == ')') depth--;
            if (c == ',' && depth == 0 || i == rest.length() && depth != 0) {
                if (depth != 0) throw new InputException(pos, "unbalanced parentheses in '" + rest + "'");
                ops.add(new AsmStatement.Operand(rest.substring(start, i).strip(), pos));
                start = i + 1;
            }
        }
        return ops;
    }

    /** Index of the line that closes the block opened at {@code open}. */
    private static int blockEnd(List<Raw> raws, int open, String close) {
        int depth = 0;
        for (int i = open + 1; i < raws.size(); i++) {
            String w = firstWord(raws.get(i).text());
            if (w.equals(".rept") || w.equals(".irp") || w.equals(".irpc")) depth++;
            if (w.equals(".endr")) {
                if (depth == 0) return i;
                depth--;
            }
        }
        String opened = firstWord(raws.get(open).text());
        throw new InputException(raws.get(open).pos(), "'" + opened + "' has no '" + close + "'");
    }

    private static String firstWord(String text) {
        String t = text;
        Matcher m;
        while ((m = LABEL.matcher(t)).lookingAt()) t = t.substring(m.end());
        t = t.strip();
        return t.split("\\s+", 2)[0];
    }

    private int defineMacro(List<Raw> raws, int open, String rest, SourcePos pos) {
        String[] head = rest.split("[,\\s]+");
        if (head.length == 0 || head[0].isEmpty()) throw new InputException(pos, "'.macro' needs a name");
        int depth = 0, end = -1;
        for (int i = open + 1; i < raws.size() && end < 0; i++) {
            String w = firstWord(raws.get(i).text());
            if (w.equals(".macro")) depth++;
            if (w.equals(".endm")) {
                if (depth == 0) end = i;
                else depth--;
            }
        }
        if (end < 0) throw new InputException(pos, "'.macro " + head[0] + "' has no '.endm'");
        List<String> params = new ArrayList<>(), defaults = new ArrayList<>();
        for (int k = 1; k < head.length; k++) {
            String p = head[k];
            int eq = p.indexOf('=');
            String name = eq < 0 ? p : p.substring(0, eq);
            if (name.contains(":")) name = name.substring(0, name.indexOf(':')); // :req, :vararg
            params.add(name);
            defaults.add(eq < 0 ? null : p.substring(eq + 1));
        }
        macros.put(head[0], new Macro(head[0], params, defaults, List.copyOf(raws.subList(open + 1, end)), pos));
        return end;
    }

    private List<Raw> expand(Macro m, String rest, SourcePos pos) {
        List<String> args = new ArrayList<>();
        if (!rest.isEmpty()) {
            for (String a : (rest.contains(",") ? rest.split(",") : rest.split("\\s+"))) args.add(a.strip());
        }
        if (args.size() > m.params().size()) {
            throw new InputException(pos, "macro '" + m.name() + "' takes " + m.params().size() + " arguments, not " + args.size());
        }
        List<String> values = new ArrayList<>();
        for (int k = 0; k < m.params().size(); k++) {
            String v = k < args.size() && !args.get(k).isEmpty() ? args.get(k) : m.defaults().get(k);
            values.add(v == null ? "" : v);
        }
        return substitute(m.body(), m.params(), values);
    }

    private static List<Raw> substitute(List<Raw> body, List<String> params, List<String> values) {
        List<Raw> out = new ArrayList<>();
        for (Raw r : body) {
            String t = r.text();
            for (int k = 0; k < params.size(); k++) {
                t = t.replaceAll("\\\\" + Pattern.quote(params.get(k)) + "(?![\\w])", Matcher.quoteReplacement(values.get(k)));
            }
            out.add(new Raw(t.replace("\\()", ""), r.pos()));
        }
        return out;
    }
}
