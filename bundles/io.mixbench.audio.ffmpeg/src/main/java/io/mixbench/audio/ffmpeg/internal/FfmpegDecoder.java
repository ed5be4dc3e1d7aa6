package io.mixbench.audio.ffmpeg.internal;

import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioDecoder;
import io.mixbench.audio.AudioFileDecoder;
import io.mixbench.audio.AudioStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * Hands files no other decoder recognised to an installed ffmpeg. Ranked lowest, so the analysis asks it last; with
 * no ffmpeg and ffprobe on the PATH (looked up once) it accepts nothing. The analysis gives it the file's path
 * ({@link AudioFileDecoder}), so ffmpeg can seek (an MP4 with its index at the end, ALAC in CAF); a stream alone
 * reaches ffmpeg through its standard input, where such formats do not open.
 */
@Component(service = AudioDecoder.class, property = {AudioDecoder.FORMAT + "=ffmpeg",
        "service.ranking:Integer=-2147483648"})
public final class FfmpegDecoder implements AudioFileDecoder {

    private final String searchPath;
    private volatile Optional<FfmpegTools> tools;

    public FfmpegDecoder() {
        this(System.getenv("PATH"));
    }

    /** With the executables looked up in {@code searchPath} (PATH syntax) instead of the process's PATH. */
    FfmpegDecoder(String searchPath) {
        this.searchPath = searchPath;
    }

    @Override
    public String formatName() {
        return "any format ffmpeg reads (ffmpeg " + (tools().isPresent() ? "installed" : "not installed") + ")";
    }

    @Override
    public boolean accepts(byte[] header, String fileName) {
        return header != null && header.length > 0 && tools().isPresent() && !NotAudio.matches(header);
    }

    @Override
    public AudioStream open(InputStream in, String sourceName) throws IOException {
        try {
            FfmpegTools found = tools().orElseThrow(() -> new AudioDecodeException(sourceName,
                    "ffmpeg is not installed (no ffmpeg and ffprobe on the PATH)"));
            return FfmpegStream.open(found, in, sourceName);
        } catch (IOException | RuntimeException | Error e) {
            try {
                in.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public AudioStream openFile(Path file, String sourceName) throws IOException {
        FfmpegTools found = tools().orElseThrow(() -> new AudioDecodeException(sourceName,
                "ffmpeg is not installed (no ffmpeg and ffprobe on the PATH)"));
        return FfmpegStream.openFile(found, file, sourceName);
    }

    private Optional<FfmpegTools> tools() {
        Optional<FfmpegTools> found = tools;
        if (found == null) {
            found = FfmpegTools.find(searchPath);
            tools = found;
        }
        return found;
    }
}
