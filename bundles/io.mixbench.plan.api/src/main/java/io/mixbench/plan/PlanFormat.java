package io.mixbench.plan;

/** What a plan can be written as ({@link PlanService#export}); {@code docs/plan.md} documents each. */
public enum PlanFormat {
    /** The plan as text, the moves in the order to make them: what {@code mixbench plan} prints. */
    TEXT("text", "txt", "text/plain"),
    /** The plan as JSON ({@code docs/schema/plan.schema.json}). */
    JSON("json", "json", "application/json"),
    /** The moves as CSV, one row a move. */
    CSV("csv", "csv", "text/csv"),
    /** The rides' breakpoints as CSV: track, time in seconds and samples, gain dB. */
    RIDES_CSV("rides-csv", "rides.csv", "text/csv"),
    /** The rides' breakpoints as JSON. */
    RIDES_JSON("rides-json", "rides.json", "application/json"),
    /** The rides as a standard MIDI file, one CC7 (volume) lane a ridden part, at 120 bpm. */
    MIDI("midi", "mid", "audio/midi");

    private final String id;
    private final String extension;
    private final String mediaType;

    PlanFormat(String id, String extension, String mediaType) {
        this.id = id;
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The format's name on the command line, e.g. {@code "rides-csv"}. */
    public String id() {
        return id;
    }

    /** The file name extension, without the dot, e.g. {@code "rides.csv"}. */
    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format with this id, or null. */
    public static PlanFormat byId(String id) {
        for (PlanFormat format : values()) {
            if (format.id.equals(id)) {
                return format;
            }
        }
        return null;
    }
}
