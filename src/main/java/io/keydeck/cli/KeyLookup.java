package io.keydeck.cli;

import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;

import java.util.List;

/** Finds the key a command's KEY operand names: its id, or its name when exactly one active key has it. */
final class KeyLookup {
    private KeyLookup() {
    }

    /** {@code verb} says what the command does with the key ("revoke"), for the message when a name is ambiguous. */
    static ApiKey find(GatewayConnection gateway, String wanted, String verb) throws CliFailure {
        List<ApiKey> keys;
        try {
            keys = gateway.client().listAllKeys(true, n -> { });
        } catch (GatewayException e) {
            throw CliFailure.of(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.GATEWAY, "looking up the key was interrupted.");
        }
        for (ApiKey k : keys) {
            if (k.id().equals(wanted)) {
                return k;
            }
        }
        List<ApiKey> named = keys.stream().filter(k -> !k.revoked() && k.name().equals(wanted)).toList();
        if (named.size() > 1) {
            throw CliFailure.usage(named.size() + " active keys are named \"" + Text.printable(wanted)
                    + "\"; give the id of the one to " + verb + ": " + String.join(", ", named.stream()
                    .map(k -> k.id() + " (" + k.hint() + ")").toList()) + ".");
        }
        if (named.isEmpty()) {
            throw new CliFailure(ExitCode.GATEWAY, Text.printable(gateway.label()) + " has no key with id or name \""
                    + Text.printable(wanted) + "\" (see 'keydeck keys list --all').");
        }
        return named.get(0);
    }
}
