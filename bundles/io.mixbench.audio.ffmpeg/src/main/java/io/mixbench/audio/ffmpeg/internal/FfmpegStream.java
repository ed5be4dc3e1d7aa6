package io.mixbench.audio.ffmpeg.internal;

import io.mixbench.audio.AbstractAudioStream;
import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.SampleEncoding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Samples ffmpeg decodes: the file's bytes go to ffmpeg's stdin from a copier thread (or ffmpeg reads the file itself,
 * and may seek in it), 32-bit float samples come back on its stdout and are read in blocks into one reused buffer. ffmpeg's error output, or a non-zero exit, fails the
 * stream with ffmpeg's own words; closing the stream kills the process.
 */
final class FfmpegStream extends AbstractAudioStream {

    /**
     * The demuxers ffmpeg may use: audio formats, and the film containers bounces come in, that hold their own samples.
     * Playlists and other formats that open further files or addresses (hls, dash, concat, imf, image2, sdp, ...) are
     * left out, so a session file (an HLS playlist named .m4a) cannot make ffmpeg read a file outside the session or
     * go on the network. "mov" also covers mp4 and m4a (ffmpeg follows no external data references in them by
     * default), "matroska" covers webm.
     */
    static final String DEMUXERS = String.join(",", "aac", "ac3", "aiff", "amr", "ape", "asf", "au", "caf", "dsf",
            "dts", "dtshd", "eac3", "flac", "iff", "loas", "matroska", "mlp", "mov", "mp3", "mpc", "mpc8", "mpegts",
            "ogg", "shn", "sox", "tak", "truehd", "tta", "voc", "w64", "wav", "wv", "xwma");
    /** ffprobe sees this much of the file's start; the stream formats ffmpeg reads from a pipe say all up front. */
    static final int PROBE_BYTES = 1 << 20;
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int MAX_ERROR_BYTES = 4096;
    private static final long EXIT_TIMEOUT_SECONDS = 30;
    private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final AudioFormat format;
    private final int channels;
    private final int frameBytes;
    private final Process process;
    private final InputStream samples;
    /** The copier thread and the file it reads; both null when ffmpeg reads the file itself. */
    private final Thread copier;
    private final Thread errorReader;
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private final InputStream in;
    private final byte[] buffer;
    /** Unconverted bytes are {@code buffer[start..end)}. */
    private int start;
    private int end;
    private long framesRead;
    private volatile IOException sourceFailure;
    private IOException outputFailure;
    private boolean atEnd;

