package io.clusterdeck.lab;

import io.clusterdeck.design.Design;
import io.clusterdeck.design.Layout;
import io.clusterdeck.design.Position;
import io.clusterdeck.design.Segment;
import io.clusterdeck.design.WorkerCount;
import io.clusterdeck.json.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/** The changes advice makes to a design; each returns a new design and leaves every other segment as it was. */
final class DesignEdits {
    /** How far apart the designer's grid places segment cards. */
    static final double CARD_STEP = 360;

    private DesignEdits() {
    }

    /**
     * A segment name for a function alone, valid by the design's naming rules and not in {@code taken}:
     * {@code images/thumbnail} gives {@code images-thumbnail}, then {@code images-thumbnail-2}.
     */
    static String segmentName(String function, Set<String> taken) {
        var base = function.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        for (int n = 1; ; n++) {
            var suffix = n == 1 ? "" : "-" + n;
            var name = base.substring(0, Math.min(base.length(), 40 - suffix.length())).replaceAll("-+$", "") + suffix;
            if (!taken.contains(name) && Checks.LOWER_NAME.matcher(name).matches()) {
                return name;
            }
        }
    }

    /**
     * The design with functions moved out of their segment into a new one, which copies the old segment's workers,
     * policies and JVM, and whose card is drawn below the old one's, on the first free place.
     */
    static Design split(Design design, List<String> functions, String from, String newSegment) {
        var old = design.segment(from).orElseThrow();
        var created = old.withName(newSegment).withFunctions(functions)
                .withDescription(functions.get(0) + ", split off from '" + from + "'.");
        var segments = new ArrayList<Segment>();
        for (var segment : design.segments()) {
            segments.add(segment.name().equals(from) ? segment.withFunctions(segment.functions().stream()
                    .filter(f -> !functions.contains(f)).toList()) : segment);
            if (segment.name().equals(from)) {
                segments.add(created);
            }
        }
        var advised = design.withSegments(segments);
        var position = design.layout().segments().get(from);
        return position == null ? advised : advised.withLayout(design.layout().withSegment(newSegment,
                freeBeside(design.layout(), position)));
    }

    /**
     * The design with one segment's functions moved into another, which keeps its own name and policies and runs
     * the workers of both (within its autoscale bounds); the emptied segment and its card are gone.
     */
    static Design merge(Design design, String into, String from) {
        var target = design.segment(into).orElseThrow();
        var source = design.segment(from).orElseThrow();
        var functions = new ArrayList<>(target.functions());
        functions.addAll(source.functions());
        var workers = target.workers().perCore() || source.workers().perCore() ? target.workers()
                : WorkerCount.of(bounded(target, target.workers().fixed() + source.workers().fixed()));
        return without(design.withSegment(into, s -> s.withFunctions(functions).withWorkers(workers)), from);
    }

    /** The design with a function in another segment; a segment it leaves empty is removed with its card. */
    static Design move(Design design, String function, String to) {
        var from = design.segmentOf(function).orElseThrow().name();
        var moved = design.withSegments(design.segments().stream().map(s -> s.name().equals(to)
                ? s.withFunction(function) : s.withoutFunction(function)).toList());
        return moved.segment(from).orElseThrow().functions().isEmpty() ? without(moved, from) : moved;
    }

    /** The design with a segment on a fixed number of workers. */
    static Design resize(Design design, String segment, int workers) {
        return design.withSegment(segment, s -> s.withWorkers(WorkerCount.of(workers)));
    }

    /** A worker count within a segment's autoscale bounds and the format's limits. */
    static int bounded(Segment segment, int workers) {
        int low = segment.autoscale() == null ? 1 : segment.autoscale().minWorkers();
        int high = segment.autoscale() == null ? WorkerCount.MAX : segment.autoscale().maxWorkers();
        return Math.max(low, Math.min(high, workers));
    }

    private static Design without(Design design, String segment) {
        var positions = new TreeMap<>(design.layout().segments());
        positions.remove(segment);
        return design.withSegments(design.segments().stream().filter(s -> !s.name().equals(segment)).toList())
                .withLayout(new Layout(positions));
    }

    /**
     * The first free place to the right of a card, on its row: cards are as wide as one another but not as tall (a
     * card grows with its functions), so a place beside one never lands on it.
     */
    private static Position freeBeside(Layout layout, Position start) {
        double x = start.x() + CARD_STEP;
        while (taken(layout, x, start.y())) {
            x += CARD_STEP;
        }
        return new Position(x, start.y());
    }

    private static boolean taken(Layout layout, double x, double y) {
        return layout.segments().values().stream()
                .anyMatch(p -> Math.abs(p.x() - x) < CARD_STEP - 20 && Math.abs(p.y() - y) < CARD_STEP - 20);
    }
}
