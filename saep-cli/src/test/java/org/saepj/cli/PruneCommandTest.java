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
        CliRun run = CliRun.of("prune", "--predictions", predictions().toString(), "--labels", labels().toString(),
                "--method", "pie", "--json");
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
        CliRun run = CliRun.of("prune", "--predictions", predictions().toString(), "--labels", labels().toString(), "--method", "pap");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("details  ensembleError 0.125, leaveOneOutErrors [").contains("VI matrix");
    }

    @Test
    void mismatchedRowsAndBadCellsAreOneLineErrors() {
        Path shortLabels = TestFiles.write(dir.resolve("short.csv"), "0\n1\n".getBytes());
        CliRun run = CliRun.of("prune", "--predictions", predictions().toString(), "--labels", shortLabels.toString(), "--method", "pie");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: --predictions has 8 rows but --labels has 2");
        Path bad = TestFiles.write(dir.resolve("bad.csv"), "0,1\n1,x\n".getBytes());
        CliRun cell = CliRun.of("prune", "--predictions", bad.toString(), "--labels", labels().toString(), "--method", "pap");
        assertThat(cell.exitCode()).isEqualTo(1);
        assertThat(cell.err()).startsWith("error: ").contains("line 2, column 2: 'x' is not a class index");
        CliRun both = CliRun.of("prune", "--method", "pap");
        assertThat(both.exitCode()).isEqualTo(2);
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
        Path p = TestFiles.write(dir.resolve("check.csv"), "0,0,1,0\n0,1,0,0\n1,1,1,0\n1,1,0,1\n2,2,2,2\n0,2,2,2\n".getBytes());
        Path y = TestFiles.write(dir.resolve("check-labels.csv"), "0\n0\n1\n1\n2\n2\n".getBytes());
        for (String[] c : new String[][] {{"re", "[0,1]"}, {"kappa", "[0,2]"}, {"mdm", "[0,2]"}, {"topk", "[0,1]"}}) {
            CliRun run = CliRun.of("prune", "--predictions", p.toString(), "--labels", y.toString(), "--method", c[0], "--keep", "2",
                    "--json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(Json.MAPPER.readTree(run.out()).get("kept").toString()).as(c[0]).isEqualTo(c[1]);
        }
        CliRun own = CliRun.of("prune", "--predictions", p.toString(), "--labels", y.toString(), "--method", "pap", "--keep", "2");
        assertThat(own.exitCode()).isEqualTo(2);
        assertThat(own.err()).contains("--keep: pap decides its own size; the criteria with a target size are");
        CliRun both = CliRun.of("prune", "--predictions", p.toString(), "--labels", y.toString(), "--method", "re", "--keep", "2",
                "--param", "keep=3");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--keep and --param keep=");
    }
}
