package org.powercheck.frontend.preprocess;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.powercheck.ir.InputException;

/**
 * Macro replacement with Prosser's hide sets (the algorithm behind GCC's and most C
 * preprocessors): a replacement is pushed back in front of the input and rescanned together
 * with the tokens after it; every token remembers which macros made it, so a macro never
 * expands inside its own replacement and self-referential definitions terminate.
 *
 * <p>In condition mode (the line of an {@code #if}) it also evaluates {@code defined} and the
 * {@code __has_*} operators before anything can expand their operands.
 */
final class MacroExpander {
    private final TokenInput input;
    private final ExpansionContext context;
    private final MacroTable macros;
    private final boolean inCondition;
    private final ArrayDeque<PpLexeme> pending = new ArrayDeque<>();
    /** A macro that expanded to nothing passes the whitespace before it on to the next token. */
    private boolean carrySpace;

    MacroExpander(TokenInput input, ExpansionContext context, boolean inCondition) {
        this.input = input;
        this.context = context;
        this.macros = context.macros;
        this.inCondition = inCondition;
    }

    /** The next fully expanded token; EOF at the end of the input. */
    PpLexeme next() {
        while (true) {
            PpLexeme t = read();
            if (t.kind != TokenKind.IDENT) {
                return deliver(t);
            }
            if (inCondition && t.text.equals("defined")) {
                return deliver(defined(t));
            }
            Macro macro = macros.get(t.text);
            if (macro == null || t.hideSet.contains(t.text)) {
                return deliver(t);
            }
            if (macro.builtin != null && macro.builtin.onlyInConditions()) {
                if (!inCondition) {
                    return deliver(t);
                }
                return deliver(hasOperator(macro.builtin, t));
            }
            if (!macro.functionLike) {
                if (macro.builtin != null) {
                    return deliver(BuiltinValues.objectLike(macro.builtin, t, context));
                }
                push(replace(macro, new Call(t, List.of(), t), t.hideSet.with(macro.name)), t);
                continue;
            }
            PpLexeme open = read();
            if (!open.is("(")) {
                pending.push(open);
                return deliver(t);
            }
            Call call = collectArguments(macro, t);
            if (macro.builtin != null) {
                return deliver(BuiltinValues.kconfigTest(macro.builtin, call.args.get(0), expanded(call, 0), t,
                        macros));
            }
            push(replace(macro, call, t.hideSet.intersect(call.close.hideSet).with(macro.name)), t);
        }
    }

    /** Every remaining token, expanded. */
    List<PpLexeme> expandAll() {
        List<PpLexeme> out = new ArrayList<>();
        for (PpLexeme t = next(); t.kind != TokenKind.EOF; t = next()) {
            out.add(t);
        }
        return out;
    }

    /** The tokens of {@code tokens} fully expanded on their own, as C requires for macro arguments. */
    List<PpLexeme> expand(List<PpLexeme> tokens, PpLexeme endAt) {
        if (!mayExpand(tokens)) {
            return tokens;
        }
        return new MacroExpander(new ListTokenInput(tokens, endAt), context, inCondition).expandAll();
    }

    private boolean mayExpand(List<PpLexeme> tokens) {
        for (PpLexeme t : tokens) {
            if (t.kind == TokenKind.IDENT && (macros.isDefined(t.text) || (inCondition && t.text.equals("defined")))) {
                return true;
            }
        }
        return false;
    }

    private PpLexeme read() {
        return pending.isEmpty() ? input.next() : pending.pop();
    }

    private PpLexeme deliver(PpLexeme t) {
        if (carrySpace) {
            carrySpace = false;
            return t.withSpaceBefore(true);
        }
        return t;
    }

    private void push(List<PpLexeme> replacement, PpLexeme invocation) {
        if (replacement.isEmpty()) {
            carrySpace |= invocation.spaceBefore;
            return;
        }
        for (int i = replacement.size() - 1; i > 0; i--) {
            pending.push(replacement.get(i));
        }
        pending.push(replacement.get(0).withSpaceBefore(invocation.spaceBefore || carrySpace));
        carrySpace = false;
    }

    /** An invocation: the macro name, its arguments (raw) and the closing parenthesis. */
    private static final class Call {
        final PpLexeme name;
        final List<List<PpLexeme>> args;
        final PpLexeme close;
        private List<PpLexeme>[] expanded;

        Call(PpLexeme name, List<List<PpLexeme>> args, PpLexeme close) {
            this.name = name;
            this.args = args;
            this.close = close;
        }
    }

