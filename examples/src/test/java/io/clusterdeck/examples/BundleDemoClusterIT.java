package io.clusterdeck.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.http.Json;
import io.clusterdeck.launch.FreePorts;
import io.clusterdeck.plan.Plan;
import io.clusterdeck.plan.PlanOptions;
import io.clusterdeck.plan.Planner;
import io.clusterdeck.plan.Role;
import io.clusterdeck.plan.StandaloneConfig;
import io.clusterdeck.service.Await;
import io.clusterdeck.service.ServiceProcesses;
import io.clusterdeck.service.TestHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** designs/bundle-demo.json planned and run as real processes: real Java functions behind the proxy. */
class BundleDemoClusterIT {
    private static final Path DESIGN = Path.of(System.getProperty("designs.dir", "../designs"), "bundle-demo.json")
            .toAbsolutePath().normalize();
    private static final String ORDER = """
            {"lines": [{"sku": "widget", "quantity": 12, "unitPrice": 2.50},
                       {"sku": "gadget", "quantity": 1, "unitPrice": 19.99}],
             "country": "NL", "tier": "gold"}""";
    private static final String PRICED = """
            {"subtotal": 49.99,
             "discounts": [{"rule": "volume 5% on 12 x widget", "amount": 1.5},
                           {"rule": "gold customer 5%", "amount": 2.42}],
             "net": 46.07, "country": "NL", "taxRate": 21, "tax": 9.67, "total": 55.74}""";

    private final ServiceProcesses processes = new ServiceProcesses();
    private final Path secret = secretFile();

