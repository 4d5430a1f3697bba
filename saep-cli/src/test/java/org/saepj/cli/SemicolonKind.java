package org.saepj.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.saepj.DataException;
import org.saepj.data.Dataset;
import org.saepj.data.Fingerprint;
import org.saepj.data.Shape;
import org.saepj.data.SourceData;
import org.saepj.data.io.InputFiles;
import org.saepj.data.source.ReadSettings;
import org.saepj.data.source.SourceKind;

/**
 * A source kind that exists only in the test sources ({@code semi:FILE}: lines of semicolon-separated numbers, the
 * class name last), registered by a services file of the test resources that {@link PluginSourceKindTest} puts on
 * the class path: this one file and that one line are all it takes.
 */
public final class SemicolonKind implements SourceKind {
    @Override
    public String id() {
        return "semi";
    }

    @Override
    public String location() {
        return "FILE";
    }

    @Override
    public String help() {
        return "test kind: lines of semicolon-separated numbers, the class name last";
    }

    @Override
    public SourceData read(Path path, ReadSettings settings) {
        byte[] bytes = InputFiles.readAll(path, "");
        List<float[]> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(";");
            float[] row = new float[cells.length - 1];
            for (int j = 0; j < row.length; j++) {
                row[j] = Float.parseFloat(cells[j].trim());
            }
            if (!rows.isEmpty() && row.length != rows.get(0).length) {
                throw new DataException(path + ": line " + (rows.size() + 1) + " has " + row.length + " features");
            }
            String label = cells[cells.length - 1].trim();
            if (!names.contains(label)) {
                names.add(label);
            }
            rows.add(row);
            labels.add(names.indexOf(label));
        }
        int d = rows.get(0).length;
        float[] x = new float[rows.size() * d];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x, i * d, d);
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        Dataset data = new Dataset(path.getFileName().toString(), x, y, Shape.vector(d), names);
        return new SourceData(
                path.getFileName().toString(),
                id() + ":" + path,
                data,
                Optional.empty(),
                Fingerprint.sha256Hex(bytes),
                false);
    }
}
