package org.powercheck.frontend.cparse;

import static org.powercheck.frontend.cparse.CParserConstants.*;

/**
 * What a name means when the header that defines it was not read, judged by the tokens around
 * it, as kernel-aware C parsers (sparse, Coccinelle) do. Kernel sources are parsed without their
 * headers, so {@code cpumask_var_t mask;} has an unknown type, {@code void __init f(void)} an
 * unknown annotation, and {@code list_for_each_entry(p, head, node) { ... }} an unknown loop macro.
 * Every guess needs evidence that the other reading would not be valid C.
 */
final class UnknownNames {
    private final TypeNames types;
    private final CParserTokenManager source;

    UnknownNames(TypeNames types, CParserTokenManager source) {
        this.types = types;
        this.source = source;
    }

    /** The token after {@code t}, read from the input when needed (as the parser's own look-ahead does). */
    Token after(Token t) {
        if (t.next == null) t.next = source.getNextToken();
        return t.next;
    }

    /** The token after the {@code ')'} that closes {@code open}; the end-of-file token if none does. */
    Token afterParens(Token open) {
        int depth = 0;
        Token t = open;
        do {
            if (t.kind == EOF) return t;
            if (t.kind == LPAREN) depth++;
            else if (t.kind == RPAREN) depth--;
            t = after(t);
        } while (depth > 0);
        return t;
    }

    boolean isUnknown(Token t) {
        return t.kind == IDENTIFIER && !types.contains(t.image);
    }

    static boolean isQualifier(int kind) {
        return kind == CONST || kind == VOLATILE || kind == RESTRICT || kind == ATOMIC;
    }

    static boolean isSpecifierKeyword(int kind) {
        switch (kind) {
            case TYPEDEF: case EXTERN: case STATIC: case AUTO: case REGISTER: case INLINE: case NORETURN:
            case THREAD_LOCAL:
            case VOID: case CHAR: case SHORT: case INT: case LONG: case FLOAT: case DOUBLE: case SIGNED:
            case UNSIGNED: case BOOL: case INT128:
            case CONST: case VOLATILE: case RESTRICT: case ATOMIC:
            case STRUCT: case UNION: case ENUM: case TYPEOF: case ATTRIBUTE: case EXTENSION:
                return true;
            default:
                return false;
        }
    }

    /** A specifier that can only start or continue a declaration's type: not a qualifier, not an attribute. */
    private boolean isTypeOrStorage(Token t) {
        return (isSpecifierKeyword(t.kind) && !isQualifier(t.kind) && t.kind != ATTRIBUTE)
                || (t.kind == IDENTIFIER && types.contains(t.image));
    }

    /**
     * An annotation macro at {@code t} inside declaration specifiers: {@code __init}, {@code noinline},
     * {@code __percpu}, {@code __printf(1, 2)}. Before the type, an unknown name is one when a type
     * or storage word follows it; after the type, when another name or a {@code *} follows, since
     * the declared name cannot be followed by either.
     */
    boolean annotationAt(Token t, DeclSpecs specs) {
        if (!isUnknown(t)) return false;
        Token n = after(t);
        // void __weak (*fn)(void); __u8 __user (*tags)[8];
        if (specs.hasType() && t.image.startsWith("__") && n.kind == LPAREN && after(n).kind == STAR) return true;
        boolean arguments = n.kind == LPAREN;
        if (arguments) {
            // after the type, "f(void) __must_check" must stay a function: only literal arguments mark a macro
            if (specs.hasType() && !startsLiteralArgument(after(n))) return false;
            n = afterParens(n);
        }
        if (specs.hasType()) {
            if (n.kind == IDENTIFIER) return annotationBeforeName(t, n);
            if (n.kind == STAR) return true;
            if (isSpecifierKeyword(n.kind) && n.kind != ATTRIBUTE) return true;
            // void __init __attribute__((noreturn)) f(void);
            if (t.image.startsWith("__") && !arguments && n.kind == ATTRIBUTE) return true;
            // struct s { ... } __packed;
            return n.kind == SEMICOLON && specs.definesTag() && t.image.startsWith("__");
        }
        // a macro alone on its line before a declaration is one of its own: late_initcall(setup)
        if (arguments && specs.isEmpty() && n.beginLine > t.beginLine) return false;
        // noinstr irqentry_state_t f(void): the typedef is the name spelled as one
        if (isUnknown(n) && n.image.endsWith("_t") && !t.image.endsWith("_t")) {
            int k = after(n).kind;
            if (k == IDENTIFIER || k == STAR) return true;
        }
        // static notrace __always_inline bool f(void): a run of annotations before the type
        while (isUnknown(n)) {
            n = after(n);
            if (n.kind == LPAREN) n = afterParens(n);
        }
        return isTypeOrStorage(n) || (arguments && isQualifier(n.kind));
    }

