package io.clusterdeck.app.designer.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.app.designer.Area;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrowLabelTest {
    private static final double[] STRAIGHT = {0, 100, 100, 100, 300, 100, 400, 100};

    @Test
    void withNothingInTheWayTheLabelSitsAboveTheMiddleOfTheCurve() {
        var label = ArrowLabel.place(STRAIGHT, 40, 20, List.of());

        assertThat(label).isEqualTo(new Area(180, 76, 40, 20));
    }

    @Test
    void aCardOverTheMiddleOfTheCurvePushesTheLabelAlongItToWhereNoCardIs() {
        var card = new Area(150, 0, 100, 300);

        var label = ArrowLabel.place(STRAIGHT, 40, 20, List.of(card));

        assertThat(label.overlaps(card.grown(4))).isFalse();
        assertThat(label.y()).isCloseTo(76, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void theCurvesPointsAreItsEndsAndItsMiddle() {
        assertThat(ArrowLabel.at(STRAIGHT, 0, 0)).isZero();
        assertThat(ArrowLabel.at(STRAIGHT, 0, 1)).isEqualTo(400);
        assertThat(ArrowLabel.at(STRAIGHT, 1, 0.5)).isEqualTo(100);
    }
}
