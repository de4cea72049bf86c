package io.greentrain.exporter.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ZoneResolverTest {

    private final GridIntensityTable table = GridIntensityTable.embedded();
    private final ZoneResolver resolver = new ZoneResolver(table);

    @Test
    void emptyIsTheWorldAverage() {
        assertThat(resolver.resolve("")).isSameAs(table.world());
        assertThat(resolver.resolve("  ")).isSameAs(table.world());
        assertThat(resolver.resolve(null)).isSameAs(table.world());
    }

    @Test
    void countriesByAlpha2OrAlpha3InAnyCase() {
        assertThat(resolver.resolve("fr").code()).isEqualTo("FR");
        assertThat(resolver.resolve("FRA").code()).isEqualTo("FR");
        assertThat(resolver.resolve(" de ").code()).isEqualTo("DE");
    }

    @Test
    void subNationalRegions() {
        assertThat(resolver.resolve("us-ca").kind()).isEqualTo(GridZone.Kind.REGION);
        assertThat(resolver.resolve("CA-QC").name()).isEqualTo("Quebec");
        assertThat(resolver.resolve("NO1").code()).isEqualTo("NO-NO1");
    }

    @Test
    void cloudRegionsWithProviderAliases() {
        assertThat(resolver.resolve("aws:eu-west-3").code()).isEqualTo("aws:eu-west-3");
        assertThat(resolver.resolve("AWS:EU-WEST-3").code()).isEqualTo("aws:eu-west-3");
        assertThat(resolver.resolve("google:europe-west1").code()).isEqualTo("gcp:europe-west1");
        assertThat(resolver.resolve("microsoft: westeurope").code()).isEqualTo("azure:westeurope");
    }

    @Test
    void unknownCodesListCloseMatches() {
        assertThatThrownBy(() -> resolver.resolve("FRX"))
                .isInstanceOfSatisfying(UnknownZoneException.class, e -> {
                    assertThat(e.zone()).isEqualTo("FRX");
                    assertThat(e.closeMatches()).contains("FR (France)").hasSizeLessThanOrEqualTo(5);
                    assertThat(e.getMessage()).startsWith("unknown carbon zone 'FRX'").contains("close matches").doesNotContain("\n");
                });
        assertThatThrownBy(() -> resolver.resolve("aws:eu-west-9"))
                .isInstanceOfSatisfying(UnknownZoneException.class,
                        e -> assertThat(e.closeMatches()).anyMatch(m -> m.startsWith("aws:eu-west-")));
        assertThatThrownBy(() -> resolver.resolve("aws:westeurope"))
                .isInstanceOfSatisfying(UnknownZoneException.class,
                        e -> assertThat(e.closeMatches()).anyMatch(m -> m.startsWith("azure:westeurope")));
        assertThatThrownBy(() -> resolver.resolve("France"))
                .isInstanceOfSatisfying(UnknownZoneException.class,
                        e -> assertThat(e.closeMatches().get(0)).isEqualTo("FR (France)"));
        assertThatThrownBy(() -> resolver.resolve("Frnace"))
                .isInstanceOfSatisfying(UnknownZoneException.class, e -> assertThat(e.closeMatches()).contains("FR (France)"));
    }

    @Test
    void nothingCloseExplainsTheAcceptedForms() {
        assertThatThrownBy(() -> resolver.resolve("qqqqqqqqqqqq"))
                .isInstanceOfSatisfying(UnknownZoneException.class, e -> {
                    assertThat(e.closeMatches()).isEmpty();
                    assertThat(e.getMessage()).contains("aws:eu-west-3").contains("US-CA");
                });
    }
}
