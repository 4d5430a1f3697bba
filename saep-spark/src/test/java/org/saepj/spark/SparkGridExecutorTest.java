package org.saepj.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.data.SourceData;
import org.saepj.data.io.CsvReader;
import org.saepj.data.source.DataSources;
import org.saepj.data.source.DatasetLocator;
import org.saepj.data.source.SourceRecipe;
import org.saepj.persistence.JsonFormat;
import org.saepj.run.ComparedMethod;
import org.saepj.run.Comparison;
import org.saepj.run.ComparisonListener;
import org.saepj.run.ComparisonPlan;
import org.saepj.run.ComparisonRun;
import org.saepj.search.Mixture;
import org.saepj.search.SearchConfig;
import org.saepj.testing.TestFiles;

/**
 * A comparison whose searches run as tasks on {@code local-cluster[2,1,1024]} — a master, two workers and two executor
 * JVMs of their own, as on a cluster — gives the run directories and the comparison the local executor gives,
 * timings and the executor's name aside.
 */
class SparkGridExecutorTest {
    @TempDir
    Path root;

    /** A JSON tree without what may differ between two machines running the same search: times and provenance. */
    static JsonNode withoutTimes(JsonNode n) {
        JsonNode copy = n.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove(List.of(
                    "timing",
                    "provenance",
                    "seconds",
                    "trainSeconds",
                    "totalSeconds",
                    "secondsMean",
                    "startedAt",
                    "searchOverheadSeconds",
                    "inferenceSamplesPerSecond",
                    "inferenceSeconds"));
            o.forEach(SparkGridExecutorTest::strip);
        } else if (n.isArray()) {
            n.forEach(SparkGridExecutorTest::strip);
        }
    }

    static JsonNode read(Path file) throws Exception {
        return JsonFormat.mapper().readTree(file.toFile());
    }

    @Test
    void aComparisonOnALocalClusterIsTheLocalOne() throws Exception {
        Path fixture = TestFiles.fashionMnistFixture(root.resolve("fixture"));
        SearchConfig base = SearchConfig.builder()
                .dataset("idx:" + fixture)
                .iterations(3)
                .totalSteps(90)
                .seed(1)
                .threads(1)
                .build();
        ComparisonPlan plan = new ComparisonPlan(
                base,
                List.of(ComparedMethod.parse("adanet"), ComparedMethod.parse("pap")),
                List.of(Mixture.UNIFORM),
                List.of(1L, 2L),
                0,
                Map.of());
        SourceData data =
                new DataSources(DatasetLocator.standard(null), CsvReader.Options.defaults()).load("idx:" + fixture);
        Path local = root.resolve("local");
        Files.createDirectories(local);
        List<ComparisonRun> here = Comparison.run(plan, data, local, false, lock -> {}, ComparisonListener.NONE);

        Files.createDirectories(Path.of(System.getenv("SPARK_HOME")));
        SparkConf conf = new SparkConf()
                .setMaster("local-cluster[2,1,1024]")
                .setAppName("saep-grid-test")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.executor.memory", "768m")
                .set("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        Path cluster = root.resolve("cluster");
        Files.createDirectories(cluster);
        List<ComparisonRun> there;
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            SparkGridExecutor executor =
                    new SparkGridExecutor(spark, new SourceRecipe(null, CsvReader.Options.defaults(), data.sha256()));
            there = Comparison.run(plan, data, cluster, false, lock -> {}, ComparisonListener.NONE, executor);
        }
        assertThat(there).hasSize(4);
        for (int i = 0; i < here.size(); i++) {
            assertThat(there.get(i).testAccuracy()).isEqualTo(here.get(i).testAccuracy());
            assertThat(there.get(i).ensembleSize()).isEqualTo(here.get(i).ensembleSize());
            Path a = local.resolve(here.get(i).directory());
            Path b = cluster.resolve(there.get(i).directory());
            assertThat(withoutTimes(read(b.resolve("report.json"))))
                    .as(here.get(i).directory())
                    .isEqualTo(withoutTimes(read(a.resolve("report.json"))));
            assertThat(withoutTimes(read(b.resolve("ensemble/manifest.json"))))
                    .isEqualTo(withoutTimes(read(a.resolve("ensemble/manifest.json"))));
        }
        assertThat(withoutTimes(read(cluster.resolve("comparison.json"))))
                .isEqualTo(withoutTimes(read(local.resolve("comparison.json"))));
    }
}
