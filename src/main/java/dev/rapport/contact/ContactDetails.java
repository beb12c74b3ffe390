package dev.rapport.contact;

import java.util.List;

/** A contact with its timeline, as {@code contacts show} prints it. */
public record ContactDetails(Contact contact, List<Event> events) {}
