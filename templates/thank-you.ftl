Subject: Thank you for your time, ${contact.firstName}

Hi ${contact.firstName},

Thank you for taking the time to talk with me<#if (interview.date)??> on ${interview.date}</#if>. <#if (interview.highlight)??>I especially appreciated what you said about ${interview.highlight}; it has stayed with me.<#else>It gave me a lot to think about, and a much clearer picture of your work.</#if>

I'll let you know how things develop. If there's ever anything I can do for you in return, please just ask.

With thanks,

${me.signature}
