package dev.rapport.imports;

/** Told as contacts go in, so a terminal can show how far a long import has come. */
public interface ImportProgress {
  ImportProgress NONE = (done, total) -> {};

  void advanced(int done, int total);

  /** The import has ended, whether it succeeded or not. */
  default void finished() {}
}
