package io.keydeck.ui.common;

import io.keydeck.ui.AppServices;
import io.keydeck.ui.FxTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ResourceBundle;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ControllerFactoryTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxTestSupport.startToolkit();
    }

    @Test
    void aViewWhoseControllerIsNotRegisteredFailsLoudlyNamingIt() {
        ViewLoader loader = new ViewLoader(new ControllerFactory(), ResourceBundle.getBundle(AppServices.MESSAGES));

        assertThatThrownBy(() -> WaitForAsyncUtils.asyncFx(() -> loader.load(FxmlView.KEYS)).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .rootCause()
                .hasMessageContaining("No controller registered for io.keydeck.ui.keys.KeysController");
    }

    @Test
    void aRegisteredControllerIsBuiltByItsSupplier() {
        Object controller = new Object();
        ControllerFactory factory = new ControllerFactory().register(Object.class, () -> controller);
        assertThat(factory.call(Object.class)).isSameAs(controller);
        assertThatThrownBy(() -> factory.register(Object.class, Object::new))
                .isInstanceOf(IllegalStateException.class);
    }
}
