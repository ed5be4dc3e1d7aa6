package io.mixbench.analysis.engine.internal;

import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * A service object with where it came from, so findings and reports can name the bundle of a failing plug-in.
 *
 * @param service the service object
 * @param bundle symbolic name of the registering bundle
 * @param bundleVersion its version
 * @param ranking the service ranking (higher first)
 * @param serviceId the service id (lower first among equal rankings)
 * @param sequence unique per entry, so two entries never compare equal and a sorted set keeps both
 */
record ServiceEntry<S>(S service, String bundle, String bundleVersion, int ranking, long serviceId, long sequence)
        implements
            Comparable<ServiceEntry<S>> {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    ServiceEntry(S service, String bundle, String bundleVersion, int ranking, long serviceId) {
        this(service, bundle, bundleVersion, ranking, serviceId, SEQUENCE.incrementAndGet());
    }

    static <S> ServiceEntry<S> of(S service, ServiceReference<?> ref) {
        Bundle b = ref.getBundle();
        Object ranking = ref.getProperty("service.ranking");
        Object id = ref.getProperty("service.id");
        return new ServiceEntry<>(service, b == null ? "unknown" : b.getSymbolicName(),
                b == null ? "0.0.0" : b.getVersion().toString(), ranking instanceof Integer i ? i : 0,
                id instanceof Long l ? l : 0L);
    }

    @Override
    public int compareTo(ServiceEntry<S> other) {
        int byRanking = Integer.compare(other.ranking, ranking);
        if (byRanking != 0) {
            return byRanking;
        }
        int byId = Long.compare(serviceId, other.serviceId);
        return byId != 0 ? byId : Long.compare(sequence, other.sequence);
    }
}
