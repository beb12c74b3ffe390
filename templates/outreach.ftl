Subject: <#if contact.company??>A question about your work at ${contact.company}<#else>A short question about your work</#if>

Hi ${contact.firstName},

[[why you: <#if contact.note??>your note "${contact.note}" is a start. </#if>Say in a line how you came across ${contact.firstName} (a talk, an article, a shared school or employer) and why you write to them.]]

<#if pitch??>${pitch}<#elseif hypothesis??>I'm exploring one idea in particular: ${hypothesis.text}.<#else>I'm exploring my next career step.</#if> Would you be open to a 20 to 30 minute conversation in the coming weeks about your experience<#if contact.role??> as ${contact.role}</#if><#if contact.company??> at ${contact.company}</#if>? Phone, video or a coffee, whatever suits you.

I know you're busy; thank you for considering it.

${me.signature}
