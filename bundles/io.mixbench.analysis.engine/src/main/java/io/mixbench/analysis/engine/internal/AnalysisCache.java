package io.mixbench.analysis.engine.internal;

import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.Channel;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeterFactory;
import io.mixbench.meter.PerChannel;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import io.mixbench.meter.Spectrum;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.session.Session;
import io.mixbench.session.Track;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32C;

/**
 * Measurements of unchanged files, kept beside the session in {@code .mixbench/cache/} so re-analysing or
 * re-opening a session does not decode again. An entry is keyed on the file's content (size and CRC-32C of every
 * byte) and on the id and algorithm version of every meter, so a changed file or a changed meter is measured again.
 * To avoid reading every file on every run, the content key of a path is remembered with the file's size and
 * modification time and recomputed only when either changes. Entries are written atomically; an unreadable entry
 * is a miss, never an error. Failed decodes are never cached.
 */
final class AnalysisCache {

    private static final Logger LOG = Logger.getLogger(AnalysisCache.class.getName());
    private static final int MAGIC = 0x4D584243; // "MXBC"
    private static final int FORMAT_VERSION = 2;
    private static final byte SCALAR = 1;
    private static final byte PER_CHANNEL = 2;
    private static final byte SPECTRUM = 3;
    private static final byte SERIES = 4;

    private final Path dir;

    AnalysisCache(Path dir) {
        this.dir = dir;
    }

    /** The cache of a session: {@code .mixbench/cache} in the session's folder. */
    static AnalysisCache of(Session session) {
        Path location = session.location().toAbsolutePath();
        Path folder = Files.isDirectory(location) ? location : location.getParent();
        return new AnalysisCache(folder.resolve(".mixbench").resolve("cache"));
    }

    /** A key for the set of meters: their ids and algorithm versions. */
    static String meterKey(List<ServiceEntry<MeterFactory>> meters) {
        List<String> parts = new ArrayList<>();
        for (ServiceEntry<MeterFactory> m : meters) {
            parts.add(m.service().id() + "@" + m.service().algorithmVersion());
        }
        parts.sort(null);
        return sha256(String.join(",", parts)).substring(0, 16);
    }

