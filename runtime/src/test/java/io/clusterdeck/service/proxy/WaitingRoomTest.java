package io.clusterdeck.service.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WaitingRoomTest {
    @Test
    void aFullRoomRefusesTheNextCallUntilOneLeaves() {
        var room = new WaitingRoom(2);

        assertThat(room.enter()).isTrue();
        assertThat(room.enter()).isTrue();
        assertThat(room.enter()).isFalse();
        room.leave();
        assertThat(room.enter()).isTrue();
        assertThat(room.waiting()).isEqualTo(2);
    }

    @Test
    void aRoomHoldsAtLeastOneCall() {
        assertThatThrownBy(() -> new WaitingRoom(0)).hasMessage("a waiting room holds at least one call, not 0");
    }
}
