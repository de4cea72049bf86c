package io.greentrain.agent.bootstrap;

/**
 * Which training library a class belongs to, by its internal name alone ({@code smile/classification/SVM}):
 * the only test the dormant agent runs on every class the JVM defines, so it is a handful of
 * {@code startsWith} on a string the JVM already made. Library names are the agent core's
 * ({@code LibraryInstrumentation.library()}).
 */
final class LibraryTriggers {

    private static final String[] PREFIXES = {
        "org/deeplearning4j/", "smile/", "org/tribuo/", "io/greentrain/subset/", "io/greentrain/api/",
    };
    private static final String[] LIBRARIES = {"dl4j", "smile", "tribuo", "subset", "custom"};

    private LibraryTriggers() {
    }

    /** Number of libraries; indexes are stable for the life of the JVM. */
    static int count() {
        return LIBRARIES.length;
    }

    /** Index of the library {@code internalName} belongs to, or -1 (nearly always). */
    static int indexOf(String internalName) {
        if (internalName == null) {
            return -1;
        }
        char first = internalName.isEmpty() ? 0 : internalName.charAt(0);
        if (first != 'o' && first != 's' && first != 'i') {
            return -1; // java/, jdk/, sun/, com/, net/...: the bulk of every JVM, rejected on one char
        }
        for (int i = 0; i < PREFIXES.length; i++) {
            if (internalName.startsWith(PREFIXES[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The library name at {@code index}. */
    static String library(int index) {
        return LIBRARIES[index];
    }

    /** Index of a binary class name ({@code smile.classification.SVM}), for classes already loaded at attach. */
    static int indexOfBinaryName(String binaryName) {
        return binaryName == null ? -1 : indexOf(binaryName.replace('.', '/'));
    }
}
