// The 'k6/data' module of the k6 layer: salvo's SharedArray is k6's.
import './k6-globals.mjs';
import { SharedArray } from 'salvo/data';

export { SharedArray };
export default { SharedArray };
