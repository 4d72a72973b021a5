package org.powercheck.frontend.preprocess;

import java.util.List;
import org.powercheck.ir.InputException;

/** Decides {@code #if}/{@code #elif}: expands the line, then evaluates it with {@link IfExpressionParser}. */
final class ConditionEvaluator {
    private final ExpansionContext context;
    private final IfExpressionParser parser = IfExpressionParser.create();

    ConditionEvaluator(ExpansionContext context) {
        this.context = context;
    }

    /**
     * @param directive the {@code if}/{@code elif} token, for errors about the line as a whole
     * @param line the tokens after it
     */
    boolean isTrue(PpLexeme directive, List<PpLexeme> line) {
        List<PpLexeme> expanded = new MacroExpander(new ListTokenInput(line, directive), context, true).expandAll();
        if (expanded.isEmpty()) {
            throw new InputException(directive.pos(), "#" + directive.text + " with no expression");
        }
        // One token per slot, separated by a space; starts[i] is the 1-based column of token i.
        StringBuilder text = new StringBuilder();
        int[] starts = new int[expanded.size()];
        for (int i = 0; i < expanded.size(); i++) {
            PpLexeme t = expanded.get(i);
            if (t.kind == TokenKind.STRING || t.kind == TokenKind.OTHER) {
                throw new InputException(t.pos(), "token \"" + t.text + "\" is not valid in preprocessor expressions");
            }
            if (i > 0) {
                text.append(' ');
            }
            starts[i] = text.length() + 1;
            // Identifiers left after expansion are not macros: C says they are 0.
            text.append(t.kind == TokenKind.IDENT ? "0" : t.text);
        }
        try {
            return parser.evaluate(text.toString()).isTrue();
        } catch (ParseException e) {
            Token bad = e.currentToken == null ? null : e.currentToken.next;
            if (bad == null || bad.kind == IfExpressionParserConstants.EOF) {
                throw new InputException(directive.pos(), "#" + directive.text + " expression ends too early");
            }
            PpLexeme at = expanded.get(tokenAt(starts, bad.beginColumn));
            throw new InputException(at.pos(), "unexpected \"" + at.text + "\" in #" + directive.text + " expression");
        } catch (TokenMgrError e) {
            throw new InputException(directive.pos(), "invalid #" + directive.text + " expression");
        } catch (IfExpressionException e) {
            throw new InputException(expanded.get(tokenAt(starts, e.column)).pos(), e.getMessage());
        }
    }

    private static int tokenAt(int[] starts, int column) {
        int i = 0;
        while (i + 1 < starts.length && starts[i + 1] <= column) {
            i++;
        }
        return i;
    }
}
