package io.clusterdeck.app.experiment;

import io.clusterdeck.compare.Comparison;
import io.clusterdeck.compare.Experiment;
import io.clusterdeck.compare.ExperimentSpec;
import io.clusterdeck.launch.LaunchOptions;
import java.util.function.Consumer;

/** Makes the experiments the Experiments view runs: real ones on this machine, or scripted ones in tests. */
@FunctionalInterface
public interface ExperimentRunner {

    /** A new experiment under {@code spec} that tells {@code progress} where it is, from its own thread. */
    Run create(ExperimentSpec spec, Consumer<Experiment.Progress> progress);

    /** One experiment: {@link #run} blocks until it is done; {@link #cancel} may be called from any thread meanwhile. */
    interface Run {
        /** @throws java.util.concurrent.CancellationException when cancelled */
        Comparison run(Experiment.Candidate a, Experiment.Candidate b);

        void cancel();
    }

    /** Experiments that launch both designs as real processes on this machine. */
    static ExperimentRunner local(LaunchOptions options) {
        return (spec, progress) -> {
            var experiment = new Experiment(spec, options, progress);
            return new Run() {
                @Override
                public Comparison run(Experiment.Candidate a, Experiment.Candidate b) {
                    return experiment.run(a, b);
                }

                @Override
                public void cancel() {
                    experiment.cancel();
                }
            };
        };
    }
}
