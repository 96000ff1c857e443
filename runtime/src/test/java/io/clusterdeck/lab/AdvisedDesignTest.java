package io.clusterdeck.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.Access;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import java.util.HashSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever the advice, applying all of it gives a valid design that changes only the segments it names. */
class AdvisedDesignTest {
    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("split", AdvisorTest.STORE, AdvisorTest.STORE_PROFILE),
                Arguments.of("merge", AdvisorTest.QUOTES, AdvisorTest.quotes(900, 3)),
                Arguments.of("move", AdvisorTest.payments(Access.PRIVATE), AdvisorTest.PAYMENTS_PROFILE),
                Arguments.of("flag", AdvisorTest.payments(Access.PROTECTED), AdvisorTest.PAYMENTS_PROFILE),
                Arguments.of("webshop", Designs.webshop(), Profiles.webshop()),
                Arguments.of("webshop, nothing measured", Designs.webshop(), Profiles.profile("webshop", 1,
                        java.util.List.of(), java.util.List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void advisedDesignIsValidAndReadsBackFromItsFile(String name, Design design, Profile profile) {
        var advised = Advisor.apply(design, Advisor.advise(design, profile, AdviceOptions.DEFAULT));

        assertThat(advised.validate()).isEmpty();
        assertThat(DesignFiles.parse(DesignFiles.toJson(advised), "advised.json").orThrow()).isEqualTo(advised);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void segmentsNoAdviceNamesKeepTheirSettingsAndTheirPlaceInTheLayout(String name, Design design, Profile profile) {
        var advice = Advisor.advise(design, profile, AdviceOptions.DEFAULT);
        var advised = Advisor.apply(design, advice);
        var named = new HashSet<String>();
        advice.forEach(a -> named.addAll(a.segments()));

        for (var segment : design.segments()) {
            if (!named.contains(segment.name())) {
                assertThat(advised.segment(segment.name())).contains(segment);
                assertThat(advised.layout().segments().get(segment.name()))
                        .isEqualTo(design.layout().segments().get(segment.name()));
            }
        }
    }
}
