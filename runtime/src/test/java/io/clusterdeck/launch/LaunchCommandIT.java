package io.clusterdeck.launch;

import io.clusterdeck.protocol.ClusterHeaders;
import io.clusterdeck.service.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code clusterdeck launch} as a user runs it: its own JVM, stopped with Ctrl-C or killed outright. */
@Timeout(180)
class LaunchCommandIT {
    private static final Pattern PID_COLUMN = Pattern.compile("^\\S+\\s+\\S+\\s+(\\d+)\\s+http://");
    private static final Path WEBSHOP = Path.of("..", "designs", "webshop.json");

    @TempDir
    Path home;

    private Process launcher;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final List<Long> children = new ArrayList<>();

    @AfterEach
    void leaveNothingRunning() {
        if (launcher != null) {
            launcher.destroyForcibly();
        }
        children.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void webshopStartsServesThroughProxyAndGatewayAndCtrlCLeavesNoProcess() throws Exception {
        startLauncher(WEBSHOP);

        assertThat(children).hasSize(10);
        assertThat(Calls.call(url("proxy"), "catalog/search").status()).isEqualTo(200);
        assertThat(Calls.call(url("gateway"), "images/thumbnail").status()).isEqualTo(200);
        assertThat(Calls.call(url("proxy"), "payments/charge").status()).as("protected, not public").isEqualTo(404);

        signal(launcher.pid(), "INT");

        assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(launcher.exitValue()).as(String.join("\n", output)).isZero();
        assertThat(children).allSatisfy(pid -> assertThat(alive(pid)).as("pid %d", pid).isFalse());
        assertThat(output).contains("Stopped.");
    }

    @Test
    void killingTheLauncherWithSigkillTakesEveryChildWithIt() throws Exception {
        startLauncher(WEBSHOP);
        long lean = leanLauncherPid();
        children.add(lean);

        launcher.destroyForcibly();
        launcher.waitFor(10, TimeUnit.SECONDS);
        var took = Await.until("every child gone", Duration.ofSeconds(20), () -> children.stream().noneMatch(this::alive));

        System.out.printf("children gone %d ms after kill -9 of the launcher%n", took);
        assertThat(children).noneMatch(this::alive);
    }

    @Test
    void killingTheCommandWhileItsLaunchIsStillStartingEndsTheLaunchThere() throws Exception {
        launcher = new ProcessBuilder(java(), "-Dclusterdeck.home=" + home, "-jar", TestDesigns.jar(), "launch",
                WEBSHOP.toString(), "--no-cds").redirectErrorStream(true).redirectOutput(home.resolve("out.txt").toFile())
                .start();
        Await.until("services starting", Duration.ofSeconds(60), () -> launcher.descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("ServiceRunner")).count() >= 3);
        var started = launcher.descendants().toList();
        started.forEach(p -> children.add(p.pid()));

        launcher.destroyForcibly();
        Await.until("every process gone", Duration.ofSeconds(30), () -> started.stream().noneMatch(ProcessHandle::isAlive));

        try (var runs = java.nio.file.Files.list(home.resolve("runs"))) {
            assertThat(runs.filter(java.nio.file.Files::isDirectory))
                    .as("run folders; a launch that got ready writes launcher.json into its own")
                    .isNotEmpty().noneMatch(run -> java.nio.file.Files.exists(run.resolve("launcher.json")));
        }
    }

    @Test
    void theLaunchRunsInALeanJvmThatTheCommandWaitsForAndPassesItsExitCodeTo() throws Exception {
        startLauncher(WEBSHOP);
        var lean = ProcessHandle.of(leanLauncherPid()).orElseThrow();

        assertThat(lean.parent().map(ProcessHandle::pid)).contains(launcher.pid());
        assertThat(lean.info().arguments().map(List::of).orElseThrow())
                .contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dclusterdeck.home=" + home, "--no-cds")
                .noneMatch(argument -> argument.startsWith("-XX:SharedArchiveFile"));
        var missing = cli("launch", "no-such-design.json");
        assertThat(missing.exitCode()).as(missing.output()).isEqualTo(2);
        assertThat(missing.output()).contains("no-such-design.json");
    }

