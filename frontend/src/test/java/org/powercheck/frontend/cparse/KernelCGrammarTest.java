package org.powercheck.frontend.cparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;

/**
 * Kernel C without its headers: unknown typedef names, annotation macros, declaration and loop
 * macros, and the GNU extensions kernel code uses. Every snippet is written for this test.
 */
class KernelCGrammarTest {
    private static List<CExternal> unit(String text) {
        CSyntax.Unit unit = CSyntax.tolerantUnit(text, PositionMap.identity("k.c"), new TypeNames());
        assertEquals(List.of(), unit.errors().stream().map(Throwable::getMessage).toList());
        return unit.items();
    }

    private static CFunction function(String text, String name) {
        return unit(text).stream().filter(e -> e instanceof CFunction f && f.name().equals(name))
                .map(e -> (CFunction) e).findFirst().orElseThrow(() -> new AssertionError("no function " + name));
    }

    /** The statements of a function with body {@code body}. */
    private static List<CStmt> body(String body) {
        return function("void f(void)\n{\n" + body + "\n}\n", "f").body().items();
    }

    private static CExpr expr(String e) {
        return ((CStmt.ExprStmt) body(e + ";").get(0)).expr();
    }

    private static List<CDecl> decls(String text) {
        List<CDecl> out = new ArrayList<>();
        for (CExternal e : unit(text)) {
            if (e instanceof CExternal.Declaration d) out.addAll(d.decls());
        }
        return out;
    }

    @Test
    void unknownTypedefNamesDeclare() {
        List<CDecl> d = decls("cpumask_var_t mask;\nwait_queue_head_t *heads[4], wq;\n");
        assertEquals(List.of("mask", "heads", "wq"), d.stream().map(CDecl::name).toList());
        assertEquals("cpumask_var_t", d.get(0).type().toString());
        assertInstanceOf(CType.Array.class, d.get(1).type());

        List<CStmt> s = body("irq_hw_number_t hw = 3;\nfoo_t *p = q, *r;\nirq_work_t *single;\na * b;\nfoo(x);");
        assertInstanceOf(CStmt.Declaration.class, s.get(0));
        assertEquals(2, ((CStmt.Declaration) s.get(1)).decls().size());
        assertInstanceOf(CStmt.Declaration.class, s.get(2));
        assertInstanceOf(CStmt.ExprStmt.class, s.get(3), "a product stays a product");
        assertInstanceOf(CStmt.ExprStmt.class, s.get(4));
    }

    @Test
    void parametersMayHaveUnknownTypes() {
        CFunction f = function("static long handle(irq_desc_t *desc, pgoff_t off, struct page __user *up) { return 0; }",
                "handle");
        assertEquals(List.of("irq_desc_t * desc", "pgoff_t off", "struct page * up"),
                f.params().stream().map(CParam::toString).toList());
    }

    @Test
    void aTypedefLearnedFromADeclarationMakesLaterCastsAndDeclarations() {
        CFunction f = function("void g(sched_entity_t *se)\n{\n\tsched_entity_t *other;\n\tx = (sched_entity_t)y;\n}\n", "g");
        assertInstanceOf(CStmt.Declaration.class, f.body().items().get(0));
        CExpr.Assign a = (CExpr.Assign) ((CStmt.ExprStmt) f.body().items().get(1)).expr();
        assertInstanceOf(CExpr.Cast.class, a.value());
    }

    @Test
    void annotationMacrosAreSkipped() {
        List<CExternal> items = unit("""
                static int __init setup_cpus(void) { return 0; }
                bool has_big_cores __ro_after_init;
                static notrace __always_inline bool is_idle(int cpu) { return true; }
                void notrace __schedule_one(int mode) { }
                int boot_cpu __section(".data") = 1;
                static void * __percpu *slots;
                u32 *site, __maybe_unused *other;
                void __weak (*power_off_hook)(void);
                static void take(struct lock *l) __acquires(l) { }
                static void __init __attribute__((noreturn)) die(void) { }
                """);
        List<String> names = new ArrayList<>();
        for (CExternal e : items) {
            if (e instanceof CFunction f) names.add(f.name() + "()");
            if (e instanceof CExternal.Declaration d) d.decls().forEach(x -> names.add(x.name()));
        }
        assertEquals(List.of("setup_cpus()", "has_big_cores", "is_idle()", "__schedule_one()", "boot_cpu", "slots",
                "site", "other", "power_off_hook", "take()", "die()"), names);
        CFunction idle = (CFunction) items.get(2);
        assertEquals("bool", idle.result().orElseThrow().toString());
        assertTrue(idle.storage().contains("static"));
    }

