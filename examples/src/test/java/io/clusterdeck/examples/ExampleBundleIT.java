package io.clusterdeck.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeck.bundle.BadArgumentsException;
import io.clusterdeck.bundle.BundleLoader;
import io.clusterdeck.bundle.BundleScanner;
import io.clusterdeck.bundle.LoadedBundle;
import io.clusterdeck.bundle.SegmentCalls;
import io.clusterdeck.bundle.Sha256;
import io.clusterdeck.design.Access;
import io.clusterdeck.design.Function;
import io.clusterdeck.design.JavaImplementation;
import io.clusterdeck.function.CallException;
import io.clusterdeck.function.FunctionContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The example bundle as the build packs it, scanned and run the way a worker loads it. */
class ExampleBundleIT {
    static final Path JAR = Path.of(System.getProperty("bundle.jar", "target/clusterdeck-examples.jar"));
    static LoadedBundle examples;

    @BeforeAll
    static void loadTheBuiltJar() throws IOException {
        examples = BundleLoader.load("examples", JAR, Sha256.of(JAR));
    }

    @AfterAll
    static void closeIt() {
        examples.close();
    }

    /** Every function of the bundle in this process, as standalone runs them. */
    private static Object call(String function, Map<String, ?> arguments) {
        return new SegmentCalls(examples.invokers(), null).call(function, arguments);
    }

    private static Object invoke(String function, Map<String, ?> arguments) {
        var context = new SegmentCalls(examples.invokers(), null);
        return examples.invoker(function).orElseThrow().invoke(arguments, context);
    }

    private static Map<String, Object> order(Object quantity) {
        var widget = new HashMap<String, Object>(Map.of("sku", "widget", "unitPrice", 2.50));
        widget.put("quantity", quantity);
        return Map.of("lines", List.of(widget, Map.of("sku", "gadget", "quantity", 1, "unitPrice", 19.99)),
                "country", "NL", "tier", "gold");
    }

    @Test
    void scannerReadsEveryExampleFunction() {
        assertThat(BundleScanner.scan("examples", JAR)).containsExactlyInAnyOrder(
                new Function("account/whoami",
                        "Says who the caller is: the subject and roles of their verified token, or anonymous.",
                        Access.PUBLIC, true, List.of(), null,
                        new JavaImplementation("examples", "io.clusterdeck.examples.Accounts", "whoami")),
                new Function("pricing/rates", "Every country's standard VAT rate; administrators only.",
                        Access.PUBLIC, true, List.of(), null,
                        new JavaImplementation("examples", "io.clusterdeck.examples.Taxes", "rates"), List.of("admin")),
                new Function("pricing/quote",
                        "Prices an order: volume and loyalty discounts, then the sales tax of the country.",
                        Access.PUBLIC, true, List.of("pricing/tax"), null,
                        new JavaImplementation("examples", "io.clusterdeck.examples.Pricing", "quote")),
                new Function("pricing/tax", "Sales tax due on an amount in a country, at its standard VAT rate.",
                        Access.PRIVATE, true, List.of(), null,
                        new JavaImplementation("examples", "io.clusterdeck.examples.Taxes", "tax")),
                new Function("text/wordcount", "Counts the words of a text and lists the most frequent ones.",
                        Access.PUBLIC, true, List.of(), null,
                        new JavaImplementation("examples", "io.clusterdeck.examples.Text", "wordcount")));
    }

    @Test
    void quoteAppliesVolumeAndLoyaltyDiscountsThenTheTaxOfAnotherFunction() {
        assertThat(invoke("pricing/quote", order(12))).isEqualTo(Map.of(
                "subtotal", 49.99,
                "discounts", List.of(Map.of("rule", "volume 5% on 12 x widget", "amount", 1.5),
                        Map.of("rule", "gold customer 5%", "amount", 2.42)),
                "net", 46.07, "country", "NL", "taxRate", 21, "tax", 9.67, "total", 55.74));
    }

    @Test
    void quoteWithoutATierGivesNoLoyaltyDiscount() {
        var lines = List.of(Map.of("sku", "book", "quantity", 2, "unitPrice", 10));

        assertThat(invoke("pricing/quote", Map.of("lines", lines, "country", "DE"))).isEqualTo(Map.of(
                "subtotal", 20.0, "discounts", List.of(), "net", 20.0, "country", "DE", "taxRate", 19,
                "tax", 3.8, "total", 23.8));
    }

    @Test
    void quoteRefusesALineThatCannotBePriced() {
        assertThatThrownBy(() -> invoke("pricing/quote", order(0)))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessage("function 'pricing/quote': argument 'lines' at [0] is not valid:"
                        + " quantity of 'widget' must be at least 1, was 0");
    }

