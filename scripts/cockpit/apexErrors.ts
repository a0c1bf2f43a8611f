/**
 * Failures of Apex methods as the cockpit reports them, and the conversion of JSON parameters into the Apex types,
 * which the platform does before a method runs.
 */
import { toId18 } from './ids';

/** An exception that an Apex method throws; the server returns it as the platform's Apex error body. */
export class ApexError extends Error {
  /**
   * @param message Message the component shows.
   * @param exceptionType Apex exception type, as the error body names it.
   * @param status HTTP status of the response.
   */
  constructor(
    message: string,
    readonly exceptionType: string = 'System.AuraHandledException',
    readonly status: number = 500
  ) {
    super(message);
    this.name = 'ApexError';
  }
}

/** A parameter value that the platform cannot convert to the parameter's Apex type. */
export class ApexParameterError extends ApexError {
  constructor(name: string, apexType: string, value: unknown) {
    super(
      `Value ${JSON.stringify(value)} provided is invalid for action parameter '${name}' of type '${apexType}'.`,
      '',
      400
    );
  }
}

/**
 * Converts an `Id` parameter: null when absent, the 18-character Id otherwise.
 * @throws ApexParameterError when the value is not a 15- or 18-character Id.
 */
export function idParam(name: string, value: unknown): string | null {
  if (value === undefined || value === null || value === '') {
    return null;
  }
  const id = typeof value === 'string' ? toId18(value) : null;
  if (id === null) {
    throw new ApexParameterError(name, 'Id', value);
  }
  return id;
}

/**
 * Converts a `String` parameter: null when absent.
 * @throws ApexParameterError when the value is not text.
 */
export function stringParam(name: string, value: unknown): string | null {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value !== 'string') {
    throw new ApexParameterError(name, 'String', value);
  }
  return value;
}

/**
 * Converts a `Decimal` parameter: null when absent; numeric text is accepted as the platform accepts it.
 * @throws ApexParameterError when the value is not a finite number.
 */
export function decimalParam(name: string, value: unknown): number | null {
  if (value === undefined || value === null) {
    return null;
  }
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) {
    throw new ApexParameterError(name, 'Decimal', value);
  }
  return number;
}

/**
 * Converts an `Integer` parameter: null when absent.
 * @throws ApexParameterError when the value is not a whole number within the Integer range.
 */
export function integerParam(name: string, value: unknown): number | null {
  const number = decimalParam(name, value);
  if (number !== null && (!Number.isInteger(number) || Math.abs(number) > 2147483647)) {
    throw new ApexParameterError(name, 'Integer', value);
  }
  return number;
}

/**
 * Converts a `Boolean` parameter: null when absent.
 * @throws ApexParameterError when the value is not true or false.
 */
export function booleanParam(name: string, value: unknown): boolean | null {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value !== 'boolean') {
    throw new ApexParameterError(name, 'Boolean', value);
  }
  return value;
}

/**
 * Converts a `Date` parameter (YYYY-MM-DD): null when absent.
 * @throws ApexParameterError when the value is not a valid calendar date.
 */
export function dateParam(name: string, value: unknown): string | null {
  if (value === undefined || value === null || value === '') {
    return null;
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const parsed = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value) {
      return value;
    }
  }
  throw new ApexParameterError(name, 'Date', value);
}
