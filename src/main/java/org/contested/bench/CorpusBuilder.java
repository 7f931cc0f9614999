package org.contested.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.contested.core.ClaimScreen;
import org.contested.core.ConflictProfile;
import org.contested.core.Gazetteer;
import org.contested.core.Lexicon;
import org.contested.core.RuleClaimExtractor;
import org.contested.core.gazetteer.GeoNamesGazetteer;
import org.contested.core.text.OpenNlpAnalyzer;
import org.contested.core.text.Sentence;
import org.contested.model.Article;
import org.contested.model.Claim;

/**
 * Builds a deterministic synthetic corpus of news-like articles of about 3 KB from real sentences,
 * for the benchmark.
 *
 * <pre>
 *   CorpusBuilder --articles=N --out=FILE [--source=DIR_OR_JSONL] [--claim-share=0.06] [--seed=1]
 *                 [--bytes=3000] [--measure]
 * </pre>
 *
 * <p>Sentences come from the English articles of {@code --source} (a folder of canonical JSON
 * Lines files such as {@code ../shared/corpora}, or one such file). Each is marked a claim sentence
 * when the extractor, run over its whole article, takes a claim's evidence from it. Articles are
 * then drawn sentence by sentence: a claim sentence with probability {@code --claim-share}, else
 * any other sentence, in paragraphs of three to five sentences, until about {@code --bytes}
 * characters. The default share is what the English corpora hold: {@code --measure} prints it
 * per collection. Same source, seed and options give the same bytes.
 */
public final class CorpusBuilder {
  /**
   * Share of claim sentences: what the English news in ../shared/corpora holds, measured with
   * --measure on 2026-11-22: 4,031 of 146,352 sentences (2.8%); CNN headlines 3.1%, RUWA headlines
   * and ledes 3.7%, press releases 0.7%, Wikipedia battle articles 8.2%. See docs/benchmark.md.
   */
  static final double DEFAULT_CLAIM_SHARE = 0.03;

  private static final Instant FIRST_DAY = Instant.parse("2022-02-24T06:00:00Z");
  private static final int MIN_SENTENCE = 30;
  private static final int MAX_SENTENCE = 400;

  private CorpusBuilder() {}

  /** The sentence pools one source yields. */
  record Pools(List<String> claims, List<String> others, List<String> outlets, Map<String, long[]> perCollection) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = CoreBenchmark.options(args);
    Path source = Path.of(opts.getOrDefault("source", "../shared/corpora"));
    Pools pools = pools(source);
    if (opts.containsKey("measure")) {
      long claims = 0;
      long all = 0;
      for (Map.Entry<String, long[]> e : pools.perCollection().entrySet()) {
        long[] c = e.getValue();
        claims += c[0];
        all += c[1];
        System.out.printf(Locale.ROOT, "%s: %d of %d sentences hold a claim (%.1f%%)%n", e.getKey(), c[0], c[1], 100.0 * c[0] / c[1]);
      }
      System.out.printf(Locale.ROOT, "all: %d of %d (%.1f%%)%n", claims, all, 100.0 * claims / all);
      return;
    }
    int articles = Integer.parseInt(CoreBenchmark.require(opts, "articles"));
    Path out = Path.of(CoreBenchmark.require(opts, "out"));
    double share = Double.parseDouble(opts.getOrDefault("claim-share", String.valueOf(DEFAULT_CLAIM_SHARE)));
    long seed = Long.parseLong(opts.getOrDefault("seed", "1"));
    int bytes = Integer.parseInt(opts.getOrDefault("bytes", "3000"));
    write(pools, articles, share, seed, bytes, out);
    System.err.printf(Locale.ROOT, "CorpusBuilder: %d articles to %s (%d claim and %d other sentences to draw from)%n",
        articles, out, pools.claims().size(), pools.others().size());
  }

  static Pools pools(Path source) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(source)) {
      try (Stream<Path> s = Files.list(source)) {
        s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().forEach(files::add);
      }
    } else {
      files.add(source);
    }
    Gazetteer gazetteer = GeoNamesGazetteer.loadDefault();
    Lexicon lexicon = Lexicon.english();
    ConflictProfile profile = ConflictProfile.defaultProfile();
    RuleClaimExtractor extractor = ClaimScreen.extractor(gazetteer, lexicon, profile, false);
    OpenNlpAnalyzer analyzer = new OpenNlpAnalyzer();
    // Sorted sets: the pools do not depend on file order or hashing.
    Set<String> claims = new TreeSet<>();
    Set<String> others = new TreeSet<>();
    Set<String> outlets = new TreeSet<>();
    Map<String, long[]> perCollection = new TreeMap<>();
    for (Path f : files) {
      for (Article a : CoreBenchmark.read(f)) {
        if (a.language() != null && !a.language().equals("en")) {
          continue;
        }
        outlets.add(a.outlet());
        String text = a.fullText();
        Set<Integer> evidence = new HashSet<>();
        for (Claim c : extractor.extract(a)) {
          evidence.add(c.evidenceStart());
        }
        long[] counts = perCollection.computeIfAbsent(f.getFileName().toString().replace(".jsonl", ""), k -> new long[2]);
        int titleLength = a.title() == null || a.title().isBlank() ? 0 : a.title().length();
        for (Sentence s : analyzer.analyze(text, titleLength)) {
          boolean claim = evidence.contains(s.start());
          counts[1]++;
          if (claim) {
            counts[0]++;
          }
          String t = s.text().strip();
          if (t.length() < MIN_SENTENCE || t.length() > MAX_SENTENCE || t.indexOf('\n') >= 0) {
            continue;
          }
          (claim ? claims : others).add(t);
        }
      }
    }
    others.removeAll(claims);
    if (claims.isEmpty() || others.isEmpty()) {
      throw new IllegalStateException("no usable sentences in " + source);
    }
    return new Pools(List.copyOf(claims), List.copyOf(others), List.copyOf(outlets), perCollection);
  }

  static void write(Pools pools, int articles, double share, long seed, int bytes, Path out) throws IOException {
    Random random = new Random(seed);
    ObjectMapper om = new ObjectMapper();
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    try (BufferedWriter w = Files.newBufferedWriter(out)) {
      for (int i = 0; i < articles; i++) {
        String title = draw(pools, share, random);
        StringBuilder text = new StringBuilder();
        while (text.length() + title.length() < bytes) {
          if (text.length() > 0) {
            text.append("\n\n");
          }
          int sentences = 3 + random.nextInt(3);
          for (int k = 0; k < sentences; k++) {
            text.append(k > 0 ? " " : "").append(draw(pools, share, random));
          }
        }
        ObjectNode o = om.createObjectNode();
        o.put("id", String.format(Locale.ROOT, "bench-%07d", i));
        o.put("url", String.format(Locale.ROOT, "https://bench.invalid/%07d", i));
        o.put("outlet", pools.outlets().get(random.nextInt(pools.outlets().size())));
        o.put("published_at", FIRST_DAY.plus(random.nextInt(600), ChronoUnit.DAYS).plus(random.nextInt(24 * 60), ChronoUnit.MINUTES).toString());
        o.put("title", title);
        o.put("text", text.toString());
        o.put("language", "en");
        o.put("collection", "bench");
        w.write(om.writeValueAsString(o));
        w.newLine();
      }
    }
  }

  private static String draw(Pools pools, double share, Random random) {
    List<String> pool = random.nextDouble() < share ? pools.claims() : pools.others();
    return pool.get(random.nextInt(pool.size()));
  }
}
