package io.mixbench.session.json.internal;

import io.mixbench.session.Role;
import io.mixbench.session.Track;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes tracks from files: display names (unique), roles from the names, at most one mix (a lone file that names no
 * part, beside reference tracks or none, is the mix), and multi-mic groups (tracks of one role whose names differ
 * only in mic-position words, e.g. "Kick In" / "Kick Out" form "Kick").
 */
final class TrackGuesser {

    /** Words naming a mic or side of one source; numbers are not among them (Tom 1 and Tom 2 are two drums). */
    private static final Pattern POSITION = Pattern
            .compile("in|out|inside|outside|top|bottom|bot|btm|under|up|down|l|r|left|right|lt|rt|di|amp|mic"
                    + "|close|far|front|back|mono|st|stereo");

    private TrackGuesser() {
    }

    static List<Track> tracksFor(List<Path> files) {
        List<String> names = uniqueNames(files);
        List<Role> roles = new ArrayList<>();
        for (Path file : files) {
            roles.add(RoleGuesser.guess(fileName(file)));
        }
        keepOneMix(files, roles);
        List<Integer> notReferences = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i) != Role.REFERENCE) {
                notReferences.add(i);
            }
        }
        if (notReferences.size() == 1 && roles.get(notReferences.get(0)) == Role.OTHER) {
            // One file whose name names no part, alone or with reference tracks, is a bounce checked on its own
            // (the producer before mastering, BRIEF 1.1): a mix, not a part of an arrangement that is not there.
            roles.set(notReferences.get(0), Role.MIX);
        }
        List<String> groups = groups(names, roles);
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            tracks.add(new Track(names.get(i), files.get(i), roles.get(i), groups.get(i)));
        }
        return tracks;
    }

    /** Display names; a repeated name gets " (2)", " (3)" ... in file order. */
    private static List<String> uniqueNames(List<Path> files) {
        Set<String> taken = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (Path file : files) {
            String base = RoleGuesser.displayName(fileName(file));
            String name = base;
            for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + " (" + n + ")";
            }
            names.add(name);
        }
        return names;
    }

    /** Of several mix-like names, the first that is exactly a mix (else the first) stays the mix. */
    private static void keepOneMix(List<Path> files, List<Role> roles) {
        int chosen = -1;
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i) == Role.MIX && RoleGuesser.isExactlyMix(fileName(files.get(i)))) {
                chosen = i;
                break;
            }
        }
        if (chosen < 0) {
            chosen = roles.indexOf(Role.MIX);
        }
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i) == Role.MIX && i != chosen) {
                roles.set(i, Role.OTHER);
            }
        }
    }

    private static List<String> groups(List<String> names, List<Role> roles) {
        List<String> bases = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String base = roles.get(i).isPart() ? groupBase(names.get(i)) : null;
            bases.add(base);
            if (base != null) {
                counts.merge(key(roles.get(i), base), 1, Integer::sum);
            }
        }
        Map<String, String> groupNames = new HashMap<>();
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String base = bases.get(i);
            boolean grouped = base != null && counts.get(key(roles.get(i), base)) > 1;
            groups.add(grouped ? groupNames.computeIfAbsent(key(roles.get(i), base), k -> base) : null);
        }
        return groups;
    }

    /** The name without mic-position words, or null when nothing else is left. */
    static String groupBase(String name) {
        List<String> words = RoleGuesser.camelWords(name);
        List<String> kept = new ArrayList<>();
        for (String word : words) {
            if (!POSITION.matcher(word.toLowerCase(Locale.ROOT)).matches()) {
                kept.add(word);
            }
        }
        return kept.isEmpty() ? null : String.join(" ", kept);
    }

    private static String key(Role role, String base) {
        return role.id() + "/" + base.toLowerCase(Locale.ROOT);
    }

    static String fileName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
