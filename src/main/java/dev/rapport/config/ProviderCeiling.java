package dev.rapport.config;

import dev.rapport.setup.Provider;
import dev.rapport.setup.ProviderTable;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's own daily sending limit as the ceiling of {@code pacing.max_per_day}: when the
 * SMTP host is a provider rapport knows (Gmail ~500, Outlook.com 300…), a cap set above its limit
 * is lowered to it, since past it the provider refuses mail or locks the account. Said once in the
 * log when the config is read; {@code doctor} warns from {@link Config.Pacing#cappedFrom}.
 */
final class ProviderCeiling {
  private static final Logger log = LoggerFactory.getLogger(ProviderCeiling.class);

  private ProviderCeiling() {}

  static Config.Pacing apply(Config.Pacing pacing, Optional<Config.Mail> mail, Config.Me me) {
    if (mail.isEmpty() || me == null) return pacing;
    Optional<Provider> provider = ProviderTable.bySmtpHost(mail.get().smtp().host(), me.email());
    Integer limit = provider.flatMap(Provider::dailyLimit).orElse(null);
    if (limit == null || pacing.maxPerDay() <= limit) return pacing;
    log.warn(
        "pacing.max_per_day is {}, more than {} lets an account send (about {} a day): rapport"
            + " sends at most {} a day",
        pacing.maxPerDay(),
        provider.get().name(),
        limit,
        limit);
    return new Config.Pacing(
        limit,
        pacing.windowStart(),
        pacing.windowEnd(),
        pacing.weekdaysOnly(),
        pacing.timezone(),
        pacing.weeklyGoal(),
        new Config.Pacing.Capped(pacing.maxPerDay(), provider.get().name()));
  }
}
