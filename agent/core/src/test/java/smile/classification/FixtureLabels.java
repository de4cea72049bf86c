package smile.classification;

/** Fixture: a static fit that returns no model (like ClassLabels.fit): a helper, not training. */
public final class FixtureLabels {

    private FixtureLabels() {
    }

    public static FixtureLabels fit(int[] y) {
        return new FixtureLabels();
    }
}
