Subject: <#if contact.company??>A question about your work at ${contact.company}<#else>A short question about your work</#if>

Hi ${contact.firstName},

My name is ${me.name}. <#if me.pitch??>${me.pitch}<#elseif hypothesis??>I'm exploring one idea in particular: ${hypothesis.text}.<#else>I'm exploring my next career step.</#if> I'm talking with people who do the kind of work I'm curious about, and I'd love to hear about your experience<#if contact.role??> as ${contact.role}</#if><#if contact.company??> at ${contact.company}</#if>.

I know you're busy, so I'll keep this short: would you have 20 to 30 minutes in the coming weeks for a conversation? Phone, video or a coffee, whatever suits you, at a time that's convenient for you. I'm not asking about openings; I'd simply value your perspective.

Thank you for considering it.

${me.signature}
