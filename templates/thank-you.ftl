Subject: Thank you for your time, ${contact.firstName}

Hi ${contact.firstName},

Thank you for taking the time to talk with me<#if (interview.date)??> on ${interview.date}</#if>. <#if (interview.highlight)??>I especially appreciated what you said about ${interview.highlight}; it has stayed with me.<#else>It gave me a lot to think about, and a much clearer picture of your work.</#if>
<#if introductions?has_content>

Thank you also for offering to introduce me to <#list introductions as p>${p.name}<#if p.company??> at ${p.company}</#if><#if p?index + 2 == introductions?size> and <#elseif p?has_next>, </#if></#list>. Whenever it suits you, <#if introductions?size == 1>a short email copying us both<#else>a short email to each, copying me,</#if> would be wonderful; I'll take it from there.
</#if>

I'll let you know how things develop. If there's ever anything I can do for you in return, please just ask.

With thanks,

${me.signature}
