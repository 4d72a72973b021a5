package org.powercheck.checker;

import net.jqwik.api.*;
import org.powercheck.checker.explicit.ExplicitEngine;

class TmpExplicitSpeedProperties {
    static long max; static String worst;
    @Property(tries = 10000, seed = "42")
    void runs(@ForAll("programs") RandomPrograms.RandomProgram p) throws Exception {
        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/current-program.txt"), p.toString());
        long t0 = System.nanoTime();
        Outcome o = new ExplicitEngine().run(p.program(), CheckOptions.defaults());
        long dt = System.nanoTime() - t0;
        if (dt > max) { max = dt; worst = p.toString(); try (var w = new java.io.FileWriter("/tmp/slowest.txt", true)) { w.write("slowest " + dt / 1e6 + " ms states=" + o.states().size() + p + "\n"); } }
    }
    @Provide Arbitrary<RandomPrograms.RandomProgram> programs() { return RandomPrograms.programs(); }
}
