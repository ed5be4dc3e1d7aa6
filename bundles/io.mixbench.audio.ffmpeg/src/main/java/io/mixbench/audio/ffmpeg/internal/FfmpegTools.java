package io.mixbench.audio.ffmpeg.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The ffmpeg and ffprobe executables (one Debian package, one Homebrew formula).
 *
 * @param ffmpeg the decoder
 * @param ffprobe the prober that reads channel count and sample rate
 */
record FfmpegTools(Path ffmpeg, Path ffprobe) {

    /** Both executables from a PATH-style search list, or empty when either is missing. */
    static Optional<FfmpegTools> find(String searchPath) {
        Path ffmpeg = onPath(searchPath, "ffmpeg");
        Path ffprobe = onPath(searchPath, "ffprobe");
        return ffmpeg == null || ffprobe == null ? Optional.empty() : Optional.of(new FfmpegTools(ffmpeg, ffprobe));
    }

    private static Path onPath(String searchPath, String program) {
        if (searchPath == null || searchPath.isEmpty()) {
            return null;
        }
        boolean windows = File.separatorChar == '\\';
        for (String folder : searchPath.split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            try {
                Path candidate = Path.of(folder, windows ? program + ".exe" : program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            } catch (InvalidPathException e) {
                // a malformed PATH entry names no program
            }
        }
        return null;
    }
}
