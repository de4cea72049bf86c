package io.greentrain.agent.it.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import io.greentrain.agent.it.ForkedJvm;
import io.greentrain.agent.it.instrumentation.apps.RunsJob;
import io.greentrain.exporter.records.CallRecord;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DL4J job whose agent pushes its metrics over OTLP/HTTP to a receiver on loopback that decodes every request with
 * the official OpenTelemetry protobuf classes. The endpoint comes from {@code OTEL_EXPORTER_OTLP_ENDPOINT} (read by
 * Micrometer), the interval and service name from {@code otel.*} system properties (read by GreenTrain), as an
 * OpenTelemetry user sets them. The last push (at exit) carries the training energy of both runs: the same joules as
 * the records.
 */
class OtlpIT {

    @TempDir
    Path dir;

    @Test
    void metricsArePushedWithTheirUnitsAndTheJoulesOfTheRecords() throws Exception {
        List<ExportMetricsServiceRequest> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/v1/metrics", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                received.add(ExportMetricsServiceRequest.parseFrom(body.readAllBytes()));
            }
            byte[] response = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        });
        receiver.start();
        Path records = dir.resolve("runs.jsonl");
        Path noPowercap = Files.createTempDirectory(dir, "no-powercap");
        JobResult result;
        try {
            result = JobResult.run(ForkedJvm.trainingJob(RunsJob.class).args("gap")
                    .env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + receiver.getAddress().getPort())
                    .jvmArg("-Dotel.metric.export.interval=1000", "-Dotel.service.name=otlp-it-job")
                    .withAgent("prometheus.enabled=false,gpu.enabled=false,rapl.root=" + noPowercap + ",records.file=" + records
                            + ",runs.gap=1s,carbon.zone=FR"));
        } finally {
            receiver.stop(0);
        }
        assertThat(result.exitCode).as(result.toString()).isZero();
        assertThat(result.stderr).contains("greentrain: metrics pushed over OTLP to http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/v1/metrics every 1 s");
        assertThat(received).as("OTLP requests received").hasSizeGreaterThanOrEqualTo(2);
        List<CallRecord> runs = Records.runs(records);
        assertThat(runs).hasSize(2);

        ExportMetricsServiceRequest last = received.get(received.size() - 1);
        assertThat(last.getResourceMetrics(0).getResource().getAttributesList())
                .anyMatch(a -> a.getKey().equals("service.name") && a.getValue().getStringValue().equals("otlp-it-job"));
        List<Metric> metrics = last.getResourceMetricsList().stream().flatMap(r -> r.getScopeMetricsList().stream())
                .flatMap(s -> s.getMetricsList().stream()).collect(Collectors.toList());
        Metric energy = metric(metrics, "greentrain.training.energy");
        assertThat(energy.getUnit()).isEqualTo("joules");
        assertThat(energy.getSum().getIsMonotonic()).isTrue();
        assertThat(energy.getSum().getDataPointsList()).allSatisfy(p -> assertThat(attributes(p.getAttributesList()))
                .contains("library=dl4j", "model=MultiLayerNetwork"));
        double pushedJoules = energy.getSum().getDataPointsList().stream().mapToDouble(NumberDataPoint::getAsDouble).sum();
        assertThat(pushedJoules).as("training joules in the last OTLP push").isCloseTo(runs.stream().mapToDouble(CallRecord::totalJoules).sum(),
                within(1e-6));
        Metric grams = metric(metrics, "greentrain.training.emissions");
        assertThat(grams.getUnit()).isEqualTo("grams");
        assertThat(grams.getSum().getDataPointsList().stream().mapToDouble(NumberDataPoint::getAsDouble).sum())
                .isCloseTo(runs.stream().mapToDouble(r -> r.carbon().grams()).sum(), within(1e-9));
        Metric runsCounter = metric(metrics, "greentrain.training.runs");
        assertThat(runsCounter.getSum().getDataPointsList().stream().mapToDouble(NumberDataPoint::getAsDouble).sum()).isEqualTo(2.0);
    }

    private static Metric metric(List<Metric> metrics, String name) {
        return metrics.stream().filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not pushed; pushed: "
                        + metrics.stream().map(Metric::getName).distinct().sorted().collect(Collectors.toList())));
    }

    private static List<String> attributes(List<KeyValue> attributes) {
        return attributes.stream().map(a -> a.getKey() + "=" + a.getValue().getStringValue()).collect(Collectors.toList());
    }
}