    @Test
    void declarationMacrosAtTopLevel() {
        List<CExternal> items = unit("""
                EXPORT_SYMBOL(smp_send_stop);
                static DEFINE_SPINLOCK(ipi_lock);
                DEFINE_PER_CPU(int, irq_count) = 1;
                late_initcall(setup_ipi)
                static int after;
                P0(int *x) { }
                """);
        CExternal.MacroDeclaration export = assertInstanceOf(CExternal.MacroDeclaration.class, items.get(0));
        assertEquals("EXPORT_SYMBOL", export.macro().name());
        assertEquals(List.of("smp_send_stop"), export.macro().args());
        CExternal.MacroDeclaration lock = (CExternal.MacroDeclaration) items.get(1);
        assertEquals(List.of("static"), lock.macro().storage());
        CExternal.MacroDeclaration perCpu = (CExternal.MacroDeclaration) items.get(2);
        assertEquals(List.of("int", "irq_count"), perCpu.macro().args());
        assertEquals("1", perCpu.macro().init().orElseThrow().toString());
        assertEquals("late_initcall", ((CExternal.MacroDeclaration) items.get(3)).macro().name());
        assertEquals("after", ((CExternal.Declaration) items.get(4)).decls().get(0).name());
        assertEquals("P0", ((CFunction) items.get(5)).name(), "a function without result type stays one");
    }

    @Test
    void declarationMacrosInBlocksAndStructs() {
        List<CStmt> s = body("static DEFINE_MUTEX(probe_lock);\nDEFINE_WAIT(wait);");
        CStmt.MacroDeclaration m = assertInstanceOf(CStmt.MacroDeclaration.class, s.get(0));
        assertEquals("DEFINE_MUTEX", m.macro().name());
        assertInstanceOf(CExpr.Call.class, ((CStmt.ExprStmt) s.get(1)).expr(), "without a storage class it reads as a call");

        CDecl d = decls("struct ring { DECLARE_BITMAP(busy, 64); spinlock_t lock; u32 head; };").get(0);
        CType.Record r = assertInstanceOf(CType.Record.class, d.type());
        assertEquals(List.of("lock", "head"), r.members().orElseThrow().stream().map(CDecl::name).toList());
    }

    @Test
    void loopMacrosWrapTheirBody() {
        List<CStmt> s = body("""
                \tlist_for_each_entry(pos, &q->list, node) {
                \t\tcount++;
                \t}
                \tfor_each_online_cpu(cpu)
                \t\tkick(cpu);
                \tsched_for_each_entry(e, head, struct sched_entity, run)
                \t\tfor_each_cpu(cpu, e->mask)
                \t\t\t*e->load += 1;
                \tscoped_guard(spinlock_irqsave, &q->lock) q->n = 0;
                """);
        CStmt.MacroLoop list = assertInstanceOf(CStmt.MacroLoop.class, s.get(0));
        assertEquals("list_for_each_entry", list.name());
        assertEquals("(&q->list)", list.args().get(1).toString());
        assertInstanceOf(CStmt.Block.class, list.body());
        CStmt.MacroLoop online = (CStmt.MacroLoop) s.get(1);
        assertInstanceOf(CStmt.ExprStmt.class, online.body());
        CStmt.MacroLoop outer = (CStmt.MacroLoop) s.get(2);
        assertInstanceOf(CExpr.TypeArg.class, outer.args().get(2));
        CStmt.MacroLoop inner = assertInstanceOf(CStmt.MacroLoop.class, outer.body());
        assertEquals("((*e->load) += 1);", inner.body().toString(), "the body's '*' is not a product");
        assertEquals("scoped_guard", ((CStmt.MacroLoop) s.get(3)).name());
    }

    @Test
    void aMissingSemicolonAfterACallIsStillAnError() {
        InputException e = assertThrows(InputException.class,
                () -> CSyntax.translationUnit("void f(void)\n{\n\tWRITE_ONCE(*x, 1)\n\tsmp_mb();\n}\n", "k.c", new TypeNames()));
        assertEquals("k.c:4:2: expected ';' but found 'smp_mb'", e.getMessage());
    }

