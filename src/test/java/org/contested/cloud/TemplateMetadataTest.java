package org.contested.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.contested.pipeline.ContestedOptions;
import org.junit.jupiter.api.Test;

/** The Flex Template files under pipelines/dataflow agree with the pipeline's options. */
class TemplateMetadataTest {
  private static final Path DIR = Path.of("pipelines", "dataflow");
  /** Every mixin ContestedOptions extends, so that a new mixin is checked too. */
  private static final List<Class<?>> MIXINS = List.of(ContestedOptions.class.getInterfaces());

  /** The pipeline's own options (those its mixins declare), by name, with their getters. */
  static Map<String, Method> pipelineOptions() {
    Map<String, Method> out = new LinkedHashMap<>();
    for (Class<?> mixin : MIXINS) {
      assertTrue(mixin.isAssignableFrom(ContestedOptions.class), mixin.getName());
      for (Method m : mixin.getDeclaredMethods()) {
        if (m.getName().startsWith("get") && m.getParameterCount() == 0) {
          out.put(Introspector.decapitalize(m.getName().substring(3)), m);
        }
      }
    }
    return out;
  }

  private static JsonNode metadata() throws Exception {
    return new ObjectMapper().readTree(Files.readString(DIR.resolve("metadata.json")));
  }

  private static Map<String, JsonNode> parameters() throws Exception {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (JsonNode p : metadata().get("parameters")) {
      assertTrue(out.put(p.get("name").asText(), p) == null, "duplicate " + p.get("name"));
    }
    return out;
  }

  @Test
  void everyOptionIsATemplateParameterAndNothingElse() throws Exception {
    assertEquals(new TreeSet<>(pipelineOptions().keySet()), new TreeSet<>(parameters().keySet()),
        "pipelines/dataflow/metadata.json drifted from the options interfaces");
  }

  @Test
  void parametersAreDescribedAndOnlyTheOutputIsRequired() throws Exception {
    for (Map.Entry<String, JsonNode> e : parameters().entrySet()) {
      JsonNode p = e.getValue();
      assertFalse(p.path("label").asText().isBlank(), e.getKey());
      assertFalse(p.path("helpText").asText().isBlank(), e.getKey());
      assertTrue(pipelineOptions().get(e.getKey()).isAnnotationPresent(Description.class));
      assertEquals(!e.getKey().equals("output"), p.get("isOptional").asBoolean(), e.getKey());
    }
    assertFalse(metadata().get("streaming").asBoolean());
  }

  @Test
  void defaultsOfTheOptionsPassTheParameterRegexes() throws Exception {
    int checked = 0;
    for (Map.Entry<String, Method> e : pipelineOptions().entrySet()) {
      Method getter = e.getValue();
      String value = null;
      if (getter.isAnnotationPresent(Default.String.class)) {
        value = getter.getAnnotation(Default.String.class).value();
      } else if (getter.isAnnotationPresent(Default.Integer.class)) {
        value = String.valueOf(getter.getAnnotation(Default.Integer.class).value());
      }
      if (value != null) {
        assertTrue(accepts(parameters().get(e.getKey()), value), e.getKey() + "=" + value);
        checked++;
      }
    }
    assertTrue(checked >= 4, "options with defaults: " + checked);
  }

  @Test
  void regexesAcceptGoodValuesAndRefuseBadOnes() throws Exception {
    Map<String, JsonNode> p = parameters();
    assertTrue(accepts(p.get("runDate"), "2025-11-20"));
    assertTrue(accepts(p.get("runDate"), "2025-01-01..2025-01-31"));
    assertFalse(accepts(p.get("runDate"), "yesterday"));
    assertTrue(accepts(p.get("output"), "bq:my-project:contested"));
    assertFalse(accepts(p.get("output"), "gs://bucket/out"));
    assertTrue(accepts(p.get("input"), "gs://b/articles/{date}/*.jsonl"));
    assertFalse(accepts(p.get("input"), "/home/me/articles.jsonl"));
    assertTrue(accepts(p.get("inputTable"), "my-project:news.articles"));
    assertTrue(accepts(p.get("window"), "P7D"));
  }

  @Test
  void dailyLaunchParametersAreTemplateParameters() throws Exception {
    Map<String, JsonNode> p = parameters();
    List<String> lines = Files.readAllLines(DIR.resolve("daily.params")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("output=")));
    for (String line : lines) {
      String name = line.substring(0, line.indexOf('='));
      String value = line.substring(line.indexOf('=') + 1)
          .replace("${PROJECT}", "my-project").replace("${DATASET}", "contested")
          .replace("${BUCKET}", "my-bucket").replace("${REGION}", "europe-west1");
      assertTrue(p.containsKey(name), name);
      assertTrue(accepts(p.get(name), value), line);
    }
  }

  @Test
  void theLauncherImageRunsThePipelineMainFromTheBundledJar() throws Exception {
    String dockerfile = Files.readString(DIR.resolve("Dockerfile"));
    java.util.regex.Matcher main =
        Pattern.compile("FLEX_TEMPLATE_JAVA_MAIN_CLASS=\"([^\"]+)\"").matcher(dockerfile);
    assertTrue(main.find(), dockerfile);
    Method m = Class.forName(main.group(1)).getMethod("main", String[].class);
    assertTrue(java.lang.reflect.Modifier.isStatic(m.getModifiers()));
    String pom = Files.readString(Path.of("pom.xml"));
    assertTrue(pom.contains("<finalName>contested-bundled</finalName>"));
    assertTrue(dockerfile.contains("COPY contested-bundled.jar "));
  }

  private static boolean accepts(JsonNode param, String value) {
    JsonNode regexes = param.get("regexes");
    if (regexes == null) {
      return true;
    }
    for (JsonNode r : regexes) {
      if (!Pattern.compile(r.asText()).matcher(value).find()) {
        return false;
      }
    }
    return true;
  }
}
