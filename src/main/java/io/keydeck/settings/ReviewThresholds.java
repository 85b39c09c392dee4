package io.keydeck.settings;

/**
 * The day counts the security review uses; users tune them to their policy. A missing or
 * non-positive value falls back to its default.
 */
public record ReviewThresholds(int neverUsedDays, int staleDays, int expiringSoonDays, int rotationDays) {
    public static final ReviewThresholds DEFAULTS = new ReviewThresholds(30, 90, 14, 180);

    public ReviewThresholds {
        neverUsedDays = neverUsedDays > 0 ? neverUsedDays : 30;
        staleDays = staleDays > 0 ? staleDays : 90;
        expiringSoonDays = expiringSoonDays > 0 ? expiringSoonDays : 14;
        rotationDays = rotationDays > 0 ? rotationDays : 180;
    }
}
