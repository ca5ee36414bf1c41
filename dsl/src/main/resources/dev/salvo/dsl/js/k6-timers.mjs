// The 'k6/timers' module of the k6 layer: salvo's timers, which are globals in both.
import './k6-globals.mjs';

const timers = globalThis;
export const setTimeout = (...a) => timers.setTimeout(...a);
export const clearTimeout = (...a) => timers.clearTimeout(...a);
export const setInterval = (...a) => timers.setInterval(...a);
export const clearInterval = (...a) => timers.clearInterval(...a);
export default { setTimeout, clearTimeout, setInterval, clearInterval };
