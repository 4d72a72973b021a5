package org.powercheck.frontend.cparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;

/** The C grammar: precedence, declarators, typedef names, statements, GNU extensions, positions. */
class CGrammarTest {
    private static List<CExternal> unit(String text) {
        return CSyntax.translationUnit(text, "t.c", new TypeNames());
    }

    private static CFunction function(String text) {
        return (CFunction) unit(text).get(0);
    }

    /** The statements of {@code void f(void) { body }}. */
    private static List<CStmt> body(String body) {
        return function("void f(void) {\n" + body + "\n}\n").body().items();
    }

    private static CExpr expr(String e) {
        return ((CStmt.ExprStmt) body(e + ";").get(0)).expr();
    }

    @Test
    void precedenceFollowsC() {
        assertEquals("(a = ((b + (c * d)) << (e & f)))", expr("a = b + c * d << (e & f)").toString());
        assertEquals("(((a || (b && c)) ? d : e) , f)", expr("a || b && c ? d : e, f").toString());
        assertEquals("((a == b) | ((c < d) ^ (e & f)))", expr("a == b | c < d ^ e & f").toString());
        assertEquals("(x += (y -= 1))", expr("x += y -= 1").toString());
        assertEquals("((-(*p)) - (!(~q)))", expr("-*p - !~q").toString());
    }

    @Test
    void postfixOperatorsBindTighterThanPrefix() {
        assertEquals("(*(p->next[2].val++))", expr("*p->next[2].val++").toString());
        assertEquals("(&f(a, (b , c)))", expr("&f(a, (b, c))").toString());
        assertEquals("(++(--x))", expr("++--x").toString());
    }

    @Test
    void castsNeedATypeName() {
        assertEquals("((unsigned long *) p)", expr("(unsigned long *)p").toString());
        assertEquals("((u32) x)", expr("(u32)x").toString());
        assertEquals("(a * b)", expr("(a) * b").toString());
        assertEquals("sizeof(struct foo *)", expr("sizeof(struct foo *)").toString());
        assertEquals("sizeof x", expr("sizeof x").toString());
    }

    @Test
    void typedefNamesMakeDeclarations() {
        List<CExternal> items = unit("typedef struct list { struct list *next; } list_t;\n"
                + "void f(void) { list_t *a; a * b; }\n");
        CExternal.Declaration td = (CExternal.Declaration) items.get(0);
        assertTrue(td.decls().get(0).isTypedef());
        List<CStmt> stmts = ((CFunction) items.get(1)).body().items();
        CStmt.Declaration d = assertInstanceOf(CStmt.Declaration.class, stmts.get(0));
        assertEquals("list_t *", d.decls().get(0).type().toString());
        assertInstanceOf(CStmt.ExprStmt.class, stmts.get(1));
    }

    @Test
    void declaratorsDeriveTypesInsideOut() {
        CStmt.Declaration d = (CStmt.Declaration) body("int *a[3], (*fp)(int, char *), **pp = 0;").get(0);
        assertInstanceOf(CType.Array.class, d.decls().get(0).type());
        assertInstanceOf(CType.Pointer.class, ((CType.Array) d.decls().get(0).type()).element());
        CType.Pointer fp = assertInstanceOf(CType.Pointer.class, d.decls().get(1).type());
        CType.Function fn = assertInstanceOf(CType.Function.class, fp.target());
        assertEquals(2, fn.params().size());
        assertEquals("int * *", d.decls().get(2).type().toString());
        assertEquals("0", d.decls().get(2).init().orElseThrow().toString());
    }

    @Test
    void functionsWithoutReturnTypeAreLitmusThreads() {
        CFunction f = function("P0(int *x, spinlock_t *s, struct srcu_struct *ss) { WRITE_ONCE(*x, 1); }");
        assertEquals("P0", f.name());
        assertTrue(f.result().isEmpty());
        assertEquals(List.of("int * x", "spinlock_t * s", "struct srcu_struct * ss"),
                f.params().stream().map(CParam::toString).toList());
    }

