Subject: Could I ask you about your work<#if contact.company??> at ${contact.company}</#if>?

Hi ${contact.firstName},

[[why you: <#if contact.note??>your note "${contact.note}" is a start. </#if>Say in a line why ${contact.firstName}'s view matters to you: something from your time together, or what they do now.]]

Your take on my next step would mean a lot. <#if pitch??>${pitch}<#elseif hypothesis??>The idea I'm testing: ${hypothesis.text}.</#if>

Could we talk for 20 to 30 minutes in the next few weeks, on a call or over coffee, whenever suits you? I'd love to hear how you see your work<#if contact.role??> as ${contact.role}</#if> these days and what you'd tell someone starting out in it.

Thank you!

${me.signature}
