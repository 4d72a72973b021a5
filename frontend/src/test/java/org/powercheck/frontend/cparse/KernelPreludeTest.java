package org.powercheck.frontend.cparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.powercheck.frontend.preprocess.PreprocessedUnit;
import org.powercheck.frontend.preprocess.Preprocessor;
import org.powercheck.frontend.preprocess.PreprocessorOptions;
import org.powercheck.ir.SourcePos;

/** The bundled kernel macro prelude, with the preprocessor and the grammar, over a kernel-style file. */
class KernelPreludeTest {
    static final String PRELUDE = "/org/powercheck/frontend/kernel/prelude-macros.h";

    static String resource(String name) throws IOException {
        try (InputStream in = KernelPreludeTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Preprocessed as the kernel front end does: ppc64le, the prelude first, headers recorded. */
    static PreprocessedUnit preprocess(String text, String file) throws IOException {
        PreprocessorOptions options = PreprocessorOptions.builder().kernelPpc64le().define("CONFIG_SMP")
                .recordMissingQuotedIncludes(true).preInclude("prelude-macros.h", resource(PRELUDE)).build();
        return new Preprocessor(options).run(text, file);
    }

    private static Map<String, CExternal> byName(List<CExternal> items) {
        Map<String, CExternal> out = new LinkedHashMap<>();
        for (CExternal e : items) {
            if (e instanceof CFunction f) out.put(f.name() + "()", f);
            if (e instanceof CExternal.Declaration d) d.decls().forEach(x -> out.put(x.name(), e));
            if (e instanceof CExternal.MacroDeclaration m) out.put(m.macro().name() + "!", e);
        }
        return out;
    }

    @Test
    void aKernelStyleFileParsesWithThePrelude() throws IOException {
        PreprocessedUnit pp = preprocess(resource("/cparse/kernel-style.c"), "kernel-style.c");
        CSyntax.Unit unit = CSyntax.tolerantUnit(pp.text(), pp::map, new TypeNames());
        assertEquals(List.of(), unit.errors());
        Map<String, CExternal> items = byName(unit.items());
        assertEquals(List.of("", "demo_work", "demo_counts", "demo_list", "demo_lock", "demo_enabled",
                "demo_run_one()", "demo_kick_all()", "sys_demo_ctl()"), List.copyOf(items.keySet()),
                "every macro of the file is one the prelude defines");

        CFunction syscall = (CFunction) items.get("sys_demo_ctl()");
        assertEquals(List.of("unsigned int op", "void * arg"), syscall.params().stream().map(CParam::toString).toList());

        CFunction kick = (CFunction) items.get("demo_kick_all()");
        List<CStmt> body = kick.body().items();
        assertInstanceOf(CStmt.For.class, body.get(4), "list_for_each_entry_safe is a for loop");
        CStmt.For cpus = assertInstanceOf(CStmt.For.class, body.get(6), "for_each_cpu is a for loop");
        assertInstanceOf(CStmt.ExprStmt.class, cpus.body());
        // a node made by a macro points at the macro's use in the file
        assertEquals(new SourcePos("kernel-style.c", 44, 2), cpus.pos());

        CExternal.Declaration perCpu = (CExternal.Declaration) items.get("demo_counts");
        CType.TypeOf type = assertInstanceOf(CType.TypeOf.class, perCpu.decls().get(0).type());
        assertInstanceOf(CType.Array.class, type.type().orElseThrow(), "a per-CPU array keeps its type");
        assertEquals(List.of("static", "__thread"), perCpu.decls().get(0).storage(), "__thread marks a per-CPU variable");
        assertTrue(pp.unresolvedIncludes().size() >= 2);
    }
}
