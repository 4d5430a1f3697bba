package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.testing.TestFiles;

/**
 * {@code predict} on CSV data as a user brings it: without labels, with columns reordered, with an ID column, one
 * row; and the wrong files: a missing feature, an unknown column, a wrong count — one line each, no internal error.
 */
class PredictAnyDataTest {
    @TempDir
    static Path root;

    static Path model;
    static final String HEADER = "width,height,depth,weight,kind";
    static final java.util.SplittableRandom RNG = new java.util.SplittableRandom(3);

    static String row(int kind) {
        return (kind * 2 + RNG.nextGaussian()) + "," + (10 + kind * 3 * RNG.nextDouble()) + "," + 100 * RNG.nextDouble()
                + "," + (0.01 * kind + 0.001 * RNG.nextGaussian());
    }

    @BeforeAll
    static void train() {
        StringBuilder train = new StringBuilder(HEADER + "\n");
        for (int i = 0; i < 150; i++) {
            train.append(row(i % 3)).append(",k").append(i % 3).append('\n');
        }
        Path csv = TestFiles.write(root.resolve("train.csv"), train.toString().getBytes());
        CliRun run = CliRun.of(
                "search",
                "--data",
                "csv:" + csv,
                "--iterations",
                "2",
                "--steps",
                "60",
                "--quiet",
                "--out",
                root.resolve("run").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        model = root.resolve("run").resolve("ensemble");
    }

    static List<String> predict(String csv, String... extra) throws Exception {
        Path in = TestFiles.write(root.resolve("in-" + System.nanoTime() + ".csv"), csv.getBytes());
        Path out = root.resolve("out-" + System.nanoTime() + ".csv");
        List<String> args = new java.util.ArrayList<>(
                List.of("predict", "--model", model.toString(), "--data", "csv:" + in, "--out", out.toString()));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Files.readAllLines(out);
    }

    static String error(String csv, String... extra) {
        return error(1, csv, extra);
    }

    /** @return the one error line of predicting {@code csv}, which exits with {@code code} */
    static String error(int code, String csv, String... extra) {
        Path in = TestFiles.write(root.resolve("bad-" + System.nanoTime() + ".csv"), csv.getBytes());
        List<String> args = new java.util.ArrayList<>(List.of(
                "predict",
                "--model",
                model.toString(),
                "--data",
                "csv:" + in,
                "--out",
                root.resolve("never-" + System.nanoTime() + ".csv").toString()));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(code);
        assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("error: ")
                .doesNotContain("internal error")
                .doesNotContain("\tat ");
        return run.err();
    }

    @Test
    void unlabeledReorderedAndIdentifiedRowsScoreLikeTheOriginal() throws Exception {
        String[] rows = new String[5];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = row(i % 3);
        }
        StringBuilder labelled = new StringBuilder(HEADER + "\n");
        StringBuilder unlabeled = new StringBuilder("width,height,depth,weight\n");
        StringBuilder reordered = new StringBuilder("id,weight,kind,depth,width,height\n");
        for (int i = 0; i < rows.length; i++) {
            String[] c = rows[i].split(",");
            labelled.append(rows[i]).append(",k").append(i % 3).append('\n');
            unlabeled.append(rows[i]).append('\n');
            reordered
                    .append("sample-")
                    .append(i)
                    .append(',')
                    .append(c[3])
                    .append(",k")
                    .append(i % 3)
                    .append(',')
                    .append(c[2])
                    .append(',')
                    .append(c[0])
                    .append(',')
                    .append(c[1])
                    .append('\n');
        }
        List<String> a = predict(labelled.toString());
        List<String> b = predict(unlabeled.toString());
        List<String> c = predict(reordered.toString(), "--id-column", "id");
        assertThat(a).hasSize(6);
        assertThat(a.get(0)).isEqualTo("row,predicted,p_k0,p_k1,p_k2,label");
        assertThat(b.get(0)).isEqualTo("row,predicted,p_k0,p_k1,p_k2");
        assertThat(c.get(0)).isEqualTo("id,predicted,p_k0,p_k1,p_k2,label");
        for (int i = 1; i <= rows.length; i++) {
            assertThat(a.get(i)).startsWith(i + ",").endsWith(",k" + ((i - 1) % 3));
            String scores = a.get(i).substring(a.get(i).indexOf(','), a.get(i).lastIndexOf(','));
            assertThat(b.get(i)).isEqualTo(i + scores);
            assertThat(c.get(i)).isEqualTo("sample-" + (i - 1) + scores + ",k" + ((i - 1) % 3));
        }
        // One row, without a header: by position.
        List<String> one = predict(rows[0] + "\n");
        assertThat(one).hasSize(2);
        assertThat(one.get(1)).isEqualTo(b.get(1));
        // --label-column none: every column a feature.
        assertThat(predict(unlabeled.toString(), "--label-column", "none")).isEqualTo(b);
    }

