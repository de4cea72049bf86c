package io.greentrain.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** Pins the layout of greentrain-agent.jar (the OpenTelemetry ShadingTest idea). */
class AgentJarLayoutIT {

    private static final int JAVA_11 = 55;

    @Test
    void everyEntryIsTheBootstrapPackageTheIsolatedPrefixOrMetaInf() throws IOException {
        List<String> strays = new ArrayList<>();
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                boolean allowed = name.startsWith("inst/") || name.startsWith("META-INF/")
                        || name.startsWith("io/greentrain/agent/bootstrap/") || name.equals("io/") || name.equals("io/greentrain/")
                        || name.equals("io/greentrain/agent/");
                if (!allowed) {
                    strays.add(name);
                }
                if (name.startsWith("inst/")) {
                    assertThat(name).as("no loadable class under inst/").doesNotEndWith(".class");
                }
            }
        }
        assertThat(strays).as("entries an application class loader could see").isEmpty();
    }

    @Test
    void bootstrapClassesUseJdkTypesOnlyAndTheCoreIsIsolated() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            assertThat(jar.getEntry("inst/io/greentrain/agent/lifecycle/AgentStarter.classdata")).isNotNull();
            assertThat(jar.getEntry("inst/net/bytebuddy/ByteBuddy.classdata")).isNotNull();
            assertThat(jar.getEntry("inst/io/micrometer/prometheusmetrics/PrometheusMeterRegistry.classdata")).isNotNull();
            assertThat(jar.getEntry("inst/com/sun/jna/Native.classdata")).as("JNA isolated, not relocated").isNotNull();
            assertThat(jar.getEntry("inst/com/sun/jna/linux-x86-64/libjnidispatch.so")).as("JNA native library as a resource").isNotNull();
            assertThat(jar.getEntry("inst/oshi/SystemInfo.classdata")).isNotNull();
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.getName().startsWith("io/greentrain/agent/bootstrap/") && entry.getName().endsWith(".class")) {
                    String constants = new String(jar.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                    assertThat(constants).as(entry.getName() + " must not reference isolated libraries")
                            .doesNotContain("net/bytebuddy").doesNotContain("io/micrometer").doesNotContain("io/prometheus")
                            .doesNotContain("com/sun/jna").doesNotContain("oshi/");
                }
            }
        }
    }

    @Test
    void manifestDeclaresAllEntryPoints() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Premain-Class")).isEqualTo("io.greentrain.agent.bootstrap.GreenTrainAgent");
            assertThat(main.getValue("Agent-Class")).isEqualTo("io.greentrain.agent.bootstrap.GreenTrainAgent");
            assertThat(main.getValue("Main-Class")).isEqualTo("io.greentrain.agent.bootstrap.GreenTrainAgent");
            assertThat(main.getValue("Can-Retransform-Classes")).isEqualTo("true");
        }
    }

    /** The agent must run on Java 11: no class outside multi-release directories may need more. */
    @Test
    void bytecodeLevelIsJava11() throws IOException {
        List<String> tooNew = new ArrayList<>();
        int ours = 0;
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (!(name.endsWith(".class") || name.endsWith(".classdata")) || name.contains("META-INF/versions/")) {
                    continue;
                }
                int major = majorVersion(jar.getInputStream(entry));
                if (major > JAVA_11) {
                    tooNew.add(name + " (" + major + ")");
                }
                if (name.contains("io/greentrain/")) {
                    ours++;
                    assertThat(major).as(name).isEqualTo(JAVA_11);
                }
            }
        }
        assertThat(ours).as("GreenTrain classes found").isGreaterThan(20);
        assertThat(tooNew).isEmpty();
    }

    private static int majorVersion(InputStream in) throws IOException {
        try (DataInputStream data = new DataInputStream(in)) {
            assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }
}
