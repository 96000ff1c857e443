package io.clusterdeck.app.designer;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.Balancing;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.design.Position;
import io.clusterdeck.design.Segment;
import io.clusterdeck.design.WorkerCount;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesignerViewModelTest {
    @TempDir
    Path temp;

    private TestDesigner designer;
    private DesignerViewModel model;

    @BeforeEach
    void openWebshop() throws Exception {
        designer = TestDesigner.webshop(temp);
        model = designer.model;
    }

    @AfterEach
    void stop() throws Exception {
        designer.close();
    }

    @Test
    void anOpenedFileIsCleanAndNamedInTheTitle() {
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(model.titleProperty().get()).isEqualTo("webshop.json \u2014 Clusterdeck");
        assertThat(model.problems()).isEmpty();
    }

    @Test
    void movingAFunctionIntoAnotherSegmentTakesItOutOfTheFirst() {
        model.moveFunction("cart/add", "orders");

        assertThat(model.design().segment("orders").orElseThrow().functions()).endsWith("cart/add");
        assertThat(model.design().segment("storefront").orElseThrow().functions()).doesNotContain("cart/add");
        assertThat(model.titleProperty().get()).isEqualTo("webshop.json * \u2014 Clusterdeck");
    }

    @Test
    void movingAFunctionOutOfEverySegmentReportsItOnThatFunction() {
        model.moveFunction("images/thumbnail", null);

        assertThat(model.design().unassignedFunctions()).extracting(f -> f.name()).containsExactly("images/thumbnail");
        assertThat(model.problemsOf(Selection.function("images/thumbnail"))).extracting(ElementProblem::message)
                .containsExactly("function 'images/thumbnail' is in no segment");
        assertThat(model.problemsOf(Selection.segment("images"))).extracting(ElementProblem::message)
                .containsExactly("segment 'images' has no functions");
    }

    @Test
    void movingAFunctionWhereItAlreadyIsIsNoUndoStep() {
        model.moveFunction("cart/add", "storefront");

        assertThat(model.canUndoProperty().get()).isFalse();
        assertThat(model.dirtyProperty().get()).isFalse();
    }

    @Test
    void undoRestoresTheDesignBeforeTheEditAndRedoReappliesIt() {
        var original = model.design();
        model.setWorkers("storefront", WorkerCount.of(5));
        var edited = model.design();

        model.undo();
        assertThat(model.design()).isEqualTo(original);
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(model.canRedoProperty().get()).isTrue();

        model.redo();
        assertThat(model.design()).isEqualTo(edited);
        assertThat(model.design().segment("storefront").orElseThrow().workers()).isEqualTo(WorkerCount.of(5));
    }

    @Test
    void anEditAfterAnUndoForgetsWhatCouldBeRedone() {
        model.setWorkers("storefront", WorkerCount.of(5));
        model.undo();
        model.setBalancing("storefront", Balancing.STICKY);

        assertThat(model.canRedoProperty().get()).isFalse();
    }

    @Test
    void oneWorkerPerCoreIsAWorkerCount() {
        model.setWorkers("orders", WorkerCount.cores());

        assertThat(model.design().segment("orders").orElseThrow().workers().perCore()).isTrue();
        assertThat(model.jsonProperty().get()).contains("\"workers\": \"cores\"");
    }

    @Test
    void renamingASegmentKeepsItsCardWhereItWasInOneUndoStep() {
        var before = model.design();
        assertThat(model.renameSegment("orders", "checkout")).isEmpty();

        assertThat(model.design().segment("checkout")).isPresent();
        assertThat(model.positionOf("checkout")).isEqualTo(new Position(380.0, 40.0));
        assertThat(model.design().layout().segments()).doesNotContainKey("orders");
        assertThat(model.selectionProperty().get()).isEqualTo(Selection.segment("checkout"));
        model.undo();
        assertThat(model.design()).isEqualTo(before);
    }

    @Test
    void renamingASegmentToATakenNameIsRefused() {
        assertThat(model.renameSegment("orders", "images")).contains("a segment named 'images' already exists");
        assertThat(model.canUndoProperty().get()).isFalse();
    }

    @Test
    void renamingASegmentToAnInvalidNameIsRefusedWithTheRule() {
        assertThat(model.renameSegment("orders", "Orders!")).hasValueSatisfying(message ->
                assertThat(message).contains("use lower-case letters"));
        assertThat(model.design().segment("orders")).isPresent();
    }

    @Test
    void anInvalidCostIsRefusedNamingTheField() {
        assertThat(model.editFunction("cart/add", Edits.cpuMs("fast"))).contains("cpuMs: expected a number, was 'fast'");
        assertThat(model.editFunction("cart/add", Edits.cpuMs("-1"))).hasValueSatisfying(message ->
                assertThat(message).startsWith("cpuMs: "));
        assertThat(model.canUndoProperty().get()).isFalse();
    }

    @Test
    void askingForTwoGatewaysPlansTwoAndTooManyIsRefusedNamingTheField() {
        assertThat(model.editDesign(Edits.gatewayReplicas("2"))).isEmpty();

        assertThat(model.design().gateway().replicas()).isEqualTo(2);
        assertThat(model.plan()).extracting(PlanRow::name).contains("gateway-1", "gateway-2").doesNotContain("gateway");
        assertThat(model.editDesign(Edits.gatewayReplicas("9"))).hasValueSatisfying(message ->
                assertThat(message).contains("replicas").contains("between 1 and 5"));
        assertThat(model.design().gateway().replicas()).isEqualTo(2);
    }

    @Test
    void aShorterRequestTimeoutShortensAGatewayTryTimeoutThatWouldNoLongerFit() {
        assertThat(model.editDesign(Edits.requestTimeout("500"))).isEmpty();

        assertThat(model.design().gateway().requestTimeoutMs()).isEqualTo(500);
        assertThat(model.design().gateway().tryTimeoutMs()).isEqualTo(500);
    }

    @Test
    void renamingAFunctionRenamesItInItsSegmentAndInCallsAndKeepsItSelected() {
        model.selectionProperty().set(Selection.function("catalog/price"));

        assertThat(model.editFunction("catalog/price", f -> f.withName("catalog/pricing"))).isEmpty();

        assertThat(model.design().segment("storefront").orElseThrow().functions()).contains("catalog/pricing");
        assertThat(model.design().function("cart/add").orElseThrow().calls()).containsExactly("catalog/pricing");
        assertThat(model.selectionProperty().get()).isEqualTo(Selection.function("catalog/pricing"));
        assertThat(model.problems()).isEmpty();
    }

    @Test
    void aProblemIsPlacedOnTheSegmentItsPathNamesWithTheLineOfTheSavedText() {
        model.setWorkers("images", WorkerCount.of(1));

        assertThat(model.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.element()).isEqualTo(Selection.segment("images"));
            assertThat(problem.problem().path()).isEqualTo("segments[2].workers");
            assertThat(problem.message()).isEqualTo("must be within autoscale's 2 to 8, was 1");
            assertThat(problem.where()).startsWith("webshop.json:");
            assertThat(problem.problem().line()).isPositive();
        });
        assertThat(model.plan()).isEmpty();
        assertThat(model.planStatusProperty().get())
                .isEqualTo("The plan appears once the design has no problems (1 problem now).");
    }

    @Test
    void servicesProblemsArePlacedOnTheServices() {
        assertThat(ElementProblem.elementOf("gateway.healthCheck.timeoutMs", model.design()))
                .isEqualTo(Selection.SERVICES);
        assertThat(ElementProblem.elementOf("functions[0].calls[1]", model.design()))
                .isEqualTo(Selection.function("catalog/search"));
        assertThat(ElementProblem.elementOf("$", model.design())).isEqualTo(Selection.NONE);
    }

    @Test
    void thePlanPreviewListsEveryProcessWithItsPort() {
        assertThat(model.plan()).extracting(PlanRow::name).containsExactly("repository", "gateway",
                "worker-storefront-1", "worker-storefront-2", "worker-orders-1", "worker-orders-2",
                "worker-images-1", "worker-images-2", "worker-images-3", "proxy");
        assertThat(model.plan()).filteredOn(r -> r.name().equals("proxy")).extracting(PlanRow::port)
                .containsExactly(7400);
        assertThat(model.planStatusProperty().get()).isEqualTo("10 processes \u00b7 clients call http://127.0.0.1:7400");
    }

    @Test
    void theCrossSegmentCallsAreCountedPerPairOfSegments() {
        assertThat(model.crossCalls()).containsExactly(new CrossCall("orders", "storefront", 1));

        model.moveFunction("catalog/price", "orders");

        assertThat(model.crossCalls()).containsExactly(new CrossCall("storefront", "orders", 4),
                new CrossCall("orders", "storefront", 1));
        assertThat(model.crossCalls().get(0).label()).isEqualTo("4 calls");
    }

    @Test
    void removingASegmentReturnsItsFunctionsToThePalette() {
        model.removeSegment("orders");

        assertThat(model.design().unassignedFunctions()).extracting(f -> f.name())
                .containsExactly("orders/checkout", "payments/charge", "inventory/reserve");
        assertThat(model.design().layout().segments()).doesNotContainKey("orders");
    }

    @Test
    void anAddedSegmentIsPlacedWhereNoCardIsAndSelected() {
        String name = model.addSegment();

        assertThat(name).isEqualTo("segment-4");
        assertThat(model.design().segment(name)).contains(Segment.named(name));
        assertThat(model.positionOf(name)).isEqualTo(new Position(40.0, 400.0));
        assertThat(model.selectionProperty().get()).isEqualTo(Selection.segment(name));
    }

    @Test
    void anAddedSegmentLandsInsideThePartOfTheCanvasInView() {
        var narrow = new Area(0, 0, 680, 600);
        var scrolled = new Area(300, 500, 700, 500);

        var first = model.addSegment(narrow);
        var second = model.addSegment(scrolled);

        var one = model.positionOf(first);
        assertThat(one.x() + Segmentation.CARD_WIDTH).isLessThanOrEqualTo(narrow.maxX());
        assertThat(one.y()).isBetween(narrow.y(), narrow.maxY());
        var two = model.positionOf(second);
        assertThat(two.x()).isBetween(scrolled.x(), scrolled.maxX() - Segmentation.CARD_WIDTH);
        assertThat(two.y()).isBetween(scrolled.y(), scrolled.maxY());
    }

    @Test
    void anAddedFunctionStartsInNoSegmentAndARemovedOneLeavesNoCallsBehind() {
        String added = model.addFunction();
        assertThat(model.design().unassignedFunctions()).extracting(f -> f.name()).containsExactly(added);

        model.removeFunction("catalog/price");
        assertThat(model.design().functions()).noneMatch(f -> f.calls().contains("catalog/price"));
        assertThat(model.design().segmentOf("catalog/price")).isEmpty();
    }

    @Test
    void movingACardKeepsWholePixelsInsideTheCanvas() {
        model.moveSegmentCard("images", 700.6, -30);

        assertThat(model.positionOf("images")).isEqualTo(new Position(701.0, 0.0));
    }

    @Test
    void savingWritesWhatTheModelHoldsAndClearsTheUnsavedMark() throws Exception {
        model.moveFunction("cart/add", "orders");

        assertThat(model.save()).isTrue();

        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(Files.readString(designer.file)).isEqualTo(model.jsonProperty().get());
        assertThat(DesignFiles.load(designer.file).value()).contains(model.design());
        assertThat(model.messageProperty().get()).isEqualTo("Saved webshop.json");
    }

    @Test
    void savingAfterOneChangeRewritesOnlyThatLineOfTheFile() throws Exception {
        var before = Files.readString(designer.file);
        model.setWorkers("orders", WorkerCount.of(5));

        model.save();

        var after = Files.readString(designer.file);
        var changed = after.lines().filter(line -> !before.lines().toList().contains(line)).toList();
        assertThat(changed).containsExactly("      \"workers\": 5,");
        assertThat(after.lines().count()).isEqualTo(before.lines().count());
        assertThat(model.jsonProperty().get()).isEqualTo(after);
    }

    @Test
    void anUnsavedNewDesignHasNoFileToSaveTo() {
        model.newDesign(Templates.starter());

        assertThat(model.save()).isFalse();
        assertThat(model.titleProperty().get()).isEqualTo("starter (not saved) \u2014 Clusterdeck");
        assertThat(model.problems()).isEmpty();
    }

    @Test
    void aNewDesignCanStartFromTheStarterOrAnyExampleAndEachIsValid() {
        assertThat(Templates.all()).extracting(t -> t.design().name())
                .containsExactly("starter", "hello", "webshop", "failover-lab");
        assertThat(Templates.all()).allSatisfy(t -> assertThat(t.design().validate()).as(t.title()).isEmpty());
    }

    @Test
    void fileChoosersOpenWhereTheDesignLivesOrWhereTheLastFileWasNeverInTheWorkingFolder() throws Exception {
        assertThat(model.suggestedFolder()).isEqualTo(designer.file.toAbsolutePath().getParent());

        model.newDesign(Templates.starter());

        assertThat(model.suggestedFolder()).isEqualTo(designer.file.toAbsolutePath().getParent());
        var fresh = new DesignerViewModel(new io.clusterdeck.app.workspace.RecentFiles(temp.resolve("none.txt")),
                designer.recovery, BundleImporter.UNAVAILABLE);
        assertThat(fresh.suggestedFolder()).isEqualTo(Path.of(System.getProperty("user.home")));
    }

    @Test
    void aFileThatCannotBeReadKeepsTheCurrentDesignAndSaysWhy() throws Exception {
        model.setWorkers("orders", WorkerCount.of(4));
        var before = model.design();
        Path broken = Files.writeString(temp.resolve("broken.json"), "{\n  \"version\": 1,\n  \"name\": \"Broken Name\"\n}\n");

        assertThat(model.open(broken)).isFalse();

        assertThat(model.design()).isEqualTo(before);
        assertThat(model.dirtyProperty().get()).isTrue();
        assertThat(model.openProblems()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.source()).endsWith("broken.json");
            assertThat(problem.line()).isPositive();
        });
        assertThat(model.messageProperty().get()).startsWith("Could not open broken.json: ");
    }

    @Test
    void whenTheProblemsOfAFileThatCannotBeOpenedAreShownTheSentenceNamesThatFile() throws Exception {
        Path broken = Files.writeString(temp.resolve("broken.json"), "{\n  \"version\": 1,\n  \"name\": \"Broken Name\"\n}\n");
        Path syntax = Files.writeString(temp.resolve("syntax.json"), "{ \"version\": 1,");
        var seen = new java.util.ArrayList<String>();
        model.openProblems().addListener((javafx.collections.ListChangeListener<Object>) c -> {
            if (!model.openProblems().isEmpty()) {
                seen.add(model.openFailureProperty().get() + " | " + model.messageProperty().get());
            }
        });

        model.open(broken);
        model.open(syntax);

        assertThat(seen).containsExactly(
                "Could not open broken.json: 3 problems | Could not open broken.json: 3 problems",
                "Could not open syntax.json: 1 problem | Could not open syntax.json: 1 problem");
        model.open(designer.file);
        assertThat(model.openFailureProperty().get()).isEmpty();
    }

    @Test
    void aDesignWithProblemsOpensWithTheProblemsAtTheFilesOwnLines() throws Exception {
        String text = Files.readString(designer.file).replace("\"workers\": 3,", "\"workers\": 1,");
        Path invalid = Files.writeString(temp.resolve("invalid.json"), text);
        int line = (int) text.lines().takeWhile(l -> !l.contains("\"workers\": 1,")).count() + 1;

        assertThat(model.open(invalid)).isTrue();

        assertThat(model.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.problem().toString()).startsWith(invalid + ":" + line + ":");
            assertThat(problem.element()).isEqualTo(Selection.segment("images"));
        });
        assertThat(Files.readString(invalid)).isEqualTo(text);
    }

    @Test
    void openedAndSavedFilesAreRememberedNewestFirst() throws Exception {
        Path other = Files.copy(TestDesigner.DESIGNS.resolve("hello.json"), temp.resolve("hello.json"));
        model.open(other);

        assertThat(model.recentFiles()).containsExactly(other.toAbsolutePath(), designer.file.toAbsolutePath());
    }

    @Test
    void anEditLeavesARecoveryCopyThatASaveRemoves() throws Exception {
        model.moveFunction("cart/add", "orders");
        designer.flushRecovery();

        var recovered = designer.recovery.find().orElseThrow();
        assertThat(recovered.design()).isEqualTo(model.design());
        assertThat(recovered.source()).contains(designer.file.toAbsolutePath());

        model.save();
        assertThat(designer.recovery.find()).isEmpty();
    }

    @Test
    void openingAnotherFileForgetsTheRecoveryCopy() throws Exception {
        model.moveFunction("cart/add", "orders");
        designer.flushRecovery();

        model.open(Files.copy(TestDesigner.DESIGNS.resolve("hello.json"), temp.resolve("hello.json")));

        assertThat(designer.recovery.find()).isEmpty();
    }

    @Test
    void recoveredWorkIsAnUnsavedChangeToItsFileThatCanBeUndone() throws Exception {
        model.moveFunction("cart/add", "orders");
        designer.flushRecovery();
        var edited = model.design();
        try (var next = new TestDesigner(Files.createDirectories(temp.resolve("next")), "hello.json")) {
            next.model.recover(designer.recovery.find().orElseThrow());

            assertThat(next.model.design()).isEqualTo(edited);
            assertThat(next.model.file()).contains(designer.file.toAbsolutePath());
            assertThat(next.model.dirtyProperty().get()).isTrue();
            next.model.undo();
            assertThat(next.model.design().segment("storefront").orElseThrow().functions()).contains("cart/add");
        }
    }

    @Test
    void importingABundleWithoutAScannerChangesNothing() {
        model.importBundle(temp.resolve("functions.jar"));

        assertThat(model.canImportBundles()).isFalse();
        assertThat(model.canUndoProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo("Importing bundles is not available yet");
    }
}
