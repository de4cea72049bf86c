package io.greentrain.exporter.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JvmIdentityTest {

    @Test
    void theJvmIdIsAVersionFourUuidAndDiffersBetweenDraws() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String id = JvmIdentity.randomJvmId();
            UUID parsed = UUID.fromString(id);
            assertThat(parsed.version()).as(id).isEqualTo(4);
            assertThat(parsed.variant()).as(id).isEqualTo(2);
            assertThat(parsed.toString()).isEqualTo(id);
            ids.add(id);
        }
        assertThat(ids).hasSize(1_000);
    }

    @Test
    void thisJvmKeepsOneId() {
        assertThat(JvmIdentity.ofThisJvm().jvmId()).isEqualTo(JvmIdentity.ofThisJvm().jvmId());
    }
}
