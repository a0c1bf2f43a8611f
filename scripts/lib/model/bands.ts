/**
 * The `Bands__c` syntax of a banded measure: steps `min:score` separated by semicolons, mins strictly ascending,
 * for example `0:100;1:60;3:20`.
 */
import type { BandStep } from 'c/healthEngine';

/** Error of {@link parseBands}; the message names the step and gives the expected form. */
export class BandsSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BandsSyntaxError';
  }
}

const STEP = /^([+-]?\d+(?:\.\d+)?)\s*:\s*([+-]?\d+(?:\.\d+)?)$/;

/**
 * Parses a `Bands__c` value into band steps. Spaces around steps and numbers are allowed, and so is a final
 * semicolon. Score ranges and the direction of the steps are checked by the engine's model validation, not here.
 *
 * @throws BandsSyntaxError when the value is blank, a step is not `min:score`, or the mins are not strictly ascending.
 */
export function parseBands(text: string): BandStep[] {
  if (text.trim() === '') {
    throw new BandsSyntaxError('has no steps; write at least one min:score step, for example 0:100;1:60;3:20');
  }
  const parts = text.split(';').map((part) => part.trim());
  if (parts.length > 1 && parts[parts.length - 1] === '') {
    parts.pop();
  }

  const steps: BandStep[] = [];
  parts.forEach((part, index) => {
    const match = STEP.exec(part);
    if (match === null) {
      const stepText = part === '' ? 'an empty step' : `"${part}"`;
      throw new BandsSyntaxError(
        `step ${index + 1} of "${text}" is ${stepText}, not min:score; write steps such as 0:100;1:60;3:20`
      );
    }
    const step = { min: Number(match[1]), score: Number(match[2]) };
    const previous = steps[steps.length - 1];
    if (previous !== undefined && step.min <= previous.min) {
      throw new BandsSyntaxError(
        `step ${index + 1} of "${text}" has min ${step.min}, which is not above the previous min ${previous.min}; ` +
          'order the steps by ascending min'
      );
    }
    steps.push(step);
  });

  return steps;
}
