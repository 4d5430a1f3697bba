package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.Json;
import org.saepj.testing.TestFiles;

/** {@code prune --predictions} on the public vectors of spec §7. */
class PruneCommandTest {
    @TempDir
    Path dir;

    private Path predictions() {
        // Columns X, Y, Z, W; rows are samples.
        int[] x = {0, 0, 1, 1, 2, 2, 0, 1};
        int[] y = {0, 0, 1, 1, 2, 2, 1, 0};
        int[] w = {0, 1, 1, 1, 2, 2, 0, 1};
        StringBuilder sb = new StringBuilder("x,y,z,w\n");
        for (int s = 0; s < 8; s++) {
            sb.append(x[s]).append(',').append(y[s]).append(",0,").append(w[s]).append('\n');
        }
        return TestFiles.write(dir.resolve("pred.csv"), sb.toString().getBytes());
    }

    private Path labels() {
        return TestFiles.write(dir.resolve("labels.csv"), "0\n0\n1\n1\n2\n2\n0\n1\n".getBytes());
    }

    @Test
    void pieJsonCarriesEveryMeasure() throws Exception {
        CliRun run = CliRun.of(
                "prune",
                "--predictions",
                predictions().toString(),
                "--labels",
                labels().toString(),
                "--method",
                "pie",
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(run.out());
        for (String key : new String[] {"kept", "pruned", "start", "nmiWithLabels", "viMatrix", "diversity"}) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        int start = json.get("start").asInt();
        // Spec §7, α = 0.5: starts 0/1/2 keep {0,1,2}; start 3 keeps {0,2,3}.
        assertThat(json.get("pruned").toString()).isEqualTo(start == 3 ? "[1]" : "[3]");
        assertThat(json.get("kept")).hasSize(3);
        assertThat(json.at("/nmiWithLabels/0").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(json.at("/nmiWithLabels/1").asDouble()).isCloseTo(0.5588730, within(1e-7));
        assertThat(json.at("/nmiWithLabels/2").asDouble()).isEqualTo(0.0);
        assertThat(json.at("/viMatrix/0/1").asDouble()).isCloseTo(0.6121972, within(1e-7));
        assertThat(json.at("/viMatrix/0/2").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(json.at("/diversity/disagreement").asDouble()).isCloseTo(0.4583333, within(1e-7));
        assertThat(json.at("/diversity/disagreementWithLabels").asDouble()).isCloseTo(0.4583333, within(1e-7));
        for (String key : new String[] {"qStatistic", "kappa", "doubleFault"}) {
            assertThat(json.get("diversity").has(key)).as(key).isTrue();
        }
    }

    @Test
    void papTextShowsTheErrors() {
        CliRun run = CliRun.of(
                "prune", "--predictions", predictions().toString(), "--labels", labels().toString(), "--method", "pap");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("details  ensembleError 0.125, leaveOneOutErrors [")
                .contains("VI matrix");
    }

    @Test
    void mismatchedRowsAndBadCellsAreOneLineErrors() {
        Path shortLabels = TestFiles.write(dir.resolve("short.csv"), "0\n1\n2\n".getBytes());
        CliRun run = CliRun.of(
                "prune",
                "--predictions",
                predictions().toString(),
                "--labels",
                shortLabels.toString(),
                "--method",
                "pie");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("error: --predictions ")
                .contains(" has 8 rows of predictions but --labels ")
                .contains(" has 3 labels");
        Path bad = TestFiles.write(dir.resolve("bad.csv"), "0,1\n1,x\n0,0\n1,1\n2,2\n2,2\n0,0\n1,1\n".getBytes());
        CliRun cell =
                CliRun.of("prune", "--predictions", bad.toString(), "--labels", labels().toString(), "--method", "pap");
        assertThat(cell.exitCode()).isEqualTo(1);
        assertThat(cell.err())
                .startsWith("error: ")
                .contains("write classes differently (indices in the labels, names in the predictions)");
        Path ragged = TestFiles.write(dir.resolve("ragged.csv"), "0,1\n1\n".getBytes());
        assertThat(CliRun.of(
                                "prune",
                                "--predictions",
                                ragged.toString(),
                                "--labels",
                                labels().toString(),
                                "--method",
                                "pap")
                        .err())
                .contains("line 2 has 1 columns: expected 2");
        CliRun half = CliRun.of(
                "prune",
                "--predictions",
                predictions().toString(),
                "--labels",
                labels().toString(),
                "--method",
                "pap",
                "--test-predictions",
                predictions().toString());
        assertThat(half.exitCode()).isEqualTo(2);
        assertThat(half.err()).contains("--test-predictions needs --test-labels");
        CliRun both = CliRun.of("prune", "--method", "pap");
        assertThat(both.exitCode()).isEqualTo(2);
    }

    @Test
    void classNamesMemberNamesAndTheVoteBeforeAndAfterOnHeldOutData() throws Exception {
        // The worked check with a header naming the members and the classes by name (0 = bag, 1 = coat, 2 = shirt:
        // names in
        // sorting order keep the order, and so the ties, of the indices).
        String[] names = {"bag", "coat", "shirt"};
        String rows = "0,0,1,0\n0,1,0,0\n1,1,1,0\n1,1,0,1\n2,2,2,2\n0,2,2,2\n";
        StringBuilder named = new StringBuilder("dnn-1,dnn-2,cnn-1,cnn-2\n");
        rows.lines()
                .forEach(l -> named.append(String.join(
                                ",",
                                java.util.Arrays.stream(l.split(","))
                                        .map(c -> names[Integer.parseInt(c)])
                                        .toList()))
                        .append('\n'));
        Path p = TestFiles.write(dir.resolve("named.csv"), named.toString().getBytes());
        Path y = TestFiles.write(
                dir.resolve("named-labels.csv"), "label\nbag\nbag\ncoat\ncoat\nshirt\nshirt\n".getBytes());
        // Held out: member 0 is right everywhere, member 1 nowhere, 2 and 3 on one of three.
        Path tp = TestFiles.write(
                dir.resolve("test.csv"),
                "dnn-1,dnn-2,cnn-1,cnn-2\nbag,coat,bag,coat\ncoat,bag,shirt,shirt\nshirt,bag,bag,bag\n".getBytes());
        Path ty = TestFiles.write(dir.resolve("test-labels.csv"), "bag\ncoat\nshirt\n".getBytes());
        CliRun run = CliRun.of(
                "prune",
                "--predictions",
                p.toString(),
                "--labels",
                y.toString(),
                "--method",
                "kappa",
                "--keep",
                "2",
                "--test-predictions",
                tp.toString(),
                "--test-labels",
                ty.toString(),
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertThat(json.get("kept").toString()).isEqualTo("[0,2]"); // as with indices
        assertThat(json.get("keptNames").toString()).isEqualTo("[\"dnn-1\",\"cnn-1\"]");
        assertThat(json.get("prunedNames").toString()).isEqualTo("[\"dnn-2\",\"cnn-2\"]");
        assertThat(json.get("classes").toString()).isEqualTo("[\"bag\",\"coat\",\"shirt\"]");
        // Decision data: all four vote right on 5 of 6 (x5: bag, shirt, shirt, shirt → shirt, right; x1: bag, coat,
        // bag, bag → bag,
        // right; ...); members 0 and 2 alone: x3 coat–bag tie → bag (wrong), x5 bag–shirt tie → bag (wrong) → 4 of 6.
        assertThat(json.at("/voteAccuracy/before").asDouble()).isEqualTo(1.0);
        assertThat(json.at("/voteAccuracy/after").asDouble())
                .isCloseTo(4.0 / 6, org.assertj.core.data.Offset.offset(1e-12));
        // Held out, all four: x0 bag 2–coat 2 → bag (right); x1 coat, bag, shirt, shirt → shirt (wrong); x2 shirt 1,
        // bag 3 → bag
        // (wrong): 1/3. Members 0 and 2: x0 bag ✓, x1 coat–shirt tie → coat ✓, x2 shirt–bag tie → bag ✗: 2/3.
        assertThat(json.at("/heldOutVoteAccuracy/before").asDouble())
                .isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(json.at("/heldOutVoteAccuracy/after").asDouble())
                .isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(json.at("/heldOutVoteAccuracy/samples").asInt()).isEqualTo(3);
        // A number that does not exist is null: PIE's first greedy score.
        CliRun pie = CliRun.of(
                "prune", "--predictions", p.toString(), "--labels", y.toString(), "--method", "pie", "--json");
        assertThat(pie.out()).doesNotContain("NaN");
        assertThat(Json.MAPPER
                        .readTree(pie.out())
                        .at("/decision/details/greedyScores/0")
                        .isNull())
                .isTrue();
        CliRun text = CliRun.of(
                "prune",
                "--predictions",
                p.toString(),
                "--labels",
                y.toString(),
                "--method",
                "kappa",
                "--keep",
                "2",
                "--test-predictions",
                tp.toString(),
                "--test-labels",
                ty.toString());
        assertThat(text.out())
                .contains("kept     0 (dnn-1), 2 (cnn-1)")
                .contains("classes  bag, coat, shirt")
                .contains("vote accuracy held out (--test-predictions): 0.3333 before, 0.6667 after");
        Path other = TestFiles.write(dir.resolve("other.csv"), "a,b,c,d\nbag,coat,bag,coat\n".getBytes());
        CliRun mismatch = CliRun.of(
                "prune",
                "--predictions",
                p.toString(),
                "--labels",
                y.toString(),
                "--method",
                "re",
                "--test-predictions",
                other.toString(),
                "--test-labels",
                TestFiles.write(dir.resolve("one.csv"), "bag\n".getBytes()).toString());
        assertThat(mismatch.err())
                .contains(
                        "its columns [a, b, c, d] are not the members of --predictions, [dnn-1, dnn-2, cnn-1, cnn-2]");
    }

    @Test
    void aMissingArgumentIsOneErrorLineWithoutPicocliPrefix() {
        CliRun r = CliRun.of("prune", "--predictions", "p.csv", "--method", "pap");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: Missing required argument").doesNotContain("Error:");
    }

    @Test
    void keepGivesTheStandardCriteriaTheirTargetSize() throws Exception {
        // The reference's worked check: labels [0,0,1,1,2,2], members as columns.
        Path p = TestFiles.write(
                dir.resolve("check.csv"), "0,0,1,0\n0,1,0,0\n1,1,1,0\n1,1,0,1\n2,2,2,2\n0,2,2,2\n".getBytes());
        Path y = TestFiles.write(dir.resolve("check-labels.csv"), "0\n0\n1\n1\n2\n2\n".getBytes());
        for (String[] c : new String[][] {{"re", "[0,1]"}, {"kappa", "[0,2]"}, {"mdm", "[0,2]"}, {"topk", "[0,1]"}}) {
            CliRun run = CliRun.of(
                    "prune",
                    "--predictions",
                    p.toString(),
                    "--labels",
                    y.toString(),
                    "--method",
                    c[0],
                    "--keep",
                    "2",
                    "--json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(Json.MAPPER.readTree(run.out()).get("kept").toString())
                    .as(c[0])
                    .isEqualTo(c[1]);
        }
        // Every criterion with a target size keeps exactly K, whatever K (PIE's drawn start included).
        for (String id : org.saepj.cli.option.TargetSize.takers(org.saepj.pruning.Criteria.discover())) {
            for (int k = 1; k <= 3; k++) {
                CliRun run = CliRun.of(
                        "prune",
                        "--predictions",
                        p.toString(),
                        "--labels",
                        y.toString(),
                        "--method",
                        id,
                        "--keep",
                        String.valueOf(k),
                        "--json");
                assertThat(run.exitCode()).as(id + ": " + run.err()).isZero();
                assertThat(Json.MAPPER.readTree(run.out()).get("kept"))
                        .as(id + " --keep " + k)
                        .hasSize(k);
            }
        }
        CliRun es = CliRun.of(
                "prune", "--predictions", p.toString(), "--labels", y.toString(), "--method", "es", "--keep", "2");
        assertThat(es.err()).contains("--keep: es decides its own size");
        CliRun own = CliRun.of(
                "prune", "--predictions", p.toString(), "--labels", y.toString(), "--method", "pap", "--keep", "2");
        assertThat(own.exitCode()).isEqualTo(2);
        assertThat(own.err()).contains("--keep: pap decides its own size; the criteria with a target size are");
        CliRun both = CliRun.of(
                "prune",
                "--predictions",
                p.toString(),
                "--labels",
                y.toString(),
                "--method",
                "re",
                "--keep",
                "2",
                "--param",
                "keep=3");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--keep and --param keep=");
    }
}
