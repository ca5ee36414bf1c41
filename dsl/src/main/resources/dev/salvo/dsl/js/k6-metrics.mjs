// The 'k6/metrics' module of the k6 layer: salvo's custom metrics with k6's constructors; add() returns true
// as k6's does (scripts use it as a check's result: `(v) => rate.add(v < 0.5)`).
import './k6-globals.mjs';
import metrics from 'salvo/metrics';

const k6Add = (Base) => class extends Base {
  add(value, tags) {
    super.add(value, tags);
    return true;
  }
};

export const Counter = k6Add(metrics.Counter);
export const Gauge = k6Add(metrics.Gauge);
export const Rate = k6Add(metrics.Rate);
export const Trend = k6Add(metrics.Trend);

export default { Counter, Gauge, Rate, Trend };
