package org.saepj.data.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.saepj.DataException;
import org.saepj.data.table.ColumnType;
import org.saepj.export.OnnxGraph;

/** The inputs of a table's ONNX graph: the spellings a case-insensitive match lists, and the names refused. */
class ColumnInputsTest {
    @Test
    void aWordIsListedInEveryCaseAndALongOneInItsCommonForms() {
        assertThat(ColumnInputs.caseVariants("na")).containsExactly("na", "Na", "nA", "NA");
        assertThat(ColumnInputs.caseVariants("n/a")).hasSize(4).contains("N/A", "n/A");
        assertThat(ColumnInputs.caseVariants("?")).containsExactly("?");
        assertThat(ColumnInputs.caseVariants("")).containsExactly("");
        assertThat(ColumnInputs.caseVariants("false")).hasSize(32).contains("FaLsE");
        assertThat(ColumnInputs.caseVariants("not available"))
                .containsExactly("not available", "NOT AVAILABLE", "Not available");
    }

    @Test
    void aColumnNamedAsAnOutputIsRefusedInOneLine() {
        Columns c = new Columns(
                List.of("colour", "probabilities"),
                true,
                List.of(ColumnType.CATEGORICAL, ColumnType.NUMERIC),
                List.of(List.of("blue", "red"), List.of()),
                "kind",
                List.of("", "NA"));
        assertThatThrownBy(() -> c.onnxInputs(new OnnxGraph(), "N"))
                .isInstanceOf(DataException.class)
                .hasMessage("column 'probabilities' cannot name an input of the ONNX graph: its outputs are named"
                        + " logits, probabilities, value; rename the column in the training file");
    }

    @Test
    void theGraphsOwnTensorsNeverTakeAColumnsName() {
        OnnxGraph g = new OnnxGraph();
        g.floatInput("gemm_0", "N", 1);
        assertThat(g.name("gemm")).isEqualTo("gemm_1");
    }
}
