/**
 * Reference health engine: pure functions that turn a health model, one account's facts and an as-of date into the
 * account's health. It has no template and no clock (the as-of date is always passed in), so components, Jest and the
 * Node tools share it, and the Apex evaluator ports its rules one for one.
 */
export { evaluateAccount, scoreHistory } from './evaluate';
export { validateModel } from './validate';
export { selectModel } from './select';
export { computeSignal, classifyNpsResponse } from './signals';
export { scoreCurve, bandFor } from './curves';
export { fitTrend } from './trend';
export { roundTo, formatNumber } from './numbers';
export { parseIsoDate, formatIsoDate, daysBetween } from './dates';
export * from './types';
