package io.mixbench.audio;

/** Standard keys of {@link AudioStream#metadata()}. Decoders may add keys of their own under their chunk's name. */
public final class AudioMetadataKeys {
    /** BWF {@code bext} description. */
    public static final String BEXT_DESCRIPTION = "bext.description";
    /** BWF {@code bext} originator (the DAW or recorder). */
    public static final String BEXT_ORIGINATOR = "bext.originator";
    /** BWF {@code bext} origination date, yyyy-mm-dd. */
    public static final String BEXT_ORIGINATION_DATE = "bext.originationDate";
    /** BWF {@code bext} origination time, hh:mm:ss. */
    public static final String BEXT_ORIGINATION_TIME = "bext.originationTime";
    /**
     * BWF {@code bext} time reference: the first sample's position in samples since midnight, a decimal integer.
     * Stems exported from one session share the reference of the session start, so differing values mean
     * differing start offsets.
     */
    public static final String BEXT_TIME_REFERENCE = "bext.timeReference";
    /** The {@code iXML} chunk, verbatim. */
    public static final String IXML = "iXML";
    /** Title, from an {@code INFO}/{@code INAM}, AIFF {@code NAME} or Vorbis comment. */
    public static final String TITLE = "title";

    private AudioMetadataKeys() {
    }
}
