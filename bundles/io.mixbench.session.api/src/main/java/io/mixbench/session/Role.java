package io.mixbench.session;

import java.util.Locale;
import java.util.Optional;

/** What a track is in the arrangement. The {@link #id()} is what session files and reports use. */
public enum Role {
    KICK("kick", "Kick"), SNARE("snare", "Snare"), TOMS("toms", "Toms"), HATS_CYMBALS("hats-cymbals",
            "Hats / cymbals"), OVERHEADS_ROOM("overheads-room", "Overheads / room"), PERCUSSION("percussion",
                    "Percussion"), DRUMS_BUS("drums-bus", "Drums bus"), BASS("bass", "Bass"), LEAD_VOCAL("lead-vocal",
                            "Lead vocal"), BACKING_VOCALS("backing-vocals", "Backing vocals"), GUITAR("guitar",
                                    "Guitar"), KEYS("keys", "Keys"), SYNTH("synth", "Synth"), PAD("pad",
                                            "Pad"), STRINGS("strings", "Strings"), BRASS("brass", "Brass"), FX_RETURN(
                                                    "fx-return", "FX return"), OTHER("other", "Other"), MIX("mix",
                                                            "Mix"), REFERENCE("reference", "Reference");

    private final String id;
    private final String displayName;

    Role(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** The stable id used in files, e.g. {@code "lead-vocal"}. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** Whether the role is one element of the arrangement (not the mix and not a reference). */
    public boolean isPart() {
        return this != MIX && this != REFERENCE;
    }

    /** The role with this id (case-insensitive), if any. */
    public static Optional<Role> fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (Role role : values()) {
            if (role.id.equals(wanted)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
