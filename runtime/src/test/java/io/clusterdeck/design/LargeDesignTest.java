package io.clusterdeck.design;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.json.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Designs far larger than anyone draws by hand are checked like small ones, without running out of stack. */
class LargeDesignTest {
    private static Design chain(int length, boolean closed) {
        var functions = new ArrayList<Function>();
        var names = new ArrayList<String>();
        for (int i = 0; i < length; i++) {
            var calls = i < length - 1 ? List.of("chain/f" + (i + 1)) : closed ? List.of("chain/f0") : List.<String>of();
            functions.add(new Function("chain/f" + i, null, i == 0 ? Access.PUBLIC : Access.PRIVATE, true, calls,
                    new Simulation(0.0, null, 0.0, 64), null));
            names.add("chain/f" + i);
        }
        return Design.named("chain").withFunctions(functions)
                .withSegments(List.of(Segment.named("all").withFunctions(names)));
    }

    @Test
    void callChainOfFourThousandFunctionsIsValid() {
        assertThat(chain(4_000, false).validate()).isEmpty();
    }

    @Test
    void cycleAtTheEndOfALongChainIsFoundAndShownShort() {
        var problems = chain(4_000, true).validate();

        assertThat(problems).extracting(Problem::message).containsExactly("calls form a cycle: chain/f0 -> chain/f1"
                + " -> chain/f2 -> chain/f3 -> chain/f4 -> ... (3991 more) -> chain/f3996 -> chain/f3997 -> chain/f3998"
                + " -> chain/f3999 -> chain/f0");
    }
}
