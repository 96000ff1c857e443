package io.clusterdeck.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeck.design.Access;
import io.clusterdeck.design.Function;
import io.clusterdeck.design.JavaImplementation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleScannerTest {
    @TempDir
    static Path folder;
    static Path shop;

    @BeforeAll
    static void compileTheShop() throws IOException {
        shop = ShopBundle.jar(folder);
    }

    @Test
    void everyMarkedMethodBecomesAJavaFunctionSortedByName() {
        var functions = BundleScanner.scan("shop", shop);

        assertThat(functions).extracting(Function::name).containsExactly("catalog/add", "catalog/available",
                "catalog/broken", "catalog/count", "catalog/first", "catalog/stock");
        assertThat(functions.get(5)).isEqualTo(new Function("catalog/stock", "Units of an item in stock.",
                Access.PUBLIC, true, List.of(), null, new JavaImplementation("shop", "com.example.shop.Catalog", "stock")));
        assertThat(functions.get(1).calls()).containsExactly("catalog/stock");
        assertThat(functions.get(1).access()).isEqualTo(Access.PRIVATE);
        assertThat(functions.get(3).access()).isEqualTo(Access.PROTECTED);
    }

    @Test
    void scanningRunsNoCodeOfTheBundle() throws IOException {
        var jar = TestBundles.jar(folder, "loud.jar", Map.of("com.example.Loud", """
                package com.example;
                import io.clusterdeck.function.ClusterFunction;
                public class Loud {
                    static { if (true) throw new IllegalStateException("static code ran"); }
                    public Loud() { throw new IllegalStateException("constructor ran"); }
                    @ClusterFunction(name = "loud/shout") public String shout() { return "!"; }
                }
                """));

        assertThat(BundleScanner.scan("loud", jar)).extracting(Function::name).containsExactly("loud/shout");
    }

    @Test
    void paramNamesArgumentsOfABundleCompiledWithoutParameterNames() throws IOException {
        var jar = TestBundles.jar(folder, "plain.jar", false, Map.of("com.example.Plain", """
                package com.example;
                import io.clusterdeck.function.ClusterFunction;
                import io.clusterdeck.function.Param;
                public class Plain {
                    @ClusterFunction(name = "plain/echo")
                    public static String echo(@Param("text") String text) { return text; }
                }
                """));

        try (var bundle = BundleLoader.load("plain", jar, null)) {
            assertThat(bundle.invoker("plain/echo").orElseThrow().invoke(Map.of("text", "hi"), null)).isEqualTo("hi");
        }
    }

    @Test
    void parameterWithoutANameIsRefusedWithTheTwoWaysToNameIt() throws IOException {
        var jar = TestBundles.jar(folder, "nameless.jar", false, Map.of("com.example.Nameless", """
                package com.example;
                import io.clusterdeck.function.ClusterFunction;
                public class Nameless {
                    @ClusterFunction(name = "nameless/echo")
                    public static String echo(String text) { return text; }
                }
                """));

        assertThatThrownBy(() -> BundleScanner.scan("nameless", jar))
                .isInstanceOf(BundleException.class)
                .hasMessage("bundle 'nameless' (" + jar + "): com.example.Nameless.echo: parameter 1 (String) has no name;"
                        + " compile the bundle with 'javac -parameters' or annotate it with @Param");
    }

    @Test
    void everyBrokenFunctionIsNamedInOneMessage() throws IOException {
        var jar = TestBundles.jar(folder, "broken.jar", Map.of("com.example.Broken", """
                package com.example;
                import io.clusterdeck.function.ClusterFunction;
                public class Broken {
                    public Broken(int needed) { }
                    @ClusterFunction(name = "broken/hidden") static int hidden() { return 1; }
                    @ClusterFunction(name = "Not a name") public static int badName() { return 1; }
                    @ClusterFunction(name = "broken/twice") public static int one() { return 1; }
                    @ClusterFunction(name = "broken/twice") public static int two() { return 2; }
                    @ClusterFunction(name = "broken/instance") public int instance() { return 3; }
                }
                """));

        assertThatThrownBy(() -> BundleScanner.scan("broken", jar))
                .isInstanceOf(BundleException.class)
                .hasMessage("bundle 'broken' (" + jar + "): "
                        + "com.example.Broken.badName: name 'Not a name' is not a valid name: use parts of letters, digits,"
                        + " '-' and '_' separated by '/', each starting with a letter (orders/checkout); "
                        + "com.example.Broken.hidden: a cluster function must be a public method; "
                        + "com.example.Broken.instance: an instance method needs a public no-argument constructor in Broken;"
                        + " add one or make the method static; "
                        + "com.example.Broken.two: function 'broken/twice' is also defined by com.example.Broken.one");
    }

    @Test
    void missingJarIsNamedWithItsBundle() {
        Path missing = folder.resolve("missing.jar");

        assertThatThrownBy(() -> BundleScanner.scan("shop", missing))
                .isInstanceOf(BundleException.class)
                .hasMessage("bundle 'shop' (" + missing + "): no such file");
    }

    @Test
    void fileThatIsNotAJarIsRefused() throws IOException {
        Path text = Files.writeString(folder.resolve("text.jar"), "not a zip");

        assertThatThrownBy(() -> BundleScanner.scan("text", text))
                .isInstanceOf(BundleException.class)
                .hasMessageStartingWith("bundle 'text' (" + text + "): cannot read the jar: ");
    }
}
