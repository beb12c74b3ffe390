/**
 * The incoming-mail classifier: tells a person's reply from an auto-reply, a bounce, a complaint,
 * list traffic and the user's own mail, and finds what the watcher needs to match the message to a
 * contact (the original Message-ID, the failed recipient, a return date).
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * Classifier classifier = new Classifier();
 * ClassificationContext context = new ClassificationContext(Set.of("me@example.org"), clock, sentIds::contains);
 * Classification c = classifier.classify(rawBytes, context);   // never throws
 * }</pre>
 *
 * {@link dev.rapport.inbox.classify.MessageReader} reads raw RFC 5322 bytes into an immutable
 * {@link dev.rapport.inbox.classify.MessageView} (line ends normalised, unknown charsets and broken
 * MIME degraded, text capped); the {@link dev.rapport.inbox.classify.Classifier} asks its rules in
 * order and the first verdict wins. Each rule is one small class naming the RFC or convention it
 * implements.
 *
 * <h2>Rule order, and why</h2>
 *
 * <ol>
 *   <li><b>Delivery status notifications</b> ({@code DeliveryStatusRule}, RFC 3464): decided per
 *       recipient from Action and Status. First, because the report is the most exact evidence
 *       there is, and because bounces routinely carry {@code Auto-Submitted}, {@code In-Reply-To}
 *       or an auto-reply-like subject that would fool later rules.
 *   <li><b>Complaints</b>: ARF feedback reports ({@code FeedbackReportRule}, RFC 5965), Amazon SES
 *       notifications by mail ({@code SesNotificationRule}, which also carries bounces), and
 *       non-ARF complaint notices and unsubscribe requests ({@code ComplaintNoticeRule}). Before
 *       the plain-text bounce rule, since their senders and words look like bounces.
 *   <li><b>Bounces without a usable report</b> ({@code PlainTextBounceRule}): Exim, qmail, old
 *       Sendmail and Gmail, Exchange 2003, Notes, carriers. Recognised by {@code BounceSigns}
 *       (strong signs alone, weak ones only in pairs with one in the header); hard or soft by
 *       {@code BounceText} (delay warnings soft, then 5.x.x codes hard, addresses that do not exist
 *       hard, 4.x.x soft, specific causes, generic words, and hard when nothing says the message
 *       will be retried).
 *   <li><b>Own messages</b> ({@code OwnMessageRule}): mail from the user's addresses. After the
 *       bounces (a bounce is never from the user) but before the auto-reply rules, so that the
 *       user's own out-of-office copy is not filed as a contact's auto-reply.
 *   <li><b>Auto-replies</b> (RFC 3834): {@code Auto-Submitted} other than "no"; {@code
 *       X-Autoreply}, {@code X-Autorespond}, {@code Precedence: auto_reply}; Exchange's {@code
 *       X-Auto-Response-Suppress} only together with {@code X-MS-Exchange-Inbox-Rules-Loop}; {@code
 *       X-Apple-Action: vacation}; a subject that begins with an auto-reply prefix in one of
 *       several languages. Never a word inside a person's subject or body, and not "Re: Auto: …",
 *       which is a person answering an auto-reply. A return date (Apple's endDate, or a date after
 *       "back on", "until", "zurück am", "jusqu'au" …) is kept when it lies within 90 days of the
 *       injected clock.
 *   <li><b>List mail</b> ({@code ListMailRule}, RFC 2369/2919): List-Id, List-Unsubscribe,
 *       Precedence bulk/list, unless it answers one of our Message-IDs.
 *   <li><b>Otherwise a human reply.</b>
 * </ol>
 *
 * Input that is not mail at all is {@code UNREADABLE} with a reason; so is a message on which a
 * rule fails, rather than falling through to "human reply".
 */
package dev.rapport.inbox.classify;
