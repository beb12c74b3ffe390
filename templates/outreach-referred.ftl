Subject: ${referrer.firstName} suggested I get in touch

Hi ${contact.firstName},

${referrer.name}<#if referrer.company??> (${referrer.company})</#if> suggested I reach out to you: ${referrer.firstName} thought your experience<#if contact.role??> as ${contact.role}</#if><#if contact.company??> at ${contact.company}</#if> would help me see the field more clearly.

<#if pitch??>${pitch}<#elseif hypothesis??>I'm exploring one idea in particular: ${hypothesis.text}.<#else>I'm exploring my next career step.</#if> Would you have 20 to 30 minutes in the coming weeks for a short conversation? Phone, video or a coffee, whatever suits you.

I know you're busy; thank you, and thanks to ${referrer.firstName} for the introduction.

${me.signature}
