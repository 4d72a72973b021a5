/**
 * C source to an immutable AST ({@link org.powercheck.frontend.cparse.CExpr},
 * {@link org.powercheck.frontend.cparse.CStmt}, {@link org.powercheck.frontend.cparse.CType},
 * ...), every node with its {@link org.powercheck.ir.SourcePos}. The grammar
 * ({@code src/main/javacc/.../cparse/CParser.jj}) is C11 with the GNU extensions kernel code uses
 * (attributes, {@code asm}, statement expressions, {@code typeof}, case ranges); typedef names
 * are tracked in {@link org.powercheck.frontend.cparse.TypeNames}. Entry points:
 * {@link org.powercheck.frontend.cparse.CSyntax}.
 */
package org.powercheck.frontend.cparse;
