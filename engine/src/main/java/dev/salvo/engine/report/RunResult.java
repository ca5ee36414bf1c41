package dev.salvo.engine.report;

import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.plan.Plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a run measured: the totals of every series, iteration errors with their counts, and how
 * the run ended ({@code interrupted} for Ctrl-C or SIGTERM).
 */
public record RunResult(Plan plan, Instant start, Duration elapsed, List<Aggregate> aggregates,
                        Map<String, Long> iterationErrors, long interruptedIterations, boolean interrupted) {}