    private static Path secretFile() {
        try {
            var file = Files.createTempFile("bundle-demo", ".secret");
            Files.writeString(file, "a-test-secret-of-at-least-thirty-two-bytes-long\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void killEverything() {
        processes.close();
    }

    @Test
    void quoteThroughTheProxyIsPricedWithTheTaxOfTheFinanceSegment() {
        var plan = startCluster();

        var quote = TestHttp.post(plan.entryUrl() + "/rpc/pricing/quote", ORDER);

        assertThat(quote.statusCode()).as(quote.body()).isEqualTo(200);
        assertThat(json(quote.body())).isEqualTo(json(PRICED));
        assertThat(quote.headers().firstValue("X-Clusterdeck-Worker").orElseThrow()).startsWith("worker-storefront-");
        var finance = TestHttp.get(plan.process("worker-finance-1").orElseThrow().url() + "/health");
        assertThat(json(finance.body()).path("served").asInt()).isEqualTo(1);
    }

    @Test
    void badArgumentsAnswer400WithTheFunctionsMessage() {
        var proxy = startCluster().entryUrl();

        var quote = TestHttp.post(proxy + "/rpc/pricing/quote", ORDER.replace("\"quantity\": 12", "\"quantity\": 0"));

        assertError(quote, 400, "bad_arguments", "function 'pricing/quote': argument 'lines' at [0] is not valid:"
                + " quantity of 'widget' must be at least 1, was 0");
    }

    @Test
    void refusalOfTheTaxSegmentReachesTheQuoteAsACallException() {
        var proxy = startCluster().entryUrl();

        var quote = TestHttp.post(proxy + "/rpc/pricing/quote", ORDER.replace("\"NL\"", "\"XX\""));

        assertError(quote, 400, "bad_arguments", "function 'pricing/quote': argument 'country' was refused by"
                + " pricing/tax: call to 'pricing/tax' failed with 400 bad_arguments: function 'pricing/tax': argument"
                + " 'country' has no known tax rate: 'XX'; known are BE, DE, FR, GB, NL");
    }

    @Test
    void signedInCallerReachesTheJavaFunctionAndItsRolesLetItIn() throws Exception {
        var proxy = startCluster().entryUrl();
        var alice = "Bearer " + token("alice", java.util.List.of("admin"));
        var bob = "Bearer " + token("bob", java.util.List.of());

        var anonymous = TestHttp.post(proxy + "/rpc/account/whoami", "{}");
        var signedIn = TestHttp.post(proxy + "/rpc/account/whoami", "{}", "Authorization", alice);
        var ratesForAlice = TestHttp.post(proxy + "/rpc/pricing/rates", "{}", "Authorization", alice);
        var ratesForBob = TestHttp.post(proxy + "/rpc/pricing/rates", "{}", "Authorization", bob);
        var ratesForNobody = TestHttp.post(proxy + "/rpc/pricing/rates", "{}");
        var quoteForAlice = TestHttp.post(proxy + "/rpc/pricing/quote", ORDER, "Authorization", alice);

        assertThat(json(anonymous.body())).isEqualTo(json("{\"signedIn\": false, \"subject\": null, \"roles\": []}"));
        assertThat(json(signedIn.body())).isEqualTo(json("{\"signedIn\": true, \"subject\": \"alice\", \"roles\": [\"admin\"]}"));
        assertThat(json(ratesForAlice.body()).path("NL").asInt()).isEqualTo(21);
        assertError(ratesForBob, 403, "forbidden", "'pricing/rates' needs one of the roles [admin]; bob has []");
        assertThat(ratesForNobody.statusCode()).isEqualTo(401);
        assertThat(json(quoteForAlice.body())).as("a signed-in caller's call crosses segments too").isEqualTo(json(PRICED));
    }

    @Test
    void privateTaxFunctionIsRefusedByTheProxy() {
        var proxy = startCluster().entryUrl();

        var tax = TestHttp.post(proxy + "/rpc/pricing/tax", "{\"amount\": 100, \"country\": \"FR\"}");

        assertError(tax, 404, "unknown_function", "no function named 'pricing/tax'");
    }

    @Test
    void repositoryRefusesToStartWithABundleTheDesignDoesNotName() throws IOException {
        var wrong = "0".repeat(64);
        var text = Files.readString(DESIGN).replace("\"path\": \"../examples/target/clusterdeck-examples.jar\"",
                "\"path\": \"../examples/target/clusterdeck-examples.jar\", \"sha256\": \"" + wrong + "\"");
        var tampered = DesignFiles.parse(text, DESIGN.toString()).orThrow();
        var plan = plan(tampered);
        var jar = plan.process("repository").orElseThrow().config();

        var repository = processes.launch(jar);

        assertThat(repository.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
        assertThat(repository.printed("cannot start repository: bundle 'examples': "
                + ExampleBundleIT.JAR.toAbsolutePath().normalize() + " has SHA-256 " + actualSha256()
                + ", the design expects " + wrong)).as(String.join("\n", repository.output())).isTrue();
    }

    @Test
    void standaloneRunsTheBundleFromItsFileWithEveryCallInProcess() {
        var design = DesignFiles.load(DESIGN).orThrow();
        var repository = (io.clusterdeck.plan.RepositoryConfig) plan(design).process("repository").orElseThrow().config();
        var config = new StandaloneConfig("standalone", "127.0.0.1", 0, processes.keyFile(), null,
                repository.bundles(), 64 * 1024, design.functions());

        var standalone = processes.start(config);
        var quote = TestHttp.post(standalone.url() + "/rpc/pricing/quote", ORDER);

        assertThat(quote.statusCode()).as(quote.body()).isEqualTo(200);
        assertThat(json(quote.body())).isEqualTo(json(PRICED));
        assertError(TestHttp.post(standalone.url() + "/rpc/pricing/tax", "{\"amount\": 1, \"country\": \"FR\"}"),
                403, "forbidden", "'pricing/tax' is private: only other functions may call it");
    }

    /** Starts every planned process on free ports; the plan once every worker is healthy. */
    private Plan startCluster() {
        var plan = plan(DesignFiles.load(DESIGN).orThrow());
        for (var process : plan.processes()) {
            processes.start(process.config());
        }
        var gateway = plan.process("gateway").orElseThrow().url();
        long workers = plan.processes().stream().filter(p -> p.role() == Role.WORKER).count();
        Await.until(workers + " workers are healthy", Duration.ofSeconds(30), () ->
                TestHttp.get(gateway + "/cluster").body().split("\"state\":\"healthy\"", -1).length == workers + 1);
        return plan;
    }

    /** An end user's token for the design, signed with the secret this test gave it. */
    private String token(String subject, java.util.List<String> roles) throws Exception {
        var auth = DesignFiles.load(DESIGN).orThrow().auth();
        var now = java.time.Instant.now();
        var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(auth.issuer()).audience(auth.audience())
                .subject(subject).claim(auth.rolesClaim(), roles).issueTime(java.util.Date.from(now))
                .expirationTime(java.util.Date.from(now.plusSeconds(300))).build();
        var jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256), claims);
        jwt.sign(new com.nimbusds.jose.crypto.MACSigner(Files.readString(secret).strip().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private Plan plan(Design design) {
        // The design's own secret file may not exist here: the test signs in with a secret of its own.
        var auth = design.auth();
        design = design.withAuth(new io.clusterdeck.design.AuthSettings(auth.issuer(), auth.audience(), secret.toString(),
                null, null, auth.rolesClaim(), auth.clockSkewSeconds()));
        var local = PlanOptions.local(DESIGN.getParent());
        var ports = new HashMap<String, Integer>();
        for (var process : Planner.plan(design, local).processes()) {
            ports.put(process.name(), FreePorts.onLoopback());
        }
        return Planner.plan(design, new PlanOptions(local.baseDir(), local.cores(), local.host(), ports,
                processes.keyFile()));
    }

    private static void assertError(HttpResponse<String> response, int status, String code, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        var error = json(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isEqualTo(message);
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String actualSha256() {
        try {
            return io.clusterdeck.bundle.Sha256.of(ExampleBundleIT.JAR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
