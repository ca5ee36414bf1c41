// The 'k6/metrics' module of the k6 layer: salvo's custom metrics have k6's constructors and add().
import './k6-globals.mjs';

export { Counter, Gauge, Rate, Trend } from 'salvo/metrics';
export { default } from 'salvo/metrics';
