package org.contested.pipeline;

import java.io.IOException;
import org.contested.beam.ExtractControlClaims;
import org.contested.io.OpenNlpLanguageGuesser;

/**
 * Loads the language model, the OpenNLP models and the gazetteer on a spare thread when the
 * workers are threads of this JVM (the DirectRunner), while Beam builds and starts the graph: the
 * workers then find them in the per-JVM caches instead of waiting for them once the articles are
 * read, about a second sooner (docs/benchmark.md). Other runners' workers are other JVMs.
 */
final class Preload {
  private Preload() {}

  /** Returns the loading thread, or null when the workers are not in this JVM. */
  static Thread forOptions(ContestedOptions options) {
    if (!"DirectRunner".equals(options.getRunner().getSimpleName())) {
      return null;
    }
    String gazetteer = options.getGazetteer();
    String profile = options.getProfile();
    boolean prefilter = options.getPrefilter();
    Thread loader = new Thread(() -> {
      try {
        OpenNlpLanguageGuesser.create();
        ExtractControlClaims.preload(gazetteer, profile, prefilter);
      } catch (IOException | RuntimeException e) {
        // Left for the extraction's set-up, which loads again and fails the run with the reason.
      }
    }, "contested-preload");
    loader.setDaemon(true);
    loader.start();
    return loader;
  }
}
