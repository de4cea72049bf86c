package io.greentrain.examples.tradeoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import io.greentrain.examples.GreenTrainExamples;
import org.junit.jupiter.api.Test;

class TradeoffCommandTest {

    @Test
    void withoutTheAgentItPrintsHowToAttachItAndExits2() {
        assertThat(System.getProperty(AgentSetup.AGENT_PROPERTY)).isNull();
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = GreenTrainExamples.run("tradeoff", "--data", "digits");
        } finally {
            System.setErr(original);
        }
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("no agent is attached")
                .contains("-javaagent:agent/dist/target/greentrain-agent.jar=records.file=")
                .contains("tradeoff");
    }

    @Test
    void recordsFileIsFoundLikeTheAgentFindsIt() {
        List<String> args = List.of("-Xmx4g", "-javaagent:/x/greentrain-agent.jar=console.enabled=false,records.file=/tmp/r.jsonl");
        assertThat(AgentSetup.recordsFile(null, Map.of(), args)).isEqualTo(Paths.get("/tmp/r.jsonl"));
        assertThat(AgentSetup.recordsFile(null, Map.of(AgentSetup.RECORDS_ENV, "env.jsonl"), args))
                .isEqualTo(Paths.get("env.jsonl"));
        assertThat(AgentSetup.recordsFile("prop.jsonl", Map.of(AgentSetup.RECORDS_ENV, "env.jsonl"), args))
                .isEqualTo(Paths.get("prop.jsonl"));
        assertThat(AgentSetup.recordsFile(null, Map.of(), List.of("-javaagent:/x/greentrain-agent.jar")))
                .isEqualTo(Paths.get("greentrain-calls.jsonl"));
        assertThat(AgentSetup.recordsFile(null, Map.of(), List.of("-javaagent:/x/greentrain-agent.jar=greentrain.records.file=a;b=c")))
                .isEqualTo(Paths.get("a"));
    }

    @Test
    void helpListsTheJobsAndTheStudy() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(GreenTrainExamples.run("--help")).isZero();
        } finally {
            System.setOut(original);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("tradeoff", "dl4j", "smile", "tribuo", "fetch");
    }
}
