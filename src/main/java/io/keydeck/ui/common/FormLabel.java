package io.keydeck.ui.common;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;

/**
 * A form's caption whose Alt+letter (the underscore in its text, "_Name") moves the keyboard into its
 * field: the field itself or, for a group such as a row of check boxes, its first control. A caption
 * beside something the keyboard cannot reach (a value shown for reading) shows its text without the
 * underscore and no mnemonic.
 */
public final class FormLabel {
    private FormLabel() {
    }

    public static Label of(String text, Node field) {
        Label label = new Label();
        Node target = field == null ? null : firstFocusable(field);
        if (target == null) {
            label.setMnemonicParsing(false);
            label.setText(Mnemonic.plain(text));
        } else {
            label.setMnemonicParsing(true);
            label.setText(text);
            label.setLabelFor(target);
        }
        return label;
    }

    private static Node firstFocusable(Node node) {
        if (node.isFocusTraversable()) {
            return node;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Node found = firstFocusable(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
