package io.keydeck.ui.authlog;

import javafx.beans.DefaultProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Holds one node that fills it and whose own layout requests stop here: the content is unmanaged, which
 * makes it a layout root. A live-tail poll that grows a histogram bar or adds a table row then lays out
 * that bar's chart or that table only, where the request used to climb to the window's root and lay out
 * every container on the way. The boundary's size comes from its parent (the content's preferred size as of
 * the boundary's last layout), so it suits content that is sized by where it sits, not by what it shows.
 */
@DefaultProperty("content")
public final class LayoutBoundary extends Region {
    private final ObjectProperty<Node> content = new SimpleObjectProperty<>(this, "content") {
        private Node old;

        @Override
        protected void invalidated() {
            if (old != null) {
                old.setManaged(true);
            }
            Node now = get();
            old = now;
            if (now == null) {
                getChildren().clear();
            } else {
                now.setManaged(false);
                getChildren().setAll(now);
            }
            requestLayout();
        }
    };

    public LayoutBoundary() {
    }

    LayoutBoundary(Node content) {
        setContent(content);
    }

    public ObjectProperty<Node> contentProperty() {
        return content;
    }

    public Node getContent() {
        return content.get();
    }

    public void setContent(Node node) {
        content.set(node);
    }

    @Override
    protected void layoutChildren() {
        Node node = getContent();
        if (node != null) { // as a StackPane lays out its child: the area within the content's min and max, centred
            double width = getWidth() - snappedLeftInset() - snappedRightInset();
            double height = getHeight() - snappedTopInset() - snappedBottomInset();
            double w = snapSizeX(Math.min(Math.max(width, node.minWidth(-1)), node.maxWidth(-1)));
            double h = snapSizeY(Math.min(Math.max(height, node.minHeight(-1)), node.maxHeight(-1)));
            node.resizeRelocate(snapPositionX(snappedLeftInset() + (width - w) / 2),
                    snapPositionY(snappedTopInset() + (height - h) / 2), w, h);
        }
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + (getContent() == null ? 0 : getContent().minWidth(-1));
    }

    @Override
    protected double computeMinHeight(double width) {
        return snappedTopInset() + snappedBottomInset() + (getContent() == null ? 0 : getContent().minHeight(-1));
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + (getContent() == null ? 0 : getContent().prefWidth(-1));
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + snappedBottomInset() + (getContent() == null ? 0 : getContent().prefHeight(-1));
    }
}
