package org.saepj.cli.data;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.saepj.cli.UsageError;
import org.saepj.cli.output.Invocation;
import org.saepj.data.TargetAnalysis;
import org.saepj.data.image.ImageOptions;
import org.saepj.data.image.ImageSize;
import org.saepj.data.io.CsvReader;
import org.saepj.data.io.DecodedCache;
import org.saepj.data.source.DataSources;
import org.saepj.data.source.DatasetLocator;
import org.saepj.data.source.ReadSettings;
import org.saepj.data.source.RemoteFiles;
import org.saepj.data.table.ColumnType;
import org.saepj.data.table.TableOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options shared by every command that reads data: where known datasets live, how CSV is read and images sized. */
public final class DataOptions {
    @Mixin
    public DataDirOption where = new DataDirOption();

    @Option(
            names = "--label-column",
            paramLabel = "NAME|INDEX",
            description = "CSV label column by name or 0-based index (default: last).")
    public String labelColumn;

    @Option(
            names = "--header",
            paramLabel = "yes|no|auto",
            defaultValue = "auto",
            description = "Whether CSV files have a header row (default: ${DEFAULT-VALUE}).")
    public String header;

    @Option(
            names = "--image-size",
            paramLabel = "HxW",
            description = "Resize every image of an images: folder to this"
                    + " height and width (default: the images' own size, which must then be the same for all).")
    public String imageSize;

    /** The command this mixin is part of: its error stream takes the warnings about skipped image files. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--column-types",
            paramLabel = "NAME=TYPE,...",
            split = ",",
            description = "Fix CSV column types"
                    + " instead of inferring them from the training file: numeric, boolean or categorical"
                    + " (e.g. zip=categorical,rooms=numeric).")
    public java.util.List<String> columnTypes = new java.util.ArrayList<>();

    @Option(
            names = "--missing-values",
            paramLabel = "TEXT,...",
            split = ",",
            description = "CSV cells read as gaps"
                    + " (default: NA,NaN,?,null; an empty cell always is); gaps are filled with the training"
                    + " median or most"
                    + " frequent value.")
    public java.util.List<String> missingValues;

    @Option(
            names = "--ignore-columns",
            paramLabel = "NAME|INDEX,...",
            split = ",",
            description = "CSV columns to leave" + " out (IDs, free text), by name or 0-based index.")
    public java.util.List<String> ignoreColumns = new java.util.ArrayList<>();

    @Option(
            names = "--delimiter",
            paramLabel = "CHAR",
            description = "CSV delimiter: ',', ';', 'tab' or any one"
                    + " character (default: detected among comma, semicolon and tab).")
    public String delimiter;

    @Option(
            names = "--task",
            paramLabel = "classification|regression",
            description = "What the label column is"
                    + " (default: decided from it: decimals, or more than 20 whole numbers that are also more"
                    + " than 5%% of the"
                    + " rows, make a regression target).")
    public String task;

    /**
     * Takes the data options a resumed search was started with; only --data-dir may be given again (the
     * data moved), since the data's fingerprint is checked against the run's.
     *
     * @param inv the stored invocation
     */
    public void restore(Invocation inv) {
        if (where.dataDir == null && inv.dataDir() != null) {
            where.dataDir = Path.of(inv.dataDir());
        }
        labelColumn = inv.labelColumn();
        if (inv.header() != null) {
            header = inv.header();
        }
        if (inv.imageSize() != null) {
            imageSize = inv.imageSize();
        }
        if (inv.table() != null) {
            columnTypes = inv.table().columnTypes();
            missingValues = inv.table().missingValues();
            ignoreColumns = inv.table().ignoreColumns();
            delimiter = inv.table().delimiter();
            task = inv.table().task();
        }
    }

    /** @return the table options as typed, for a run to store */
    public Invocation.TableArgs tableArgs() {
        return new Invocation.TableArgs(columnTypes, missingValues, ignoreColumns, delimiter, task);
    }

