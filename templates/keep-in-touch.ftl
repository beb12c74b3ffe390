Subject: A quick hello from ${me.name}

Hi ${contact.firstName},

It's been a while since we talked<#if (interview.date)??> (on ${interview.date})</#if>, and I wanted to say hello and let you know our conversation still helps me<#if (interview.highlight)??>; I keep coming back to what you said about ${interview.highlight}</#if>.

[[Your news in a line or two: what you have done since, or something you saw of ${contact.firstName}'s work. rapport holds this draft until you replace this text.]]

How are things with you<#if contact.company??> at ${contact.company}</#if>? No need for a long reply; I'd just be glad to hear how you're doing.

All the best,

${me.signature}
