/**
 * Meters and their measurements. A {@link io.mixbench.meter.MeterFactory} service creates one
 * {@link io.mixbench.meter.Meter} per track; the analysis feeds every meter the same decoded blocks in one
 * streaming pass and collects each meter's {@link io.mixbench.meter.Measurement}s, keyed by the stable ids
 * of {@link io.mixbench.meter.MeasurementIds} (third-party meters add ids of their own). Every measurement
 * carries its unit ({@link io.mixbench.meter.Units}).
 */
@Export
@Version("1.5.0")
package io.mixbench.meter;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
