package io.mixbench.audio.ffmpeg.internal;

import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.Channel;
import io.mixbench.audio.ChannelLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What ffprobe says about a file's first audio stream, read from the file's first bytes only (they are replayed to
 * ffmpeg afterwards) or from the file itself.
 *
 * @param codec ffmpeg's codec name, e.g. "wavpack"
 * @param sampleRateHz the stream's sample rate in Hz
 * @param channels the stream's channel count
 * @param layout the channels in the order ffmpeg delivers them
 */
record Probe(String codec, int sampleRateHz, int channels, ChannelLayout layout) {

    static final int MAX_CHANNELS = 32;
    private static final long TIMEOUT_SECONDS = 60;
    /** ffmpeg's words for a demuxer the input arguments do not allow: "[hls @ 0x55...] Format not on whitelist". */
    private static final Pattern REFUSED_FORMAT = Pattern.compile("\\[(\\w+) @ [^]]*\\] Format not on whitelist");

    private static final Channel L = Channel.LEFT;
    private static final Channel R = Channel.RIGHT;
    private static final Channel C = Channel.CENTRE;
    private static final Channel LFE = Channel.LFE;
    private static final Channel LS = Channel.LEFT_SURROUND;
    private static final Channel RS = Channel.RIGHT_SURROUND;
    private static final Channel LB = Channel.LEFT_BACK;
    private static final Channel RB = Channel.RIGHT_BACK;
    /** ffmpeg's layout names and its channel order for them; back speakers alone are the surrounds. */
    private static final Map<String, List<Channel>> LAYOUTS = Map.ofEntries(
            Map.entry("mono", List.of(Channel.MONO)),
            Map.entry("stereo", List.of(L, R)),
            Map.entry("2.1", List.of(L, R, LFE)),
            Map.entry("3.0", List.of(L, R, C)),
            Map.entry("quad", List.of(L, R, LS, RS)),
            Map.entry("5.0", List.of(L, R, C, LS, RS)),
            Map.entry("5.0(side)", List.of(L, R, C, LS, RS)),
            Map.entry("5.1", List.of(L, R, C, LFE, LS, RS)),
            Map.entry("5.1(side)", List.of(L, R, C, LFE, LS, RS)),
            Map.entry("6.1", List.of(L, R, C, LFE, Channel.BACK_CENTRE, LS, RS)),
            Map.entry("7.1", List.of(L, R, C, LFE, LB, RB, LS, RS)),
            Map.entry("7.1(wide)", List.of(L, R, C, LFE, LB, RB, Channel.LEFT_CENTRE, Channel.RIGHT_CENTRE)));

    /** Runs ffprobe on {@code head}, the first bytes of the file, through its standard input. */
    static Probe run(FfmpegTools tools, byte[] head, int length, String source) throws IOException {
        return run(tools, "pipe:0", head, length, source);
    }

    /** Runs ffprobe on the file itself, which it may seek in. */
    static Probe runFile(FfmpegTools tools, Path file, String source) throws IOException {
        return run(tools, FfmpegStream.input(file), null, 0, source);
    }

    /** @param head the bytes to write to ffprobe's standard input, or null when {@code input} names a file */
    private static Probe run(FfmpegTools tools, String input, byte[] head, int length, String source)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(tools.ffprobe().toString(), "-v", "error", "-select_streams",
                "a:0", "-show_entries", "stream=codec_name,sample_rate,channels,channel_layout", "-of",
                "default=noprint_wrappers=1"));
        command.addAll(FfmpegStream.inputArguments(input));
        Process p = new ProcessBuilder(command).start();
        try {
            Thread writer = FfmpegStream.daemon("ffprobe stdin " + source, () -> {
                try (OutputStream stdin = p.getOutputStream()) {
                    if (head != null) {
                        stdin.write(head, 0, length);
                    }
                } catch (IOException e) {
                    // ffprobe stops reading once it knows enough
                }
            });
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            Thread errorReader = FfmpegStream.daemon("ffprobe stderr " + source, () -> FfmpegStream.drain(p
                    .getErrorStream(), errors));
            writer.start();
            errorReader.start();
            byte[] out = readAll(p.getInputStream());
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AudioDecodeException(source, "ffprobe did not finish within " + TIMEOUT_SECONDS + " s");
            }
            errorReader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            return parse(new String(out, StandardCharsets.UTF_8), FfmpegStream.text(errors), source);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AudioDecodeException(source, "interrupted while ffprobe read the file", e);
        } finally {
            p.destroyForcibly();
        }
    }

    static Probe parse(String output, String errors, String source) throws AudioDecodeException {
        String codec = null;
        String rate = null;
        String channels = null;
        String layout = null;
        for (String line : output.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String value = line.substring(eq + 1).trim();
            switch (line.substring(0, eq).trim()) {
                case "codec_name" -> codec = value;
                case "sample_rate" -> rate = value;
                case "channels" -> channels = value;
                case "channel_layout" -> layout = value;
                default -> {
                    // not asked for
                }
            }
        }
        Matcher refused = REFUSED_FORMAT.matcher(errors);
        if (refused.find()) {
            throw new AudioDecodeException(source, "ffmpeg reads it as \"" + refused.group(1) + "\", a format that "
                    + "opens other files or addresses (a playlist, for one); Mixbench lets ffmpeg read only audio "
                    + "formats that hold their own samples");
        }
        if (channels == null || rate == null) {
            throw new AudioDecodeException(source, "ffmpeg finds no audio stream in the file" + (errors.isEmpty()
                    ? ""
                    : " (ffprobe: " + errors + ")"));
        }
        int channelCount = parseInt(channels);
        int rateHz = parseInt(rate);
        String what = codec == null ? "" : " (" + codec + ")";
        if (channelCount < 1) {
            throw new AudioDecodeException(source, "the audio stream" + what + " has " + channels + " channels");
        }
        if (channelCount > MAX_CHANNELS) {
            throw new AudioDecodeException(source, "the audio stream" + what + " has " + channelCount
                    + " channels; at most " + MAX_CHANNELS + " are supported");
        }
        if (!AudioFormat.isSupportedSampleRate(rateHz)) {
            throw new AudioDecodeException(source, "the audio stream" + what + ": " + AudioFormat
                    .unsupportedSampleRate(rate));
        }
        List<Channel> named = layout == null ? null : LAYOUTS.get(layout);
        ChannelLayout channelLayout = named != null && named.size() == channelCount
                ? new ChannelLayout(named)
                : ChannelLayout.defaultFor(channelCount);
        return new Probe(codec == null ? "unknown codec" : codec, rateHz, channelCount, channelLayout);
    }

    private static int parseInt(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readNBytes(1 << 20);
        }
    }
}
