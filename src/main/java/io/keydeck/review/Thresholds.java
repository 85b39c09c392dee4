package io.keydeck.review;

/**
 * The day counts the rules judge by. Mirrors {@code io.keydeck.settings.ReviewThresholds} so this
 * package depends on the model only; a non-positive value falls back to its default.
 *
 * @param neverUsedDays    a key never used is flagged once it is this many days old
 * @param staleDays        a key is stale once its last use is this many days ago
 * @param expiringSoonDays a key is flagged when it expires within this many days
 * @param rotationDays     a key is due for rotation once it is this many days old
 */
public record Thresholds(int neverUsedDays, int staleDays, int expiringSoonDays, int rotationDays) {
    public static final Thresholds DEFAULTS = new Thresholds(30, 90, 14, 180);

    public Thresholds {
        neverUsedDays = neverUsedDays > 0 ? neverUsedDays : 30;
        staleDays = staleDays > 0 ? staleDays : 90;
        expiringSoonDays = expiringSoonDays > 0 ? expiringSoonDays : 14;
        rotationDays = rotationDays > 0 ? rotationDays : 180;
    }
}
