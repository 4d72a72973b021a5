package org.powercheck.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManifestKeyTest {
    private final Path corpus = Path.of("/corpus/litmus");

    @Test
    void keyIsRelativeToTheManifestFolder() {
        var k = ManifestKey.locate(corpus, corpus.resolve("ppc/a/MP.litmus"), Set.of("ppc/a/MP.litmus")::contains);
        assertEquals(new ManifestKey(corpus, "ppc/a/MP.litmus"), k.orElseThrow());
    }

    @Test
    void keyMayStartAtAFolderAboveTheManifest() {
        Path scaling = corpus.resolve("scaling");
        var k = ManifestKey.locate(scaling, scaling.resolve("IRIW/n2.litmus"), Set.of("scaling/IRIW/n2.litmus")::contains);
        assertEquals(new ManifestKey(corpus, "scaling/IRIW/n2.litmus"), k.orElseThrow());
    }

    @Test
    void unlistedFilesHaveNoKey() {
        assertTrue(ManifestKey.locate(corpus, corpus.resolve("ppc/x.litmus"), Set.of("ppc/y.litmus")::contains).isEmpty());
        assertTrue(ManifestKey.locate(corpus, Path.of("/elsewhere/x.litmus"), Set.of("../../elsewhere/x.litmus")::contains).isEmpty());
    }
}
