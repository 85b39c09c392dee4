package io.keydeck.ui.review;

import io.keydeck.review.ConnectionReview;
import io.keydeck.review.Finding;
import io.keydeck.review.ReviewRules;
import io.keydeck.review.Severity;
import io.keydeck.review.SeverityCounts;
import io.keydeck.review.SkippedRule;
import io.keydeck.session.ConnectionSession;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/**
 * What the Review view shows of the reviews in scope: the findings at the chosen severity, one card per
 * connection and the summary line; runs on the FX thread.
 */
final class ShownFindings {
    private final ResourceBundle messages;

    final ObservableList<Finding> findings = FXCollections.observableArrayList();
    final ObservableList<ConnectionSummary> summaries = FXCollections.observableArrayList();
    final ReadOnlyBooleanWrapper canExport = new ReadOnlyBooleanWrapper(false);
    final ReadOnlyBooleanWrapper severalConnections = new ReadOnlyBooleanWrapper(false);
    final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    ShownFindings(ResourceBundle messages) {
        this.messages = messages;
    }

    /** Shows what {@code reviews} hold for the connections in scope, hiding findings below {@code minimum}. */
    void show(List<ConnectionSession> inScope, ConnectionReviews reviews, Severity minimum) {
        List<Finding> all = new ArrayList<>();
        List<ConnectionSummary> cards = new ArrayList<>();
        int keys = 0;
        SeverityCounts totals = SeverityCounts.NONE;
        for (ConnectionSession session : inScope) {
            ConnectionReview review = reviews.reviewOf(session);
            if (review != null) {
                all.addAll(review.findings());
                keys += review.keys().size();
                totals = totals.plus(review.counts());
                cards.add(new ConnectionSummary(session.displayName(), review.keys().size(), review.counts(),
                        review.skipped().stream().map(this::skippedText).toList(), ""));
            } else if (reviews.failed(session)) {
                cards.add(new ConnectionSummary(session.displayName(), 0, SeverityCounts.NONE, List.of(),
                        reviews.problemOf(session)));
            }
        }
        findings.setAll(ReviewRules.sorted(all).stream()
                .filter(f -> f.severity().atLeast(minimum)).toList());
        summaries.setAll(cards);
        canExport.set(reviews.reviewedCount() > 0);
        severalConnections.set(inScope.size() > 1);
        summary.set(reviews.reviewedCount() == 0 ? "" : MessageFormat.format(messages.getString("review.summary"),
                keys, reviews.reviewedCount(), totals.high(), totals.medium(), totals.low()));
    }

    /** "3 high · 12 medium · 20 low" for a summary card. */
    String countsText(ConnectionSummary card) {
        SeverityCounts c = card.counts();
        return MessageFormat.format(messages.getString("review.card.counts"), card.keys(), c.high(), c.medium(), c.low());
    }

    private String skippedText(SkippedRule skipped) {
        return MessageFormat.format(messages.getString("review.skipped"), skipped.rule().title(), skipped.reason());
    }
}
