package io.keydeck.ui.main;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.ResourceBundle;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The notices a finished action leaves in the window: shown, gone after a few seconds or at their close button. */
@ExtendWith(ApplicationExtension.class)
class DoneNoticesTest {
    private StackPane content;
    private DoneNotices notices;

    @Start
    void start(Stage stage) {
        content = new StackPane(new Label("a view"));
        notices = new DoneNotices(content, ResourceBundle.getBundle("io.keydeck.ui.messages"));
        stage.setScene(new Scene(content, 800, 500));
        stage.show();
    }

    @Test
    void aNoticeShowsAndIsGoneAfterAFewSeconds() throws Exception {
        onFx(() -> notices.show("Key “ci” created"));
        assertThat(onFx(() -> texts())).containsExactly("Key “ci” created");
        waitUntil(8, () -> texts().isEmpty());
    }

    @Test
    void itsCloseButtonRemovesItAndNoMoreThanThreeAreShown() throws Exception {
        onFx(() -> List.of("one", "two", "three", "four").forEach(notices::show));
        assertThat(onFx(() -> texts())).containsExactly("two", "three", "four");
        onFx(() -> ((Button) content.lookupAll(".done-notice-close").iterator().next()).fire());
        assertThat(onFx(() -> texts())).containsExactly("three", "four");
    }

    private List<String> texts() {
        return content.lookupAll(".done-notice").stream().map(Node::getAccessibleText).toList();
    }
}
