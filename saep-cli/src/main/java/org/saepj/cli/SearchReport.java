package org.saepj.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.saepj.ensemble.Member;
import org.saepj.persistence.AtomicFiles;
import org.saepj.pruning.PruneDecision;
import org.saepj.search.CandidateRecord;
import org.saepj.search.IterationRecord;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchResult;

/** Writes a search's {@code report.json} (schema version 1) and {@code iterations.csv}; see docs/FORMATS.md. */
final class SearchReport {
    /** The report schema version. */
    static final int SCHEMA_VERSION = 2;

    private SearchReport() {
    }

    static ObjectNode config(SearchConfig c) {
        ObjectNode n = Json.object();
        n.put("data", c.dataset());
        if (c.pair() == null) {
            n.putNull("pair");
        } else {
            n.putArray("pair").add(c.pair()[0]).add(c.pair()[1]);
        }
        n.put("folds", c.folds());
        n.put("testFraction", c.testFraction());
        if (c.space() == null) {
            n.put("model", c.model().id());
        } else {
            n.put("model", "space");
            n.set("space", Json.MAPPER.valueToTree(c.space()));
        }
        n.put("method", c.criterion().id());
        ObjectNode parameters = n.putObject("criterionParameters");
        c.criterion().parameters().forEach((k, v) -> Json.put(parameters, k, v));
        n.put("mixture", c.mixture().id());
        n.put("lambda", c.lambda());
        n.put("beta", c.beta());
        n.put("iterations", c.iterations());
        n.put("steps", c.totalSteps());
        n.put("stepsPerIteration", c.stepsPerIteration());
        n.put("batch", c.batchSize());
        n.put("lr", c.learningRate());
        n.put("width", c.width());
        n.put("seed", c.seed());
        n.put("threads", c.threads());
        n.put("selection", c.selection().toString());
        n.put("stopWhenNoImprovement", c.stopping().whenNoImprovement());
        n.put("maxSeconds", c.stopping().maxSeconds());
        return n;
    }

    static ObjectNode report(SearchResult r) {
        ObjectNode root = Json.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.set("config", config(r.config()));
        if (r.stoppedEarly() == null) {
            root.putNull("stoppedEarly");
        } else {
            root.putObject("stoppedEarly").put("iterationsRun", r.iterations().size()).put("reason", r.stoppedEarly());
        }
        ObjectNode ds = root.putObject("dataset");
        ds.put("name", r.dataset().name());
        ds.put("source", r.dataset().source());
        ArrayNode classes = ds.putArray("classes");
        r.dataset().classes().forEach(classes::add);
        ds.put("trainSize", r.dataset().trainSize());
        ds.put("selectionSize", r.dataset().selectionSize());
        ds.put("testSize", r.dataset().testSize());
        if (r.dataset().pair() == null) {
            ds.putNull("pair");
        } else {
            ds.putArray("pair").add(r.dataset().pair()[0]).add(r.dataset().pair()[1]);
        }
        ds.put("partition", r.dataset().partition());
        ds.put("sha256", r.dataset().sha256());

        ObjectNode fin = root.putObject("final");
        Json.put(fin, "testAccuracy", r.metrics().testAccuracy());
        Json.put(fin, "testLoss", r.metrics().testLoss());
        fin.put("ensembleSize", r.metrics().ensembleSize());
        fin.put("parameters", r.metrics().parameters());
        fin.set("diversity", Json.diversity(r.metrics().diversity()));
        fin.set("nmiWithLabels", Json.array(r.metrics().nmiWithLabels()));
        fin.set("viMatrix", Json.matrix(r.metrics().viMatrix()));
        Json.put(fin, "inferenceSamplesPerSecond", r.metrics().inferenceSamplesPerSecond());

        ArrayNode members = root.putArray("members");
        for (int j = 0; j < r.ensemble().size(); j++) {
            Member m = r.ensemble().members().get(j);
            ObjectNode n = members.addObject();
            n.put("id", m.id());
            n.put("iteration", m.iteration());
            n.put("kind", m.candidate().architecture().kind());
            n.put("depth", m.depth());
            n.put("architecture", m.candidate().architecture().toString());
            Json.put(n, "weight", r.ensemble().weights()[j]);
            n.put("parameters", m.network().parameterCount());
        }

        ArrayNode iterations = root.putArray("iterations");
        for (IterationRecord it : r.iterations()) {
            iterations.add(iteration(it));
        }
        ObjectNode timing = root.putObject("timing");
        Json.put(timing, "totalSeconds", r.timing().totalSeconds());
        Json.put(timing, "trainSeconds", r.timing().trainSeconds());
        Json.put(timing, "searchOverheadSeconds", r.timing().searchOverheadSeconds());
        ObjectNode prov = root.putObject("provenance");
        prov.put("version", r.provenance().version());
        prov.put("gitCommit", r.provenance().gitCommit());
        prov.put("java", r.provenance().java());
        prov.put("engine", r.provenance().engine());
        prov.put("executor", r.provenance().executor());
        prov.put("threads", r.provenance().threads());
        prov.put("startedAt", r.provenance().startedAt());
        return root;
    }

