package org.saepj.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The examples at the foot of every command's {@code --help}, kept in one place so they read as one manual, and
 * the top-level help's list of what the launcher adds ({@code ./saep test}, {@code ./saep bench}) and of the exit
 * codes ({@link ErrorKind}).
 */
final class HelpExamples {
    private static final Map<String, List<String>> EXAMPLES = new LinkedHashMap<>();

    static {
        // Each entry is one command; a line over 76 columns is continued with a backslash, as in a shell.
        EXAMPLES.put(
                "saep",
                List.of(
                        "saep demo                       # AdaNet and SAEP on Fashion-MNIST",
                        "saep search --data csv:iris.csv --method pie --out runs/iris",
                        "saep search --help              # each command has its own help"));
        EXAMPLES.put(
                "saep search",
                List.of(
                        "saep search --data fashion-mnist --method pie --out runs/pie",
                        "saep search --data csv:iris.csv --label-column species \\\n"
                                + "    --method topk --max-members 3 --out runs/iris",
                        "saep search --data fashion-mnist --model cnn --selection holdout:0.1 \\\n"
                                + "    --max-time 20m --out runs/cnn",
                        "saep search --data fashion-mnist --threads 1 \\\n"
                                + "    --space examples/spaces/wide-and-deep.json \\\n"
                                + "    --spark 'local-cluster[4,1,2048]' --out runs/wide  # candidates on Spark",
                        "saep search --resume runs/pie   # continue a stopped search"));
        EXAMPLES.put(
                "saep compare",
                List.of(
                        "saep compare --data fashion-mnist --methods adanet,pap,pie,single \\\n"
                                + "    --seeds 1,2,3 --out cmp",
                        "saep compare --data csv:iris.csv --methods adanet,topk,rnd \\\n"
                                + "    --max-members 3 --folds 5 --out cmp-iris",
                        "saep compare --data fashion-mnist --methods adanet,pap --threads 1 \\\n"
                                + "    --spark spark://HOST:7077 --out cmp  # each search a Spark task"));
        EXAMPLES.put(
                "saep evaluate",
                List.of(
                        "saep evaluate --model runs/pie/ensemble --data fashion-mnist",
                        "saep evaluate --model runs/iris/ensemble --data csv:new-iris.csv --json"));
        EXAMPLES.put(
                "saep predict",
                List.of(
                        "saep predict --model runs/iris/ensemble --data csv:new-iris.csv \\\n    --out predictions.csv",
                        "saep predict --model runs/iris/ensemble --data csv:unlabelled.csv \\\n"
                                + "    --label-column none --id-column id --out predictions.csv"));
        EXAMPLES.put(
                "saep prune",
                List.of(
                        "saep prune --model runs/adanet/ensemble --data fashion-mnist \\\n"
                                + "    --method topk --keep 3 --out pruned",
                        "saep prune --predictions members.csv --labels labels.csv --method pie"));
        EXAMPLES.put("saep export", List.of("saep export --model runs/pie/ensemble --out pie.onnx"));
        EXAMPLES.put(
                "saep inspect",
                List.of(
                        "saep inspect runs/pie           # members and the pruning history",
                        "saep inspect runs/pie/ensemble --json"));
        EXAMPLES.put(
                "saep datasets",
                List.of(
                        "saep datasets                   # where each known dataset is found",
                        "saep datasets fetch fashion-mnist",
                        "saep datasets show csv:iris.csv --label-column species"));
        EXAMPLES.put(
                "saep datasets fetch",
                List.of("saep datasets fetch fashion-mnist", "saep datasets --data-dir /data/saep fetch mnist"));
        EXAMPLES.put(
                "saep datasets show",
                List.of(
                        "saep datasets show fashion-mnist",
                        "saep datasets show csv:iris.csv --label-column species  # labels → indices"));
        EXAMPLES.put("saep demo", List.of("saep demo", "saep demo --seeds 1 --out demo-seed1"));
    }

    /** What the {@code ./saep} launcher runs itself, beside the jar's commands. */
    private static final List<String> LAUNCHER = List.of(
            "",
            "Launcher commands (./saep in the source tree):",
            "  test      Build and run the whole test suite (what CI runs).",
            "  bench     The engine benchmark against DJL/PyTorch:",
            "              ./saep bench [STEPS] [REPETITIONS]  (defaults 300 and 3)");

    private HelpExamples() {}

    /** @return every command's examples, by the command's qualified name ("saep search") */
    static Map<String, List<String>> all() {
        return java.util.Collections.unmodifiableMap(EXAMPLES);
    }

    /**
     * Puts the examples under every command's help, before what is already there (the criteria's list).
     *
     * @param cmd the root command line
     */
    static void install(CommandLine cmd) {
        String name = cmd.getCommandSpec().qualifiedName();
        List<String> examples = EXAMPLES.get(name);
        if (examples == null) {
            if (!name.equals("saep help")) {
                throw new IllegalStateException("no --help examples for '" + name + "'");
            }
        } else {
            CommandLine.Model.UsageMessageSpec usage = cmd.getCommandSpec().usageMessage();
            List<String> footer = new ArrayList<>(List.of("", "Examples:"));
            examples.forEach(e -> e.lines().forEach(line -> footer.add("  " + line)));
            if (name.equals("saep")) {
                footer.addAll(LAUNCHER);
                footer.addAll(ErrorKind.helpLines());
            }
            footer.addAll(List.of(usage.footer()));
            usage.footer(footer.toArray(String[]::new));
        }
        cmd.getSubcommands().values().forEach(HelpExamples::install);
    }
}
