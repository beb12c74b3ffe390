Subject: Could I pick your brain<#if contact.company??> about ${contact.company}</#if>?

Hi ${contact.firstName},

I hope you're doing well! I'm thinking about my next step, and you were one of the first people I thought of.

<#if pitch??>
Where I am right now, in a sentence: ${pitch}

<#elseif hypothesis??>
The idea I'm testing for now: ${hypothesis.text}.

</#if>
Would you have 20 to 30 minutes sometime soon? A call, a video chat or a coffee, whenever it suits you. I'd love to hear how you got into what you do<#if contact.role??> as ${contact.role}</#if> and what you'd tell someone starting out.

No rush; I know how full your days are. Thank you!

${me.signature}
