/**
 * Stand-in for the `@salesforce/apex/<Class>.<method>` modules: each import is a function that posts the parameters
 * to the cockpit server, and the same function works as a wire adapter through its `adapter` property, the way the
 * engine supports callable adapters.
 */
import { postJson } from './http';
import type { ApexErrorBody } from './http';
import { FetchingWireAdapter } from './wire';
import type { WiredValue } from './wire';

/** An imported Apex method: callable, and usable with @wire. */
export interface ApexMethod {
  (params?: Record<string, unknown>): Promise<unknown>;
  adapter: new (dataCallback: (value: WiredValue<unknown>) => void) => FetchingWireAdapter<unknown>;
}

function apexErrorBody(message: string): ApexErrorBody {
  return { message, exceptionType: '', isUserDefinedException: false, stackTrace: '' };
}

/**
 * Calls an Apex method on the cockpit server.
 * @param className Apex class, for example HealthScorecardController.
 * @param methodName Method of that class.
 * @param params Parameters by name, as a component passes them.
 * @returns The method's return value; null for a void method.
 * @throws A FetchError with an Apex error body `{ message, exceptionType, isUserDefinedException, stackTrace }`.
 */
export function callApex(className: string, methodName: string, params?: Record<string, unknown>): Promise<unknown> {
  return postJson(
    `/api/apex/${encodeURIComponent(className)}.${encodeURIComponent(methodName)}`,
    params ?? {},
    apexErrorBody
  );
}

/**
 * Creates the default export of one `@salesforce/apex/<Class>.<method>` module.
 * @param className Apex class.
 * @param methodName Method of that class.
 */
export function createApexMethod(className: string, methodName: string): ApexMethod {
  const method = (params?: Record<string, unknown>): Promise<unknown> => callApex(className, methodName, params);
  class ApexWireAdapter extends FetchingWireAdapter<unknown> {
    constructor(dataCallback: (value: WiredValue<unknown>) => void) {
      super(dataCallback, (config) => callApex(className, methodName, config));
    }
  }
  return Object.assign(method, { adapter: ApexWireAdapter });
}
