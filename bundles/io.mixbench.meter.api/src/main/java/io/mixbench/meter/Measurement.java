package io.mixbench.meter;

/**
 * One measured quantity with its unit. Implementations are the records in this package: {@link Scalar},
 * {@link PerChannel}, {@link Spectrum} and {@link Series}.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Measurement {

    /** The unit of every value of this measurement, one of {@link Units} or a meter's own. */
    String unit();
}
