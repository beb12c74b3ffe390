package dev.rapport.store;

/**
 * The database was written by a newer rapport: its schema has migrations this build does not know,
 * so reading or writing it could damage what the newer version keeps there.
 */
public final class NewerSchemaException extends StoreException {
  NewerSchemaException(String version) {
    super(
        "This data folder was written by a newer rapport (schema version "
            + version
            + "; this rapport knows up to "
            + Migrations.LATEST
            + "). Use the newer version, or restore a backup made with this one.",
        null);
  }
}
