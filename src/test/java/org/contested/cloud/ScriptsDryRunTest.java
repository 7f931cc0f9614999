package org.contested.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cloud scripts under scripts/, run with bash: with --dry-run they print the exact gcloud
 * commands and call nothing. gcloud, mvn, docker and bq on PATH are stand-ins that record any
 * call, so a dry run that ran one would be seen.
 */
class ScriptsDryRunTest {
  private static final Path REPO = Path.of("").toAbsolutePath();
  private static final List<String> COMMON = List.of(
      "--project=my-project", "--region=europe-west1", "--bucket=gs://my-bucket/",
      "--dataset=contested", "--dry-run");

  @TempDir Path tmp;
  private Path calls;

  record Result(int exit, String out, String err) {}

  @BeforeEach
  void standIns() throws IOException {
    Path bin = tmp.resolve("bin");
    Files.createDirectories(bin);
    calls = tmp.resolve("calls.log");
    for (String tool : List.of("gcloud", "mvn", "docker", "bq", "gsutil")) {
      Path p = bin.resolve(tool);
      Files.writeString(p, "#!/bin/sh\necho \"" + tool + " $*\" >> '" + calls + "'\nexit 0\n");
      p.toFile().setExecutable(true);
    }
  }

  private Result script(String name, List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", REPO.resolve("scripts/" + name).toString()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    Map<String, String> env = pb.environment();
    env.put("PATH", tmp.resolve("bin") + ":/usr/bin:/bin");
    Path out = tmp.resolve(name + ".out");
    Path err = tmp.resolve(name + ".err");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), name + " did not finish");
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static List<String> with(List<String> a, String... more) {
    List<String> out = new ArrayList<>(a);
    out.addAll(List.of(more));
    return out;
  }

  private void assertNothingCalled() {
    assertFalse(Files.exists(calls), () -> {
      try {
        return "a dry run called: " + Files.readString(calls);
      } catch (IOException e) {
        return e.toString();
      }
    });
  }

  @Test
  void backfillPrintsOneFlexTemplateRunOverTheRange() throws Exception {
    Result r = script("backfill.sh", with(COMMON, "--from=2025-01-01", "--to=2025-01-31"));
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(
        "gcloud dataflow flex-template run contested-backfill-20250101-20250131"
            + " --template-file-gcs-location=gs://my-bucket/templates/contested-daily.json"
            + " --project=my-project --region=europe-west1"
            + " --service-account-email=contested-runner@my-project.iam.gserviceaccount.com"
            + " --temp-location=gs://my-bucket/tmp --staging-location=gs://my-bucket/staging"
            + " --parameters=\\^~\\^input=gs://my-bucket/articles/\\{date\\}/\\*.jsonl"
            + "~output=bq:my-project:contested~window=P7D~parties=RU\\,UA"
            + "~runDate=2025-01-01..2025-01-31"),
        r.out().lines().toList());
    assertNothingCalled();
  }

  @Test
  void backfillRefusesBadRanges() throws Exception {
    Result reversed = script("backfill.sh", with(COMMON, "--from=2025-02-01", "--to=2025-01-31"));
    assertEquals(2, reversed.exit());
    assertTrue(reversed.err().contains("--from=2025-02-01 is after --to=2025-01-31"), reversed.err());
    Result badDay = script("backfill.sh", with(COMMON, "--from=2025-02-30", "--to=2025-03-01"));
    assertEquals(2, badDay.exit());
    assertTrue(badDay.err().contains("--from=YYYY-MM-DD"), badDay.err());
    Result noProject = script("backfill.sh", List.of("--region=europe-west1", "--bucket=b-1",
        "--dataset=d", "--from=2025-01-01", "--to=2025-01-01", "--dry-run"));
    assertEquals(2, noProject.exit());
    assertTrue(noProject.err().contains("--project=PROJECT_ID is required"), noProject.err());
    assertEquals("", noProject.out());
    assertNothingCalled();
  }

  @Test
  void deployPrintsBuildImageAndTemplateSpec() throws Exception {
    Result r = script("deploy-template.sh", COMMON);
    assertEquals(0, r.exit(), r.err());
    String image = "europe-west1-docker.pkg.dev/my-project/contested/contested-daily:latest";
    assertEquals(List.of(
        "mvn -B -q -f " + REPO.resolve("pom.xml") + " -Pdataflow -DskipTests package",
        "mkdir -p " + REPO.resolve("target/flex"),
        "cp " + REPO.resolve("pipelines/dataflow/Dockerfile") + " "
            + REPO.resolve("target/contested-bundled.jar") + " " + REPO.resolve("target/flex") + "/",
        "gcloud artifacts repositories create contested --repository-format=docker"
            + " --location=europe-west1 --project=my-project",
        "gcloud builds submit " + REPO.resolve("target/flex") + " --tag=" + image
            + " --project=my-project --region=europe-west1",
        "gcloud dataflow flex-template build gs://my-bucket/templates/contested-daily.json"
            + " --image=" + image + " --sdk-language=JAVA --metadata-file="
            + REPO.resolve("pipelines/dataflow/metadata.json") + " --project=my-project"),
        r.out().lines().toList());
    assertNothingCalled();
  }

  @Test
  void schedulePrintsTheSchedulerJobAndTheLaunchRequest() throws Exception {
    Result r = script("schedule-daily.sh", with(COMMON, "--schedule=30 2 * * *"));
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("# request body (" + REPO.resolve("target/contested-daily-launch.json") + "):",
        lines.get(0));
    StringBuilder body = new StringBuilder();
    List<String> commands = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      if (l.startsWith("# ")) {
        body.append(l.substring(2)).append('\n');
      } else {
        commands.add(l);
      }
    }
    JsonNode launch = new ObjectMapper().readTree(body.toString()).get("launchParameter");
    assertEquals("gs://my-bucket/templates/contested-daily.json",
        launch.get("containerSpecGcsPath").asText());
    JsonNode params = launch.get("parameters");
    assertEquals("bq:my-project:contested", params.get("output").asText());
    assertEquals("gs://my-bucket/articles/{date}/*.jsonl", params.get("input").asText());
    assertEquals("RU,UA", params.get("parties").asText());
    assertFalse(params.has("runDate"), "the daily job takes the default, yesterday");
    assertEquals("contested-runner@my-project.iam.gserviceaccount.com",
        launch.get("environment").get("serviceAccountEmail").asText());
    assertEquals(List.of(
        "gcloud scheduler jobs create http contested-daily --location=europe-west1"
            + " --project=my-project --schedule=30\\ 2\\ \\*\\ \\*\\ \\* --time-zone=Etc/UTC"
            + " --uri=https://dataflow.googleapis.com/v1b3/projects/my-project/locations/"
            + "europe-west1/flexTemplates:launch --http-method=POST"
            + " --oauth-service-account-email=contested-runner@my-project.iam.gserviceaccount.com"
            + " --oauth-token-scope=https://www.googleapis.com/auth/cloud-platform"
            + " --headers=Content-Type=application/json --message-body-from-file="
            + REPO.resolve("target/contested-daily-launch.json")),
        commands);
    assertFalse(Files.exists(REPO.resolve("target/contested-daily-launch.json"))
        && Files.getLastModifiedTime(REPO.resolve("target/contested-daily-launch.json"))
            .toMillis() > System.currentTimeMillis() - 60_000, "a dry run writes no file");
    assertNothingCalled();
  }

  @Test
  void unknownOptionsAreRefused() throws Exception {
    Result r = script("schedule-daily.sh", with(COMMON, "--shedule=0 3 * * *"));
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("unknown option --shedule"), r.err());
    assertNothingCalled();
  }

  @Test
  void setupPrintsApisServiceAccountRolesBucketAndDataset() throws Exception {
    Result r = script("setup-project.sh", COMMON);
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).startsWith("gcloud services enable dataflow.googleapis.com "), lines.get(0));
    for (String api : List.of("bigquery", "bigquerystorage", "storage", "artifactregistry",
        "cloudbuild", "cloudscheduler")) {
      assertTrue(lines.get(0).contains(" " + api + ".googleapis.com "), api);
    }
    assertEquals("gcloud iam service-accounts create contested-runner"
        + " --display-name=contested\\ pipeline\\ runner --project=my-project", lines.get(1));
    List<String> roles = lines.stream().filter(l -> l.contains("add-iam-policy-binding"))
        .map(l -> l.replaceAll(".*--role=(\\S+).*", "$1")).toList();
    assertEquals(List.of("roles/dataflow.worker", "roles/dataflow.developer",
        "roles/bigquery.dataEditor", "roles/bigquery.jobUser", "roles/storage.objectAdmin",
        "roles/artifactregistry.reader", "roles/iam.serviceAccountUser"), roles);
    assertTrue(lines.contains("gcloud storage buckets create gs://my-bucket --location=europe-west1"
        + " --uniform-bucket-level-access --project=my-project"), r.out());
    assertTrue(lines.get(lines.size() - 1).startsWith(
        "bq --project_id=my-project mk --dataset --location=europe-west1 "), r.out());
    assertTrue(lines.get(lines.size() - 1).endsWith(" my-project:contested"), r.out());
    assertNothingCalled();
  }

  @Test
  void createViewsPrintsOneQueryPerViewWithNamesFilledIn() throws Exception {
    Result r = script("create-views.sh", COMMON);
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(4, lines.size(), r.out());
    List<String> views = List.of("confirmation_lag", "most_contested_now", "place_timeline",
        "source_agreement");
    for (int i = 0; i < views.size(); i++) {
      String l = lines.get(i);
      assertTrue(l.startsWith("bq --project_id=my-project --location=europe-west1 query"
          + " --use_legacy_sql=false --nouse_cache "), l);
      assertTrue(l.contains("CREATE OR REPLACE VIEW `my-project.contested." + views.get(i) + "`"), l);
      assertFalse(l.contains("${"), l);
    }
    assertNothingCalled();
  }
}
