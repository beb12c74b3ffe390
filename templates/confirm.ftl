Subject: Confirming our conversation on ${interview.day}

Hi ${contact.firstName},

Thank you, that works for me. To confirm: ${interview.day} at ${interview.time} (${interview.zone}), for ${interview.minutes} minutes<#if (interview.place)??>, ${interview.place}</#if>.

I've attached a calendar invitation. If anything changes on your side, just let me know.

Looking forward to it,

${me.signature}
