package org.powercheck.checker.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * The unified diff inside a patch as people send it: {@code git format-patch} output, a mail
 * or mbox with headers, or a patch quoted in a reply ({@code > } before every line, reply text
 * between the quoted parts). What is before the first file header, the mail signature after
 * the last hunk, and unquoted reply lines are left out; a context line that lost its leading
 * space to a mailer (an empty line inside a hunk) gets it back.
 */
public final class PatchText {
    private static final java.util.regex.Pattern HUNK =
            java.util.regex.Pattern.compile("^@@ -\\d+(?:,(\\d+))? \\+\\d+(?:,(\\d+))? @@");

    private PatchText() {}

    /** The diff's lines; @throws PatchException for a binary, empty or diff-less patch */
    public static List<String> extract(String file, String raw) throws PatchException {
        if (raw.indexOf('\0') >= 0) throw new PatchException(file + ": a binary file, not a patch");
        List<String> lines = raw.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        if (lines.stream().allMatch(String::isBlank)) throw new PatchException(file + ": the patch is empty");
        int start = -1;
        String quote = "";
        for (int i = 0; i < lines.size() && start < 0; i++) {
            String l = lines.get(i);
            String bare = l.replaceFirst("^(>\\s?)+", "");
            if (bare.startsWith("diff --git ") || (bare.startsWith("--- ") && i + 1 < lines.size()
                    && lines.get(i + 1).replaceFirst("^(>\\s?)+", "").startsWith("+++ "))) {
                start = i;
                quote = l.substring(0, l.length() - bare.length());
            }
        }
        for (String l : lines) {
            String bare = l.replaceFirst("^(>\\s?)+", "");
            if (bare.startsWith("GIT binary patch") || (bare.startsWith("Binary files ") && bare.endsWith(" differ"))) {
                throw new PatchException(file + ": a binary patch; patch-check applies text diffs only");
            }
        }
        if (start < 0) throw new PatchException(file + ": no unified diff in it (no 'diff --git' or '---'/'+++' file header)");
        List<String> out = new ArrayList<>();
        int oldLeft = 0, newLeft = 0; // lines the current hunk still has, from its @@ header
        String emptyQuote = quote.stripTrailing();
        for (int i = start; i < lines.size(); i++) {
            String l = lines.get(i);
            String body;
            if (quote.isEmpty()) body = l;
            else if (l.startsWith(quote)) body = l.substring(quote.length());
            else if (!emptyQuote.isEmpty() && l.equals(emptyQuote)) body = "";
            else continue; // reply text between quoted parts
            boolean inHunk = oldLeft > 0 || newLeft > 0;
            if (inHunk) {
                if (body.isEmpty()) body = " ";
                char c = body.charAt(0);
                if (c == ' ') { oldLeft--; newLeft--; }
                else if (c == '-') oldLeft--;
                else if (c == '+') newLeft--;
                else if (c != '\\') {
                    oldLeft = newLeft = 0; // a hunk cut short: the reader reports it
                }
                out.add(body);
                continue;
            }
            if (body.equals("-- ")) break; // the mail signature git format-patch appends
            var m = HUNK.matcher(body);
            if (m.find()) {
                oldLeft = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
                newLeft = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            }
            out.add(body);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }
}