    /**
     * An annotation macro at {@code t} before a declarator, where the declared name cannot be
     * followed by a name or a {@code *}: {@code u32 *a, __maybe_unused *b;}.
     */
    boolean declaratorAnnotationAt(Token t) {
        if (!isUnknown(t)) return false;
        Token n = after(t);
        if (n.kind == LPAREN) {
            if (!startsLiteralArgument(after(n))) return false;
            n = afterParens(n);
        }
        if (n.kind == IDENTIFIER) return annotationBeforeName(t, n);
        return n.kind == STAR;
    }

    /**
     * Of two unknown names in a row inside a declaration, whether the first is an annotation and the
     * second the declared name ({@code void notrace __schedule(int)}), rather than the first the
     * name and the second its annotation ({@code int x __read_mostly}, {@code int y __section(".d")}).
     * Annotations are spelled with a leading double underscore; a parameter list marks a function name.
     */
    boolean annotationBeforeName(Token t, Token n) {
        if (t.image.startsWith("__") || !n.image.startsWith("__")) return true;
        Token open = after(n);
        return open.kind == LPAREN && !startsLiteralArgument(after(open));
    }

    private static boolean startsLiteralArgument(Token t) {
        return t.kind == INTEGER || t.kind == STRING || t.kind == CHARACTER || t.kind == AMP || t.kind == MINUS;
    }

    /**
     * An unknown name at {@code t} that is a type, where declaration specifiers have no type yet:
     * a name, a {@code *} or a qualifier follows it ({@code cpumask_var_t m}, {@code foo_t *p},
     * {@code foo_t const *p}), or a function-pointer declarator does ({@code irq_fn_t (*fn)(int)}).
     */
    boolean unknownTypeAt(Token t) {
        if (!isUnknown(t)) return false;
        Token n = after(t);
        if (n.kind == IDENTIFIER || n.kind == STAR || isQualifier(n.kind)) return true;
        if (n.kind != LPAREN) return false;
        Token star = after(n);
        Token name = after(star);
        Token close = after(name);
        int suffix = after(close).kind;
        return star.kind == STAR && name.kind == IDENTIFIER && close.kind == RPAREN
                && (suffix == LPAREN || suffix == LBRACKET);
    }

    /**
     * Records {@code t} as a type name when a declared name or a pointer follows it: the
     * strongest evidence. Double-underscore names are left out: they are annotations far more
     * often than types, and one misread annotation would turn every later use into a type.
     */
    void learn(Token t, Token next) {
        if (types.contains(t.image) || t.image.startsWith("__")) return;
        // in "a b c(", a may as well be an annotation before the type b
        if (next.kind == STAR || (next.kind == IDENTIFIER && after(next).kind != IDENTIFIER)) {
            types.add(t.image);
        }
    }

    /** Whether a block item starting at {@code t} is a declaration rather than a statement. */
    boolean startsDeclaration(Token t) {
        if (t.kind == STATIC_ASSERT) return true;
        if (isSpecifierKeyword(t.kind)) return t.kind != EXTENSION || startsDeclarationAfterExtension(after(t));
        if (t.kind != IDENTIFIER) return false;
        Token n = after(t);
        if (types.contains(t.image)) {
            return n.kind == IDENTIFIER || n.kind == STAR || n.kind == LPAREN || isQualifier(n.kind)
                    || n.kind == ATTRIBUTE || n.kind == SEMICOLON;
        }
        // "a b" and "a int" are never statements: cpumask_var_t m; __maybe_unused int x;
        if (n.kind == IDENTIFIER || isSpecifierKeyword(n.kind)) return true;
        if (n.kind == STAR) return pointerDeclarationAfter(t, n);
        // __free(kfree) char *p = NULL;
        return n.kind == LPAREN && isTypeOrStorage(afterParens(n));
    }

    private boolean startsDeclarationAfterExtension(Token t) {
        return isSpecifierKeyword(t.kind) || (t.kind == IDENTIFIER && types.contains(t.image));
    }

    /**
     * {@code foo_t *p ...} at the start of a block item, with {@code foo_t} unknown: a declaration
     * unless it can be a product. {@code a * b = c}, {@code a * b, *c} and {@code a **b} are no
     * expression anyone writes; {@code a * b;} is kept a product unless the name ends in
     * {@code _t}, the kernel's spelling of typedef names.
     */
    private boolean pointerDeclarationAfter(Token type, Token star) {
        Token t = after(star);
        if (t.kind == STAR || isQualifier(t.kind) || t.kind == ATTRIBUTE) return true;
        if (t.kind != IDENTIFIER) return false;
        switch (after(t).kind) {
            case ASSIGN: case COMMA: case LBRACKET: case ATTRIBUTE: case IDENTIFIER:
                return true;
            case SEMICOLON:
                return type.image.endsWith("_t");
            default:
                return false;
        }
    }

