package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.review.Finding;
import io.keydeck.review.ReviewInput;
import io.keydeck.review.ReviewRules;
import io.keydeck.review.Severity;
import io.keydeck.review.Thresholds;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Create dialog groups the gateway's admin scopes apart from the inference scopes and warns as soon
 * as one is ticked; what the warning says about Review is what Review then does with the key.
 */
class CreateKeyWarnsAboutAdminScopesTest {
    private KeysWindow window;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    private List<String> boxes(String group) throws Exception {
        return onFx(() -> window.robot.lookup(group).queryAs(FlowPane.class).getChildren().stream()
                .map(n -> ((CheckBox) n).getText()).toList());
    }

    private void tick(String scope) throws Exception {
        onFx(() -> window.robot.lookup(".scope-choice").queryAllAs(CheckBox.class).stream()
                .filter(b -> b.getText().equals(scope)).findFirst().orElseThrow().setSelected(true));
    }

    private Label warning() throws Exception {
        return onFx(() -> window.robot.lookup("#adminScopeWarning").queryAs(Label.class));
    }

    private static boolean shown(Node node) {
        return node.isVisible() && node.isManaged();
    }

    @Test
    void adminScopesSitApartAndTickingOneWarnsThatReviewFlagsTheKeyHigh() throws Exception {
        window = KeysWindow.onSandbox();
        window.press("#newKeyButton");
        waitUntil(5, () -> window.robot.lookup("#adminScopes").tryQuery().isPresent());

        assertThat(boxes("#inferenceScopes")).containsExactly("inference", "chat:write", "embeddings:write",
                "models:read");
        assertThat(boxes("#adminScopes")).containsExactly("usage:read", "keys:read", "keys:manage", "audit:read",
                "config:read", "config:write");
        assertThat(onFx(() -> shown(warning()))).as("no warning before an admin scope is ticked").isFalse();

        tick("chat:write");
        assertThat(onFx(() -> shown(warning()))).isFalse();
        tick("audit:read");
        waitUntil(5, () -> onFx(() -> shown(warning())));
        assertThat(onFx(() -> warning().getText())).startsWith("audit:read lets anyone holding this key read")
                .contains("Review does not flag read scopes");
        tick("keys:manage");
        waitUntil(5, () -> onFx(() -> warning().getText()).startsWith("keys:manage lets anyone holding this key "
                + "administer the gateway. Review flags such a key High"));

        window.typeInto("#keyNameField", "Admin tool key");
        window.press("#createKeyButton");
        waitUntil(10, () -> window.robot.lookup("#storedCheckBox").tryQuery().isPresent());
        onFx(() -> window.robot.lookup("#storedCheckBox").queryAs(CheckBox.class).setSelected(true));
        window.press("#closeSecretButton");
        waitUntil(10, () -> window.row("Admin tool key") != null);

        ApiKey made = window.row("Admin tool key");
        assertThat(made.scopes()).containsExactlyInAnyOrder("chat:write", "audit:read", "keys:manage");
        List<Finding> findings = ReviewRules.review(new ReviewInput("Sandbox", false, List.of(made), List.of(),
                Thresholds.DEFAULTS), Instant.now());
        assertThat(findings).filteredOn(f -> f.ruleId().equals("broad-scopes"))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                    assertThat(f.reason()).contains("keys:manage").doesNotContain("audit:read");
                });
    }
}
