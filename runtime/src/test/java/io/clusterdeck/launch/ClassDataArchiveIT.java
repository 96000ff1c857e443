package io.clusterdeck.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.service.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archive as a user's first and second launches make and use it: the first trains a part per role
 * beside the running cluster, the second starts every process from its role's part, mapped into the process.
 */
@Timeout(300)
class ClassDataArchiveIT {
    private static final Path WEBSHOP = Path.of("..", "designs", "webshop.json");
    private static final Pattern ROLE = Pattern.compile("ServiceRunner (\\w+) ");

    @TempDir
    Path home;

    private Process launcher;

    @AfterEach
    void leaveNothingRunning() {
        if (launcher != null) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    @Test
    void aFirstLaunchTrainsAPartPerRoleAndTheNextStartsEachProcessMappingItsRolesPart() throws Exception {
        var cds = home.resolve("cds");
        launcher = launch();
        Await.until("every part of the archive", Duration.ofSeconds(180), () -> parts(cds).size() == 5);
        Await.until("the training's folder gone", Duration.ofSeconds(30), () -> temporaries(cds).isEmpty());
        stop(launcher);

        launcher = launch();
        var ready = Await.until("the second launch ready", Duration.ofSeconds(90),
                () -> output().contains("every worker healthy"));

        assertThat(parts(cds)).extracting(part -> part.getFileName().toString().replaceAll("^clusterdeck-\\w+-", ""))
                .containsExactlyInAnyOrder("repository.jsa", "gateway.jsa", "worker.jsa", "proxy.jsa", "launcher.jsa");
        assertThat(services()).hasSize(10).allSatisfy(service -> {
            var role = role(service);
            var part = parts(cds).stream().filter(file -> file.toString().endsWith("-" + role + ".jsa")).findFirst()
                    .orElseThrow();
            assertThat(service.info().commandLine().orElseThrow()).contains("-XX:SharedArchiveFile=" + part);
            assertThat(Files.readString(Path.of("/proc", Long.toString(service.pid()), "maps")))
                    .as("%s (%d ms until ready) maps its role's part", role, ready).contains(part.toString());
        });
    }

    private String output() {
        try {
            return Files.readString(home.resolve("out.txt"));
        } catch (IOException e) {
            return "";
        }
    }

    private Process launch() throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dclusterdeck.home=" + home, "-jar", TestDesigns.jar(), "launch", WEBSHOP.toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("out.txt").toFile()).start();
    }

    private static void stop(Process process) throws Exception {
        var all = process.descendants().toList();
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Await.until("every process of the first launch gone", Duration.ofSeconds(30),
                () -> all.stream().noneMatch(ProcessHandle::isAlive));
    }

    private List<ProcessHandle> services() {
        return launcher.descendants().filter(p -> p.info().commandLine().orElse("").contains("ServiceRunner ")).toList();
    }

    private static String role(ProcessHandle service) {
        var matcher = ROLE.matcher(service.info().commandLine().orElseThrow());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static List<Path> parts(Path folder) {
        return list(folder).stream().filter(file -> file.toString().endsWith(".jsa")).toList();
    }

    private static List<Path> temporaries(Path folder) {
        return list(folder).stream().filter(file -> file.toString().endsWith(".tmp")).toList();
    }

    private static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