    /**
     * A type name inside parentheses or a macro's argument list at {@code t}, with {@code t} an unknown
     * name: names and then stars up to the closing {@code ')'} or {@code ','}: {@code (foo_t *)},
     * {@code (foo_t __user *)}. A name after a star would be a declarator, so {@code (a * b)} is a product.
     */
    boolean unknownTypeNameAt(Token t) {
        if (!isUnknown(t)) return false;
        Token n = after(t);
        // (__force void *)p: annotations before a type
        if (n.kind == IDENTIFIER || isSpecifierKeyword(n.kind)) {
            Token m = n;
            while (isUnknown(m)) m = after(m);
            if (isTypeOrStorage(m)) return true;
        }
        // (foo_t __user *): annotations are spelled with double underscores; (KERN_INFO MSG) is a string
        while (n.kind == IDENTIFIER && n.image.startsWith("__")) n = after(n);
        boolean stars = false;
        while (n.kind == STAR || isQualifier(n.kind)) {
            n = after(n);
            stars = true;
        }
        return stars && (n.kind == RPAREN || n.kind == COMMA);
    }

    /**
     * Whether {@code (t)}, {@code t} unknown, is a cast: what follows the {@code ')'} cannot follow a
     * parenthesised expression ({@code (foo_t)x}, {@code (foo_t)~0}), or it could but the name is
     * spelled as a typedef ({@code (foo_t)-1}).
     */
    boolean castOfUnknownAt(Token t) {
        if (!isUnknown(t) || after(t).kind != RPAREN) return false;
        switch (after(after(t)).kind) {
            case IDENTIFIER: case INTEGER: case CHARACTER: case STRING: case TILDE: case BANG: case SIZEOF:
            case ALIGNOF: case LBRACE:
                return true;
            case LPAREN: case MINUS: case PLUS: case AMP: case STAR: case INC: case DEC:
                return t.image.endsWith("_t");
            default:
                return false;
        }
    }

    /**
     * A call argument at {@code t} that is a type, as kernel macros take them: a type keyword, a
     * typedef name with nothing but stars after it, or an unknown name shaped like a type.
     */
    boolean typeArgumentAt(Token t) {
        switch (t.kind) {
            case VOID: case CHAR: case SHORT: case INT: case LONG: case FLOAT: case DOUBLE: case SIGNED:
            case UNSIGNED: case BOOL: case INT128: case CONST: case VOLATILE: case RESTRICT: case ATOMIC:
            case STRUCT: case UNION: case ENUM: case TYPEOF:
                return true;
            case IDENTIFIER:
                if (!types.contains(t.image)) return unknownTypeNameAt(t);
                Token n = after(t);
                while (n.kind == STAR || isQualifier(n.kind)) n = after(n);
                return n.kind == COMMA || n.kind == RPAREN;
            default:
                return false;
        }
    }

    /**
     * {@code NAME(args)} at {@code t} used as a declaration: {@code EXPORT_SYMBOL(f);},
     * {@code static DEFINE_SPINLOCK(lock);}, {@code DEFINE_PER_CPU(int, n) = 1;}, and at top level
     * also without the semicolon when another declaration follows. Never before {@code '{'}: that is
     * a function definition without a result type, as litmus tests write threads.
     */
    boolean macroDeclarationAt(Token t, DeclSpecs specs, boolean topLevel) {
        if (specs.hasType() || !isUnknown(t) || after(t).kind != LPAREN) return false;
        Token end = afterParens(after(t));
        switch (end.kind) {
            case SEMICOLON: case ASSIGN:
                return true;
            case LBRACE: case LPAREN: case LBRACKET: case COMMA:
                return false;
            default:
                return topLevel;
        }
    }

    /**
     * Whether the statement starting at {@code first} is a loop macro from a header that was not
     * read: {@code NAME(args)} followed by a statement instead of {@code ';'}, which is a block, or
     * is indented under the header, or follows a name spelled as the kernel spells its loop macros
     * ({@code list_for_each_entry(pos, head, member) ...}). A call followed by a statement at its
     * own indentation is a missing {@code ';'}.
     */
    boolean loopMacroAt(Token first) {
        if (first.kind != IDENTIFIER || after(first).kind != LPAREN) return false;
        Token next = afterParens(after(first));
        switch (next.kind) {
            case LBRACE:
                return true;
            case IDENTIFIER: case IF: case FOR: case WHILE: case DO: case SWITCH: case RETURN: case BREAK:
            case CONTINUE: case GOTO: case ASM: case STAR: case INC: case DEC: case LPAREN:
                return looksLikeLoopMacro(first.image)
                        || (next.beginLine > first.beginLine && next.beginColumn > first.beginColumn);
            default:
                return false;
        }
    }

    private static boolean looksLikeLoopMacro(String name) {
        return name.contains("for_each") || name.startsWith("scoped_");
    }
}
