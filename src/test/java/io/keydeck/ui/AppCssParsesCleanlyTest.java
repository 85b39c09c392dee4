package io.keydeck.ui;

import javafx.css.CssParser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A stray brace silently drops every rule after it; the parser's error list says so. */
class AppCssParsesCleanlyTest {
    @Test
    void appCssHasNoParseErrors() throws Exception {
        URL css = AppCssParsesCleanlyTest.class.getResource("/io/keydeck/ui/app.css");
        assertThat(css).isNotNull();
        CssParser.errorsProperty().clear();
        var stylesheet = new CssParser().parse(css);
        List<String> errors = CssParser.errorsProperty().stream().map(Object::toString).toList();
        assertThat(errors).isEmpty();
        assertThat(stylesheet.getRules()).hasSizeGreaterThan(50);
    }
}
