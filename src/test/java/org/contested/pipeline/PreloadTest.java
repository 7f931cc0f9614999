package org.contested.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.contested.beam.ExtractControlClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spare-thread loading of the extraction's resources for in-JVM workers. */
class PreloadTest {
  @TempDir Path dir;

  @Test
  void onlyWhenTheWorkersShareThisJvm() {
    ContestedOptions options = PipelineOptionsFactory.as(ContestedOptions.class);
    options.setRunner(FlinkRunner.class);
    assertNull(Preload.forOptions(options));
  }

  @Test
  void aFailedLoadIsLeftForTheSetUpToReport() throws Exception {
    String missing = dir.resolve("no-such-gazetteer.tsv").toString();
    ContestedOptions options = PipelineOptionsFactory.as(ContestedOptions.class);
    options.setRunner(DirectRunner.class);
    options.setGazetteer(missing);
    Thread loader = Preload.forOptions(options);
    assertNotNull(loader);
    assertTrue(loader.isDaemon());
    loader.join();
    assertFalse(loader.isAlive());
    // The failure was not cached: the set-up meets it again, with the path in the reason.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExtractControlClaims.preload(missing, null, true));
    assertTrue(e.getMessage().contains(missing), e::getMessage);
  }
}
