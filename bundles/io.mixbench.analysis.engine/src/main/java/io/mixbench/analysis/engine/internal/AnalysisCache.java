package io.mixbench.analysis.engine.internal;

import io.mixbench.audio.AudioDecoder;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.Channel;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.files.AtomicFiles;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeterFactory;
import io.mixbench.meter.PerChannel;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import io.mixbench.meter.Spectrum;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.session.Session;
import io.mixbench.session.Track;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32C;

/**
 * Measurements of unchanged files, kept beside the session in {@code .mixbench/cache/} so re-analysing or
 * re-opening a session does not decode again. An entry is keyed on the file's content (size and CRC-32C of every
 * byte) and on the id and algorithm version of every meter, so a changed file or a changed meter is measured again.
 * To avoid reading every file on every run, the content key of a path is remembered with the file's size and
 * modification time and recomputed only when either changes. Failed decodes are never cached.
 *
 * <p>
 * The cache may arrive inside a shared session folder, so its bytes are not trusted: each entry carries the keys it
 * was stored under and a CRC-32C of all its bytes; an entry whose keys differ (two entries swapped) or whose checksum
 * fails (a flipped byte), an older format, or anything unreadable is discarded, said in a note, and the file is
 * measured again. Entries are written with {@link AtomicFiles} (a temporary file, locked while it is written, moved
 * into place); each analysis first deletes the temporary files in the cache whose writer died (their lock is free).
 */
final class AnalysisCache {

    private static final Logger LOG = Logger.getLogger(AnalysisCache.class.getName());
    private static final int MAGIC = 0x4D584243; // "MXBC"
    /** 3: the entry's keys and a CRC-32C of the entry; older entries are discarded. */
    static final int FORMAT_VERSION = 3;
    /** Far above any real entry (a 100 ms series of a 10 h file is 1.4 MB); a larger file is not read. */
    static final int MAX_ENTRY_BYTES = 64 << 20;
    private static final int MAX_INDEX_BYTES = 8192;
    private static final byte SCALAR = 1;
    private static final byte PER_CHANNEL = 2;
    private static final byte SPECTRUM = 3;
    private static final byte SERIES = 4;

    /** Why an entry is not trusted, in words that never quote it. */
    private static final class Untrusted extends IOException {
        private static final long serialVersionUID = 1L;

        Untrusted(String reason) {
            super(reason);
        }
    }

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

    /**
     * A key for what turns a file into measurements: the meters' ids and algorithm versions, and the decoders'
     * formats and bundle versions (a decoder that is fixed or added may read the same bytes differently).
     */
    static String meterKey(List<ServiceEntry<AudioDecoder>> decoders, List<ServiceEntry<MeterFactory>> meters) {
        List<String> parts = new ArrayList<>();
        for (ServiceEntry<MeterFactory> m : meters) {
            parts.add(m.service().id() + "@" + m.service().algorithmVersion());
        }
        for (ServiceEntry<AudioDecoder> d : decoders) {
            parts.add("decoder:" + d.service().formatName() + "@" + d.bundle() + "@" + d.bundleVersion());
        }
        parts.sort(null);
        return sha256(String.join(",", parts)).substring(0, 16);
    }