    @Test
    void statements() {
        List<CStmt> s = body("if (a) b(); else { c(); }\n"
                + "while (x) x--;\n"
                + "do { y++; } while (y < 3);\n"
                + "for (int i = 0; i < 4; i++) continue;\n"
                + "switch (v) { case 1: case 2 ... 4: break; default: ; }\n"
                + "out: return 0;\n"
                + "goto out;");
        assertEquals(List.of(CStmt.If.class, CStmt.While.class, CStmt.DoWhile.class, CStmt.For.class,
                CStmt.Switch.class, CStmt.Labeled.class, CStmt.Goto.class),
                s.stream().map(Object::getClass).toList());
        CStmt.For f = (CStmt.For) s.get(3);
        assertInstanceOf(CStmt.Declaration.class, f.init().orElseThrow());
    }

    @Test
    void gnuExtensions() {
        List<CStmt> s = body("asm volatile(\"lwsync\" : : : \"memory\");\n"
                + "__asm__ __volatile__(\"ld %0,0(%1)\" : \"=r\" (v) : \"b\" (p));\n"
                + "int x __attribute__((unused)) = ({ int t = 1; t; });\n"
                + "struct s v = { .a = 1, [2] = 3 };");
        CStmt.Asm a = assertInstanceOf(CStmt.Asm.class, s.get(0));
        assertEquals("lwsync", a.template());
        assertEquals(List.of("memory"), a.clobbers());
        CStmt.Asm b = assertInstanceOf(CStmt.Asm.class, s.get(1));
        assertEquals("=r", b.outputs().get(0).constraint());
        assertEquals("v", b.outputs().get(0).expr().toString());
        CDecl x = ((CStmt.Declaration) s.get(2)).decls().get(0);
        assertInstanceOf(CExpr.StatementExpr.class, ((CInit.Single) x.init().orElseThrow()).value());
        CInit.Braced init = (CInit.Braced) ((CStmt.Declaration) s.get(3)).decls().get(0).init().orElseThrow();
        assertEquals(List.of(new CInit.Designator.Field("a")), init.items().get(0).designators());
    }

    @Test
    void literals() {
        assertEquals(255, ((CExpr.IntLit) expr("0xffUL")).value());
        assertEquals(8, ((CExpr.IntLit) expr("010")).value());
        assertEquals('\n', ((CExpr.IntLit) expr("'\\n'")).value());
        assertEquals("\"ab\"", expr("\"a\" \"b\"").toString());
    }

    @Test
    void positionsPointAtTheSource() {
        CFunction f = function("void f(void)\n{\n\tint r1;\n\tr1 = g(*x);\n}\n");
        CStmt.ExprStmt s = (CStmt.ExprStmt) f.body().items().get(1);
        assertEquals(new SourcePos("t.c", 4, 2), s.pos());
        CExpr.Call call = (CExpr.Call) ((CExpr.Assign) s.expr()).value();
        assertEquals(new SourcePos("t.c", 4, 7), call.pos());
        assertEquals(new SourcePos("t.c", 4, 9), call.args().get(0).pos());
    }

    @Test
    void partialParseStopsAtAStopWord() {
        CSyntax.Partial p = CSyntax.until("\nP0(int *x) { }\n\nexists (x=1)\n", "t.litmus", 3, 2,
                Set.of("exists"), new TypeNames());
        assertEquals(1, p.items().size());
        assertEquals(6, p.stopLine());
        assertEquals(1, p.stopColumn());
    }

    @Test
    void syntaxErrorsHaveOnePosition() {
        InputException e = assertThrows(InputException.class, () -> unit("void f(void) { x = ; }"));
        assertEquals("t.c:1:20: unexpected ';'", e.getMessage());
        e = assertThrows(InputException.class, () -> unit("void f(void) { (a + b) = 2; }"));
        assertTrue(e.getMessage().endsWith("the left side of '=' is not assignable"), e.getMessage());
    }
}
