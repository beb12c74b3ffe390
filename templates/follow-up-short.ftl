Subject: Follow-up note to ${contact.name}

Hi ${contact.firstName}, just following up on my note in case it got buried. If you have 20 minutes in the coming weeks, I'd be grateful to hear about your work<#if contact.role??> as ${contact.role}</#if>. And if now isn't a good time, a short "not now" helps me too. Thank you!
${me.signature}
