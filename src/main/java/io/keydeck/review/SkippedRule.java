package io.keydeck.review;

/** A rule that could not run for a connection, and why in a sentence ("MultiRoute lacks the auth log"). */
public record SkippedRule(ReviewRule rule, String connection, String reason) {
}
