package io.keydeck.ui.common;

import io.keydeck.settings.Preferences;
import io.keydeck.settings.TableLayout;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.startToolkit;
import static org.assertj.core.api.Assertions.assertThat;

/** A user who reordered, resized and sorted a table and moved a divider finds them so in the next session. */
class TableLayoutComesBackAfterRestartTest {
    @BeforeAll
    static void toolkit() throws Exception {
        startToolkit();
    }

    @Test
    void columnsSortAndDividerAreRestoredInTheNextSession() throws Exception {
        Map<String, TableLayout> savedTables = onFx(() -> {
            View first = new View();
            LayoutMemory memory = new LayoutMemory(Preferences.DEFAULTS);
            memory.adopt("keys", first.root);
            TableColumn<String, ?> lastUsed = first.table.getColumns().get(2);
            first.table.getColumns().setAll(List.of(lastUsed, first.table.getColumns().get(0),
                    first.table.getColumns().get(1)));
            first.table.getColumns().get(1).setPrefWidth(260);
            lastUsed.setSortType(TableColumn.SortType.DESCENDING);
            first.table.getSortOrder().setAll(List.of(lastUsed));
            return memory.tableLayouts();
        });
        Map<String, List<Double>> dividers = Map.of("keys.split", List.of(0.65));

        View next = onFx(View::new);
        onFx(() -> new LayoutMemory(Preferences.DEFAULTS.withLayouts(savedTables, dividers)).adopt("keys", next.root));

        assertThat(onFx(() -> next.table.getColumns().stream().map(TableColumn::getId).toList()))
                .containsExactly("lastUsedColumn", "nameColumn", "createdColumn");
        assertThat(onFx(() -> next.table.getColumns().get(1).getPrefWidth())).isEqualTo(260);
        assertThat(onFx(() -> next.table.getSortOrder().stream().map(TableColumn::getId).toList()))
                .containsExactly("lastUsedColumn");
        assertThat(onFx(() -> next.table.getColumns().get(0).getSortType())).isEqualTo(TableColumn.SortType.DESCENDING);
        assertThat(onFx(() -> next.split.getDividerPositions()[0])).isEqualTo(0.65);
    }

    @Test
    void aColumnTheSavedLayoutDoesNotKnowStaysAtTheEnd() throws Exception {
        TableLayout old = new TableLayout(List.of(new TableLayout.Column("createdColumn", 90, false),
                new TableLayout.Column("nameColumn", 150, false)), List.of());
        View view = onFx(View::new);
        onFx(() -> new LayoutMemory(Preferences.DEFAULTS.withLayouts(Map.of("keys.table", old), Map.of()))
                .adopt("keys", view.root));

        assertThat(onFx(() -> view.table.getColumns().stream().map(TableColumn::getId).toList()))
                .containsExactly("createdColumn", "nameColumn", "lastUsedColumn");
    }

    /** A stand-in for a view: a table with three columns beside a panel, in a split pane. */
    private static final class View {
        final TableView<String> table = new TableView<>();
        final SplitPane split = new SplitPane();
        final VBox root = new VBox();

        View() {
            table.setId("table");
            split.setId("split");
            for (String id : List.of("nameColumn", "createdColumn", "lastUsedColumn")) {
                TableColumn<String, String> column = new TableColumn<>(id);
                column.setId(id);
                column.setPrefWidth(100);
                table.getColumns().add(column);
            }
            split.getItems().addAll(table, new StackPane());
            root.getChildren().add(split);
        }
    }
}