    @Test
    void anIdxImagesFileIsScoredWithOrWithoutItsLabels() throws Exception {
        Path fixture = TestFiles.fashionMnistFixture(root.resolve("fixture"));
        Path run = root.resolve("images");
        CliRun search = CliRun.of(
                "search",
                "--data",
                "idx:" + fixture,
                "--iterations",
                "2",
                "--steps",
                "60",
                "--quiet",
                "--out",
                run.toString());
        assertThat(search.exitCode()).as(search.err()).isZero();
        Path split = root.resolve("split.csv");
        Path bare = root.resolve("bare.csv");
        Path labelled = root.resolve("labelled.csv");
        String model = run.resolve("ensemble").toString();
        Path images = fixture.resolve("t10k-images-idx3-ubyte.gz");
        assertThat(CliRun.of(
                                "predict",
                                "--model",
                                model,
                                "--data",
                                "idx:" + fixture,
                                "--partition",
                                "test",
                                "--out",
                                split.toString())
                        .exitCode())
                .isZero();
        CliRun b = CliRun.of("predict", "--model", model, "--data", "idx:" + images, "--out", bare.toString());
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(b.out()).contains("every image of").contains("without labels");
        CliRun l = CliRun.of(
                "predict",
                "--model",
                model,
                "--data",
                "idx:" + images,
                "--labels-file",
                fixture.resolve("t10k-labels-idx1-ubyte.gz").toString(),
                "--out",
                labelled.toString());
        assertThat(l.exitCode()).as(l.err()).isZero();
        List<String> s = Files.readAllLines(split);
        List<String> x = Files.readAllLines(bare);
        List<String> y = Files.readAllLines(labelled);
        assertThat(x).hasSize(501).hasSameSizeAs(s).hasSameSizeAs(y);
        assertThat(x.get(0)).startsWith("row,predicted,p_0");
        assertThat(y.get(0)).endsWith(",label");
        for (int i = 1; i < s.size(); i++) {
            // The same images in the same order: the partition's numbers, rows counted from 1.
            assertThat(x.get(i)).isEqualTo(i + s.get(i).substring(s.get(i).indexOf(',')));
            assertThat(y.get(i)).startsWith(x.get(i) + ",");
        }
        CliRun wrong = CliRun.of(
                "predict",
                "--model",
                model,
                "--data",
                "idx:" + images,
                "--labels-file",
                root.resolve("nothing").toString(),
                "--out",
                root.resolve("never.csv").toString());
        assertThat(wrong.exitCode()).isEqualTo(3);
        assertThat(wrong.err()).startsWith("error: ").doesNotContain("\tat ");
    }