    /**
     * The cached measurements of the track's file, or empty when there are none or the entry cannot be trusted.
     *
     * @param notes told, in a sentence naming the file, when an entry is discarded
     */
    Optional<MeasuredTrack> load(Track track, String meterKey, Consumer<String> notes) {
        String content;
        try {
            content = contentKey(track.file());
        } catch (IOException | RuntimeException e) {
            // Not readable as a regular file: the decoder reports it.
            return Optional.empty();
        }
        Path entry = entry(content, meterKey);
        if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(decode(readEntry(entry), content, meterKey, track));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "discarding cache entry " + entry, e);
            // Only our own reasons: another exception's message could quote the entry's bytes.
            String reason = e instanceof Untrusted ? e.getMessage() : "unreadable";
            notes.accept("Discarded the analysis cache entry of " + track.file() + " (" + reason
                    + "); measuring it again.");
            try {
                Files.deleteIfExists(entry);
            } catch (IOException ex) {
                LOG.log(Level.FINE, "cannot delete cache entry " + entry, ex);
            }
            return Optional.empty();
        }
    }

    void store(MeasuredTrack measured, String meterKey) {
        if (!measured.measured()) {
            return;
        }
        try {
            String content = contentKey(measured.track().file());
            writeAtomically(entry(content, meterKey), encode(measured, content, meterKey));
        } catch (IOException | RuntimeException e) {
            // A read-only session folder just means no cache.
            LOG.log(Level.FINE, "cannot cache " + measured.track().file(), e);
        }
    }

    private Path entry(String contentKey, String meterKey) {
        return dir.resolve("entries").resolve(contentKey + "-" + meterKey + ".bin");
    }

    /**
     * Size and CRC-32C of the content, remembered per path with size and modification time.
     *
     * @throws IOException when the file is not a regular file (a FIFO would block, a device never end) or unreadable
     */
    String contentKey(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        RegularFiles.require(absolute);
        long size = Files.size(absolute);
        long modified = Files.getLastModifiedTime(absolute).toMillis();
        Path index = dir.resolve("paths").resolve(sha256(absolute.toString()).substring(0, 32));
        String remembered = rememberedKey(index, size, modified, absolute);
        if (remembered != null) {
            return remembered;
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
        // The path is kept so an index file copied or swapped under another path's name is not believed.
        String line = size + " " + modified + " " + key + " " + absolute + "\n";
        writeAtomically(index, line.getBytes(StandardCharsets.UTF_8));
        return key;
    }

    /** The key remembered for this path, size and modification time, or null. */
    private static String rememberedKey(Path index, long size, long modified, Path absolute) {
        if (!Files.isRegularFile(index, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(index, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MAX_INDEX_BYTES);
        } catch (IOException e) {
            return null;
        }
        String[] parts = new String(bytes, StandardCharsets.UTF_8).strip().split(" ", 4);
        boolean matches = parts.length == 4 && parts[0].equals(Long.toString(size))
                && parts[1].equals(Long.toString(modified)) && parts[3].equals(absolute.toString())
                && parts[2].startsWith(Long.toHexString(size) + "-");
        return matches ? parts[2] : null;
    }

    /**
     * Deletes temporary files of cache writes whose writer died (a killed process): a live writer holds a lock on its
     * temporary file, so one whose lock can be taken is stale. Never throws.
     */
    void sweepStaleTemporaries() {
        for (String folder : List.of("entries", "paths")) {
            try {
                AtomicFiles.removeStaleTemporariesIn(dir.resolve(folder));
            } catch (IOException | RuntimeException e) {
                // An unreadable folder: nothing to sweep.
                LOG.log(Level.FINE, "cannot sweep " + dir.resolve(folder), e);
            }
        }
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        AtomicFiles.write(target, out -> out.write(bytes));
    }

    /** An entry: magic, format version, the keys it is stored under, the measurements, and a CRC-32C of all that. */
    static byte[] encode(MeasuredTrack measured, String contentKey, String meterKey) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(contentKey);
        out.writeUTF(meterKey);
        write(out, measured);
        CRC32C crc = new CRC32C();
        crc.update(bytes.toByteArray());
        out.writeInt((int) crc.getValue());
        out.flush();
        return bytes.toByteArray();
    }

    /**
     * The measurements of an entry read for {@code track} under these keys.
     *
     * @throws IOException saying why the entry is not trusted
     */
    static MeasuredTrack decode(byte[] entry, String contentKey, String meterKey, Track track) throws IOException {
        if (entry.length < 12) {
            throw new Untrusted("too short");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry, 0, entry.length - 4));
        if (in.readInt() != MAGIC) {
            throw new Untrusted("not a cache entry");
        }
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new Untrusted("cache format " + version + ", this Mixbench writes " + FORMAT_VERSION);
        }
        CRC32C crc = new CRC32C();
        crc.update(entry, 0, entry.length - 4);
        int stored = ByteBuffer.wrap(entry, entry.length - 4, 4).getInt();
        if (stored != (int) crc.getValue()) {
            throw new Untrusted("damaged: its checksum does not match");
        }
        if (!in.readUTF().equals(contentKey) || !in.readUTF().equals(meterKey)) {
            throw new Untrusted("it was stored for other content or other meters");
        }
        MeasuredTrack measured = read(in, track);
        if (in.read() != -1) {
            throw new Untrusted("trailing bytes");
        }
        return measured;
    }

    private static byte[] readEntry(Path entry) throws IOException {
        // A link or a special file is not something this cache wrote.
        if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
            throw new Untrusted("not a regular file");
        }
        try (InputStream in = Files.newInputStream(entry, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(MAX_ENTRY_BYTES + 1);
            if (bytes.length > MAX_ENTRY_BYTES) {
                throw new Untrusted("larger than any entry");
            }
            return bytes;
        }
    }

    private static void write(DataOutputStream out, MeasuredTrack t) throws IOException {
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
        int rate = in.readInt();
        int channels = in.readInt();
        if (channels < 1 || channels > 64) {
            throw new Untrusted("bad channel count");
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
        int metadataCount = checkedLength(in, in.readInt(), 6);
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
                    int n = checkedLength(in, in.readInt(), 10);
                    List<String> names = new ArrayList<>();
                    double[] values = new double[n];
                    for (int c = 0; c < n; c++) {
                        names.add(in.readUTF());
                        values[c] = in.readDouble();
                    }
                    measurements.put(id, new PerChannel(names, values, unit));
                }
                case SPECTRUM -> {
                    int n = checkedLength(in, in.readInt(), 16);
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
                    int n = checkedLength(in, in.readInt(), 4);
                    float[] values = new float[n];
                    for (int s = 0; s < n; s++) {
                        values[s] = in.readFloat();
                    }
                    measurements.put(id, new Series(step, values, unit));
                }
                default -> throw new Untrusted("unknown measurement type " + type);
            }
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
        byte[] bytes = new byte[checkedLength(in, in.readInt(), 1)];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * A count read from an entry, checked against the bytes left (an entry is read whole into memory), so a damaged
     * or planted count never allocates more than the entry holds.
     *
     * @param bytesPerItem the fewest bytes one item takes in the entry
     */
    private static int checkedLength(DataInputStream in, int n, int bytesPerItem) throws IOException {
        if (n < 0 || (long) n * bytesPerItem > in.available()) {
            throw new Untrusted("implausible length " + n);
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
