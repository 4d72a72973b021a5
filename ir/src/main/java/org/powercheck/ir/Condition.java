package org.powercheck.ir;

/** The final condition of a test: a quantifier over the allowed executions and a proposition. */
public record Condition(Quantifier quantifier, Prop prop, SourcePos pos) {
    public enum Quantifier {
        EXISTS("exists"), NOT_EXISTS("~exists"), FORALL("forall");

        public final String text;

        Quantifier(String text) {
            this.text = text;
        }
    }

    @Override
    public String toString() {
        return quantifier.text + " (" + prop + ")";
    }
}
