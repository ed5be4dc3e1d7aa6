package io.mixbench.audio.pcm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mixbench.audio.AudioDecodeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ChunkInputTest {

    /** A chunk header ("abcd", 5 bytes, little-endian) and its body; the pad byte after the odd size is left out. */
    private static final byte[] ODD_CHUNK_WITHOUT_PAD = {'a', 'b', 'c', 'd', 5, 0, 0, 0, 1, 2, 3, 4, 5};

    @Test
    void readsSkipsAndCountsTheBytes() throws IOException {
        byte[] file = {'a', 'b', 'c', 'd', 5, 0, 0, 0, 1, 2, 3, 4, 5, 0, 'e', 'f', 'g', 'h'};
        ChunkInput input = new ChunkInput(new ByteArrayInputStream(file), "x.wav");
        byte[] header = new byte[8];
        assertEquals(8, input.read(header, 8));
        assertEquals("abcd", ChunkInput.id(header, 0));
        byte[] body = new byte[2];
        input.readChunkBytes("abcd", 5, body, 2, 0);
        assertEquals(2, body[1]);
        // The rest of the body and the pad byte.
        input.skipRest("abcd", 5, 2, 0);
        assertEquals(14, input.position());
        assertEquals(4, input.read(header, 8));
        assertEquals("efgh", ChunkInput.id(header, 0));
        assertEquals(18, input.position());
    }

    /** Some writers leave out the last chunk's pad byte at the end of the file. */
    @Test
    void aMissingFinalPadByteIsForgiven() throws IOException {
        ChunkInput input = new ChunkInput(new ByteArrayInputStream(ODD_CHUNK_WITHOUT_PAD), "x.wav");
        input.read(new byte[8], 8);
        input.skipRest("abcd", 5, 0, 0);
        assertEquals(13, input.position());
    }

    @Test
    void aChunkThatRunsPastTheEndNamesTheFileTheChunkAndItsSize() throws IOException {
        ChunkInput input = new ChunkInput(new ByteArrayInputStream(ODD_CHUNK_WITHOUT_PAD), "x.wav");
        input.read(new byte[8], 8);
        AudioDecodeException e = assertThrows(AudioDecodeException.class,
                () -> input.readChunkBytes("ab\u0001d", 40, new byte[40], 40, 0));
        assertEquals("x.wav: the \"ab\\x01d\" chunk at byte 0 declares 40 bytes, but the file ends after 13 bytes",
                e.getMessage());
        ChunkInput skipping = new ChunkInput(new ByteArrayInputStream(ODD_CHUNK_WITHOUT_PAD), "x.wav");
        skipping.read(new byte[8], 8);
        assertThrows(AudioDecodeException.class, () -> skipping.skipRest("abcd", 7, 0, 0));
        ChunkInput offsetting = new ChunkInput(new ByteArrayInputStream(ODD_CHUNK_WITHOUT_PAD), "x.wav");
        offsetting.read(new byte[8], 8);
        assertThrows(AudioDecodeException.class, () -> offsetting.skipBytes("abcd", 5, 6, 0));
    }
}
