package io.clusterdeck.app.designer;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.bundle.Sha256;
import io.clusterdeck.design.Function;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScannedBundlesTest {
    private static final Path DESIGNS = Path.of("..", "designs").toAbsolutePath().normalize();
    private static final Path EXAMPLES = Path.of("..", "examples", "target", "clusterdeck-examples.jar").toAbsolutePath().normalize();

    @Test
    void importedBundleIsNamedAfterItsJarWithAPathRelativeToTheDesignAndItsHash() throws IOException {
        var imported = new ScannedBundles().scan(EXAMPLES, DESIGNS);

        assertThat(imported.bundle().name()).isEqualTo("clusterdeck-examples");
        assertThat(imported.bundle().path()).isEqualTo("../examples/target/clusterdeck-examples.jar");
        assertThat(imported.bundle().sha256()).isEqualTo(Sha256.of(EXAMPLES));
        assertThat(imported.functions()).extracting(Function::name)
                .containsExactly("account/whoami", "pricing/quote", "pricing/rates", "pricing/tax", "text/wordcount");
        assertThat(imported.functions()).allSatisfy(f -> assertThat(f.java().bundle()).isEqualTo("clusterdeck-examples"));
    }

    @Test
    void designWithoutAFileKeepsTheJarsAbsolutePath() throws IOException {
        var imported = new ScannedBundles().scan(EXAMPLES, null);

        assertThat(imported.bundle().path()).isEqualTo(EXAMPLES.toString());
    }

    @Test
    void jarNamesBecomeValidBundleNames() {
        assertThat(ScannedBundles.bundleName(Path.of("Clusterdeck_Examples-1.0.jar"))).isEqualTo("clusterdeck-examples-1-0");
        assertThat(ScannedBundles.bundleName(Path.of("2024-tools.jar"))).isEqualTo("tools");
        assertThat(ScannedBundles.bundleName(Path.of("___.jar"))).isEqualTo("bundle");
    }
}