    @Test
    void quoteRefusesAnUnknownTierAndAMissingCountry() {
        var lines = List.of(Map.of("sku", "book", "quantity", 2, "unitPrice", 10));

        assertThatThrownBy(() -> invoke("pricing/quote", Map.of("lines", lines, "country", "NL", "tier", "platinum")))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessage("function 'pricing/quote': argument 'tier' must be one of gold, silver, standard,"
                        + " was 'platinum'");
        assertThatThrownBy(() -> invoke("pricing/quote", Map.of("lines", lines)))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessage("function 'pricing/quote': missing argument 'country' (a string)");
    }

    @Test
    void quoteTurnsTheTaxFunctionsRefusalIntoABadCountry() {
        var lines = List.of(Map.of("sku", "book", "quantity", 1, "unitPrice", 10));

        assertThatThrownBy(() -> invoke("pricing/quote", Map.of("lines", lines, "country", "XX")))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessage("function 'pricing/quote': argument 'country' was refused by pricing/tax: call to"
                        + " 'pricing/tax' failed with 400 bad_arguments: function 'pricing/tax': argument 'country'"
                        + " has no known tax rate: 'XX'; known are BE, DE, FR, GB, NL");
    }

    @Test
    void quoteFailsNamingTheCauseWhenTheTaxSegmentHasNoWorker() {
        // The gateway is not part of this module: this stand-in answers as it does when no worker is healthy.
        FunctionContext gatewayWithoutFinance = (function, arguments) -> {
            throw new CallException(function, 503, "no_worker", "no healthy worker for segment 'finance'");
        };
        var storefront = Map.of("pricing/quote", examples.invoker("pricing/quote").orElseThrow());

        assertThatThrownBy(() -> new SegmentCalls(storefront, gatewayWithoutFinance).call("pricing/quote", order(12)))
                .isInstanceOf(CallException.class)
                .hasMessage("call to 'pricing/quote' failed with 500 function_failed: function 'pricing/quote' failed:"
                        + " io.clusterdeck.function.CallException: call to 'pricing/tax' failed with 503 no_worker:"
                        + " no healthy worker for segment 'finance'");
    }

    @Test
    void taxIsTheStandardRateOfTheCountry() {
        assertThat(call("pricing/tax", Map.of("amount", 100, "country", "FR")))
                .isEqualTo(Map.of("country", "FR", "rate", 20, "tax", 20.0));
        assertThat(call("pricing/tax", Map.of("amount", 9.99, "country", "GB")))
                .isEqualTo(Map.of("country", "GB", "rate", 20, "tax", 2.0));
    }

    @Test
    void taxRefusesANegativeAmountAndAnAmountGivenAsText() {
        assertThatThrownBy(() -> invoke("pricing/tax", Map.of("amount", -1, "country", "NL")))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessage("function 'pricing/tax': argument 'amount' must be 0 or more, was -1");
        assertThatThrownBy(() -> invoke("pricing/tax", Map.of("amount", "100", "country", "NL")))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessage("function 'pricing/tax': argument 'amount' must be a number, was the string \"100\"");
    }

    @Test
    void wordcountCountsCaseInsensitivelyAndListsTheMostFrequentFirst() {
        assertThat(invoke("text/wordcount", Map.of("text", "The cat and the hat. The end!"))).isEqualTo(Map.of(
                "words", 7, "distinct", 5, "top", List.of(Map.of("word", "the", "count", 3),
                        Map.of("word", "and", "count", 1), Map.of("word", "cat", "count", 1))));
        assertThat(invoke("text/wordcount", Map.of("text", "Don't stop, don't!", "top", 1)))
                .isEqualTo(Map.of("words", 3, "distinct", 2, "top", List.of(Map.of("word", "don't", "count", 2))));
    }

    @Test
    void wordcountRefusesATopOutOfRangeAndTextThatIsNoString() {
        assertThatThrownBy(() -> invoke("text/wordcount", Map.of("text", "a b", "top", 500)))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessage("function 'text/wordcount': argument 'top' must be between 0 and 100, was 500");
        assertThatThrownBy(() -> invoke("text/wordcount", Map.of("text", List.of("a", "b"))))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessage("function 'text/wordcount': argument 'text' must be a string, was a list");
    }

    @Test
    void quoteRefusesAnEmptyOrder() {
        assertThatThrownBy(() -> invoke("pricing/quote", Map.of("lines", List.of(), "country", "NL")))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessage("function 'pricing/quote': argument 'lines' must hold at least one line");
    }
}