    @SuppressWarnings("unchecked")
    private List<PpLexeme> expanded(Call call, int param) {
        if (call.expanded == null) {
            call.expanded = new List[call.args.size()];
        }
        if (call.expanded[param] == null) {
            call.expanded[param] = expand(call.args.get(param), call.close);
        }
        return call.expanded[param];
    }

    private Call collectArguments(Macro macro, PpLexeme name) {
        List<List<PpLexeme>> args = new ArrayList<>();
        List<PpLexeme> current = new ArrayList<>();
        int named = macro.params.size();
        int depth = 0;
        while (true) {
            PpLexeme t = read();
            if (t.kind == TokenKind.EOF) {
                throw new InputException(name.pos(), "unterminated argument list invoking macro \"" + macro.name + "\"");
            }
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                if (depth == 0) {
                    args.add(current);
                    checkArgumentCount(macro, name, args);
                    return new Call(name, args, t);
                }
                depth--;
            } else if (t.is(",") && depth == 0 && !(macro.variadic && args.size() == named - 1)) {
                args.add(current);
                current = new ArrayList<>();
                continue;
            }
            current.add(t);
        }
    }

    private static void checkArgumentCount(Macro macro, PpLexeme name, List<List<PpLexeme>> args) {
        int named = macro.params.size();
        if (named == 0) {
            if (args.size() == 1 && args.get(0).isEmpty()) {
                args.clear();
                return;
            }
            throw new InputException(name.pos(), "macro \"" + macro.name + "\" passed " + args.size()
                    + " arguments, but takes just 0");
        }
        if (macro.variadic) {
            if (args.size() == named - 1) {
                args.add(List.of()); // GNU: the variable arguments may be left out entirely
            }
            if (args.size() < named) {
                throw new InputException(name.pos(), "macro \"" + macro.name + "\" requires at least " + (named - 1)
                        + " arguments, but only " + args.size() + " given");
            }
            return;
        }
        if (args.size() < named) {
            throw new InputException(name.pos(), "macro \"" + macro.name + "\" requires " + named
                    + " arguments, but only " + args.size() + " given");
        }
        if (args.size() > named) {
            throw new InputException(name.pos(), "macro \"" + macro.name + "\" passed " + args.size()
                    + " arguments, but takes just " + named);
        }
    }

    /** The replacement list with arguments substituted, {@code ##} applied and {@code hideSet} added. */
    private List<PpLexeme> replace(Macro macro, Call call, HideSet hideSet) {
        List<PpLexeme> substituted = substitute(macro, call, 0, macro.body.length);
        List<PpLexeme> result = new ArrayList<>(substituted.size());
        for (int k = 0; k < substituted.size(); k++) {
            PpLexeme t = substituted.get(k);
            if (t.kind == TokenKind.PASTE) {
                PpLexeme left = result.isEmpty() ? placemarker(t) : result.remove(result.size() - 1);
                PpLexeme right = k + 1 < substituted.size() ? substituted.get(++k) : placemarker(t);
                result.add(TokenOperators.paste(left, right, call.name));
            } else {
                result.add(t);
            }
        }
        List<PpLexeme> out = new ArrayList<>(result.size());
        for (PpLexeme t : result) {
            if (t.kind != TokenKind.PLACEMARKER) {
                out.add(t.withHideSet(t.hideSet.union(hideSet)));
            }
        }
        return out;
    }

    private List<PpLexeme> substitute(Macro macro, Call call, int from, int to) {
        List<PpLexeme> out = new ArrayList<>(to - from);
        PpLexeme[] body = macro.body;
        for (int i = from; i < to; i++) {
            PpLexeme b = body[i];
            int param = macro.paramOf[i];
            if (b.kind == TokenKind.STRINGIZE) {
                out.add(TokenOperators.stringize(call.args.get(param), call.name, b.spaceBefore));
            } else if (b.kind == TokenKind.PASTE) {
                out.add(b);
            } else if (param >= 0) {
                boolean pasteLeft = i > from && body[i - 1].kind == TokenKind.PASTE;
                boolean pasteRight = i + 1 < to && body[i + 1].kind == TokenKind.PASTE;
                List<PpLexeme> arg = call.args.get(param);
                if (pasteLeft && param == macro.variadicIndex() && isCommaBeforePaste(out)) {
                    // GNU ", ## __VA_ARGS__": the comma goes when the variable arguments are empty.
                    out.remove(out.size() - 1);
                    if (arg.isEmpty()) {
                        out.remove(out.size() - 1);
                    } else {
                        append(out, arg, b.spaceBefore || body[i - 1].spaceBefore);
                    }
                } else if (pasteLeft || pasteRight) {
                    if (arg.isEmpty()) {
                        out.add(placemarker(b));
                    } else {
                        append(out, arg, b.spaceBefore);
                    }
                } else {
                    append(out, expanded(call, param), b.spaceBefore);
                }
            } else if (macro.variadic && b.isIdent("__VA_OPT__")) {
                int close = closingParen(body, i + 1, to);
                List<PpLexeme> inner = expanded(call, macro.variadicIndex()).isEmpty()
                        ? List.of() : substitute(macro, call, i + 2, close);
                if (inner.isEmpty()) {
                    out.add(placemarker(b));
                } else {
                    append(out, inner, b.spaceBefore);
                }
                i = close;
            } else {
                out.add(b.replacingAt(call.name));
            }
        }
        return out;
    }

    private static boolean isCommaBeforePaste(List<PpLexeme> out) {
        int n = out.size();
        return n >= 2 && out.get(n - 1).kind == TokenKind.PASTE && out.get(n - 2).is(",");
    }

    private static void append(List<PpLexeme> out, List<PpLexeme> tokens, boolean spaceBefore) {
        for (int k = 0; k < tokens.size(); k++) {
            PpLexeme t = tokens.get(k);
            out.add(t.asSubstituted(k == 0 ? spaceBefore : t.spaceBefore));
        }
    }

    private static int closingParen(PpLexeme[] body, int open, int to) {
        int depth = 0;
        for (int k = open; k < to; k++) {
            if (body[k].is("(")) {
                depth++;
            } else if (body[k].is(")") && --depth == 0) {
                return k;
            }
        }
        return to - 1; // the definition was checked, so this is not reached
    }

    private static PpLexeme placemarker(PpLexeme at) {
        return new PpLexeme(TokenKind.PLACEMARKER, "", at.file, at.line, at.column, at.spaceBefore, false,
                HideSet.EMPTY);
    }

    /** {@code defined NAME} or {@code defined ( NAME )}, read without expanding NAME. */
    private PpLexeme defined(PpLexeme operator) {
        PpLexeme t = read();
        boolean parenthesized = t.is("(");
        if (parenthesized) {
            t = read();
        }
        if (t.kind != TokenKind.IDENT) {
            throw new InputException(t.kind == TokenKind.EOF ? operator.pos() : t.pos(),
                    "operator \"defined\" requires an identifier");
        }
        if (parenthesized && !read().is(")")) {
            throw new InputException(operator.pos(), "missing ')' after \"defined\"");
        }
        return BuiltinValues.number(macros.isDefined(t.text), operator);
    }

    /** {@code __has_include(...)}, {@code __has_attribute(...)} and friends. */
    private PpLexeme hasOperator(BuiltinMacro kind, PpLexeme operator) {
        if (!read().is("(")) {
            throw new InputException(operator.pos(), "missing '(' after \"" + operator.text + "\"");
        }
        List<PpLexeme> operand = new ArrayList<>();
        int depth = 0;
        while (true) {
            PpLexeme t = read();
            if (t.kind == TokenKind.EOF) {
                throw new InputException(operator.pos(), "missing ')' after \"" + operator.text + "\" operand");
            }
            if (t.is("(")) {
                depth++;
            } else if (t.is(")") && depth-- == 0) {
                break;
            }
            operand.add(t);
        }
        return BuiltinValues.number(hasOperatorHolds(kind, operator, operand), operator);
    }

    private boolean hasOperatorHolds(BuiltinMacro kind, PpLexeme operator, List<PpLexeme> operand) {
        switch (kind) {
            case HAS_INCLUDE, HAS_INCLUDE_NEXT -> {
                HeaderName header = HeaderName.of(operand);
                if (header == null) {
                    header = HeaderName.of(expand(operand, operator));
                }
                if (header == null) {
                    throw new InputException(operator.pos(), "operator \"" + operator.text
                            + "\" requires a header-name");
                }
                return context.hasInclude(header.name(), header.angled());
            }
            case HAS_ATTRIBUTE, HAS_C_ATTRIBUTE, HAS_CPP_ATTRIBUTE -> {
                String name = HeaderName.spell(operand).replace(" ", "");
                if (name.startsWith("gnu::")) {
                    name = name.substring("gnu::".length());
                }
                return context.options.hasAttribute(name);
            }
            case HAS_BUILTIN -> {
                return context.options.hasBuiltin(HeaderName.spell(operand));
            }
            default -> {
                return false; // __has_feature and __has_extension are Clang's; GCC has none
            }
        }
    }
}
