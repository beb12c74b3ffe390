Subject: Could I pick your brain<#if contact.company??> about ${contact.company}</#if>?

Hi ${contact.firstName},

I hope you're doing well! I'm thinking hard about my next step<#if hypothesis??> (${hypothesis.text}, for now)</#if>, and I'm talking with people I trust about their work. You were one of the first people I thought of.

<#if me.pitch??>
Where I am right now, in a sentence: ${me.pitch}

</#if>
Would you have 20 to 30 minutes for me sometime soon? A call, a video chat or a coffee, whenever it suits you. I'd love to hear how you got into what you do<#if contact.role??> as ${contact.role}</#if>, what you enjoy about it and what you'd tell someone starting out.

No rush at all, I know how full your days are. Thank you!

${me.signature}
