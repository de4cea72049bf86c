package org.tribuo;

/** Fixture standing in for Tribuo's Dataset (matched by name; only the getters the agent reads). */
public class Dataset {

    public int size() {
        return 7;
    }

    public Sized getFeatureMap() {
        return new Sized(4);
    }

    public Sized getOutputInfo() {
        return new Sized(2);
    }

    /** Anything with a size. */
    public static final class Sized {
        private final int size;

        Sized(int size) {
            this.size = size;
        }

        public int size() {
            return size;
        }
    }
}
