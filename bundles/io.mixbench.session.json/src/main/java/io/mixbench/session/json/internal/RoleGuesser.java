package io.mixbench.session.json.internal;

import io.mixbench.session.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Guesses a track's role from a file name in the usual DAW-export styles. Names are cut into words at spaces,
 * '_', '-', '.' and brackets, and, in a second reading, also at camel case and letter/digit boundaries
 * ("LdVox" gives "ld vox", "Tom1" gives "tom 1"); a pattern matches either reading. The first matching row of
 * {@link #TABLE} wins, so its order settles conflicts: "Bass Drum" is a kick because kicks come before bass,
 * "Synth Bass" is bass because bass comes before synths, "Vocal Reverb" is an FX return.
 */
final class RoleGuesser {

    /**
     * File extensions of audio files, lower case, without the dot: the formats of Mixbench's own decoders, and
     * common ones only the ffmpeg decoder reads (without ffmpeg such a file is reported as not decodable).
     */
    static final Set<String> AUDIO_EXTENSIONS = Set.of("wav", "wave", "bwf", "aif", "aiff", "aifc", "flac", "mp3",
            "ogg", "oga", "m4a", "aac", "opus", "wv", "caf", "w64");

    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-.,+&()\\[\\]{}]+");
    private static final Pattern CAMEL = Pattern
            .compile("(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll}{2})|(?<=\\p{L})(?=\\d)|(?<=\\d)(?=\\p{L})");
    private static final Pattern LEADING_TRACK_NUMBER = Pattern
            .compile("^(\\d{1,2}|0\\d{2})(\\s*[-_.]\\s*|\\s+)(?=\\S)");

    /** The ordered table: each row is a role and a sequence of whole-word regular expressions. */
    static final List<Row> TABLE = List.of(
            row(Role.REFERENCE, "refs?|references?|reftrack"),
            row(Role.FX_RETURN, "fx|verbs?|reverbs?|delays?|dly|returns?|rtn|echo|plate|hall|aux"),
            row(Role.KICK, "kick\\w*|kik|kck|bd|bassdrum"),
            row(Role.KICK, "bass", "drums?"),
            row(Role.SNARE, "snare\\w*|snr|sn"),
            row(Role.TOMS, "toms?\\d*|floortoms?|racktoms?|ft"),
            row(Role.HATS_CYMBALS, "hh|hats?|hihats?|ride|crash|cymbals?|cym|china|splash"),
            row(Role.OVERHEADS_ROOM, "oh|ohs|oh[lr]|overheads?|ovhd|rooms?|rm|amb"),
            row(Role.PERCUSSION, "perc\\w*|shakers?|congas?|bongos?|tamb\\w*|(hand)?claps?|cowbell|cabasa|guiro"
                    + "|timbales?|triangle|claves?|djembe|cajon|snaps?|woodblock|agogo|tabla|maracas?|chimes"),
            row(Role.DRUMS_BUS, "drum\\w*|drm|drms|kit"),
            row(Role.BASS, "\\w*bass(?!oon)\\w*|sub|subs|808s?|upright"),
            row(Role.BACKING_VOCALS, "bvs?|bgvs?|bvox|bgvox|bkgs?|backings|backing(vox|vocals?)|harmony|harmonies"
                    + "|harms?|choir|adlibs?"),
            row(Role.BACKING_VOCALS, "backing|back|bg|bk|bkg", "vox|vocals?|vocs?|voices?"),
            row(Role.LEAD_VOCAL, "(lead|ld)?(vox|vocals?|vocs?)|voices?|vo|lv|singer"),
            row(Role.GUITAR, "\\w*gtrs?\\w*|\\w*guitars?|acoustic|electric|banjo|mandolin|ukulele|uke"),
            row(Role.PAD, "pads?"),
            row(Role.KEYS, "keys|keyboards?|kbd|piano\\w*|pno|rhodes|wurli\\w*|organs?|hammond|b3|clav\\w*|epiano"
                    + "|celesta|harpsichord|mellotron|vibes|vibraphone|marimba|glock\\w*"),
            row(Role.SYNTH, "synth\\w*|syn|arps?|arpeggio|plucks?|moog"),
            row(Role.STRINGS, "strings?|strs?|violins?|vlns?|violas?|vla|cellos?|celli|vlc"),
            row(Role.BRASS, "brass|horns?|trumpets?|tpts?|trp|trombones?|tbn|tbone|sax\\w*|tuba|flugel\\w*"),
            row(Role.MIX, "\\w*mix\\w*|(pre)?master(ed|s)?|prints?|printed|bounced?|2trk|2track"));

    /** Words that may surround a mix word in a name that is "exactly" a mix, e.g. "Final Mix v3". */
    private static final Pattern MIX_FILLER = Pattern.compile("\\d+|v\\d+|final|stereo|st|full|main|rough|new|song");

    private RoleGuesser() {
    }

    /** One row of the table: the role and the words, in order, that must follow each other in the name. */
    record Row(Role role, List<Pattern> words) {

        boolean matches(List<String> tokens) {
            for (int start = 0; start + words.size() <= tokens.size(); start++) {
                boolean all = true;
                for (int k = 0; k < words.size() && all; k++) {
                    all = words.get(k).matcher(tokens.get(start + k)).matches();
                }
                if (all) {
                    return true;
                }
            }
            return false;
        }
    }

    private static Row row(Role role, String... words) {
        return new Row(role, Arrays.stream(words).map(Pattern::compile).toList());
    }

    static Role guess(String fileName) {
        List<String> plain = lower(words(baseName(fileName)));
        List<String> split = lower(camelWords(baseName(fileName)));
        for (Row row : TABLE) {
            if (row.matches(plain) || row.matches(split)) {
                return row.role();
            }
        }
        return Role.OTHER;
    }

    /**
     * Whether a name guessed as {@link Role#MIX} is nothing but a mix: "Mix", "Final Mix v2", "Master", not
     * "Song Title Mix".
     */
    static boolean isExactlyMix(String fileName) {
        Row mix = TABLE.get(TABLE.size() - 1);
        boolean any = false;
        for (String word : lower(words(baseName(fileName)))) {
            if (mix.matches(List.of(word))) {
                any = true;
            } else if (!MIX_FILLER.matcher(word).matches()) {
                return false;
            }
        }
        return any;
    }

    /** The file name without an audio or session extension. */
    static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot > 0) {
            String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (AUDIO_EXTENSIONS.contains(ext)) {
                return fileName.substring(0, dot);
            }
        }
        return fileName;
    }

    /** The display name: no extension, no leading track number ("01 ", "01_", "01-", "01 - "). */
    static String displayName(String fileName) {
        String base = baseName(fileName).strip();
        String stripped = LEADING_TRACK_NUMBER.matcher(base).replaceFirst("").strip();
        return stripped.isEmpty() ? base : stripped;
    }

    /** Words split at separators only, original case. */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        for (String w : SEPARATORS.split(name)) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** Words split at separators, camel case and letter/digit boundaries, original case. */
    static List<String> camelWords(String name) {
        List<String> out = new ArrayList<>();
        for (String w : words(name)) {
            for (String part : CAMEL.split(w)) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    private static List<String> lower(List<String> words) {
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }
}
