/**
 * Requests from the browser to the cockpit server, with failures shaped like the errors that Lightning Data Service
 * and Apex calls hand to a component on the platform: `{ status, statusText, ok: false, body }`.
 */

/** Body of a failed Apex call, as the platform sends it. */
export interface ApexErrorBody {
  message: string;
  exceptionType: string;
  isUserDefinedException: boolean;
  stackTrace: string;
}

/** A failed request, in the platform's FetchResponse shape. */
export interface FetchError<Body> {
  status: number;
  statusText: string;
  ok: false;
  headers: Record<string, string>;
  body: Body;
}

/** Returns true when a value looks like a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Posts a JSON body and returns the parsed JSON response. A failure rejects with a FetchError whose body is the
 * server's JSON error, or `fallbackBody` built from a message when the server sent none (or could not be reached).
 * @param url Path on the cockpit server.
 * @param payload Value to send as JSON.
 * @param fallbackBody Builds the error body from a message when the response carries no JSON error.
 */
export async function postJson<Body>(
  url: string,
  payload: unknown,
  fallbackBody: (message: string) => Body
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload ?? {})
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw fetchError<Body>(
      0,
      'Network Error',
      fallbackBody(
        `The request to the cockpit server at ${url} failed (${reason}). Check that npm start is still running.`
      )
    );
  }

  const text = await response.text();
  let parsed: unknown = null;
  let isJson = true;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    isJson = false;
  }
  if (response.ok && isJson) {
    return parsed;
  }
  if (response.ok) {
    throw fetchError<Body>(
      500,
      'Invalid Response',
      fallbackBody(`The cockpit server sent text that is not JSON for ${url}. Restart npm start and reload the page.`)
    );
  }
  const body = isJson && parsed !== null ? (parsed as Body) : fallbackBody(text || response.statusText);
  throw fetchError<Body>(response.status, response.statusText, body);
}

function fetchError<Body>(status: number, statusText: string, body: Body): FetchError<Body> {
  return { status, statusText, ok: false, headers: {}, body };
}

/** Freezes a JSON value and everything in it, as the platform hands wired data to components read-only. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) {
      deepFreeze(child);
    }
  }
  return value;
}
