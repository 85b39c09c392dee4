package io.keydeck.ui.common;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A reused cell's tooltip, made when the pointer first enters the cell and then kept, its text changed as
 * the cell is reused. A Tooltip is a popup window with a scene of its own: made for every cell drawn,
 * they were a good part of the time to the first populated table. Until then the text is the cell's
 * accessible help, which is also what a screen reader reads for a tooltip.
 */
public final class TooltipOnHover {
    private TooltipOnHover() {
    }

    /** Call once per cell, when it is made. */
    public static void install(Control cell) {
        cell.addEventHandler(MouseEvent.MOUSE_ENTERED, event -> {
            String text = cell.getAccessibleHelp();
            if (text != null && !cell.getProperties().containsKey(Tooltip.class)) {
                Tooltip tooltip = new Tooltip(text);
                cell.getProperties().put(Tooltip.class, tooltip);
                cell.setTooltip(tooltip);
            }
        });
    }

    /** The cell's tooltip text from now on; null: no tooltip. */
    public static void text(Control cell, String text) {
        cell.setAccessibleHelp(text);
        Tooltip tooltip = (Tooltip) cell.getProperties().get(Tooltip.class);
        if (tooltip != null && text != null) {
            tooltip.setText(text);
        }
        cell.setTooltip(text == null ? null : tooltip);
    }
}
