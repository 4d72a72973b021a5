/**
 * C source to an immutable AST ({@link org.powercheck.frontend.cparse.CExpr},
 * {@link org.powercheck.frontend.cparse.CStmt}, {@link org.powercheck.frontend.cparse.CType},
 * ...), every node with its {@link org.powercheck.ir.SourcePos}. The grammar
 * ({@code src/main/javacc/.../cparse/CParser.jj}) is C11 with the GNU extensions kernel code uses
 * (attributes, {@code asm} with goto labels, statement expressions, {@code typeof}, case and
 * designator ranges, {@code ?:}, label addresses); typedef names are tracked in
 * {@link org.powercheck.frontend.cparse.TypeNames}.
 *
 * <p>Kernel sources are parsed without their headers. {@code UnknownNames} guesses, from the
 * tokens around it, what an undefined name stands for: a type ({@code cpumask_var_t m;}), an
 * annotation to skip ({@code void __init f(void)}), a declaration macro
 * ({@link org.powercheck.frontend.cparse.CExternal.MacroDeclaration}) or a loop macro
 * ({@link org.powercheck.frontend.cparse.CStmt.MacroLoop}); macro arguments may be types
 * ({@link org.powercheck.frontend.cparse.CExpr.TypeArg}). The bundled
 * {@code org/powercheck/frontend/kernel/prelude-macros.h} defines the common kernel macros so
 * that most of these need no guess.
 *
 * <p>Entry points: {@link org.powercheck.frontend.cparse.CSyntax}; {@code tolerantUnit} reads a
 * whole kernel file, reporting each declaration that fails and going on, with a
 * {@link org.powercheck.frontend.cparse.PositionMap} that takes positions back to the sources.
 */
package org.powercheck.frontend.cparse;