    /** @return --column-types, --missing-values, --ignore-columns, --delimiter and --task as the reader takes them */
    public TableOptions tableOptions() {
        java.util.Map<String, ColumnType> types = new java.util.LinkedHashMap<>();
        for (String pair : columnTypes) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? "" : pair.substring(0, eq).trim();
            java.util.Optional<ColumnType> type =
                    eq < 0 ? java.util.Optional.empty() : ColumnType.of(pair.substring(eq + 1));
            if (name.isEmpty() || type.isEmpty()) {
                throw new UsageError("--column-types: '" + pair + "': expected NAME=TYPE with TYPE numeric, boolean or"
                        + " categorical");
            }
            types.put(name, type.get());
        }
        Character delim = null;
        if (delimiter != null) {
            String d = delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t") ? "\t" : delimiter;
            if (d.length() != 1 || d.equals("\"") || d.equals("\n") || d.equals("\r")) {
                throw new UsageError(
                        "--delimiter: '" + delimiter + "': expected one character such as ',', ';'" + " or tab");
            }
            delim = d.charAt(0);
        }
        TargetAnalysis.Task fixed = null;
        if (task != null) {
            fixed = TargetAnalysis.Task.of(task)
                    .orElseThrow(() ->
                            new UsageError("--task must be classification or" + " regression, got '" + task + "'"));
        }
        return new TableOptions(
                missingValues == null ? TableOptions.DEFAULT_MISSING : missingValues,
                types,
                ignoreColumns,
                delim,
                fixed);
    }

    /** @return the locator following --data-dir and the standard search order */
    public DatasetLocator locator() {
        return where.locator();
    }

    /** @return the data sources configured by these options, local paths only */
    public DataSources sources() {
        return sources(RemoteFiles.none());
    }

    /**
     * @param remote how sources on other file systems are read ({@code --spark}'s)
     * @return the data sources configured by these options
     */
    public DataSources sources(RemoteFiles remote) {
        return new DataSources(
                locator(), new ReadSettings(csvOptions(), DecodedCache.standard(), imageOptions()), remote);
    }

    /**
     * The sources a saved ensemble scores: an images: folder is converted to the ensemble's input (its size unless
     * --image-size says otherwise, its channels).
     *
     * @param inputShape the ensemble's input, {height, width, channels}
     * @return the data sources, local paths only
     */
    public DataSources sourcesFor(int[] inputShape) {
        Optional<ImageOptions> converted = imagesFor(inputShape);
        if (converted.isEmpty()) {
            return sources();
        }
        ImageOptions toModel = converted.get();
        if (imageSize != null) {
            toModel = toModel.withSize(imageOptions().size());
        }
        return new DataSources(
                locator(), new ReadSettings(csvOptions(), DecodedCache.standard(), toModel), RemoteFiles.none());
    }

    /**
     * @param inputShape a saved ensemble's input, {height, width, channels}
     * @return image files converted to that input, warnings to the command's error stream; empty when the ensemble
     *     does not take images of 1 or 3 channels
     */
    public Optional<ImageOptions> imagesFor(int[] inputShape) {
        boolean image = (inputShape[0] > 1 || inputShape[1] > 1) && (inputShape[2] == 1 || inputShape[2] == 3);
        return image ? Optional.of(ImageOptions.toInput(inputShape, this::warn)) : Optional.empty();
    }

    /** @return --image-size as the image readers take it, their warnings to the command's error stream */
    public ImageOptions imageOptions() {
        Optional<ImageSize> size;
        try {
            size = Optional.ofNullable(imageSize).map(ImageSize::parse);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--image-size: " + e.getMessage());
        }
        return new ImageOptions(size, Optional.empty(), this::warn);
    }

    /** @param line a warning of a reader, to the command's error stream */
    public void warn(String line) {
        PrintWriter err = mixee == null
                ? org.saepj.cli.display.RootLocaleWriter.of(new PrintWriter(System.err, true))
                : mixee.commandLine().getErr();
        err.println("warning: " + line);
        err.flush();
    }

    /** @return --header, --label-column and the table options as the CSV reader takes them */
    public CsvReader.Options csvOptions() {
        Optional<Boolean> hasHeader = switch (header) {
            case "yes", "true" -> Optional.of(true);
            case "no", "false" -> Optional.of(false);
            case "auto" -> Optional.empty();
            default -> throw new UsageError("--header must be yes, no or auto, got '" + header + "'");
        };
        return new CsvReader.Options(hasHeader, Optional.ofNullable(labelColumn), tableOptions(), Optional.empty());
    }
}
