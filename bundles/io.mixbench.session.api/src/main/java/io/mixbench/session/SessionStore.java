package io.mixbench.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Opens and saves sessions. An OSGi service; thread-safe. Format of session files: {@code docs/session-format.md}.
 */
@org.osgi.annotation.versioning.ProviderType
public interface SessionStore {

    /** The file extension of session files, without the dot. */
    String SESSION_FILE_EXTENSION = "mixbench";

    /**
     * Opens a session file, or makes a session from a folder's audio files (roles guessed from file names).
     *
     * @throws SessionException when the path does not exist, or the session file is malformed
     */
    Session open(Path folderOrSessionFile) throws IOException;

    /**
     * Makes a session from individual files (roles guessed from their names).
     *
     * @throws SessionException when a file does not exist
     */
    Session fromFiles(List<Path> files) throws IOException;

    /** Writes the session file atomically (a temporary file moved into place); relative paths are kept relative. */
    void save(Session session, Path sessionFile) throws IOException;

    /** The role a file name suggests, e.g. "03 Kick In.wav" gives {@link Role#KICK}; {@link Role#OTHER} if none. */
    Role guessRole(String fileName);

    /**
     * The extensions (lower case, without the dot) of the files {@link #open} takes as audio, from a folder or on
     * their own, e.g. for a file dialog's filter.
     *
     * @since 1.1
     */
    Set<String> audioFileExtensions();
}
