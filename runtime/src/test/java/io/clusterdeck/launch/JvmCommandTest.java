package io.clusterdeck.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.design.ExampleDesignFiles;
import io.clusterdeck.plan.PlanOptions;
import io.clusterdeck.plan.PlannedProcess;
import io.clusterdeck.plan.Planner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmCommandTest {
    @TempDir
    Path temp;

    @Test
    void childrenRunTheJavaOfTheRuntimeThisJvmRunsOnAndTheNamedJar() throws IOException {
        var jar = Files.createFile(temp.resolve("clusterdeck.jar"));
        var options = LaunchOptions.defaults().withHome(temp).withClasspath(jar.toString()).withAppCds(false);

        var command = new JvmCommand(options).build(standalone(), temp.resolve("standalone.json"));

        assertThat(options.java()).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java"));
        assertThat(command.get(0)).isEqualTo(options.java().toString());
        assertThat(command).containsSubsequence("-cp", jar.toString(), JvmCommand.MAIN, "standalone");
    }

    @Test
    void aRuntimeWithoutAJavaLauncherIsNamedInsteadOfFallingBackToThePath() {
        var missing = temp.resolve("runtime").resolve("bin").resolve("java");
        var options = new LaunchOptions(temp, missing, "clusterdeck.jar", false, LaunchOptions.defaults().readyTimeout(),
                LaunchOptions.defaults().grace(), Backoff.DEFAULT);

        assertThatThrownBy(() -> new JvmCommand(options).build(standalone(), temp.resolve("standalone.json")))
                .isInstanceOf(IOException.class)
                .hasMessage("there is no java launcher at " + missing
                        + " (cluster processes run on the Java runtime Clusterdeck itself runs on)");
    }

    @Test
    void theClassDataArchiveIsNamedForTheJavaAsWellAsTheClassPath() throws IOException {
        var jar = Files.createFile(temp.resolve("clusterdeck.jar"));
        var options = LaunchOptions.defaults().withHome(temp).withClasspath(jar.toString());
        var otherJava = new LaunchOptions(temp, temp.resolve("java"), jar.toString(), true, options.readyTimeout(),
                options.grace(), options.backoff());

        assertThat(new JvmCommand(options).archive("worker")).isNotEqualTo(new JvmCommand(otherJava).archive("worker"));
        assertThat(new JvmCommand(options).archive("worker")).isEqualTo(new JvmCommand(options).archive("worker"));
    }

    @Test
    void eachRoleStartsFromItsOwnPartOfTheArchiveOnceEveryPartIsThereAndAStandaloneFromTheWorkers() throws IOException {
        var jar = Files.createFile(temp.resolve("clusterdeck.jar"));
        var jvm = new JvmCommand(LaunchOptions.defaults().withHome(temp).withClasspath(jar.toString()));
        var config = temp.resolve("standalone.json");
        var parts = JvmCommand.parts();

        for (var part : parts.subList(1, parts.size())) {
            Files.createFile(jvm.archive(part));
        }
        var withOnePartMissing = jvm.build(standalone(), config);
        Files.createFile(jvm.archive(parts.get(0)));

        assertThat(parts).containsExactly("repository", "gateway", "worker", "proxy", "launcher");
        assertThat(withOnePartMissing).noneMatch(option -> option.startsWith("-XX:SharedArchiveFile="));
        assertThat(jvm.archiveWanted()).isFalse();
        assertThat(jvm.build(standalone(), config)).contains("-XX:SharedArchiveFile=" + jvm.archive("worker"));
    }

    @Test
    void aTrainingLaunchHasEachProcessWriteTheClassesItLoadsUnderItsName() throws IOException {
        var jar = Files.createFile(temp.resolve("clusterdeck.jar"));
        var lists = temp.resolve("classes");
        var jvm = new JvmCommand(LaunchOptions.defaults().withHome(temp).withClasspath(jar.toString()).withAppCds(false)
                .withClassLists(lists));

        var command = jvm.build(standalone(), temp.resolve("standalone.json"));

        assertThat(command).contains("-XX:DumpLoadedClassList=" + lists.resolve(standalone().name() + ".classlist"));
    }

    @Test
    void theLaunchersOwnJvmStartsAsAWorkersDoesWithTheArchiveOnceThereIsOneAndTheCommandsArgumentsAfterItsMainClass()
            throws IOException {
        var jar = Files.createFile(temp.resolve("clusterdeck.jar"));
        var jvm = new JvmCommand(LaunchOptions.defaults().withHome(temp).withClasspath(jar.toString()));
        var properties = java.util.List.of("-Dclusterdeck.home=" + temp);
        var arguments = java.util.List.of("launch", "shop.json");

        var before = jvm.launcher(properties, "io.clusterdeck.cli.Main", arguments);
        for (var part : JvmCommand.parts()) {
            Files.createFile(jvm.archive(part));
        }
        var after = jvm.launcher(properties, "io.clusterdeck.cli.Main", arguments);

        assertThat(before).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
                .noneMatch(option -> option.startsWith("-XX:SharedArchiveFile="))
                .endsWith("-Dclusterdeck.home=" + temp, "-cp", jar.toString(), "io.clusterdeck.cli.Main", "launch", "shop.json");
        assertThat(after).contains("-XX:SharedArchiveFile=" + jvm.archive(JvmCommand.LAUNCHER));
    }

    @Test
    void theGatewayAndProxyCompileWithC2AtHigherThresholdsAndWorkersWithC1Only() throws IOException {
        var jar = Files.createFile(temp.resolve("clusterdeck.jar"));
        var jvm = new JvmCommand(LaunchOptions.defaults().withHome(temp).withClasspath(jar.toString()).withAppCds(false));
        var file = ExampleDesignFiles.FOLDER.resolve("webshop.json");
        var processes = Planner.plan(DesignFiles.load(file).orThrow(), PlanOptions.local(file.getParent())).processes();
        var config = temp.resolve("config.json");

        for (var process : processes) {
            var command = jvm.build(process, config);
            switch (process.role()) {
                case GATEWAY, PROXY -> assertThat(command).as(process.name())
                        .contains("-XX:Tier4InvocationThreshold=50000", "-XX:Tier4CompileThreshold=60000")
                        .noneMatch(option -> option.startsWith("-XX:TieredStopAtLevel"));
                default -> assertThat(command).as(process.name()).contains("-XX:TieredStopAtLevel=1")
                        .noneMatch(option -> option.startsWith("-XX:Tier4"));
            }
        }
        assertThat(processes).extracting(PlannedProcess::role).contains(io.clusterdeck.plan.Role.GATEWAY,
                io.clusterdeck.plan.Role.PROXY, io.clusterdeck.plan.Role.WORKER);
    }

    private static PlannedProcess standalone() {
        var file = ExampleDesignFiles.FOLDER.resolve("hello.json");
        var design = DesignFiles.load(file).orThrow();
        return Planner.plan(design, PlanOptions.local(file.getParent())).processes().get(0);
    }
}
