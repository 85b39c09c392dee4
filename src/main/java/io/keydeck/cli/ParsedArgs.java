package io.keydeck.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What {@link CommandSpec#parse} understood: option values by name and the operands in order. */
record ParsedArgs(CommandSpec spec, Map<String, List<String>> values, List<String> operands) {
    ParsedArgs {
        values = Map.copyOf(values);
        operands = List.copyOf(operands);
    }

    boolean has(String option) {
        return values.containsKey(option);
    }

    Optional<String> value(String option) {
        List<String> all = values.get(option);
        return all == null || all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    List<String> all(String option) {
        return values.getOrDefault(option, List.of());
    }

    String required(String option) throws CliFailure {
        return value(option).orElseThrow(() -> CliFailure.usage(option + " is required."));
    }
}
