package io.keydeck.ui.connections;

import io.keydeck.settings.ConnectionProfile;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A token prompt for tests: records each question and leaves it open until the test answers. */
final class ScriptedTokenPrompt implements TokenPrompt {
    record Question(ConnectionProfile profile, String reason, CompletableFuture<Optional<char[]>> answer) {
        void answer(String token) {
            answer.complete(Optional.of(token.toCharArray()));
        }

        void decline() {
            answer.complete(Optional.empty());
        }
    }

    private final List<Question> questions = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<Optional<char[]>> ask(ConnectionProfile profile, String reason) {
        Question question = new Question(profile, reason, new CompletableFuture<>());
        questions.add(question);
        return question.answer();
    }

    List<Question> questions() {
        return questions;
    }
}
