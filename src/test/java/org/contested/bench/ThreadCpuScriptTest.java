package org.contested.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/thread-cpu.sh: CPU seconds per kind of thread of the JVM a command starts. */
class ThreadCpuScriptTest {
  private static final Path SCRIPT = Path.of("scripts/thread-cpu.sh").toAbsolutePath();
  private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

  @TempDir Path tmp;

  record Result(int exit, String out, String err) {}

  private Result run(List<String> command) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    cmd.addAll(command);
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    Process p = new ProcessBuilder(cmd).directory(tmp.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "thread-cpu.sh did not finish");
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** The CPU seconds the script printed for a kind of thread, or -1. */
  private static double seconds(String out, String kind) {
    Matcher m = Pattern.compile("(?m)^\\s*([0-9.]+)  " + Pattern.quote(kind) + "$").matcher(out);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  @Test
  void addsUpTheCpuOfThreadsOfOneKindAndKeepsTheExitCode() throws Exception {
    // Two threads named spinner-1 and spinner-2 each burn 1 s of their own CPU time, then the
    // program exits with 3.
    Path spin = tmp.resolve("Spin.java");
    Files.writeString(spin, """
        import java.lang.management.ManagementFactory;
        import java.lang.management.ThreadMXBean;
        public class Spin {
          public static void main(String[] args) throws Exception {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            Thread[] ts = new Thread[2];
            for (int i = 0; i < 2; i++) {
              ts[i] = new Thread(() -> {
                long x = 0;
                while (mx.getCurrentThreadCpuTime() < 1_000_000_000L) { x += System.nanoTime() % 7; }
                if (x == 42) System.out.println(x);
              }, "spinner-" + (i + 1));
              ts[i].start();
            }
            for (Thread t : ts) t.join();
            System.out.println("spun");
            System.exit(3);
          }
        }
        """);
    Result r = run(List.of(JAVA.toString(), spin.toString()));

    assertEquals(3, r.exit(), r.err());
    assertTrue(r.err().contains("spun"), "the command's output goes to stderr: " + r.err());
    double spinners = seconds(r.out(), "spinner");
    // 2 s in all; polling every 0.1 s misses the last tenth or so of each thread (more when
    // the machine is busy), and nothing can add CPU time that was not used.
    assertTrue(spinners >= 1.2 && spinners <= 2.05, r.out());
    assertTrue(seconds(r.out(), "main thread") >= 0, r.out());
    double all = seconds(r.out(), "(all threads, CPU seconds)");
    assertTrue(all >= spinners, r.out());
  }

  @Test
  void saysSoWhenTheCommandStartsNoJvm() throws Exception {
    Result r = run(List.of("true"));

    assertEquals(1, r.exit());
    assertTrue(r.err().contains("started no java process"), r.err());
    assertEquals("", r.out());
  }
}
