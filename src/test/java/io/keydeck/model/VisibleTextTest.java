package io.keydeck.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Gateway text on a terminal or in a table cell: controls and bidi overrides shown, not obeyed. */
class VisibleTextTest {
    @Test
    void escapeSequencesC1ControlsAndBidiOverridesAreShownEscaped() {
        assertThat(VisibleText.escape("a\u001b]0;x\u0007b")).isEqualTo("a\\x1B]0;x\\x07b");
        assertThat(VisibleText.escape("\u009b2J\u0085\u007f")).isEqualTo("\\x9B2J\\x85\\x7F");
        assertThat(VisibleText.escape("evil\u202Etxt.exe\u2066\u2069")).isEqualTo("evil\\u202Etxt.exe\\u2066\\u2069");
        assertThat(VisibleText.escape("tab\tnew\nline")).isEqualTo("tab\\x09new\\x0Aline");
    }

    @Test
    void ordinaryTextIsKeptAsItIs() {
        String text = "Zoë’s key — 東京 🚀";
        assertThat(VisibleText.escape(text)).isSameAs(text);
        assertThat(VisibleText.escape(null)).isEmpty();
    }

    @Test
    void aBoundedPrefixEndsInAnEllipsisAndNeverExceedsTheBound() {
        assertThat(VisibleText.escape("n".repeat(10_000), 40)).hasSize(40).endsWith("…");
        assertThat(VisibleText.escape("\u001b".repeat(10_000), 40)).hasSize(40).endsWith("…").startsWith("\\x1B");
        assertThat(VisibleText.escape("exactly10!", 10)).isEqualTo("exactly10!");
        assertThat(VisibleText.escape("eleven long", 10)).isEqualTo("eleven lo…");
    }
}
