package org.powercheck.checker.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.trace.DotGraph;
import org.powercheck.checker.trace.WhyForbidden;
import org.powercheck.checker.trace.WhyForbiddenText;
import org.powercheck.model.interrupts.InterruptOptions;

/**
 * One self-contained HTML page for a run: a table of the tests with their verdicts and times,
 * then per test herd's report, the trace, the picture as inline SVG (when Graphviz's dot is
 * there; else the DOT source) and the why-forbidden explanation. No scripts, no external files.
 */
public final class HtmlReport {
    private final List<TestResult> results = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();
    private final boolean trace;
    private final CheckOptions options;
    private final InterruptOptions interrupts;

    /** @param trace give litmus tests traces and why-forbidden explanations too, as {@code --trace} does */
    public HtmlReport(boolean trace, CheckOptions options, InterruptOptions interrupts) {
        this.trace = trace;
        this.options = options;
        this.interrupts = interrupts;
    }

    public void add(TestResult r) {
        results.add(r);
        sections.add(section(r, results.size()));
    }

    private String section(TestResult r, int index) {
        StringBuilder sb = new StringBuilder();
        sb.append("<section id=\"t").append(index).append("\" class=\"test\">\n<h2>").append(esc(name(r))).append("</h2>\n");
        sb.append("<p class=\"file\">").append(esc(r.file().toString())).append("</p>\n");
        String error = HerdText.errorLine(r);
        if (error != null) sb.append("<pre class=\"error\">").append(esc(error)).append("</pre>\n");
        String herd = HerdText.format(r, options.unwind(), interrupts);
        if (!herd.isEmpty()) sb.append("<pre class=\"herd\">").append(esc(herd.strip())).append("</pre>\n");
        if (r instanceof TestResult.Checked c) {
            String dot = null;
            if (TraceReport.wanted(c, trace)) {
                sb.append("<h3>Trace</h3>\n<pre class=\"trace\">").append(esc(TraceReport.text(c).strip())).append("</pre>\n");
                var t = TraceReport.of(c).orElseThrow();
                dot = DotGraph.render(c.name(), t.execution(), t.explanation());
            }
            if (TraceReport.wantsWhyForbidden(c, trace)) {
                WhyForbidden why = TraceReport.whyForbidden(c, options);
                sb.append("<h3>Why forbidden</h3>\n<pre class=\"why\">").append(esc(WhyForbiddenText.render(why).strip()))
                        .append("</pre>\n");
                var byAxiom = WhyForbiddenText.byAxiom(why);
                if (!byAxiom.isEmpty()) dot = DotGraph.render(c.name(), byAxiom.values().iterator().next().get(0));
            }
            if (dot != null) sb.append("<h3>Graph</h3>\n").append(picture(dot));
        }
        sb.append("</section>\n");
        return sb.toString();
    }

    private static String picture(String dot) {
        if (Graphviz.dot().isPresent()) {
            try {
                String svg = Graphviz.svg(dot);
                int start = svg.indexOf("<svg");
                return "<div class=\"graph\">\n" + (start >= 0 ? svg.substring(start) : svg) + "</div>\n";
            } catch (IOException e) {
                return "<p class=\"note\">" + esc(e.getMessage()) + "</p>\n" + dotSource(dot);
            }
        }
        return "<p class=\"note\">" + esc(Graphviz.MISSING) + "</p>\n" + dotSource(dot);
    }

    private static String dotSource(String dot) {
        return "<details><summary>DOT</summary><pre class=\"dot\">" + esc(dot) + "</pre></details>\n";
    }

    /** The whole page. */
    public String page() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>powercheck report</title>\n");
        sb.append("<style>\nbody{font-family:sans-serif;margin:2em;max-width:100em}\n"
                + "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .6em;text-align:left}\n"
                + "pre{background:#f4f4f4;padding:.6em;overflow-x:auto}\n"
                + ".counterexample{color:#a00}.no-counterexample{color:#060}.unknown,.error{color:#a60}\n"
                + ".graph svg{max-width:100%;height:auto}\n</style>\n</head>\n<body>\n");
        sb.append("<h1>powercheck report</h1>\n<table id=\"tests\">\n<thead><tr><th>test</th><th>file</th><th>verdict</th>"
                + "<th>observation</th><th>result</th><th>time (s)</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < results.size(); i++) {
            TestResult r = results.get(i);
            String result = result(r);
            sb.append("<tr><td><a href=\"#t").append(i + 1).append("\">").append(esc(name(r))).append("</a></td><td>")
                    .append(esc(r.file().toString())).append("</td><td>").append(verdict(r)).append("</td><td>")
                    .append(r instanceof TestResult.Checked c ? c.judgement().observation() : "").append("</td><td class=\"")
                    .append(result).append("\">").append(result).append("</td><td>").append(seconds(r)).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        sections.forEach(sb::append);
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    private static String result(TestResult r) {
        return switch (r.status()) {
            case COUNTEREXAMPLE -> "counterexample";
            case NO_COUNTEREXAMPLE -> "no-counterexample";
            case UNKNOWN -> "unknown";
            case INPUT_ERROR -> "error";
        };
    }

    private static String verdict(TestResult r) {
        return r instanceof TestResult.Checked c ? c.judgement().verdict() : "";
    }

    private static String seconds(TestResult r) {
        return switch (r) {
            case TestResult.Checked c -> HerdText.seconds(c.nanos());
            case TestResult.TimedOut t -> HerdText.seconds(t.nanos());
            case TestResult.LimitReached l -> HerdText.seconds(l.nanos());
            case TestResult.InputError e -> "";
            case TestResult.Unsupported u -> "";
            case TestResult.Crashed c -> "";
        };
    }

    private static String name(TestResult r) {
        return switch (r) {
            case TestResult.Checked c -> c.name();
            case TestResult.TimedOut t -> t.name();
            case TestResult.LimitReached l -> l.name();
            case TestResult.InputError e -> r.file().getFileName().toString();
            case TestResult.Unsupported u -> r.file().getFileName().toString();
            case TestResult.Crashed c -> r.file().getFileName().toString();
        };
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
