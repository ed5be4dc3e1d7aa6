package io.mixbench.audio.ffmpeg.internal;

/**
 * Content ffmpeg might open but that is surely no audio: refusing it here lets the analysis say "it looks like a
 * JPEG image" instead of ffmpeg's "no audio stream".
 */
final class NotAudio {

    private static final int[][] MAGIC = {{0xFF, 0xD8, 0xFF}, {0x89, 'P', 'N', 'G'}, {'G', 'I', 'F', '8'},
            {'%', 'P', 'D', 'F'}, {'P', 'K', 3, 4}, {'B', 'M'}, {'{'}, {'<'}};

    private NotAudio() {
    }

    static boolean matches(byte[] header) {
        for (int[] magic : MAGIC) {
            if (startsWith(header, magic)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] data, int[] prefix) {
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
