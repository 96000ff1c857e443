package io.clusterdeck.app.designer;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.design.WorkerCount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DesignTextTest {
    private static final Path DESIGNS = Path.of("..", "designs");

    @ParameterizedTest
    @ValueSource(strings = {"webshop.json", "failover-lab.json", "hello.json", "bundle-demo.json"})
    void anUnchangedDesignIsWrittenExactlyAsTheUserWroteIt(String example) throws IOException {
        var text = Files.readString(DESIGNS.resolve(example));

        assertThat(DesignText.of(DesignFiles.parse(text, example).orThrow(), text)).isEqualTo(text);
    }

    @Test
    void oneChangedWorkerCountChangesOneLine() throws IOException {
        var text = Files.readString(DESIGNS.resolve("webshop.json"));
        var design = DesignFiles.parse(text, "webshop.json").orThrow()
                .withSegment("orders", s -> s.withWorkers(WorkerCount.of(4)));

        var saved = DesignText.of(design, text);

        assertThat(changedLines(text, saved)).containsExactly("      \"workers\": 4,");
        assertThat(DesignFiles.parse(saved, "webshop.json").orThrow()).isEqualTo(design);
    }

    @Test
    void aNewFunctionIsWrittenWithoutTheDefaultsAndOnTheLinesItNeeds() throws IOException {
        var text = Files.readString(DESIGNS.resolve("failover-lab.json"));
        var model = DesignFiles.parse(text, "failover-lab.json").orThrow();
        var added = new ArrayList<>(model.functions());
        added.add(io.clusterdeck.design.Function.simulated("api/ping", io.clusterdeck.design.Access.PUBLIC,
                new io.clusterdeck.design.Simulation(1.0, null, null, null)));
        var design = model.withFunctions(added).withSegment("api", s -> s.withFunction("api/ping"));

        var saved = DesignText.of(design, text);

        assertThat(changedLines(text, saved)).containsExactlyInAnyOrder(
                "    },",
                "    {",
                "      \"name\": \"api/ping\",",
                "      \"access\": \"public\",",
                "      \"simulate\": { \"cpuMs\": 1 }",
                "      \"functions\": [\"api/quote\", \"api/order\", \"api/ping\"],");
        assertThat(DesignFiles.parse(saved, "failover-lab.json").orThrow()).isEqualTo(design);
    }

    @Test
    void withoutAPreviousTextDefaultsAreLeftOutAndTheTextReadsBackAsTheDesign() {
        var design = Templates.starter();

        var saved = DesignText.of(design, null);

        assertThat(saved).doesNotContain("\"gateway\"", "\"ports\"", "\"restart\"", "\"idempotent\": false");
        assertThat(DesignFiles.parse(saved, "starter.json").orThrow()).isEqualTo(design);
    }

    /** The lines of {@code after} that {@code before} does not have, in order. */
    private static List<String> changedLines(String before, String after) {
        var old = new ArrayList<>(before.lines().toList());
        var changed = new ArrayList<String>();
        for (var line : after.lines().toList()) {
            if (!old.remove(line)) {
                changed.add(line);
            }
        }
        return changed;
    }
}
