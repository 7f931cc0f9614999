package org.contested.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.contested.pipeline.ContestedPipeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrong options fail before any pipeline starts: {@code ContestedPipeline.main} run as a separate
 * JVM prints exactly one line naming the option and the fix, and exits with status 2.
 */
class BadConfigurationTest {
  @TempDir Path tmp;
  private Path input;

  @BeforeEach
  void input() throws IOException {
    input = tmp.resolve("a.jsonl");
    Files.writeString(input, "{\"id\":\"1\",\"published_at\":\"2025-11-20\",\"text\":\"x\"}\n");
  }

  private record Exit(int code, String stderr, String stdout) {}

  private static Exit main(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ContestedPipeline.class.getName());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "main returns");
    return new Exit(
        p.exitValue(),
        new String(err, StandardCharsets.UTF_8).strip(),
        new String(out, StandardCharsets.UTF_8));
  }

  private static void failsInOneLine(Exit e, String... expected) {
    assertEquals(2, e.code(), e.stderr());
    List<String> lines = e.stderr().lines().filter(l -> !l.startsWith("SLF4J")).toList();
    assertEquals(1, lines.size(), "one line: " + e.stderr());
    assertTrue(lines.get(0).startsWith("contested: "), lines.get(0));
    for (String s : expected) {
      assertTrue(lines.get(0).contains(s), lines.get(0) + " should mention " + s);
    }
    assertTrue(e.stdout().isBlank(), "nothing ran: " + e.stdout());
  }

  @Test
  void unknownFormatMissingInputAndBadWindow() throws Exception {
    String out = "--output=" + tmp.resolve("out");
    failsInOneLine(main("--input=" + input, out, "--format=xml"), "--format=xml", "jsonl");
    failsInOneLine(main(out), "--input is required");
    failsInOneLine(main("--input=" + tmp.resolve("nothing-*.jsonl"), out), "matches no files");
    failsInOneLine(main("--input=" + input, out, "--window=weekly"), "--window");
  }

  @Test
  void unreadableGazetteerOrProfileAndUnwritableOutput() throws Exception {
    String in = "--input=" + input;
    String out = "--output=" + tmp.resolve("out");
    failsInOneLine(
        main(in, out, "--gazetteer=" + tmp.resolve("missing.tsv")), "--gazetteer=", "leave --gazetteer unset");
    Path notTsv = tmp.resolve("places.txt");
    Files.writeString(notTsv, "just some words\n");
    failsInOneLine(main(in, out, "--gazetteer=" + notTsv), "does not look like a GeoNames TSV");
    Path badProfile = tmp.resolve("profile.json");
    Files.writeString(badProfile, "{\"parties\": ");
    failsInOneLine(main(in, out, "--profile=" + badProfile), "--profile=", "conflict profile");
    failsInOneLine(main(in, out, "--profile=" + tmp.resolve("none.json")), "--profile=");

    Path locked = tmp.resolve("locked");
    Files.createDirectories(locked);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    Path file = tmp.resolve("a-file");
    Files.writeString(file, "x");
    failsInOneLine(main(in, "--output=" + file), "--output=", "not writable");
    if (!"root".equals(System.getProperty("user.name"))) {
      // root writes anywhere, so a read-only directory only fails for other users.
      failsInOneLine(main(in, "--output=" + locked.resolve("out")), "not writable");
    }
  }
}