    @Test
    void memberChainsCastsAndTypeArguments() {
        CExpr.Member m = assertInstanceOf(CExpr.Member.class, expr("a->b.c[2]->d"));
        assertTrue(m.arrow());
        CExpr.Index i = assertInstanceOf(CExpr.Index.class, m.object());
        CExpr.Member inner = assertInstanceOf(CExpr.Member.class, i.array());
        assertEquals("c", inner.member());
        assertTrue(((CExpr.Member) inner.object()).arrow());

        assertEquals("((struct task *) p)", expr("(struct task *)p").toString());
        assertEquals("((work_t *) p)", expr("(work_t *)p").toString());
        assertEquals("((unsigned long) x)", expr("(unsigned long __force)x").toString());
        assertEquals("((void *) x)", expr("(__force void *)x").toString());
        assertEquals("((pte_t) x)", expr("(pte_t)x").toString(), "a name after ')' makes a cast");
        assertEquals("(a - 1)", expr("(a)-1").toString(), "a plain name in parentheses stays a value");

        CExpr.Call c = assertInstanceOf(CExpr.Call.class, expr("container_of(node, struct io_kiocb, list)"));
        CExpr.TypeArg t = assertInstanceOf(CExpr.TypeArg.class, c.args().get(1));
        assertEquals("struct io_kiocb", t.type().toString());
        CExpr.Call min = (CExpr.Call) expr("min_t(u32, a, b)");
        assertInstanceOf(CExpr.TypeArg.class, min.args().get(0));
        CExpr.Call ptr = (CExpr.Call) expr("f(foo_t *, x * y)");
        assertEquals("foo_t *", ((CExpr.TypeArg) ptr.args().get(0)).type().toString());
        assertInstanceOf(CExpr.Binary.class, ptr.args().get(1));
    }

    @Test
    void gnuExpressions() {
        CExpr.OrElse orElse = assertInstanceOf(CExpr.OrElse.class, expr("x = a ?: b")
                instanceof CExpr.Assign a ? a.value() : null);
        assertEquals("a", orElse.value().toString());

        List<CStmt> s = body("void *p = &&out;\ngoto *p;\nout: ;");
        CDecl p = ((CStmt.Declaration) s.get(0)).decls().get(0);
        assertInstanceOf(CExpr.LabelAddress.class, ((CInit.Single) p.init().orElseThrow()).value());
        assertInstanceOf(CStmt.ComputedGoto.class, s.get(1));

        CExpr.Generic g = assertInstanceOf(CExpr.Generic.class,
                expr("_Generic(p, const struct slab *: (const void *)p, default: p)"));
        assertEquals(2, g.associations().size());
        assertTrue(g.associations().get(1).type().isEmpty());

        CExpr.StatementExpr se = assertInstanceOf(CExpr.StatementExpr.class,
                expr("({ typeof(*ptr) __v = READ_ONCE(*ptr); __v; })"));
        assertEquals(2, se.body().items().size());

        assertEquals("\"fail\\n\"", ((CExpr.Call) expr("printk(KERN_ERR \"fail\\n\")")).args().get(0).toString());
        assertEquals(27, ((CExpr.IntLit) expr("'\\e'")).value());
        assertInstanceOf(CExpr.AlignofType.class, expr("__alignof__(x)"));
    }

    @Test
    void inlineAssembly() {
        List<CStmt> s = body("""
                asm volatile("lwsync" ::: "memory");
                __asm__ __volatile__(PPC_MSGSND(%0) : : "r" (msg));
                asm volatile("1: lwarx %[v],0,%[p]\\n" : [v] "=&r" (old) : [p] "b" (ptr), "r" (val) : "cc", "memory");
                asm goto("cmpwi %0,0; beq %l[out]" : : "r" (x) : "cc" : out);
                asm volatile("stw%U0%X0 %1,%0" : "=m"UPD_CONSTR (*addr) : "r" (v));
                out: ;
                """);
        CStmt.Asm fence = (CStmt.Asm) s.get(0);
        assertEquals(List.of("volatile"), fence.qualifiers());
        assertEquals(List.of("memory"), fence.clobbers());
        assertEquals("PPC_MSGSND(%0)", ((CStmt.Asm) s.get(1)).template());
        CStmt.Asm named = (CStmt.Asm) s.get(2);
        assertEquals(Optional.of("v"), named.outputs().get(0).name());
        assertEquals("=&r", named.outputs().get(0).constraint());
        assertEquals(List.of("(ptr)", "(val)").size(), named.inputs().size());
        assertEquals("ptr", named.inputs().get(0).expr().toString());
        CStmt.Asm jump = (CStmt.Asm) s.get(3);
        assertEquals(List.of("goto"), jump.qualifiers());
        assertEquals(List.of("out"), jump.labels());
        assertEquals("=mUPD_CONSTR", ((CStmt.Asm) s.get(4)).outputs().get(0).constraint());
    }

