Subject: Following up: 20 minutes<#if contact.company??> about your work at ${contact.company}</#if>?

Hi ${contact.firstName},

I wanted to follow up on my note from a little while ago, in case it got buried; I know how full inboxes get.

If you have 20 to 30 minutes in the coming weeks, by phone, video or over a coffee, I'd be grateful to hear about your work<#if contact.role??> as ${contact.role}</#if>. And if now isn't a good time, no problem at all; a short "not now" helps me too.

Thank you,

${me.signature}
