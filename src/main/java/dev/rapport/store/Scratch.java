package dev.rapport.store;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A working folder readable by its owner only, made next to where its result goes (so the result
 * can be renamed into place) and deleted with everything in it when closed.
 */
final class Scratch implements AutoCloseable {
  private final Path dir;

  private Scratch(Path dir) {
    this.dir = dir;
  }

  static Scratch in(Path parent, String prefix) throws IOException {
    try {
      return new Scratch(
          Files.createTempDirectory(
              parent,
              prefix,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
    } catch (UnsupportedOperationException e) {
      return new Scratch(Files.createTempDirectory(parent, prefix));
    }
  }

  Path dir() {
    return dir;
  }

  Path resolve(String name) {
    return dir.resolve(name);
  }

  @Override
  public void close() {
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.deleteIfExists(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // Left behind in a folder only its owner can read; nothing of the user's data depends on it.
    }
  }
}
