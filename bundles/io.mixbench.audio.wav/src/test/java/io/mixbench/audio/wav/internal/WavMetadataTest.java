package io.mixbench.audio.wav.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioMetadataKeys;
import io.mixbench.audio.AudioStream;
import io.mixbench.audio.testing.Decoding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BWF bext, iXML and LIST/INFO before the data are kept as metadata; the samples are unaffected. */
class WavMetadataTest {

    private static final Decoding DECODING = new Decoding(WavDecoder::new, "take 3.wav");

    static byte[] bext(String description, String originator, String date, String time, long timeReference,
            String codingHistory) {
        byte[] body = new byte[602 + codingHistory.length()];
        put(body, 0, description);
        put(body, 256, originator);
        put(body, 288, "REF-1");
        put(body, 320, date);
        put(body, 330, time);
        for (int i = 0; i < 8; i++) {
            body[338 + i] = (byte) (timeReference >>> (8 * i));
        }
        body[346] = 1;
        put(body, 602, codingHistory);
        return body;
    }

    private static void put(byte[] body, int at, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, body, at, b.length);
    }

    static byte[] info(String title) {
        byte[] name = (title + "\0").getBytes(StandardCharsets.UTF_8);
        WavBytes list = new WavBytes().ascii("INFO").chunk("ISFT", "Lavf59\0".getBytes()).chunk("INAM", name);
        return list.bytes();
    }

    private static Map<String, String> metadataOf(byte[] file) throws IOException {
        try (AudioStream s = new WavDecoder().open(new ByteArrayInputStream(file), "meta.wav")) {
            return s.metadata();
        }
    }

    @Test
    void bextIxmlAndInfoTitleAreKept() throws IOException {
        String ixml = "<?xml version=\"1.0\"?><BWFXML><PROJECT>Song</PROJECT></BWFXML>";
        long midnightPlusOneHour = 3600L * 48000;
        byte[] file = WavBytes.riff()
                .chunk("bext", bext("Kick In, take 3", "Pro Tools", "2026-11-26", "14:03:59", midnightPlusOneHour,
                        "A=PCM,F=48000,W=24,M=mono\r\n"))
                .chunk("iXML", ixml.getBytes(StandardCharsets.UTF_8)).chunk("LIST", info("Kick – In"))
                .chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 1, 48000, 16))
                .chunk("data", new WavBytes().u16(0x4000).u16(0xC000).bytes()).build();
        Map<String, String> m = metadataOf(file);
        assertEquals("Kick In, take 3", m.get(AudioMetadataKeys.BEXT_DESCRIPTION));
        assertEquals("Pro Tools", m.get(AudioMetadataKeys.BEXT_ORIGINATOR));
        assertEquals("2026-11-26", m.get(AudioMetadataKeys.BEXT_ORIGINATION_DATE));
        assertEquals("14:03:59", m.get(AudioMetadataKeys.BEXT_ORIGINATION_TIME));
        assertEquals("172800000", m.get(AudioMetadataKeys.BEXT_TIME_REFERENCE));
        assertEquals("REF-1", m.get("bext.originatorReference"));
        assertEquals("A=PCM,F=48000,W=24,M=mono", m.get("bext.codingHistory"));
        assertEquals(ixml, m.get(AudioMetadataKeys.IXML));
        assertEquals("Kick – In", m.get(AudioMetadataKeys.TITLE));
        assertArrayEquals(new float[]{0.5f, -0.5f}, DECODING.decode(file).samples()[0]);
    }

    @Test
    void timeReferenceIsUnsigned64Bit() throws IOException {
        byte[] file = WavBytes.riff().chunk("bext", bext("", "", "", "", -2L, ""))
                .chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 1, 48000, 16)).chunk("data", new byte[2]).build();
        Map<String, String> m = metadataOf(file);
        assertEquals("18446744073709551614", m.get(AudioMetadataKeys.BEXT_TIME_REFERENCE));
        assertFalse(m.containsKey(AudioMetadataKeys.BEXT_DESCRIPTION), "empty fields are left out");
    }

    @Test
    void plainFilesHaveNoMetadataAndOtherListsAreSkipped() throws IOException {
        byte[] file = WavBytes.riff().chunk("LIST", new WavBytes().ascii("adtl").chunk("labl", new byte[7]).bytes())
                .chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 2, 44100, 16)).chunk("data", new byte[8]).build();
        assertEquals(Map.of(), metadataOf(file));
        assertEquals(2, DECODING.decode(file).frames());
    }

    @Test
    void latin1InfoTextIsReadAsLatin1() throws IOException {
        byte[] title = {'C', 'a', 'f', (byte) 0xE9, 0};
        byte[] file = WavBytes.riff().chunk("LIST", new WavBytes().ascii("INFO").chunk("INAM", title).bytes())
                .chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 1, 44100, 16)).chunk("data", new byte[2]).build();
        assertEquals("Café", metadataOf(file).get(AudioMetadataKeys.TITLE));
    }

    @Test
    void damagedMetadataChunksAreSkippedOrNamed() throws IOException {
        // an INFO sub-chunk that claims more than its list: the title is not invented
        byte[] list = new WavBytes().ascii("INFO").ascii("INAM").u32(5000).ascii("Kick").bytes();
        byte[] file = WavBytes.riff().chunk("LIST", list).chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 1, 44100, 16))
                .chunk("data", new byte[2]).build();
        assertTrue(metadataOf(file).isEmpty());
        // a short bext is skipped
        byte[] shortBext = WavBytes.riff().chunk("bext", new byte[100])
                .chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 1, 44100, 16)).chunk("data", new byte[2]).build();
        assertTrue(metadataOf(shortBext).isEmpty());
        // a bext that runs past the end of the file names the chunk
        byte[] cut = Arrays.copyOf(WavBytes.riff().chunk("bext", bext("d", "o", "", "", 0, "")).build(), 400);
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> metadataOf(cut));
        assertTrue(e.getMessage().contains("the \"bext\" chunk at byte 12 declares 602 bytes"), e.getMessage());
    }
}
