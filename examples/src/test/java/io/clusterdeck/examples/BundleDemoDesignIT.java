package io.clusterdeck.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.bundle.BundleScanner;
import io.clusterdeck.cli.Main;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.design.Segment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** designs/bundle-demo.json stays in step with the example bundle it runs. */
class BundleDemoDesignIT {
    private static final Path DESIGN = Path.of(System.getProperty("designs.dir", "../designs"), "bundle-demo.json");

    private final Design design = DesignFiles.load(DESIGN).orThrow();

    @Test
    void demoIsValidAndNamesTheBuiltBundle() throws IOException {
        var bundle = design.bundles().get(0);

        assertThat(design.validate()).isEmpty();
        assertThat(Files.isSameFile(DESIGN.getParent().resolve(bundle.path()), ExampleBundleIT.JAR)).isTrue();
    }

    @Test
    void demoDeclaresEveryFunctionExactlyAsTheBundleDoes() {
        var bundle = design.bundles().get(0);

        var scanned = BundleScanner.scan(bundle.name(), DESIGN.getParent().resolve(bundle.path()));

        assertThat(design.functions()).containsExactlyElementsOf(scanned);
    }

    @Test
    void quoteCallsTaxInAnotherSegment() {
        var quote = design.function("pricing/quote").orElseThrow();

        assertThat(quote.calls()).containsExactly("pricing/tax");
        assertThat(design.segmentOf("pricing/quote")).map(Segment::name).hasValue("storefront");
        assertThat(design.segmentOf("pricing/tax")).map(Segment::name).hasValue("finance");
    }

    @Test
    void validateCommandAcceptsTheDemo() {
        var out = new StringWriter();
        var err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("validate", DESIGN.toString());

        assertThat(err.toString()).isEmpty();
        assertThat(exit).isEqualTo(Main.OK);
        assertThat(out.toString()).isEqualTo(DESIGN + ": valid: 5 functions in 2 segments, 6 processes\n");
    }
}