    /**
     * @param input ffmpeg's input: "pipe:0" to be fed {@code head} and then {@code in}, or a file ({@link #input})
     * @param in the rest of the file after {@code head}, or null when ffmpeg reads the file itself
     */
    private FfmpegStream(FfmpegTools tools, String input, InputStream in, byte[] head, int headLength, String source,
            Probe probe) throws IOException {
        super(source);
        this.in = in;
        this.channels = probe.channels();
        this.frameBytes = 4 * channels;
        this.format = new AudioFormat(probe.sampleRateHz(), probe.layout(), 0, SampleEncoding.PCM_FLOAT, -1,
                "ffmpeg " + probe.codec());
        this.buffer = new byte[Math.max(1, BUFFER_BYTES / frameBytes) * frameBytes];
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-hide_banner", "-nostats", "-v",
                "error"));
        command.addAll(inputArguments(input));
        command.addAll(List.of("-map", "0:a:0", "-f", "f32le", "-c:a", "pcm_f32le", "-ac", Integer.toString(
                channels), "-ar", Integer.toString(probe.sampleRateHz()), "pipe:1"));
        this.process = new ProcessBuilder(command).start();
        this.samples = process.getInputStream();
        if (in != null) {
            this.copier = daemon("ffmpeg stdin " + source, () -> copy(head, headLength));
            copier.start();
        } else {
            this.copier = null;
            process.getOutputStream().close();
        }
        this.errorReader = daemon("ffmpeg stderr " + source, () -> drain(process.getErrorStream(), errors));
        errorReader.start();
    }

    static FfmpegStream open(FfmpegTools tools, InputStream in, String source) throws IOException {
        byte[] head = new byte[PROBE_BYTES];
        int length = in.readNBytes(head, 0, head.length);
        if (length == 0) {
            throw new AudioDecodeException(source, "file is empty");
        }
        Probe probe = Probe.run(tools, head, length, source);
        return new FfmpegStream(tools, "pipe:0", in, head, length, source, probe);
    }

    /** ffmpeg and ffprobe read the file themselves, so formats they must seek in open too. */
    static FfmpegStream openFile(FfmpegTools tools, Path file, String source) throws IOException {
        if (!Files.isReadable(file)) {
            throw new AudioDecodeException(source, "cannot be read");
        }
        Probe probe = Probe.runFile(tools, file, source);
        return new FfmpegStream(tools, input(file), null, null, 0, source, probe);
    }

    /** The file as an ffmpeg input: the "file:" protocol, so no name is taken for another protocol or an option. */
    static String input(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    /**
     * ffmpeg's or ffprobe's arguments that open {@code input} ({@link #input(Path)} or "pipe:0") and nothing else:
     * only its own protocol, and only the demuxers of {@link #DEMUXERS}.
     */
    static List<String> inputArguments(String input) {
        return List.of("-protocol_whitelist", input.startsWith("file:") ? "file" : "pipe", "-format_whitelist",
                DEMUXERS, "-i", input);
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    /** The ffmpeg process, for tests. */
    Process process() {
        return process;
    }

    @Override
    protected int nextRun(int maxFrames) throws IOException {
        while (!atEnd) {
            int whole = (end - start) / frameBytes;
            if (whole > 0) {
                return Math.min(whole, maxFrames);
            }
            if (!fill()) {
                finish();
            }
        }
        return 0;
    }

    @Override
    protected void copyRun(float[][] block, int offset, int n) throws AudioDecodeException {
        convert(block, offset, n);
        start += n * frameBytes;
        framesRead += n;
    }

    /** Reads more of ffmpeg's output; false at its end. */
    private boolean fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        int n;
        try {
            n = samples.read(buffer, end, buffer.length - end);
        } catch (IOException e) {
            // The JDK closes a dead process's pipe under the reader; why it died is reported by finish().
            outputFailure = e;
            return false;
        }
        if (n < 0) {
            return false;
        }
        end += n;
        return true;
    }

    /** ffmpeg's output ended: it succeeded only if it exited with 0, said nothing, and the file read well. */
    private void finish() throws IOException {
        atEnd = true;
        try {
            if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AudioDecodeException(source(), "ffmpeg did not exit after its output ended");
            }
            errorReader.join(TimeUnit.SECONDS.toMillis(EXIT_TIMEOUT_SECONDS));
            if (copier != null) {
                copier.join(TimeUnit.SECONDS.toMillis(EXIT_TIMEOUT_SECONDS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AudioDecodeException(source(), "interrupted while waiting for ffmpeg", e);
        }
        IOException failure = sourceFailure;
        if (failure != null) {
            throw new AudioDecodeException(source(), "cannot be read: " + failure.getMessage(), failure);
        }
        String text = text(errors);
        if (process.exitValue() != 0 || !text.isEmpty()) {
            throw new AudioDecodeException(source(), "ffmpeg could not decode the file after " + framesRead
                    + " sample frames (exit code " + process.exitValue() + ")" + (text.isEmpty() ? "" : ": " + text));
        }
        if (outputFailure != null) {
            throw new AudioDecodeException(source(), "reading ffmpeg's output failed: " + outputFailure.getMessage(),
                    outputFailure);
        }
        if (end != start) {
            throw new AudioDecodeException(source(), "ffmpeg's output ends inside a sample frame");
        }
    }

    private void convert(float[][] block, int offset, int frames) throws AudioDecodeException {
        byte[] b = buffer;
        int stride = frameBytes;
        for (int c = 0; c < channels; c++) {
            float[] out = block[c];
            int p = start + 4 * c;
            // x * 0 is NaN exactly when x is NaN or infinite: one check per run, not per sample.
            float check = 0;
            for (int i = offset; i < offset + frames; i++, p += stride) {
                float v = (float) FLOAT_LE.get(b, p);
                out[i] = v;
                check += v * 0f;
            }
            if (check != 0) {
                for (int i = offset; i < offset + frames; i++) {
                    if (!Float.isFinite(out[i])) {
                        long sample = framesRead + (i - offset);
                        throw new AudioDecodeException(source(), String.format(Locale.ROOT,
                                "sample %d of channel %d is %s (at %.3f s)", sample, c + 1, Float.isNaN(out[i])
                                        ? "NaN"
                                        : "infinite",
                                (double) sample / format.sampleRateHz()));
                    }
                }
            }
        }
    }

    @Override
    protected void closeInput() throws IOException {
        process.destroyForcibly();
        IOException failure = null;
        try {
            samples.close();
        } catch (IOException e) {
            failure = e;
        }
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        try {
            if (copier != null) {
                copier.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Copies the probed head, then the rest of the file, to ffmpeg's stdin. */
    private void copy(byte[] head, int headLength) {
        OutputStream stdin = process.getOutputStream();
        try (stdin) {
            try {
                stdin.write(head, 0, headLength);
            } catch (IOException e) {
                return; // ffmpeg stopped reading: it has ended or failed, which its exit reports
            }
            byte[] chunk = new byte[BUFFER_BYTES];
            while (!isClosed()) {
                int n;
                try {
                    n = in.read(chunk);
                } catch (IOException e) {
                    if (!isClosed()) {
                        sourceFailure = e;
                        process.destroyForcibly();
                    }
                    return;
                }
                if (n < 0) {
                    return;
                }
                try {
                    stdin.write(chunk, 0, n);
                } catch (IOException e) {
                    return;
                }
            }
        } catch (IOException e) {
            // closing stdin after ffmpeg exited
        }
    }

    /** Reads a stream to its end, keeping its first {@link #MAX_ERROR_BYTES} bytes. */
    static void drain(InputStream from, ByteArrayOutputStream into) {
        byte[] chunk = new byte[1024];
        try (from) {
            int n;
            while ((n = from.read(chunk)) >= 0) {
                synchronized (into) {
                    into.write(chunk, 0, Math.max(0, Math.min(n, MAX_ERROR_BYTES - into.size())));
                }
            }
        } catch (IOException e) {
            // the process is gone; what was read is kept
        }
    }

    /** Error output as one line per message, trimmed. */
    static String text(ByteArrayOutputStream errors) {
        String text;
        synchronized (errors) {
            text = errors.toString(StandardCharsets.UTF_8);
        }
        return text.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    static Thread daemon(String name, Runnable task) {
        Thread t = new Thread(task, "mixbench " + name);
        t.setDaemon(true);
        return t;
    }
}
