package io.greentrain.exporter.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GridIntensityTableTest {

    private final GridIntensityTable table = GridIntensityTable.embedded();

    @Test
    void everyZoneHasAUniqueCodeAPlausibleIntensityAndADatasetWithAYear() {
        Set<String> codes = new HashSet<>();
        for (GridZone zone : table.zones()) {
            assertThat(codes.add(zone.code().toLowerCase())).as("duplicate %s", zone.code()).isTrue();
            assertThat(zone.gramsPerKwh()).as(zone.code()).isBetween(0.0, 2000.0);
            assertThat(zone.dataset()).as(zone.code()).matches(".*-\\d{4}$");
        }
        // countries from OWID, states from eGRID, provinces, Nordic zones and three big clouds
        assertThat(table.zones()).filteredOn(z -> z.kind() == GridZone.Kind.COUNTRY).hasSizeGreaterThan(200);
        assertThat(table.zones()).filteredOn(z -> z.code().startsWith("US-")).hasSizeGreaterThanOrEqualTo(50);
        assertThat(table.zones()).filteredOn(z -> z.code().startsWith("CA-")).hasSize(13);
        assertThat(table.cloudRegions("aws")).isNotEmpty();
        assertThat(table.cloudRegions("gcp")).isNotEmpty();
        assertThat(table.cloudRegions("azure")).isNotEmpty();
    }

    @Test
    void aliasesFindTheSameZone() {
        for (GridZone zone : table.zones()) {
            for (String alias : table.aliasesOf(zone)) {
                assertThat(table.find(alias)).as(alias).contains(zone);
            }
            assertThat(table.find(zone.code().toLowerCase())).contains(zone);
        }
        assertThat(table.find("FRA")).isEqualTo(table.find("fr"));
        assertThat(table.find("UK").map(GridZone::code)).contains("GB");
        assertThat(table.find("SE1").map(GridZone::code)).contains("SE-SE1");
    }

    @Test
    void worldIsTheIeaAverage() {
        assertThat(table.world().code()).isEqualTo("world");
        assertThat(table.world().kind()).isEqualTo(GridZone.Kind.WORLD);
        assertThat(table.world().tableSource()).isEqualTo("table:iea-2019");
    }

    @Test
    void cloudRegionsNameTheirCountry() {
        GridZone paris = table.find("aws:eu-west-3").orElseThrow();
        assertThat(paris.country()).isEqualTo("FRA");
        assertThat(paris.cloudProvider()).isEqualTo("aws");
        assertThat(table.country(paris.country()).map(GridZone::code)).contains("FR");
    }

    @Test
    void parsesTheResourceFormatAndRejectsATableWithoutWorld() throws Exception {
        String csv = "# comment\nzone,aliases,kind,name,country,g_per_kwh,dataset\n"
                + "world,,world,World,,400,test-2020\nXX,XXX YY,country,Testland,XXX,12.5,test-2021\n";
        GridIntensityTable parsed = GridIntensityTable.parse(new StringReader(csv));
        assertThat(parsed.find("yy").map(GridZone::gramsPerKwh)).contains(12.5);
        assertThatThrownBy(() -> GridIntensityTable.parse(new StringReader(
                "zone,aliases,kind,name,country,g_per_kwh,dataset\nXX,,country,T,XXX,1,t-2020\n")))
                .hasMessageContaining("world");
        assertThatThrownBy(() -> GridIntensityTable.parse(new StringReader(
                "zone,aliases,kind,name,country,g_per_kwh,dataset\nworld,,world,W,,-5,t-2020\n")))
                .hasMessageContaining("-5");
    }
}