    @Test
    void evaluateMatchesColumnsByNameToo() throws Exception {
        StringBuilder same = new StringBuilder(HEADER + "\n");
        StringBuilder reordered = new StringBuilder("kind,weight,depth,width,height\n");
        for (int i = 0; i < 30; i++) {
            String[] c = row(i % 3).split(",");
            same.append(String.join(",", c)).append(",k").append(i % 3).append('\n');
            reordered
                    .append("k")
                    .append(i % 3)
                    .append(',')
                    .append(c[3])
                    .append(',')
                    .append(c[2])
                    .append(',')
                    .append(c[0])
                    .append(',')
                    .append(c[1])
                    .append('\n');
        }
        Path a = TestFiles.write(root.resolve("same.csv"), same.toString().getBytes());
        Path b = TestFiles.write(
                root.resolve("reordered.csv"), reordered.toString().getBytes());
        CliRun ea = CliRun.of("evaluate", "--model", model.toString(), "--data", "csv:" + a, "--json");
        CliRun eb = CliRun.of(
                "evaluate", "--model", model.toString(), "--data", "csv:" + b, "--label-column", "kind", "--json");
        assertThat(ea.exitCode()).as(ea.err()).isZero();
        assertThat(eb.exitCode()).as(eb.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode ja = org.saepj.cli.display.Json.MAPPER.readTree(ea.out());
        com.fasterxml.jackson.databind.JsonNode jb = org.saepj.cli.display.Json.MAPPER.readTree(eb.out());
        assertThat(jb.get("accuracy")).isEqualTo(ja.get("accuracy"));
        assertThat(jb.get("loss")).isEqualTo(ja.get("loss"));
        Path narrow = TestFiles.write(root.resolve("narrow.csv"), "a,b,kind\n1,2,k0\n3,4,k1\n".getBytes());
        CliRun en = CliRun.of("evaluate", "--model", model.toString(), "--data", "csv:" + narrow);
        assertThat(en.exitCode()).isEqualTo(1);
        assertThat(en.err())
                .startsWith("error: ")
                .contains("missing: width, height, depth, weight")
                .doesNotContain("internal error");
        Path count = TestFiles.write(root.resolve("count.csv"), "1,2,k0\n3,4,k1\n".getBytes());
        CliRun ec = CliRun.of("evaluate", "--model", model.toString(), "--data", "csv:" + count);
        assertThat(ec.err())
                .contains("2 feature values per sample, but the ensemble takes 4")
                .doesNotContain("internal error");
    }

    @Test
    void evaluateTakesOneRowOfOneClass() throws Exception {
        Path one = TestFiles.write(root.resolve("one.csv"), (HEADER + "\n" + row(1) + ",k1\n").getBytes());
        CliRun eval = CliRun.of("evaluate", "--model", model.toString(), "--data", "csv:" + one, "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode r = org.saepj.cli.display.Json.MAPPER.readTree(eval.out());
        assertThat(r.get("samples").asInt()).isEqualTo(1);
        assertThat(r.at("/metrics/support").toString()).isEqualTo("[0,1,0]");
        // A search still refuses one class, naming the option that fixes it.
        CliRun search = CliRun.of(
                "search",
                "--data",
                "csv:" + one,
                "--iterations",
                "1",
                "--steps",
                "10",
                "--quiet",
                "--out",
                root.resolve("never").toString());
        assertThat(search.exitCode()).isEqualTo(1);
        assertThat(search.err()).contains("a search needs at least 2").contains("--label-column");
    }

    @Test
    void filesThatDoNotFitAreOneLineErrorsNamingTheColumn() {
        assertThat(error("width,height,weight,kind\n1,2,3,k0\n"))
                .contains("the model's feature column 'depth' is missing");
        assertThat(error("width,height,depth,weight,kind,colour\n1,2,3,4,k0,red\n"))
                .contains("columns 'kind, colour' are neither features of the model");
        assertThat(error("1,2,3,4,5,6,7,8,9,10\n")).contains("10 columns, but the model takes 4 features");
        assertThat(error("width,height,depth,weight\n1,2,x,4\n"))
                .contains("line 2, column 3 ('depth'): 'x' is not a number");
        assertThat(error(2, "width,height,depth,weight\n1,2,3,4\n", "--id-column", "name"))
                .as("a column that does not exist: a usage error")
                .contains("--id-column: ")
                .contains("has no column named 'name'");
    }
}
