package org.powercheck.checker;

import org.powercheck.ir.Instr;
import org.powercheck.ir.SourcePos;

/**
 * A loop's own unwinding bound ({@code --unwind-loop FILE:LINE=K}). The loop is named by a line
 * of its source: the line of its backward branch ({@code for}, {@code while}, the {@code while}
 * of a {@code do}) or of the code it jumps back to (the {@code do}); FILE is the file's path or
 * a trailing part of it ({@code io_uring.c}, {@code kernel/io_uring.c}).
 */
public record LoopBound(String file, int line, int bound) {
    public LoopBound {
        if (file.isEmpty() || line <= 0 || bound < 0) throw new IllegalArgumentException(file + ":" + line + "=" + bound);
    }

    /** Parses {@code FILE:LINE=K}; empty when the text is not of that shape. */
    public static java.util.Optional<LoopBound> parse(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.+):(\\d+)=(\\d+)").matcher(text);
        if (!m.matches()) return java.util.Optional.empty();
        try {
            return java.util.Optional.of(new LoopBound(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** Whether this names the loop of {@code branch}, whose target is the instruction {@code head}. */
    public boolean names(Instr.Branch branch, Instr head) {
        return at(branch.pos()) || head != null && at(head.pos());
    }

    /** Whether this names some loop of the program (a backward branch of a thread or an interrupt handler). */
    public boolean namesALoopOf(org.powercheck.ir.Program program) {
        java.util.List<org.powercheck.ir.ThreadCode> threads = new java.util.ArrayList<>(program.threads());
        for (org.powercheck.ir.InterruptSource s : program.interrupts().sources()) threads.add(s.handler());
        for (org.powercheck.ir.ThreadCode t : threads) {
            java.util.List<Instr> code = t.code();
            java.util.Map<String, Integer> labels = new java.util.HashMap<>();
            for (int i = 0; i < code.size(); i++) if (code.get(i) instanceof Instr.Label l) labels.put(l.name(), i);
            for (int i = 0; i < code.size(); i++) {
                Integer target = code.get(i) instanceof Instr.Branch b ? labels.get(b.target()) : null;
                if (target != null && target <= i && names((Instr.Branch) code.get(i), code.get(target))) return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return file + ":" + line + "=" + bound;
    }

    private boolean at(SourcePos p) {
        if (p.line() != line) return false;
        String f = p.file().replace('\\', '/');
        return f.equals(file) || f.endsWith("/" + file);
    }
}
