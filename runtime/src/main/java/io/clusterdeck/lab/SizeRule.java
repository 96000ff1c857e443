package io.clusterdeck.lab;

import io.clusterdeck.design.Access;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.Segment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Size and availability, one decision per segment so the two never contradict each other.
 *
 * <p>Size: a segment needs {@code ceil(sum of calls/s x cpuMsPerCall / 1000 / (target utilisation x cores per
 * worker))} workers, at least 1, to carry the measured load at the target utilisation (Jitar's roadmap: "some
 * tweaking of ... the number of workers is required to get it right. You can only find out by measuring it").
 *
 * <p>Availability: a segment that serves public functions keeps at least {@link #AVAILABLE_WORKERS}, since the
 * gateway can only fail over to another worker (Jitar: "a cluster with multiple workers is required to be able to
 * guarantee availability").
 *
 * <p>The advised count is the larger of the two, within the segment's autoscale bounds. More than it has is size
 * advice (under-provisioned); fewer is size advice too (over-provisioned); a count the CPU does not need but
 * availability does is availability advice. A segment with no measured calls gets availability advice only, and one
 * with a worker per core none: its count depends on the machine.
 */
final class SizeRule {
    static final int AVAILABLE_WORKERS = 2;
    /** Keeps a demand that is a whole number of workers in floating point (1.2 / 0.6 = 2.0000000000000004) at it. */
    private static final double ROUNDING = 1e-9;
    /** How many of a segment's heaviest functions the evidence names. */
    private static final int NAMED = 3;

    private SizeRule() {
    }

    static List<Advice> propose(Situation situation) {
        var advice = new ArrayList<Advice>();
        for (var segment : situation.design().segments()) {
            if (segment.workers().perCore()) {
                continue;
            }
            int now = segment.workers().fixed();
            int floor = situation.servesPublic(segment) ? AVAILABLE_WORKERS : 1;
            boolean measured = !situation.measuredIn(segment).isEmpty();
            int needed = measured ? needed(situation, segment) : 1;
            int advised = DesignEdits.bounded(segment, Math.max(needed, floor));
            if (advised == now || !measured && now >= floor) {
                continue;
            }
            String name = segment.name();
            UnaryOperator<Design> edit = d -> DesignEdits.resize(d, name, advised);
            if (needed > now || advised < now) {
                advice.add(size(situation, segment, needed, Math.max(needed, floor), advised, edit));
            } else {
                advice.add(availability(situation, segment, advised, edit));
            }
        }
        return advice;
    }

    /** Workers for the measured CPU demand at the target utilisation. */
    static int needed(Situation situation, Segment segment) {
        var options = situation.options();
        double workers = situation.cpuCores(segment) / (options.targetUtilisation() * options.coresPerWorker());
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(workers - ROUNDING)));
    }

    private static Advice size(Situation situation, Segment segment, int needed, int wanted, int advised,
                               UnaryOperator<Design> edit) {
        int now = segment.workers().fixed();
        double cores = situation.cpuCores(segment);
        int perWorker = situation.options().coresPerWorker();
        double target = situation.options().targetUtilisation();
        var why = needed > now ? "it is under-provisioned for the measured load"
                : "it is over-provisioned for the measured load";
        var kept = advised != wanted ? " (within its autoscale bounds)"
                : advised > needed ? " (" + advised + " so that one can fail)" : "";
        return new Advice(AdviceKind.SIZE, List.of(), List.of(segment.name()),
                (advised > now ? "Raise" : "Lower") + " '" + segment.name() + "' from " + now + " to "
                        + Figures.workers(advised) + kept + ": " + why + ".",
                Figures.format(cores) + " cores of CPU demand measured (" + heaviest(situation, segment) + "); "
                        + Figures.workers(needed) + " of " + perWorker + " core" + (perWorker == 1 ? "" : "s")
                        + (needed == 1 ? " carries" : " carry") + " it at " + Figures.percent(target) + ".",
                List.of(new Figure("cpuCores", cores, "cores"), new Figure("workers", now, "workers"),
                        new Figure("neededWorkers", needed, "workers"), new Figure("advisedWorkers", advised, "workers"),
                        new Figure("utilisation", utilisation(cores, now, perWorker), "share")),
                "Utilisation at the measured load " + Figures.percent(utilisation(cores, now, perWorker)) + " -> "
                        + Figures.percent(utilisation(cores, advised, perWorker)) + " (target "
                        + Figures.percent(target) + ").",
                edit);
    }

    private static Advice availability(Situation situation, Segment segment, int advised,
                                       UnaryOperator<Design> edit) {
        int now = segment.workers().fixed();
        var publics = segment.functions().stream().filter(f -> situation.design().function(f)
                .map(d -> d.access() == Access.PUBLIC).orElse(false)).toList();
        double cores = situation.cpuCores(segment);
        return new Advice(AdviceKind.AVAILABILITY, publics, List.of(segment.name()),
                "Run '" + segment.name() + "' on " + Figures.workers(advised) + ": with " + now + ", its public functions"
                        + " fail whenever that worker does.",
                Figures.workers(now) + " serving " + String.join(", ", publics) + "; "
                        + (situation.measuredIn(segment).isEmpty() ? "no calls measured."
                        : Figures.format(cores) + " cores of CPU demand measured, which " + Figures.workers(now)
                        + " carr" + (now == 1 ? "ies" : "y") + "."),
                List.of(new Figure("workers", now, "workers"), new Figure("advisedWorkers", advised, "workers"),
                        new Figure("cpuCores", cores, "cores")),
                "The gateway fails over to another worker while one is down or restarting.",
                edit);
    }

    private static double utilisation(double cores, int workers, int coresPerWorker) {
        return cores / (workers * (double) coresPerWorker);
    }

    /** The functions with the most CPU demand: {@code catalog/search 120 calls/s x 2 ms}. */
    private static String heaviest(Situation situation, Segment segment) {
        return String.join(", ", situation.measuredIn(segment).stream()
                .sorted(Comparator.comparingDouble((FunctionProfile f) -> situation.cpuCores(f)).reversed()).limit(NAMED)
                .map(f -> f.name() + " " + Figures.format(situation.rate(f)) + " calls/s x "
                        + Figures.format(f.cpuMsPerCall()) + " ms").toList());
    }
}
