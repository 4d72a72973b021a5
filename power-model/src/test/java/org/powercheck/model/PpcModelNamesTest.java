package org.powercheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checks carry herd's names, so that a result naming a failed check can be looked up in
 * herd's model files. Expected names, in herd's order: herdtools7 herd/libdir/ppc.cat line 7
 * ({@code acyclic po-loc | rf | fr | co as scperlocation}) and line 10
 * ({@code empty rmw & (fre;coe) as atomic}); herd/libdir/ppc-checks.cat ({@code as thinair},
 * {@code as propagation}, {@code as observation}, {@code as scXX}); power-model.md section 1.7.
 */
class PpcModelNamesTest {
    @Test
    void checksAreNamedAsInHerdsPpcCat() {
        assertEquals(List.of("scperlocation", "atomic", "thinair", "propagation", "observation", "scXX"),
                PpcModel.MODEL.checks().stream().map(Check::name).toList());
    }
}
