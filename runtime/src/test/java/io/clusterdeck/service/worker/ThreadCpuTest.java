package io.clusterdeck.service.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {
    @Test
    void readsTheCallingThreadsOwnCpuTimeAsTheJvmsThreadBeanDoes() {
        assertThat(ThreadCpu.measured()).isEqualTo(ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported());

        long before = ThreadCpu.nanos();
        SimulatedFunction.burn(20);
        long after = ThreadCpu.nanos();
        long bean = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();

        assertThat(ThreadCpu.measured()).isTrue();
        assertThat(after - before).as("a 20 ms burn").isGreaterThanOrEqualTo(20_000_000L);
        assertThat(bean).isGreaterThanOrEqualTo(after);
    }
}
