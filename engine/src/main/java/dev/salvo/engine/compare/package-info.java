/**
 * Baseline comparison: two {@code summary.json} files (schema {@code salvo.summary/1}) compared per
 * request name, with regressions beyond a limit flagged for a CI gate. {@link Comparison} is the
 * result, {@link Baselines} loads and compares, the {@code Compare*} writers render it.
 */
package dev.salvo.engine.compare;
