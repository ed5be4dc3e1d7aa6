package io.mixbench.analysis.engine.internal;

import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioDecoder;
import io.mixbench.audio.AudioFileDecoder;
import io.mixbench.audio.AudioStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Opens an audio file with the first decoder that recognises its content (never by extension alone). */
final class DecoderSelector {

    private static final int READ_BUFFER_BYTES = 1 << 16;

    private DecoderSelector() {
    }

    /**
     * @param decoders candidates, best first
     * @throws AudioDecodeException naming the file when it is missing, a folder, not a regular file (a FIFO, a
     *             device), unreadable, empty, or of no known format
     */
    static AudioStream open(Path file, List<AudioDecoder> decoders) throws IOException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new AudioDecodeException(name, "is a folder, not an audio file");
        }
        var special = RegularFiles.problem(file);
        if (special.isPresent()) {
            throw new AudioDecodeException(name, special.get());
        }
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), READ_BUFFER_BYTES);
        } catch (NoSuchFileException e) {
            throw new AudioDecodeException(name, "file not found");
        } catch (IOException e) {
            throw new AudioDecodeException(name, "cannot be read: " + e.getMessage(), e);
        }
        try {
            byte[] header;
            try {
                header = probe(in);
            } catch (IOException e) {
                // e.g. EIO from /proc/self/mem: the bare message would not say which file
                throw new AudioDecodeException(name, "cannot be read: " + e.getMessage(), e);
            }
            if (header.length == 0) {
                throw new AudioDecodeException(name, "file is empty");
            }
            String fileName = file.getFileName() == null ? name : file.getFileName().toString();
            for (AudioDecoder decoder : decoders) {
                if (decoder.accepts(header, fileName)) {
                    if (decoder instanceof AudioFileDecoder seeking) {
                        // It reads the file itself (to seek in it).
                        in.close();
                        return seeking.openFile(file, name);
                    }
                    return decoder.open(in, name);
                }
            }
            throw new AudioDecodeException(name, "not a supported audio file (" + describe(header)
                    + "); supported: " + supportedFormats(decoders));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static byte[] probe(InputStream in) throws IOException {
        in.mark(AudioDecoder.PROBE_BYTES);
        byte[] header = in.readNBytes(AudioDecoder.PROBE_BYTES);
        in.reset();
        return header;
    }

    private static String supportedFormats(List<AudioDecoder> decoders) {
        if (decoders.isEmpty()) {
            return "none (no decoder is installed)";
        }
        return String.join(", ", decoders.stream().map(AudioDecoder::formatName).distinct().toList());
    }

    /** A hint at what the file is instead, from its magic bytes. */
    static String describe(byte[] header) {
        if (startsWith(header, 0xFF, 0xD8, 0xFF)) {
            return "it looks like a JPEG image";
        }
        if (startsWith(header, 0x89, 'P', 'N', 'G')) {
            return "it looks like a PNG image";
        }
        if (startsWith(header, '%', 'P', 'D', 'F')) {
            return "it looks like a PDF document";
        }
        if (startsWith(header, 'P', 'K', 3, 4)) {
            return "it looks like a ZIP archive";
        }
        if (startsWith(header, '{') || startsWith(header, '<')) {
            return "it looks like a text document";
        }
        return "unrecognised content";
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
