/** Front ends: PPC litmus, C litmus and kernel C, each lowered to the IR of {@code org.powercheck.ir}. */
package org.powercheck.frontend;
