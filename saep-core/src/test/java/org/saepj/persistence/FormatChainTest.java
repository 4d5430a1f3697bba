package org.saepj.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.saepj.FileException;

/** A file kind's chain: checks the version, refuses a newer one in one line, and applies the steps in order. */
class FormatChainTest {
    private static final Path FILE = Path.of("dir", "thing.json");

    private static ObjectNode tree(String json) throws Exception {
        return (ObjectNode) JsonFormat.mapper().readTree(json);
    }

    @Test
    void anOldFileGoesThroughEveryLaterStepInOrderAndKeepsItsVersion() throws Exception {
        List<String> ran = new ArrayList<>();
        FormatChain chain = FormatChain.of("thing", "formatVersion", 4)
                .step(4, (f, t) -> ran.add("to 4"))
                .step(2, (f, t) -> t.put("two", true))
                .step(3, (f, t) -> ran.add("to 3 after two=" + t.path("two").asBoolean()));
        ObjectNode read = chain.read(FILE, tree("{\"formatVersion\": 1}"));
        assertThat(ran).containsExactly("to 3 after two=true", "to 4");
        assertThat(read.get("formatVersion").asInt()).isEqualTo(1);
        ran.clear();
        chain.read(FILE, tree("{\"formatVersion\": 3}"));
        assertThat(ran).containsExactly("to 4");
        ran.clear();
        chain.read(FILE, tree("{\"formatVersion\": 4}"));
        assertThat(ran).isEmpty();
    }

    @Test
    void aNewerFileIsRefusedNamingTheFileItsVersionAndTheNewestRead() {
        FormatChain chain = FormatChain.of("thing", "schemaVersion", 3);
        assertThatThrownBy(() -> chain.read(FILE, tree("{\"schemaVersion\": 7}")))
                .isInstanceOf(FileException.class)
                .hasMessage(FILE + ": schema version 7 is newer than this build reads (3): upgrade SAEP-J");
    }

    @Test
    void aMissingOrMalformedVersionIsRefusedUnlessTheKindOnceHadNone() throws Exception {
        FormatChain chain = FormatChain.of("thing", "formatVersion", 2);
        for (String json : List.of("{}", "{\"formatVersion\": 1.5}", "{\"formatVersion\": \"2\"}")) {
            assertThatThrownBy(() -> chain.read(FILE, tree(json)))
                    .as(json)
                    .hasMessage(FILE + ": formatVersion must be a whole number: not a SAEP-J thing");
        }
        assertThatThrownBy(() -> chain.read(FILE, tree("{\"formatVersion\": 0}")))
                .hasMessage(FILE + ": invalid format version 0");
        assertThatThrownBy(() -> chain.read(FILE, JsonFormat.mapper().readTree("[1]")))
                .hasMessage(FILE + ": not a JSON object: not a SAEP-J thing");
        List<Integer> upgraded = new ArrayList<>();
        FormatChain older = chain.absentMeans(1).step(2, (f, t) -> upgraded.add(1));
        older.read(FILE, tree("{}"));
        assertThat(upgraded).containsExactly(1);
        assertThat(older.version(FILE, tree("{}"))).isEqualTo(1);
    }
}
