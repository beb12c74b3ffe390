Subject: Thank-you note to ${contact.name}

Hi ${contact.firstName}, thank you for talking with me<#if (interview.date)??> on ${interview.date}</#if>. <#if (interview.highlight)??>What you said about ${interview.highlight} has stayed with me. </#if>I'll let you know how things develop, and if I can ever return the favour, just ask.
${me.signature}
