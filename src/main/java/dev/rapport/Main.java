package dev.rapport;

import dev.rapport.cli.Cli;
import dev.rapport.mail.StreamProviderPin;
import dev.rapport.store.LoopbackOnly;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/** Reads the command line and hands it to the CLI; nothing else. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // SLF4J's notes about itself are not the user's business: a warning the database thread logs
    // while this thread is still starting logging (EarlyDatabase) reaches stderr as it should, but
    // SLF4J adds three lines about having replayed it. Its errors still print.
    if (System.getProperty("slf4j.internal.verbosity") == null)
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    LoopbackOnly.configure();
    StreamProviderPin.pin();
    Charset cs = System.console() != null ? System.console().charset() : Charset.defaultCharset();
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
    int code = Cli.run(args, new DefaultZoneClock(), System.getenv(), out, err);
    System.exit(code);
  }
}
