package io.github.otelcdi.it.container.arquillian;

import java.util.List;

/** A lane proves nothing if a runtime it must run without could be serving: those classes must be missing from its class path. */
final class RequiredAbsent {

    private RequiredAbsent() {
    }

    /**
     * @param lane the lane, for the message
     * @param types classes of the runtimes the lane runs without
     * @throws IllegalStateException naming the first one found
     */
    static void check(String lane, List<String> types) {
        for (String type : types) {
            try {
                Class.forName(type, false, RequiredAbsent.class.getClassLoader());
                throw new IllegalStateException("the " + lane + " lane runs without " + type + ", but it is on its class path");
            } catch (ClassNotFoundException expected) {
                // As it should be.
            }
        }
    }
}
