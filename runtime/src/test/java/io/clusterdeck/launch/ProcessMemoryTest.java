package io.clusterdeck.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {
    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void aRunningProcessHoldsSomeMemoryAndNoProcessHoldsNone() {
        assertThat(ProcessMemory.heldBytes(SELF).orElseThrow()).isPositive();
        assertThat(ProcessMemory.heldBytes(-1)).isEmpty();
        assertThat(ProcessMemory.residentBytes(-1)).isEmpty();
    }

    @Test
    void whatAProcessHoldsIsItsShareOfTheResidentPagesSoAtMostItsResidentSet() {
        long held = ProcessMemory.heldBytes(SELF).orElseThrow();
        long resident = ProcessMemory.residentBytes(SELF).orElseThrow();

        // A JVM shares its libraries' pages with every other process mapping them: its share is below its resident set.
        assertThat(held).isPositive().isLessThan(resident);
    }

    @Test
    void processesThatCannotBeReadAreLeftOutOfTheSum() {
        long self = ProcessMemory.heldBytes(SELF).orElseThrow();

        assertThat(ProcessMemory.heldBytes(List.of(SELF, -1L)).orElseThrow()).isBetween(self / 2, self * 2);
        assertThat(ProcessMemory.heldBytes(List.of(-1L, 0L))).isEmpty();
    }

    @Test
    void sizesReadInMegabytesUpToTenGigabytes() {
        assertThat(ProcessMemory.shown(81L << 20)).isEqualTo("81 MB");
        assertThat(ProcessMemory.shown(2900L << 20)).isEqualTo("2900 MB");
        assertThat(ProcessMemory.shown(12L << 30)).isEqualTo("12 GB");
    }
}
