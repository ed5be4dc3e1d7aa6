package io.mixbench.session.json.internal;

import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import io.mixbench.session.Session;
import io.mixbench.session.SessionException;
import io.mixbench.session.SessionStore;
import io.mixbench.session.Track;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.io.FilenameUtils;
import org.osgi.service.component.annotations.Component;

/**
 * Opens folders of exported tracks and JSON session files, and saves session files. Stateless, so thread-safe.
 */
@Component(service = SessionStore.class)
public final class JsonSessionStore implements SessionStore {

    /** Natural order: "Tom 2" before "Tom 10", case-insensitive, then case-sensitive to be total. */
    private static final Comparator<String> NATURAL = JsonSessionStore::compareNatural;

    @Override
    public Session open(Path folderOrSessionFile) throws IOException {
        Path path = folderOrSessionFile;
        if (!Files.exists(path)) {
            throw new SessionException(path + ": no such file or folder");
        }
        if (Files.isDirectory(path)) {
            return openFolder(path.toAbsolutePath().normalize());
        }
        if (isAudio(TrackGuesser.fileName(path))) {
            return fromFiles(List.of(path));
        }
        return new SessionFileReader(path).read();
    }

    @Override
    public Session fromFiles(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            throw new SessionException("no files given: a session needs at least one file");
        }
        List<Path> absolute = new ArrayList<>();
        for (Path file : files) {
            if (!Files.exists(file)) {
                throw new SessionException(file + ": no such file");
            }
            absolute.add(file.toAbsolutePath().normalize());
        }
        return newSession(commonFolder(absolute), TrackGuesser.tracksFor(absolute));
    }

    @Override
    public void save(Session session, Path sessionFile) throws IOException {
        SessionFileWriter.write(session, sessionFile);
    }

    @Override
    public Role guessRole(String fileName) {
        return RoleGuesser.guess(fileName);
    }

    @Override
    public Set<String> audioFileExtensions() {
        return RoleGuesser.AUDIO_EXTENSIONS;
    }

    private Session openFolder(Path folder) throws IOException {
        List<Path> audio = new ArrayList<>();
        List<Path> sessionFiles = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = TrackGuesser.fileName(entry);
                if (name.startsWith(".")) {
                    continue;
                }
                String ext = FilenameUtils.getExtension(name).toLowerCase(Locale.ROOT);
                if (ext.equals(SESSION_FILE_EXTENSION) && Files.isRegularFile(entry)) {
                    sessionFiles.add(entry);
                } else if (RoleGuesser.AUDIO_EXTENSIONS.contains(ext)) {
                    // Directories and unreadable files with audio names are kept: the analysis reports them.
                    audio.add(entry);
                }
            }
        } catch (IOException e) {
            throw new SessionException(folder + ": cannot list the folder: " + e.getMessage(), e);
        }
        if (sessionFiles.size() == 1) {
            return new SessionFileReader(sessionFiles.get(0)).read();
        }
        audio.sort(Comparator.comparing(TrackGuesser::fileName, NATURAL));
        return newSession(folder, TrackGuesser.tracksFor(audio));
    }

    private static Session newSession(Path location, List<Track> tracks) {
        return new Session(location, tracks, ExportKind.STEMS, PanLaw.MINUS_3_DB, null, Map.of());
    }

    private static boolean isAudio(String fileName) {
        return RoleGuesser.AUDIO_EXTENSIONS.contains(FilenameUtils.getExtension(fileName).toLowerCase(Locale.ROOT));
    }

    /** The deepest folder that holds every file. */
    static Path commonFolder(List<Path> absoluteFiles) {
        Path common = absoluteFiles.get(0).getParent();
        for (Path file : absoluteFiles) {
            Path parent = file.getParent();
            while (common != null && (parent == null || !parent.startsWith(common))) {
                common = common.getParent();
            }
        }
        return common == null ? absoluteFiles.get(0).getRoot() : common;
    }

    static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                String na = stripZeros(a.substring(i, ei));
                String nb = stripZeros(b.substring(j, ej));
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                int c = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (c != 0) {
                    return c;
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }
}