    Optional<MeasuredTrack> load(Track track, String meterKey) {
        try {
            String content = contentKey(track.file());
            Path entry = entry(content, meterKey);
            if (!Files.isRegularFile(entry)) {
                return Optional.empty();
            }
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(entry)))) {
                return Optional.of(read(in, track));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "dropping unreadable cache entry " + entry, e);
                Files.deleteIfExists(entry);
                return Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void store(MeasuredTrack measured, String meterKey) {
        if (!measured.measured()) {
            return;
        }
        try {
            Path entry = entry(contentKey(measured.track().file()), meterKey);
            writeAtomically(entry, out -> write(out, measured));
        } catch (IOException | RuntimeException e) {
            // A read-only session folder just means no cache.
            LOG.log(Level.FINE, "cannot cache " + measured.track().file(), e);
        }
    }

    private Path entry(String contentKey, String meterKey) {
        return dir.resolve("entries").resolve(contentKey + "-" + meterKey + ".bin");
    }

    /** Size and CRC-32C of the content, remembered per path with size and modification time. */
    String contentKey(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        long size = Files.size(absolute);
        long modified = Files.getLastModifiedTime(absolute).toMillis();
        Path index = dir.resolve("paths").resolve(sha256(absolute.toString()).substring(0, 32));
        if (Files.isRegularFile(index)) {
            String[] remembered = Files.readString(index, StandardCharsets.US_ASCII).trim().split(" ");
            if (remembered.length == 3 && remembered[0].equals(Long.toString(size))
                    && remembered[1].equals(Long.toString(modified))) {
                return remembered[2];
            }
        }
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(absolute)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                crc.update(buffer, 0, n);
            }
        }
        String key = Long.toHexString(size) + "-" + Long.toHexString(crc.getValue());
        String line = size + " " + modified + " " + key + "\n";
        writeAtomically(index, out -> out.write(line.getBytes(StandardCharsets.US_ASCII)));
        return key;
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static void writeAtomically(Path target, Writer writer) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".", ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                writer.write(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void write(DataOutputStream out, MeasuredTrack t) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        AudioFormat f = t.format();
        out.writeInt(f.sampleRateHz());
        out.writeInt(f.channels());
        for (Channel c : f.layout().channels()) {
            out.writeUTF(c.name());
        }
        out.writeInt(f.bitsPerSample());
        out.writeUTF(f.encoding().name());
        out.writeLong(f.frames());
        out.writeUTF(f.formatName());
        out.writeDouble(t.durationSeconds());
        out.writeInt(t.metadata().size());
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(t.metadata()).entrySet()) {
            out.writeUTF(e.getKey());
            writeLongString(out, e.getValue());
        }
        out.writeInt(t.measurements().size());
        for (Map.Entry<String, Measurement> e : t.measurements().entrySet()) {
            out.writeUTF(e.getKey());
            Measurement m = e.getValue();
            if (m instanceof Scalar s) {
                out.writeByte(SCALAR);
                out.writeUTF(s.unit());
                out.writeDouble(s.value());
                out.writeUTF(s.reason() == null ? "" : s.reason());
            } else if (m instanceof PerChannel p) {
                out.writeByte(PER_CHANNEL);
                out.writeUTF(p.unit());
                double[] values = p.values();
                out.writeInt(values.length);
                for (int i = 0; i < values.length; i++) {
                    out.writeUTF(p.channels().get(i));
                    out.writeDouble(values[i]);
                }
            } else if (m instanceof Spectrum s) {
                out.writeByte(SPECTRUM);
                out.writeUTF(s.unit());
                double[] hz = s.frequenciesHz();
                double[] values = s.values();
                out.writeInt(hz.length);
                for (int i = 0; i < hz.length; i++) {
                    out.writeDouble(hz[i]);
                    out.writeDouble(values[i]);
                }
            } else if (m instanceof Series s) {
                out.writeByte(SERIES);
                out.writeUTF(s.unit());
                out.writeDouble(s.stepSeconds());
                out.writeInt(s.size());
                for (int i = 0; i < s.size(); i++) {
                    out.writeFloat(s.get(i));
                }
            } else {
                throw new IOException("cannot cache a measurement of type " + m.getClass().getName());
            }
        }
    }

    private static MeasuredTrack read(DataInputStream in, Track track) throws IOException {
        if (in.readInt() != MAGIC || in.readInt() != FORMAT_VERSION) {
            throw new IOException("not a cache entry of this version");
        }
        int rate = in.readInt();
        int channels = in.readInt();
        if (channels < 1 || channels > 64) {
            throw new IOException("bad channel count");
        }
        List<Channel> layout = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            layout.add(Channel.valueOf(in.readUTF()));
        }
        int bits = in.readInt();
        SampleEncoding encoding = SampleEncoding.valueOf(in.readUTF());
        long frames = in.readLong();
        String formatName = in.readUTF();
        AudioFormat format = new AudioFormat(rate, new ChannelLayout(layout), bits, encoding, frames, formatName);
        double duration = in.readDouble();
        int metadataCount = checkedLength(in.readInt());
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 0; i < metadataCount; i++) {
            metadata.put(in.readUTF(), readLongString(in));
        }
        int count = in.readInt();
        Map<String, Measurement> measurements = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String id = in.readUTF();
            byte type = in.readByte();
            String unit = in.readUTF();
            switch (type) {
                case SCALAR -> {
                    double value = in.readDouble();
                    String reason = in.readUTF();
                    measurements.put(id, new Scalar(value, unit, reason.isEmpty() ? null : reason));
                }
                case PER_CHANNEL -> {
                    int n = checkedLength(in.readInt());
                    List<String> names = new ArrayList<>();
                    double[] values = new double[n];
                    for (int c = 0; c < n; c++) {
                        names.add(in.readUTF());
                        values[c] = in.readDouble();
                    }
                    measurements.put(id, new PerChannel(names, values, unit));
                }
                case SPECTRUM -> {
                    int n = checkedLength(in.readInt());
                    double[] hz = new double[n];
                    double[] values = new double[n];
                    for (int b = 0; b < n; b++) {
                        hz[b] = in.readDouble();
                        values[b] = in.readDouble();
                    }
                    measurements.put(id, new Spectrum(hz, values, unit));
                }
                case SERIES -> {
                    double step = in.readDouble();
                    int n = checkedLength(in.readInt());
                    float[] values = new float[n];
                    for (int s = 0; s < n; s++) {
                        values[s] = in.readFloat();
                    }
                    measurements.put(id, new Series(step, values, unit));
                }
                default -> throw new IOException("unknown measurement type " + type);
            }
        }
        if (in.read() != -1) {
            throw new IOException("trailing bytes");
        }
        return new MeasuredTrack(track, format, duration, measurements, null, metadata);
    }

    /** Metadata values (iXML) may exceed writeUTF's 64 KiB. */
    private static void writeLongString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readLongString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[checkedLength(in.readInt())];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Lengths come from a file that may be damaged: never allocate more than a long series needs. */
    private static int checkedLength(int n) throws IOException {
        if (n < 0 || n > 50_000_000) {
            throw new IOException("implausible length " + n);
        }
        return n;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
