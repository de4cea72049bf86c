#!/bin/bash
# Peak RSS of the DL4J example job with and without the agent, alternating JVMs, plus one pair with a fixed, pre-touched
# heap (which takes G1's heap sizing out of the comparison), each with Native Memory Tracking printed at exit.
# usage: examples/scripts/dl4j-rss.sh AGENT_JAR EXAMPLES_JAR OUT_DIR [PAIRS]
set -euo pipefail
agent=$1; examples=$2; out=$3; pairs=${4:-3}
mkdir -p "$out"; : > "$out/rss.txt"
nmt="-XX:NativeMemoryTracking=summary -XX:+UnlockDiagnosticVMOptions -XX:+PrintNMTStatistics"
job="-jar $examples dl4j --rows 50000 --test-rows 2000"
run() { # label, extra JVM options
  /usr/bin/time -f "$1 wall_s %e cpu_s %U+%S peak_rss_kb %M" -a -o "$out/rss.txt" java $nmt $2 $job > "$out/nmt-${1// /-}.txt" 2>&1
}
for i in $(seq "$pairs"); do
  run "$i none" ""
  run "$i agent" "-javaagent:$agent=prometheus.port=0,records.file=$out/calls.jsonl"
done
run "fixed-heap none" "-Xms2g -Xmx2g -XX:+AlwaysPreTouch"
run "fixed-heap agent" "-Xms2g -Xmx2g -XX:+AlwaysPreTouch -javaagent:$agent=prometheus.port=0,records.file=$out/calls.jsonl"
cat "$out/rss.txt"
