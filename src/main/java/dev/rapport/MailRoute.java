package dev.rapport;

import dev.rapport.config.Config;
import dev.rapport.daemon.Component;
import dev.rapport.daemon.SandboxMail;
import dev.rapport.inbox.InboxSettings;
import dev.rapport.mail.BearerToken;
import dev.rapport.mail.Endpoint;
import dev.rapport.mail.MailAccounts;
import dev.rapport.mail.MailException;
import dev.rapport.outbox.OutboxException;
import dev.rapport.outbox.OutboxMail;
import dev.rapport.store.DataFolder;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where this process's mail goes: the configured account, or, with none configured, the sandbox
 * mail server on 127.0.0.1. Chosen once, by {@link App}; the inbox, the outbox and the daemon ask
 * the route instead of looking at the config again. Nothing here connects: each answer is computed
 * when asked for (the sandbox knows its login only once it runs).
 */
sealed interface MailRoute {
  /** The user's mailbox, which the inbox watcher reads. */
  Endpoint mailbox();

  /** Where the outbox sends and files its copies. */
  OutboxMail outbox();

  /** How the inbox watcher reads the mailbox. */
  InboxSettings inboxSettings();

  /** The user's own addresses: mail from them is never a reply. */
  Set<String> ownAddresses();

  /** The mail server this process runs for the route (the daemon's sandbox); empty otherwise. */
  Optional<Component> server();

  /**
   * The account of the config; {@code token} is asked for at each use (null without OAuth2); {@code
   * dataFolder} keeps what the outbox learns of the server ({@code sent: auto}).
   */
  record Account(
      Config.Mail mail,
      String me,
      Map<String, String> env,
      Supplier<BearerToken> token,
      java.nio.file.Path dataFolder)
      implements MailRoute {
    @Override
    public String toString() {
      return "Account[" + me + "]"; // never the environment, which may hold passwords
    }

    @Override
    public Endpoint mailbox() {
      return MailAccounts.imap(mail.imap(), env, token.get());
    }

    @Override
    public OutboxMail outbox() {
      return OutboxMail.configured(mail, env, token.get(), dataFolder);
    }

    @Override
    public InboxSettings inboxSettings() {
      return InboxSettings.of(mail.imap());
    }

    @Override
    public Set<String> ownAddresses() {
      Set<String> own = new LinkedHashSet<>();
      own.add(me);
      if (mail.imap().username().contains("@")) own.add(mail.imap().username());
      return own;
    }

    @Override
    public Optional<Component> server() {
      return Optional.empty();
    }
  }

  /**
   * The sandbox: run by this process ({@code runHere}, the daemon's) or found running in the data
   * folder (commands beside the daemon).
   */
  record Sandbox(String me, DataFolder data, SandboxMail runHere) implements MailRoute {
    static Sandbox runs(SandboxMail server, String me, DataFolder data) {
      return new Sandbox(me, data, server);
    }

    static Sandbox found(String me, DataFolder data) {
      return new Sandbox(me, data, null);
    }

    private Optional<SandboxMail.Running> running() {
      return runHere != null
          ? Optional.of(new SandboxMail.Running(runHere.ports(), runHere.login()))
          : SandboxMail.discover(data, me);
    }

    @Override
    public Endpoint mailbox() {
      SandboxMail.Running r =
          running()
              .orElseThrow(
                  () ->
                      new MailException(
                          "The sandbox mail server is not running; start the daemon with \"rapport run\" first."));
      return MailAccounts.sandbox(r.ports().imap(), r.login().address(), r.login()::password);
    }

    @Override
    public OutboxMail outbox() {
      return running()
          .map(r -> OutboxMail.sandbox(r.ports(), r.login()))
          .orElseThrow(
              () ->
                  new OutboxException(
                      "No mail account is configured and the sandbox mail server is not running: it runs inside 'rapport run'."
                          + " Start 'run' in another terminal; it sends approved drafts by itself, and 'sync' works beside it."));
    }

    @Override
    public InboxSettings inboxSettings() {
      return InboxSettings.sandbox();
    }

    @Override
    public Set<String> ownAddresses() {
      return Set.of(me);
    }

    @Override
    public Optional<Component> server() {
      return Optional.ofNullable(runHere);
    }
  }
}
