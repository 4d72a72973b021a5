package org.powercheck.frontend.kernel;

import org.powercheck.ir.Expr;

/** An rvalue: a register expression and its C type. */
record Val(Expr expr, KType type) {}
