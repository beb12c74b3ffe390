Subject: Connection note to ${contact.name}

Hi ${contact.firstName}, I'm ${me.name}. <#if me.pitch??>${me.pitch} </#if>I'd love to hear about your work<#if contact.company??> at ${contact.company}</#if>. Would you have 20 minutes for a call in the coming weeks, whenever suits you? Thank you!
${me.signature}
