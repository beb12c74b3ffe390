package dev.rapport.contact;

/** An edit of a contact's details, and how many waiting drafts now go to the new address. */
public record ContactEdit(ContactService.Edited edited, int readdressed) {}
