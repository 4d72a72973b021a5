package org.powercheck.frontend.clitmus;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.powercheck.ir.SourcePos;

/** The parts of a C litmus test before its threads: the name and the init section. */
final class CLitmusSyntax {
    private CLitmusSyntax() {}

    /**
     * @param codeLine   line of the first character after the init section's closing brace
     * @param codeColumn column of that character
     */
    record Header(String name, SourcePos namePos, List<InitEntry> init, int codeLine, int codeColumn) {
        Header {
            init = List.copyOf(init);
        }
    }

    /**
     * One init item: {@code x = 1}, {@code int *p = &x}, {@code 0:r1 = a},
     * {@code atomic_t v = ATOMIC_INIT(1)}, {@code int y}.
     *
     * @param thread   the thread of a register item ({@code 0:r1}), empty for a memory cell
     * @param type     the type words as written ({@code int}, {@code *}), possibly empty
     */
    record InitEntry(OptionalInt thread, String name, List<String> type, Optional<InitValue> value, SourcePos pos) {
        InitEntry {
            type = List.copyOf(type);
        }
    }

    sealed interface InitValue {
        SourcePos pos();

        record Number(long value, SourcePos pos) implements InitValue {}

        /** A location name used as a value: its address ({@code x=y}, {@code &y}). */
        record Address(String cell, SourcePos pos) implements InitValue {}
    }
}
