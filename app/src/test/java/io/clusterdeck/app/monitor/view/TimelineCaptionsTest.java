package io.clusterdeck.app.monitor.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineCaptionsTest {
    private static final double LEFT = 80;
    private static final double RIGHT = 680;

    private static double width(String text) {
        return text.length() * 6.0;
    }

    @Test
    void crowdedCaptionsNeverOverlapEachOtherNorOtherMarksNorLeaveTheirLane() {
        var marks = new ArrayList<TimelineCaptions.Mark>();
        for (int i = 0; i < 24; i++) {
            marks.add(new TimelineCaptions.Mark(100 + i * 24, i % 3, i % 2 == 0 ? "removed " + i : null, i % 5 == 0));
        }

        var placed = TimelineCaptions.place(marks, LEFT, RIGHT, 18, TimelineCaptionsTest::width);

        assertThat(placed).isNotEmpty();
        for (var a : placed) {
            for (var b : placed) {
                assertThat(a != b && a.overlaps(b)).as("%s and %s", a.text(), b.text()).isFalse();
            }
            int lane = (int) (a.y() / 18);
            assertThat(a.y()).isGreaterThanOrEqualTo(lane * 18.0);
            assertThat(a.y() + a.height()).isLessThanOrEqualTo((lane + 1) * 18.0);
            assertThat(a.x()).isGreaterThanOrEqualTo(LEFT);
            assertThat(a.x() + a.width()).isLessThanOrEqualTo(RIGHT);
            for (var mark : marks) {
                boolean own = a.text().equals(mark.caption());
                boolean sameLane = mark.lane() == lane;
                if (!own && sameLane) {
                    assertThat(mark.x() + TimelineCaptions.MARK <= a.x() || mark.x() - TimelineCaptions.MARK >= a.x() + a.width())
                            .as("%s covers a mark at %s", a.text(), mark.x()).isTrue();
                }
            }
        }
    }

    @Test
    void theNewestCaptionWinsAndAWorkerComingBackReadsForward() {
        var marks = List.of(new TimelineCaptions.Mark(300, 1, "removed worker-images-2", false),
                new TimelineCaptions.Mark(310, 1, "healthy worker-images-2", true));

        var placed = TimelineCaptions.place(marks, LEFT, RIGHT, 30, TimelineCaptionsTest::width);

        assertThat(placed).extracting(TimelineCaptions.Placed::text)
                .containsExactly("healthy worker-images-2", "removed worker-images-2");
        assertThat(placed.get(0).x()).isEqualTo(310 + TimelineCaptions.GAP);
    }

    @Test
    void lanesTooThinForTextGetNoCaptions() {
        var marks = List.of(new TimelineCaptions.Mark(300, 0, "kill worker-images-2", false));

        assertThat(TimelineCaptions.place(marks, LEFT, RIGHT, 11, TimelineCaptionsTest::width)).isEmpty();
    }
}
