package org.powercheck.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.UnsupportedConstructException;

class JsonReportTest {
    @Test
    void checkedTestIsOneObjectOnOneLine() {
        String line = JsonReport.line(Fixtures.mpChecked(Path.of("ppc/MP+lwsync+po.litmus")));
        assertEquals(1, line.lines().count());
        @SuppressWarnings("unchecked")
        Map<String, Object> o = (Map<String, Object>) MiniJson.parse(line);
        assertEquals("MP+lwsync+po", o.get("name"));
        assertEquals("ppc/MP+lwsync+po.litmus", o.get("file"));
        assertEquals("Allowed", o.get("verdict"));
        assertEquals("Allowed", o.get("kind"));
        assertEquals("Sometimes", o.get("observation"));
        assertEquals(true, o.get("ok"));
        assertEquals("exists (1:r1=1 /\\ 1:r3=0)", o.get("condition"));
        assertEquals(false, o.get("bound_cut"));
        assertEquals("fake", o.get("engine"));
        assertEquals("counterexample", o.get("result"));
        assertEquals(1L, o.get("exit"));
        assertEquals(12.35, (Double) o.get("time_ms"), 1e-9);
        assertEquals(List.of(Map.of("1:r1", 0L, "1:r3", 0L), Map.of("1:r1", 0L, "1:r3", 1L),
                Map.of("1:r1", 1L, "1:r3", 0L), Map.of("1:r1", 1L, "1:r3", 1L)), o.get("states"));
    }

    @Test
    void errorsAreObjectsToo() {
        InputException e = new InputException(new SourcePos("bad \"q\".litmus", 3, 4), "unexpected\ttoken \\");
        Map<?, ?> o = (Map<?, ?>) MiniJson.parse(JsonReport.line(new TestResult.InputError(Path.of("bad \"q\".litmus"), e)));
        assertEquals("bad \"q\".litmus", o.get("file"));
        assertEquals("input-error", o.get("result"));
        assertEquals("bad \"q\".litmus:3:4: unexpected\ttoken \\", o.get("message"));
        assertNull(o.get("verdict"));
        assertEquals(2L, o.get("exit"));
        UnsupportedConstructException u = new UnsupportedConstructException(new SourcePos("c.litmus", 5, 2), "rcu");
        Map<?, ?> uo = (Map<?, ?>) MiniJson.parse(JsonReport.line(new TestResult.Unsupported(Path.of("c.litmus"), u)));
        assertEquals("not supported yet: rcu at c.litmus:5:2", uo.get("message"));
    }

    @Test
    void escapesEverythingJsonRequires() {
        String nasty = "a\"b\\c\nd\re\tf\u0001g\u2028h/é";
        assertEquals(nasty, MiniJson.parse(Json.write(nasty)));
        assertEquals("\"\\u0001\"", Json.write("\u0001"));
        assertEquals("[1,-2,true,null,\"x\"]", Json.write(java.util.Arrays.asList(1, -2L, true, null, "x")));
    }
}
