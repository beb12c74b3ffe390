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
    LoopbackOnly.configure();
    StreamProviderPin.pin();
    Charset cs = System.console() != null ? System.console().charset() : Charset.defaultCharset();
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
    int code = Cli.run(args, new DefaultZoneClock(), System.getenv(), out, err);
    System.exit(code);
  }
}
