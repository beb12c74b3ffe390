package dev.rapport.dashboard;

import dev.rapport.config.Config;
import dev.rapport.contact.ContactEditor;
import dev.rapport.contact.ContactService;
import dev.rapport.draft.Confirmations;
import dev.rapport.draft.DraftService;
import dev.rapport.employer.EmployerService;
import dev.rapport.hypothesis.HypothesisService;
import dev.rapport.interview.ComparisonService;
import dev.rapport.interview.InterviewService;
import dev.rapport.interview.NotesService;
import dev.rapport.mail.BearerToken;
import dev.rapport.outbox.OutboxMail;
import dev.rapport.outbox.OutboxService;
import dev.rapport.pause.PauseService;
import dev.rapport.question.QuestionService;
import dev.rapport.schedule.ScheduleService;
import dev.rapport.stats.StatsService;
import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.suggest.WhoNext;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the dashboard's pages use: the same services as the CLI, built on demand by the one wiring
 * place ({@code App}, which implements this), so the dashboard never reaches the wiring itself.
 */
public interface DashboardServices {
  Config config();

  DataFolder data();

  Clock clock();

  Database database();

  ContactService contacts();

  ContactEditor contactEditor();

  DraftService drafts();

  Confirmations confirmations();

  HypothesisService hypotheses();

  InterviewService interviews();

  NotesService notes();

  ComparisonService comparisons();

  QuestionService questions();

  OutboxService outbox();

  PauseService pauses();

  StatsService stats();

  WhoNext whoNext();

  EmployerService employers();

  /** The scheduler's plan; pages pass {@code (() -> true, null)}: they only read it. */
  ScheduleService schedule(BooleanSupplier inboxRead, Supplier<OutboxMail> mail);

  /** The account's OAuth2 tokens, for the status page; null unless the account uses OAuth2. */
  BearerToken bearerToken();
}
