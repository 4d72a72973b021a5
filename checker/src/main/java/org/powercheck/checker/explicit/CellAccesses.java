package org.powercheck.checker.explicit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The accesses to one cell in one choice of runs, in event order ({@link EventGraph} numbers
 * them the same way): the writes, the initial write first, then the reads; each with its value,
 * thread and place in the thread. It is all that the cell's rf and co choices depend on, so it
 * is a value: equal accesses have equal choices ({@link RunCombinations} memoises them).
 */
final class CellAccesses {
    /** the accesses of one run to one cell, in program order */
    record Projection(boolean[] write, long[] value) {
        static Projection of(ThreadRun run, int cell) {
            List<LocalEvent> on = new ArrayList<>();
            for (LocalEvent e : run.events()) {
                if (e.cell() == cell && e.kind() != LocalEvent.Kind.FENCE) on.add(e);
            }
            boolean[] write = new boolean[on.size()];
            long[] value = new long[on.size()];
            for (int i = 0; i < on.size(); i++) {
                write[i] = on.get(i).kind() == LocalEvent.Kind.WRITE;
                value[i] = on.get(i).value();
            }
            return new Projection(write, value);
        }

        int size() {
            return write.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Projection p && Arrays.equals(write, p.write) && Arrays.equals(value, p.value);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(write) + Arrays.hashCode(value);
        }
    }

    final long[] writeValue;
    final int[] writeThread;
    final int[] writePlace;
    final long[] readValue;
    final int[] readThread;
    final int[] readPlace;

    /** @param projections the runs' accesses to the cell, thread by thread */
    CellAccesses(long initialValue, Projection[] projections) {
        int w = 1;
        int r = 0;
        for (Projection p : projections) {
            for (boolean isWrite : p.write()) {
                if (isWrite) w++; else r++;
            }
        }
        writeValue = new long[w];
        writeThread = new int[w];
        writePlace = new int[w];
        readValue = new long[r];
        readThread = new int[r];
        readPlace = new int[r];
        writeValue[0] = initialValue;
        writeThread[0] = -1;
        w = 1;
        r = 0;
        for (int t = 0; t < projections.length; t++) {
            Projection p = projections[t];
            for (int i = 0; i < p.size(); i++) {
                if (p.write()[i]) {
                    writeValue[w] = p.value()[i];
                    writeThread[w] = t;
                    writePlace[w++] = i;
                } else {
                    readValue[r] = p.value()[i];
                    readThread[r] = t;
                    readPlace[r++] = i;
                }
            }
        }
    }

    int writes() {
        return writeValue.length;
    }

    int reads() {
        return readValue.length;
    }

    /**
     * Whether access {@code a} is po-before access {@code b}; accesses are numbered writes
     * first, then reads.
     */
    boolean poBefore(int a, int b) {
        int ta = thread(a);
        return ta >= 0 && ta == thread(b) && place(a) < place(b);
    }

    private int thread(int i) {
        return i < writes() ? writeThread[i] : readThread[i - writes()];
    }

    private int place(int i) {
        return i < writes() ? writePlace[i] : readPlace[i - writes()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CellAccesses c && Arrays.equals(writeValue, c.writeValue)
                && Arrays.equals(writeThread, c.writeThread) && Arrays.equals(writePlace, c.writePlace)
                && Arrays.equals(readValue, c.readValue) && Arrays.equals(readThread, c.readThread)
                && Arrays.equals(readPlace, c.readPlace);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {Arrays.hashCode(writeValue), Arrays.hashCode(writeThread),
                Arrays.hashCode(writePlace), Arrays.hashCode(readValue), Arrays.hashCode(readThread),
                Arrays.hashCode(readPlace)});
    }
}
