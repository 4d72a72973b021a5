package org.powercheck.checker.sat;

/** An open-addressing hash map from long keys to int values (no boxing in the gate cache). */
final class LongIntMap {
    private static final int NONE = 0;

    private long[] keys = new long[256];
    private int[] values = new int[256];
    private int size;

    /** The value for {@code key}, or 0 when absent (0 is never stored: literals are non-zero). */
    int get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            int v = values[i];
            if (v == NONE) return NONE;
            if (keys[i] == key) return v;
        }
    }

    void put(long key, int value) {
        if (2 * (size + 1) > keys.length) grow();
        insert(key, value);
    }

    private void insert(long key, int value) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (values[i] == NONE) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) if (oldValues[i] != NONE) insert(oldKeys[i], oldValues[i]);
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }
}
