package org.contested.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline submitted to a Flink cluster with {@code --flinkMaster=host:port}, as the README
 * tells users to: a JobManager and a TaskManager with two slots, reached only through the
 * JobManager's REST endpoint on loopback. The job's code travels as a staged jar (the project's
 * classes, zipped by the runner), runs in the TaskManager's user-code class loader, and must write
 * the tables the DirectRunner writes.
 */
class FlinkClusterTest {
  @TempDir Path tmp;

  @Test
  void submittedToAClusterThroughItsRestAddressItWritesTheDirectRunnersTables() throws Exception {
    Path input = tmp.resolve("articles.jsonl");
    Files.write(input, List.of(
        "{\"id\":\"c1\",\"outlet\":\"Moscow Wire\",\"published_at\":\"2025-11-20\",\"title\":\"\","
            + "\"text\":\"The Russian defence ministry said its forces had captured Kupiansk.\",\"language\":\"en\"}",
        "{\"id\":\"c2\",\"outlet\":\"Kyiv Wire\",\"published_at\":\"2025-11-20T18:00:00Z\",\"title\":\"\","
            + "\"text\":\"The Ukrainian general staff denied that Kupiansk had fallen and said fighting "
            + "continues in Kupiansk.\",\"language\":\"en\"}",
        "{\"id\":\"c3\",\"outlet\":\"Kyiv Wire\",\"published_at\":\"2025-11-21\",\"title\":\"\","
            + "\"text\":\"Ukrainian forces liberated Kherson, the regional governor said.\",\"language\":\"en\"}",
        "[1, 2"));

    // Every endpoint (REST, RPC, blob server, data exchange) on loopback, at a free port.
    Configuration conf = new Configuration();
    conf.set(RestOptions.ADDRESS, "localhost");
    conf.set(RestOptions.BIND_ADDRESS, "localhost");
    conf.set(RestOptions.BIND_PORT, "0");
    conf.set(JobManagerOptions.ADDRESS, "localhost");
    conf.set(JobManagerOptions.BIND_HOST, "localhost");
    conf.set(TaskManagerOptions.HOST, "localhost");
    conf.set(TaskManagerOptions.BIND_HOST, "localhost");
    MiniClusterConfiguration cluster = new MiniClusterConfiguration.Builder()
        .setConfiguration(conf)
        .setNumTaskManagers(1)
        .setNumSlotsPerTaskManager(2)
        .build();
    RunSummary onCluster;
    try (MiniCluster flink = new MiniCluster(cluster)) {
      flink.start();
      URI rest = flink.getRestAddress().get();
      // The project's classes, as a directory under Maven (the runner zips it) or as the jar.
      String classes = Path.of(ContestedPipeline.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI()).toString();
      onCluster = ContestedPipeline.run(FlinkRunnerTest.options(input, tmp.resolve("cluster"),
          "--runner=FlinkRunner", "--flinkMaster=" + rest.getHost() + ":" + rest.getPort(),
          "--parallelism=2", "--filesToStage=" + classes));
    }
    RunSummary onDirect =
        ContestedPipeline.run(FlinkRunnerTest.options(input, tmp.resolve("direct"), "--runner=DirectRunner"));

    assertEquals(onDirect.counts(), onCluster.counts());
    assertEquals(3L, onCluster.counts().get("articles"));
    assertEquals(1L, onCluster.counts().get("dead_letters"));
    for (String table : List.of("claims", "location_status", "divergence", "dead_letter")) {
      List<String> fromCluster = FlinkRunnerTest.sortedLines(tmp.resolve("cluster").resolve(table));
      assertFalse(fromCluster.isEmpty(), table + " is empty");
      assertEquals(FlinkRunnerTest.sortedLines(tmp.resolve("direct").resolve(table)), fromCluster, table);
    }
    assertTrue(FlinkRunnerTest.sortedLines(tmp.resolve("cluster").resolve("claims")).stream()
        .anyMatch(line -> line.contains("Kupiansk")));
  }
}
