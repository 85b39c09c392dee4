package io.keydeck.ui.connections;

import io.keydeck.settings.ConnectionProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Asks the user for a connection's token through the prompt on the FX thread; questions asked before the
 * window has set its prompt wait for it.
 */
final class TokenQuestions {
    private final List<Runnable> waitingForPrompt = new ArrayList<>();
    private TokenPrompt prompt;

    /** The first prompt set wins, so tests can script it; FX thread. */
    void useIfNone(TokenPrompt tokenPrompt) {
        if (prompt == null) {
            prompt = tokenPrompt;
            List<Runnable> waiting = List.copyOf(waitingForPrompt);
            waitingForPrompt.clear();
            waiting.forEach(Runnable::run);
        }
    }

    /** Any thread: the token the user gave, or empty when they declined or the prompt failed. */
    CompletableFuture<Optional<char[]>> ask(ConnectionProfile profile, String reason) {
        CompletableFuture<Optional<char[]>> answer = new CompletableFuture<>();
        Connections.fx(() -> {
            Runnable ask = () -> prompt.ask(profile, reason).whenComplete((token, error) -> {
                if (error != null) {
                    answer.complete(Optional.empty());
                } else {
                    answer.complete(token == null ? Optional.empty() : token);
                }
            });
            if (prompt == null) {
                waitingForPrompt.add(ask);
            } else {
                ask.run();
            }
        });
        return answer;
    }
}
