// bench/get-check.js with one JS context per worker thread instead of one per VU
// (`isolation: 'worker'`), to measure what the per-VU contexts cost.
export { default } from './get-check.js';

export const options = { isolation: 'worker' };
