package org.powercheck.model.cat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercheck.model.Check;
import org.powercheck.model.Model;
import org.powercheck.model.PpcModel;

/** The POWER model powercheck ships as a cat file is the model PpcModel builds in Java. */
class PowerCatTest {
    @Test
    void powerCatIsPpcModelCheckByCheck() {
        Model parsed = CatReader.bundled(CatReader.POWER);
        List<Check> expected = PpcModel.MODEL.checks();
        assertEquals(expected.stream().map(Check::name).toList(), parsed.checks().stream().map(Check::name).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), parsed.checks().get(i), "check " + expected.get(i).name());
        }
    }
}
