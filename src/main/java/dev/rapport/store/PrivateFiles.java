package dev.rapport.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Files and folders that only their owner may open: 0600 and 0700. Everything is created with its
 * mode as an attribute of the creating call, so there is no moment in which another user could open
 * it; Java has no umask to lower first. Existing ones are tightened. On a file system without POSIX
 * permissions the platform's defaults apply.
 */
public final class PrivateFiles {
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

  private PrivateFiles() {}

  /**
   * Makes {@code dir} 0700 (its missing parents as usual), or tightens it when it exists.
   *
   * @return the mode it had, when it was open to others and has been tightened
   */
  public static Optional<String> folder(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      if (dir.getParent() != null) Files.createDirectories(dir.getParent());
      try {
        Files.createDirectory(dir, attributes(dir, FOLDER));
        return Optional.empty();
      } catch (FileAlreadyExistsException e) {
        // made by another process meanwhile: tighten it like any existing one
      }
    }
    return tighten(dir);
  }

  /**
   * Creates an empty file 0600 unless it exists, for a library that then appends to it (logback,
   * H2's trace); an existing one is tightened.
   *
   * @return the mode it had, when it was open to others and has been tightened
   */
  public static Optional<String> file(Path file) throws IOException {
    try {
      Files.createFile(file, attributes(file, FILE));
      return Optional.empty();
    } catch (FileAlreadyExistsException e) {
      return tighten(file);
    }
  }

  /** A new file with a unique name in {@code dir}, 0600 from the moment it exists. */
  public static Path newTempFile(Path dir, String prefix, String suffix) throws IOException {
    return Files.createTempFile(dir, prefix, suffix, attributes(dir, FILE));
  }

  /**
   * Replaces {@code file} with {@code text} in one step: readers see the old or the new content,
   * never half of it, and never a moment with a wider mode than 0600.
   */
  public static void write(Path file, String text) throws IOException {
    Path tmp = written(file, text);
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Creates {@code file} with {@code text} unless it exists, in one step (a hard link to a complete
   * temporary file), so two processes creating it at once cannot overwrite each other.
   *
   * @return false when the file existed (it is left as it is)
   */
  public static boolean create(Path file, String text) throws IOException {
    Path tmp = written(file, text);
    try {
      Files.createLink(file, tmp);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (UnsupportedOperationException e) {
      // No hard links here: a move that refuses to replace, atomic or not.
      try {
        Files.move(tmp, file);
        return true;
      } catch (FileAlreadyExistsException again) {
        return false;
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Takes every permission of group and others away: a file becomes 0600, a folder 0700. Symbolic
   * links are not followed, so a link placed in the folder cannot make rapport change another file.
   *
   * @return the mode it had, when it has been tightened
   */
  public static Optional<String> tighten(Path p) throws IOException {
    if (!posix(p) || Files.isSymbolicLink(p)) return Optional.empty();
    Set<PosixFilePermission> now = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
    if (FOLDER.containsAll(now)) return Optional.empty();
    Files.setPosixFilePermissions(
        p, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? FOLDER : FILE);
    return Optional.of(mode(now));
  }

  /** A mode as {@code ls} users know it, e.g. {@code 0755}. */
  static String mode(Set<PosixFilePermission> perms) {
    int bits = 0;
    for (PosixFilePermission p : perms) bits |= 0400 >> p.ordinal();
    return String.format("%04o", bits);
  }

  private static Path written(Path file, String text) throws IOException {
    Path tmp = newTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      return tmp;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  private static FileAttribute<?>[] attributes(Path p, Set<PosixFilePermission> perms) {
    return posix(p)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)}
        : new FileAttribute<?>[0];
  }

  private static boolean posix(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
