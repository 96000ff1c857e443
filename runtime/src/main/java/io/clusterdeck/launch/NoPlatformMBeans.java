package io.clusterdeck.launch;

import javax.management.MBeanServer;
import javax.management.MBeanServerBuilder;
import javax.management.MBeanServerDelegate;

/**
 * Keeps the processes the launcher starts from building the platform MBean server, which the I/O library asks for
 * at start only to publish figures nobody reads here (and which it does without when it cannot have it). Building
 * it loads and introspects every platform MXBean: a fifth of a second of a service's start and a few megabytes of
 * its memory. Named by {@code -Djavax.management.builder.initial}; {@code jcmd} and the attach mechanism still work,
 * only JMX remoting does not.
 */
public final class NoPlatformMBeans extends MBeanServerBuilder {
    @Override
    public MBeanServer newMBeanServer(String defaultDomain, MBeanServer outer, MBeanServerDelegate delegate) {
        throw new UnsupportedOperationException("cluster services offer no MBean server");
    }
}
