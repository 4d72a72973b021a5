package org.powercheck.ir;

import java.util.List;
import java.util.Map;

/**
 * The code of one hardware thread, with the initial values of its registers (constants or cell
 * addresses). {@code name} is what the user wrote ({@code P0}).
 */
public record ThreadCode(int id, String name, Map<Reg, Expr> registerInit, List<Instr> code, SourcePos pos) {
    public ThreadCode {
        registerInit = Map.copyOf(registerInit);
        code = List.copyOf(code);
    }
}