    /** The pid of the JVM the launch runs in, as its run folder names it. */
    private long leanLauncherPid() throws IOException {
        var folder = RunFolder.current(home).orElseThrow();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(folder.resolve("launcher.json").toFile())
                .get("pid").asLong();
    }

    @Test
    void faultAndLogsCommandsReachTheRunningLaunch() throws Exception {
        startLauncher(WEBSHOP);

        var fault = cli("fault", "kill", "worker-images-2");
        var logs = cli("logs", "gateway", "-n", "5");
        var unknown = cli("fault", "kill", "worker-nope-1");
        var scaleToNothing = cli("scale", "storefront", "0");
        var negativeLines = cli("logs", "gateway", "-n", "-5");

        assertThat(scaleToNothing.exitCode()).isEqualTo(2);
        assertThat(scaleToNothing.output()).contains("WORKERS must be between 1 and 256, was 0");
        assertThat(negativeLines.exitCode()).isEqualTo(2);
        assertThat(negativeLines.output()).contains("-n must not be negative, was -5");
        for (var bad : List.of("POST /scale/storefront/0", "POST /scale/storefront/100000", "POST /scale/storefront/many",
                "GET /logs/gateway?lines=-5")) {
            var answer = control(bad);
            assertThat(answer.statusCode()).as(bad).isEqualTo(400);
            var error = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()).path("error").asText();
            assertThat(error).as(bad).isNotBlank();
        }

        assertThat(fault.output()).as(fault.output()).contains("kill worker-images-2: done");
        assertThat(fault.exitCode()).isZero();
        assertThat(logs.exitCode()).isZero();
        assertThat(logs.output().lines()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.output()).contains("unknown process 'worker-nope-1'");
        Await.until("the kill in the event stream", Duration.ofSeconds(20),
                () -> output.stream().anyMatch(l -> l.contains("fault") && l.contains("worker-images-2")));
        Await.until("worker-images-2 restarted", Duration.ofSeconds(30),
                () -> output.stream().anyMatch(l -> l.contains("restarted") && l.contains("worker-images-2")));
    }

    /** A process's URL as the launch table printed it (a taken port is replaced by a free one). */
    private String url(String process) {
        return output.stream().filter(l -> l.startsWith(process + " ")).findFirst()
                .map(l -> l.replaceAll(".*(http://\\S+).*", "$1")).orElseThrow();
    }

    private void startLauncher(Path design) throws IOException {
        launcher = new ProcessBuilder(java(), "-Dclusterdeck.home=" + home, "-jar", TestDesigns.jar(), "launch",
                design.toString(), "--no-cds").redirectErrorStream(true).start();
        var reader = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
        var ready = new java.util.concurrent.CompletableFuture<Void>();
        var pump = new Thread(() -> {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    output.add(line);
                    var pid = PID_COLUMN.matcher(line);
                    if (pid.find()) {
                        children.add(Long.parseLong(pid.group(1)));
                    }
                    if (line.startsWith("All ") && line.contains("processes ready")) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                // The launcher is gone.
            }
            ready.completeExceptionally(new AssertionError("launcher ended before ready:\n" + String.join("\n", output)));
        }, "launcher-output");
        pump.setDaemon(true);
        pump.start();
        try {
            ready.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("launch did not get ready:\n" + String.join("\n", output), e);
        }
    }

    private record Run(int exitCode, String output) {
    }

    private Run cli(String... args) throws Exception {
        var command = new ArrayList<>(List.of(java(), "-Dclusterdeck.home=" + home, "-jar", TestDesigns.jar()));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), text);
    }

    /** A request straight to the launcher's control channel, with the token from its run folder. */
    private java.net.http.HttpResponse<String> control(String methodAndPath) throws Exception {
        var folder = RunFolder.current(home).orElseThrow();
        var launcherJson = new com.fasterxml.jackson.databind.ObjectMapper().readTree(folder.resolve("launcher.json").toFile());
        var parts = methodAndPath.split(" ", 2);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(launcherJson.get("control").asText() + parts[1]))
                .header(ClusterHeaders.CONTROL_TOKEN, launcherJson.get("token").asText())
                .method(parts[0], java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void signal(long pid, String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor(10, TimeUnit.SECONDS);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
