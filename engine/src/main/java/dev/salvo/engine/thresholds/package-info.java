/**
 * k6 thresholds parsed in Java, never evaluated as JS: {@link dev.salvo.engine.thresholds.ThresholdsParser}
 * reads {@code options.thresholds} at load time and {@link dev.salvo.engine.thresholds.ThresholdEvaluator}
 * checks each {@link dev.salvo.engine.thresholds.Threshold} against merged aggregates. The grammar is in
 * {@link dev.salvo.engine.thresholds.ConditionParser} and {@link dev.salvo.engine.thresholds.MetricSelector}.
 */
package dev.salvo.engine.thresholds;
