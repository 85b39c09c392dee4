package io.keydeck.ui.connections;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import io.keydeck.ui.shell.WindowNotices;
import io.keydeck.ui.shell.WindowNotices.Notice;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Shows the window's {@link WindowNotices} as banners above the current view; each can be dismissed. */
public final class NoticeBarController {
    private final WindowNotices notices;

    @FXML private VBox noticeBar;
    @FXML private ResourceBundle resources;

    public NoticeBarController(WindowNotices notices) {
        this.notices = notices;
    }

    @FXML
    private void initialize() {
        notices.notices().addListener((ListChangeListener<Notice>) change -> redraw());
        redraw();
    }

    private void redraw() {
        noticeBar.getChildren().setAll(notices.notices().stream().map(this::banner).toList());
        noticeBar.setManaged(!notices.notices().isEmpty());
        noticeBar.setVisible(!notices.notices().isEmpty());
    }

    private Node banner(Notice notice) {
        Message message = new Message(notice.title(), notice.text(), new FontIcon(switch (notice.level()) {
            case INFO -> Feather.INFO;
            case WARNING -> Feather.ALERT_TRIANGLE;
            case DANGER -> Feather.ALERT_OCTAGON;
        }));
        message.getStyleClass().add(switch (notice.level()) {
            case INFO -> Styles.ACCENT;
            case WARNING -> Styles.WARNING;
            case DANGER -> Styles.DANGER;
        });
        message.setMaxWidth(Double.MAX_VALUE);
        StackPane banner = new StackPane(message, dismissButton(notice));
        banner.getStyleClass().add("notice");
        banner.setId("notice-" + notice.id().replaceAll("[^A-Za-z0-9_-]", "-"));
        return banner;
    }

    /**
     * A real button over the banner's corner, instead of AtlantaFX's close "x", which is a bare pane:
     * the keyboard reaches and presses it, a screen reader announces and presses it.
     */
    private Button dismissButton(Notice notice) {
        String name = MessageFormat.format(resources.getString("notice.dismiss"), notice.title());
        Button dismiss = new Button(null, new FontIcon(Feather.X));
        dismiss.getStyleClass().addAll(Styles.FLAT, "notice-dismiss");
        dismiss.setAccessibleText(name);
        dismiss.setTooltip(new Tooltip(name));
        dismiss.setOnAction(e -> notices.dismiss(notice.id()));
        StackPane.setAlignment(dismiss, Pos.TOP_RIGHT);
        return dismiss;
    }
}
