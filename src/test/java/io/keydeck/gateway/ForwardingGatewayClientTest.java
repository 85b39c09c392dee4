package io.keydeck.gateway;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every call of {@link GatewayClient}, defaults included, reaches the wrapped client: a method added
 * to the interface later and not forwarded would make a wrapper quietly answer with a default (as
 * the key dialogs' journaled client once did with the page size).
 */
class ForwardingGatewayClientTest {

    @Test
    void everyMethodOfTheInterfaceReachesTheWrappedClient() throws Exception {
        List<String> reached = new ArrayList<>();
        GatewayClient wrapped = (GatewayClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {GatewayClient.class}, (proxy, method, args) -> {
                    reached.add(signature(method));
                    return answerFor(method.getReturnType());
                });
        GatewayClient forwarding = new ForwardingGatewayClient(wrapped) { };

        List<String> called = new ArrayList<>();
        for (Method method : GatewayClient.class.getMethods()) {
            if (java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            called.add(signature(method));
            method.invoke(forwarding, arguments(method));
        }

        assertThat(called).hasSizeGreaterThan(10);
        assertThat(reached).containsExactlyElementsOf(called);
    }

    private static String signature(Method method) {
        return method.getName() + java.util.Arrays.toString(method.getParameterTypes());
    }

    private static Object[] arguments(Method method) {
        Object[] arguments = new Object[method.getParameterCount()];
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            arguments[i] = answerFor(types[i]);
        }
        return arguments;
    }

    private static Object answerFor(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == java.util.Optional.class) {
            return java.util.Optional.empty();
        }
        if (type == List.class) {
            return List.of();
        }
        return null;
    }
}