    static ObjectNode iteration(IterationRecord it) {
        ObjectNode n = Json.object();
        n.put("iteration", it.iteration());
        ArrayNode pruned = n.putArray("pruned");
        it.pruned().forEach(pruned::add);
        n.set("pruneDetails", pruneDetails(it.pruneDecision()));
        ArrayNode cands = n.putArray("candidates");
        for (CandidateRecord c : it.candidates()) {
            ObjectNode cn = cands.addObject();
            cn.put("name", c.name());
            cn.put("depth", c.depth());
            Json.put(cn, "objective", c.objective());
            Json.put(cn, "trainLoss", c.trainLoss());
            cn.put("selected", c.selected());
            if (c.divergence() != null) {
                cn.put("divergence", c.divergence());
            }
        }
        n.put("selected", it.selected());
        n.put("ensembleSize", it.ensembleSize());
        ArrayNode ids = n.putArray("memberIds");
        it.memberIds().forEach(ids::add);
        ArrayNode depths = n.putArray("memberDepths");
        it.memberDepths().forEach(depths::add);
        n.set("weights", Json.array(it.weights()));
        Json.put(n, "selectionObjective", it.selectionObjective());
        Json.put(n, "testAccuracy", it.testAccuracy());
        n.set("diversity", Json.diversity(it.diversity()));
        Json.put(n, "trainSeconds", it.trainSeconds());
        Json.put(n, "seconds", it.seconds());
        return n;
    }

    /** The criterion's numbers; positions index the ensemble before pruning. */
    static ObjectNode pruneDetails(PruneDecision d) {
        ObjectNode n = Json.object();
        n.put("criterion", d.criterion());
        d.details().values().forEach((name, value) -> {
            if (value instanceof Double x) {
                Json.put(n, name, x);
            } else if (value instanceof Integer i) {
                n.put(name, i);
            } else if (value instanceof Boolean b) {
                n.put(name, b);
            } else if (value instanceof double[] xs) {
                n.set(name, Json.array(xs));
            } else if (value instanceof int[] is) {
                ArrayNode a = n.putArray(name);
                for (int i : is) {
                    a.add(i);
                }
            }
        });
        ArrayNode removed = n.putArray("removedPositions");
        d.removed().forEach(removed::add);
        return n;
    }

    static void writeCsv(Path file, List<IterationRecord> iterations) {
        AtomicFiles.write(file, out -> {
            try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180.builder()
                    .setHeader("iteration", "selected", "ensemble_size", "member_ids", "member_depths", "pruned",
                            "selection_objective", "test_accuracy", "disagreement", "train_seconds", "seconds").get())) {
                for (IterationRecord it : iterations) {
                    csv.printRecord(it.iteration(), it.selected(), it.ensembleSize(), join(it.memberIds()), join(it.memberDepths()),
                            join(it.pruned()), num(it.selectionObjective()), num(it.testAccuracy()), num(it.diversity().disagreement()),
                            num(it.trainSeconds()), num(it.seconds()));
                }
            }
        });
    }

    private static String join(List<Integer> values) {
        return String.join(" ", values.stream().map(String::valueOf).toList());
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.valueOf(v) : "";
    }

    static void writeJson(Path file, ObjectNode node) {
        AtomicFiles.writeString(file, Json.pretty(node));
    }
}
