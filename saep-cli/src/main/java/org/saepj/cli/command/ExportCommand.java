package org.saepj.cli.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.saepj.cli.UsageError;
import org.saepj.cli.output.OutputFile;
import org.saepj.data.table.ColumnType;
import org.saepj.engine.Backends;
import org.saepj.export.OnnxExport;
import org.saepj.persistence.SavedEnsemble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code saep export}: a saved ensemble as one file another runtime executes (ONNX). */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write a saved ensemble as one ONNX graph: preprocessing,"
                + " every member and the mixture weights; outputs logits and probabilities (see docs/EXPORT.md).")
public final class ExportCommand implements Runnable {
    @Option(
            names = "--model",
            required = true,
            paramLabel = "DIR",
            description = "A saved ensemble (OUT/ensemble of a search).")
    Path model;

    @Option(
            names = "--format",
            paramLabel = "onnx",
            defaultValue = "onnx",
            description = "The format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE.onnx",
            description = "The file to write (- for standard output).")
    Path out;

    @Option(names = "--overwrite", description = "Replace an existing --out file.")
    boolean overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (!format.equals("onnx")) {
            throw new UsageError("--format must be onnx, got '" + format + "'");
        }
        OutputFile target = OutputFile.check(out, model, overwrite, "the export", "ensemble.onnx");
        SavedEnsemble ensemble = SavedEnsemble.load(model, Backends.best());
        byte[] graph = OnnxExport.toBytes(ensemble);
        spec.commandLine().getOut().flush();
        target.write(o -> o.write(graph));
        (target.isStandardOutput()
                        ? spec.commandLine().getErr()
                        : spec.commandLine().getOut())
                .printf(
                        "wrote %s (ONNX opset %d, %d members, %d bytes): %s; %s%n",
                        out,
                        OnnxExport.OPSET,
                        ensemble.networks().size(),
                        graph.length,
                        inputs(ensemble),
                        ensemble.task()
                                .exportedOutputs(
                                        ensemble.manifest().classNames().size()));
    }

    /** The graph's inputs: one float tensor of raw rows, or one per column of a table with text columns. */
    private static String inputs(SavedEnsemble e) {
        int[] s = e.manifest().inputShape();
        int raw = e.manifest().preprocessing().rawWidth(s[0] * s[1] * s[2]);
        return OnnxExport.textColumns(e.manifest())
                .map(c -> {
                    List<String> each = new ArrayList<>();
                    for (int j = 0; j < c.names().size(); j++) {
                        each.add("'" + c.names().get(j) + "' ("
                                + (c.types().get(j) == ColumnType.NUMERIC ? "float" : "string") + " [N, 1])");
                    }
                    return "inputs " + String.join(", ", each);
                })
                .orElse("input 'input' [N, " + raw + "]");
    }
}
