package org.powercheck.checker;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.powercheck.ir.Layout;
import org.powercheck.ir.StateKey;

/** The values of the observed keys at the end of one allowed execution. */
public record FinalState(SortedMap<StateKey, Long> values) implements Comparable<FinalState> {
    public FinalState {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    public static FinalState of(Map<StateKey, Long> values) {
        return new FinalState(new TreeMap<>(values));
    }

    /** herd's line: {@code 1:r1=0; 1:r3=1; [x]=2;} */
    public String format(Layout layout) {
        StringJoiner j = new StringJoiner(" ", "", "");
        values.forEach((k, v) -> j.add(k + "=" + layout.format(v) + ";"));
        return j.toString();
    }

    @Override
    public int compareTo(FinalState o) {
        var a = values.entrySet().iterator();
        var b = o.values.entrySet().iterator();
        while (a.hasNext() && b.hasNext()) {
            var x = a.next();
            var y = b.next();
            int c = x.getKey().compareTo(y.getKey());
            if (c != 0) return c;
            c = Long.compare(x.getValue(), y.getValue());
            if (c != 0) return c;
        }
        return Boolean.compare(a.hasNext(), b.hasNext());
    }
}
