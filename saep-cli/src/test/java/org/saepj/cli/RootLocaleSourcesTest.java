package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build's guard against numbers that follow the JVM's locale (issue 26, defect 13: {@code 0,517733} under a German
 * locale): it reads the main sources of saep-core, saep-cli and saep-spark and fails naming each file:line that formats
 * without {@link java.util.Locale#ROOT}.
 *
 * <p>The rules: {@code String.format} names {@code Locale.ROOT} first; {@code formatted}, argument-less
 * {@code toLowerCase}/{@code toUpperCase}, {@code Formatter}, {@code NumberFormat}, {@code DecimalFormat} and
 * {@code MessageFormat} are not used; {@code printf}/{@code format} on a writer names {@code Locale.ROOT}, except in
 * saep-cli, whose writers are all {@link org.saepj.cli.display.RootLocaleWriter}s: there every {@code new PrintWriter}
 * or {@code new PrintStream} is wrapped in one, and {@code System.out}/{@code System.err} are not formatted on.
 */
class RootLocaleSourcesTest {
    private static final String ROOT = "\\s*(?:java\\.util\\.)?Locale\\s*\\.\\s*ROOT\\b";
    private static final Pattern STRING_FORMAT = Pattern.compile("\\bString\\s*\\.\\s*format\\s*\\(");
    private static final Pattern WRITER_FORMAT =
            Pattern.compile("(?<!\\bString)\\.\\s*(?:printf\\s*\\(|format\\s*\\(\\s*\")");
    private static final Pattern SYSTEM_FORMAT =
            Pattern.compile("\\bSystem\\s*\\.\\s*(?:out|err)\\s*\\.\\s*(?:printf|format)\\s*\\(");
    private static final Pattern FORBIDDEN = Pattern.compile("\\.\\s*formatted\\s*\\("
            + "|\\.\\s*to(?:Lower|Upper)Case\\s*\\(\\s*\\)"
            + "|\\bnew\\s+(?:java\\.util\\.)?Formatter\\s*\\(|\\b(?:NumberFormat|DecimalFormat|MessageFormat)\\b");
    private static final Pattern NEW_WRITER =
            Pattern.compile("\\bnew\\s+(?:java\\.io\\.)?Print(?:Writer|Stream)\\s*\\(");
    private static final Pattern WRAPPED = Pattern.compile("RootLocaleWriter\\s*\\.\\s*of\\s*\\(\\s*$");

    @Test
    void everyNumberIsFormattedInTheRootLocale() throws IOException {
        List<String> found = new ArrayList<>();
        for (String module : List.of("saep-core", "saep-cli", "saep-spark")) {
            Path sources = Path.of("..", module, "src", "main", "java");
            assertThat(sources).as("run from a module of the project").isDirectory();
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java"))
                        .sorted()
                        .toList()) {
                    for (String problem : problems(Files.readString(f), module.equals("saep-cli"))) {
                        found.add(Path.of("..").relativize(f) + ":" + problem);
                    }
                }
            }
        }
        assertThat(found)
                .as("formatting that follows the JVM's locale: give it Locale.ROOT")
                .isEmpty();
    }

    /** The scanner finds what it is meant to find: without this, an empty result would prove nothing. */
    @Test
    void theScannerSeesEachKindOfCall() {
        String code = """
                class A {
                    // String.format("%.2f", x) in a comment is no call
                    String a = String.format("%.4f", x);
                    String b = String.format(Locale.ROOT, "%.4f", x) + String.format(java.util.Locale.ROOT, "%d", 1);
                    String c = "%.2f".formatted(x) + s.toLowerCase() + s.toLowerCase(Locale.ROOT);
                    void p() { out.printf("%.1f%n", x); out.printf(Locale.ROOT, "%d", 1); System.err.printf("%d", 1); }
                    PrintWriter w = new PrintWriter(System.out, true);
                    PrintWriter r = RootLocaleWriter.of(new PrintWriter(System.out, true));
                    String s = "String.format(\\"%d\\", 1) in a string is no call";
                }
                """;
        assertThat(problems(code, false))
                .containsExactly(
                        "3: String.format without Locale.ROOT",
                        "5: not in the root locale",
                        "5: not in the root locale",
                        "6: printf/format without Locale.ROOT",
                        "6: printf/format without Locale.ROOT");
        assertThat(problems(code, true))
                .containsExactly(
                        "3: String.format without Locale.ROOT",
                        "5: not in the root locale",
                        "5: not in the root locale",
                        "6: System.out/err formatted without Locale.ROOT",
                        "7: a writer that is not a RootLocaleWriter");
    }

    /**
     * @param source a Java source file
     * @param cli whether it is in saep-cli, whose writers format in the root locale themselves
     * @return "line: problem" for each call that formats in the JVM's locale
     */
    static List<String> problems(String source, boolean cli) {
        String code = codeOnly(source);
        List<String> out = new ArrayList<>();
        check(code, STRING_FORMAT, true, "String.format without Locale.ROOT", out);
        check(code, FORBIDDEN, false, "not in the root locale", out);
        if (cli) {
            check(code, SYSTEM_FORMAT, true, "System.out/err formatted without Locale.ROOT", out);
            Matcher m = NEW_WRITER.matcher(code);
            while (m.find()) {
                if (!WRAPPED.matcher(code.substring(0, m.start())).find()) {
                    out.add(line(code, m.start()) + ": a writer that is not a RootLocaleWriter");
                }
            }
        } else {
            check(code, WRITER_FORMAT, true, "printf/format without Locale.ROOT", out);
        }
        out.sort(java.util.Comparator.comparingInt(s -> Integer.parseInt(s.substring(0, s.indexOf(':')))));
        return out;
    }

    private static void check(String code, Pattern call, boolean rootAllowed, String problem, List<String> out) {
        Matcher m = call.matcher(code);
        while (m.find()) {
            String after = code.substring(m.end());
            if (!rootAllowed || !after.matches("(?s)" + ROOT + ".*")) {
                out.add(line(code, m.start()) + ": " + problem);
            }
        }
    }

    private static int line(String code, int offset) {
        int n = 1;
        for (int i = 0; i < offset; i++) {
            if (code.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The source with comments and the insides of string and character literals blanked, line breaks kept. */
    static String codeOnly(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    b.append(' ');
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                for (; i < end; i++) {
                    b.append(s.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (c == '"' || c == '\'') {
                // A text block's quotes pair up like three literals; its lines break as any other line does.
                b.append(c);
                i++;
                while (i < s.length() && s.charAt(i) != c) {
                    if (s.charAt(i) == '\\') {
                        b.append(' ');
                        i++;
                    }
                    if (i < s.length()) {
                        b.append(s.charAt(i) == '\n' ? '\n' : ' ');
                        i++;
                    }
                }
                if (i < s.length()) {
                    b.append(c);
                    i++;
                }
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }
}
