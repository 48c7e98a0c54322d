package dev.grader.llm;

import dev.grader.Api;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices per model name, to estimate the cost of a run. {@link #defaults()} knows a few well-known models
 * (list prices in USD per million tokens at the time of writing; override them in {@code grader.yaml} or with
 * {@code --price}); models it does not know cost 0, and reports say so. Local models (Ollama) are free.
 *
 * <p>Immutable.
 */
@Api(status = Api.Status.STABLE)
public final class PriceTable {

    private static final PriceTable DEFAULTS = new PriceTable(Map.ofEntries(
            Map.entry("gpt-4o-mini", new Price(0.15, 0.60)),
            Map.entry("gpt-4o", new Price(2.50, 10.00)),
            Map.entry("gpt-4.1", new Price(2.00, 8.00)),
            Map.entry("gpt-4.1-mini", new Price(0.40, 1.60)),
            Map.entry("gpt-4.1-nano", new Price(0.10, 0.40)),
            Map.entry("claude-3-5-haiku-20241022", new Price(0.80, 4.00)),
            Map.entry("claude-3-5-haiku-latest", new Price(0.80, 4.00)),
            Map.entry("claude-sonnet-4-20250514", new Price(3.00, 15.00))));

    private final Map<String, Price> prices;

    private PriceTable(Map<String, Price> prices) {
        this.prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
    }

    /** A few well-known models. */
    public static PriceTable defaults() {
        return DEFAULTS;
    }

    /** No prices: every model costs 0. */
    public static PriceTable empty() {
        return new PriceTable(Map.of());
    }

    /** This table with {@code model}'s price set (replacing a default). */
    public PriceTable with(String model, Price price) {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model cannot be null or blank");
        }
        Map<String, Price> copy = new LinkedHashMap<>(prices);
        copy.put(model.strip(), Objects.requireNonNull(price, "price"));
        return new PriceTable(copy);
    }

    public Optional<Price> price(String model) {
        return Optional.ofNullable(prices.get(model));
    }

    public Map<String, Price> prices() {
        return prices;
    }
}
