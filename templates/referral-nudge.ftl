Subject: A gentle reminder about the introduction

Hi ${contact.firstName},

Thank you again for our conversation<#if (interview.date)??> on ${interview.date}</#if>. When we spoke, you kindly offered to introduce me to <#if (referral.name)??>${referral.name}<#else>someone else worth talking to</#if>. If that's still possible, a short email copying us both would be wonderful; I'll take it from there.

And if it's no longer convenient, no problem at all. I'm grateful for the time you already gave me.

Best wishes,

${me.signature}