    @Test
    void designatedInitializersWithRanges() {
        CDecl d = decls("static irq_handler_t handlers[] = { [IPI_CALL] = call_fn, [1 ... 3] = other_fn, };\n"
                + "struct ops o = { .name = \"x\", .cb.fn = run, };").get(0);
        CInit.Braced b = (CInit.Braced) d.init().orElseThrow();
        assertInstanceOf(CInit.Designator.Index.class, b.items().get(0).designators().get(0));
        CInit.Designator.Range r = assertInstanceOf(CInit.Designator.Range.class, b.items().get(1).designators().get(0));
        assertEquals("1", r.low().toString());
        assertEquals("3", r.high().toString());
    }

    @Test
    void structsWithKernelShapes() {
        CDecl d = decls("""
                struct work_item {
                \tunion { struct list_head node; struct llist_node lnode; };
                \tunsigned int flags : 3, busy : 1;
                \tatomic_t refs;
                \tirq_work_fn_t (*fn)(struct work_item *);
                \tu8 data[];
                } __packed;
                """).get(0);
        CType.Record r = (CType.Record) d.type();
        List<CDecl> m = r.members().orElseThrow();
        assertEquals(List.of("", "flags", "busy", "refs", "fn", "data"), m.stream().map(CDecl::name).toList());
        assertEquals("3", m.get(1).bitWidth().orElseThrow().toString());
        assertInstanceOf(CType.Pointer.class, m.get(4).type());
        assertEquals("", d.name(), "the trailing annotation declares nothing");
        assertEquals(1, decls("struct pair { int a, b; } __aligned(16);").size());
    }

    @Test
    void labelsMayPrecedeDeclarationsAndCasesTakeRanges() {
        List<CStmt> s = body("switch (n) { case 1 ... 3: break; }\nretry:\n\tint tries = 0;\n\ttries++;");
        CStmt.Case c = (CStmt.Case) ((CStmt.Block) ((CStmt.Switch) s.get(0)).body()).items().get(0);
        assertEquals("3", c.high().orElseThrow().toString());
        assertInstanceOf(CStmt.Empty.class, ((CStmt.Labeled) s.get(1)).body());
        assertInstanceOf(CStmt.Declaration.class, s.get(2));
    }

    @Test
    void aTolerantParseReportsEachBrokenDeclarationAndGoesOn() {
        CSyntax.Unit unit = CSyntax.tolerantUnit("""
                int good_one(void) { return 1; }
                static void broken(void)
                {
                \tif (x) { y = ; }
                \tz = 2;
                }
                struct s { int a; } bad = { 1 2 };
                int good_two;
                """, PositionMap.identity("k.c"), new TypeNames());
        assertEquals(List.of("k.c:4:15: unexpected ';'", "k.c:7:31: unexpected '2'"),
                unit.errors().stream().map(Throwable::getMessage).toList());
        assertEquals(2, unit.items().size());
        assertEquals("good_one", ((CFunction) unit.items().get(0)).name());
        assertEquals("good_two", ((CExternal.Declaration) unit.items().get(1)).decls().get(0).name());
    }

    @Test
    void positionsGoThroughThePositionMap() {
        PositionMap shifted = (line, column) -> new SourcePos("orig.c", line + 100, column);
        List<CExternal> items = CSyntax.translationUnit("void f(void)\n{\n\tx = 1;\n}\n", shifted, new TypeNames());
        CFunction f = (CFunction) items.get(0);
        assertEquals(new SourcePos("orig.c", 101, 1), f.pos());
        assertEquals(new SourcePos("orig.c", 103, 2), f.body().items().get(0).pos());
        InputException e = assertThrows(InputException.class,
                () -> CSyntax.translationUnit("void f(void)\n{\n\tx = ;\n}\n", shifted, new TypeNames()));
        assertEquals("orig.c:103:6: unexpected ';'", e.getMessage());
    }
}
