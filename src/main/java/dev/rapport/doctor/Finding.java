package dev.rapport.doctor;

/** What one check found: its verdict, a sentence, and how to fix it when it is not fine. */
public record Finding(String check, Verdict verdict, String message, String fix) {
  public enum Verdict {
    OK,
    WARN,
    FAIL
  }

  public static Finding ok(String check, String message) {
    return new Finding(check, Verdict.OK, message, null);
  }

  public static Finding warn(String check, String message, String fix) {
    return new Finding(check, Verdict.WARN, message, fix);
  }

  public static Finding fail(String check, String message, String fix) {
    return new Finding(check, Verdict.FAIL, message, fix);
  }
}
