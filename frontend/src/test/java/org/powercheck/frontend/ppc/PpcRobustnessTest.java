package org.powercheck.frontend.ppc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.powercheck.frontend.Frontend;
import org.powercheck.ir.InputException;

/** Damaged input of any shape ends in one InputException, never in another exception. */
class PpcRobustnessTest {
    private static final String SAMPLE = """
            PPC sample+all-forms
            "LwSyncdWW Rfe CtrlIsyncdR Fre"
            Cycle=Rfe CtrlIsyncdR Fre LwSyncdWW
            (* a (* nested *) comment *)
            {
            0:r2=x; 0:r4=y; 1:r2=y; 1:r4=x; 1:r7=ok;
            uint64_t z = 0xffff; int ok=0; [w]=2;
            }
             P0           | P1              ;
             li r1,1      | lwz r1,0(r2)    ;
             stw r1,0(r2) | cmpw r1,r1      ;
             lwsync       | beq LC00        ;
             li r3,1      | LC00: isync     ;
             stw r3,0(r4) | lwarx r5,r0,r4  ;
                          | stwcx. r1,r0,r4 ;
                          | bne End         ;
                          | End:            ;
            locations [1:r5; z;]
            filter (1:r1=1 \\/ ~[w]=3)
            exists (1:r1=1 /\\ 1:r5=0 /\\ x=1 => y<>2) (* done *)
            """;

    @Test
    void sampleParses() {
        assertEquals("sample+all-forms", Frontend.parse(SAMPLE, "s.litmus").name());
    }

    @Test
    void everyTruncationFailsCleanly() {
        for (int end = 0; end < SAMPLE.length(); end++) {
            parseExpectingNothingButInputErrors(SAMPLE.substring(0, end));
        }
    }

    @Test
    void randomCharacterDamageFailsCleanly() {
        Random random = new Random(42);
        String alphabet = "|;:,()[]{}=~/\\*%&-0123456789abcxPr \n\t\"#@.";
        int errors = 0;
        for (int i = 0; i < 3000; i++) {
            StringBuilder damaged = new StringBuilder(SAMPLE);
            for (int k = 0; k < 1 + random.nextInt(3); k++) {
                int at = random.nextInt(damaged.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> damaged.setCharAt(at, c);
                    case 1 -> damaged.insert(at, c);
                    default -> damaged.deleteCharAt(at);
                }
            }
            if (parseExpectingNothingButInputErrors(damaged.toString())) errors++;
        }
        assertTrue(errors > 500, "the damage should break most samples, broke " + errors);
    }

    /** @return whether the text was rejected */
    private static boolean parseExpectingNothingButInputErrors(String text) {
        try {
            Frontend.parse(text, "d.litmus");
            return false;
        } catch (InputException e) {
            assertTrue(e.getMessage().matches("d\\.litmus:\\d+:\\d+: .+"), e.getMessage());
            return true;
        } catch (RuntimeException | Error e) {
            fail("unexpected " + e + " for input:\n" + text, e);
            return true;
        }
    }
}
