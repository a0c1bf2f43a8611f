/**
 * Helpers for the errors that Lightning Data Service, Apex calls and JavaScript hand to a component.
 */

type ErrorRecord = Record<string, unknown>;

function isRecord(value: unknown): value is ErrorRecord {
  return typeof value === 'object' && value !== null;
}

function isText(value: string | null): value is string {
  return value !== null;
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : null;
}

/** Collects the `message` of every entry of a list such as `pageErrors` or `output.errors`. */
function messagesOfList(list: unknown): string[] {
  if (!Array.isArray(list)) {
    return [];
  }
  return list.map((entry) => (isRecord(entry) ? textOf(entry.message) : textOf(entry))).filter(isText);
}

/** Collects the messages of a `fieldErrors` map: field API name to a list of errors. */
function messagesOfFieldErrors(fieldErrors: unknown): string[] {
  if (!isRecord(fieldErrors)) {
    return [];
  }
  return Object.values(fieldErrors).flatMap((errors) => messagesOfList(errors));
}

/**
 * Reads the messages of one error body: a UI API record error list, a DML error with page and field errors (at the
 * top or under `output`), or an Apex error with a `message`.
 */
function messagesOfBody(body: unknown): string[] {
  if (Array.isArray(body)) {
    return body.flatMap((entry) => (isRecord(entry) ? messagesOfBody(entry) : [textOf(entry)].filter(isText)));
  }
  if (!isRecord(body)) {
    return [textOf(body)].filter(isText);
  }
  const output: ErrorRecord = isRecord(body.output) ? body.output : {};
  const messages = [
    ...messagesOfList(body.pageErrors),
    ...messagesOfFieldErrors(body.fieldErrors),
    ...messagesOfList(output.errors),
    ...messagesOfFieldErrors(output.fieldErrors)
  ];
  const message = textOf(body.message);
  if (message !== null) {
    messages.push(message);
  }
  return messages;
}

function messagesOfError(error: unknown): string[] {
  const text = textOf(error);
  if (text !== null) {
    return [text];
  }
  if (!isRecord(error)) {
    return [];
  }
  if ('body' in error && error.body !== undefined && error.body !== null) {
    const fromBody = messagesOfBody(error.body);
    if (fromBody.length > 0) {
      return fromBody;
    }
  }
  // A JavaScript Error, or a fetch failure that only has a status text.
  const message = textOf(error.message) ?? textOf(error.statusText);
  return message === null ? [] : [message];
}

/**
 * Reduces one or more errors to the plain messages a user can read, without duplicates and in the order found.
 * Handles the errors of Apex calls (`body.message`), of Lightning Data Service reads (`body` as a list) and
 * writes (`body.pageErrors`, `body.fieldErrors`, `body.output.errors`, `body.output.fieldErrors`), JavaScript `Error`
 * objects, failed requests with only a `statusText`, and plain strings.
 * @param errors An error, a list of errors, or nothing.
 * @returns The messages; empty when no error carries one.
 * @example
 * reduceErrors({ body: { message: 'Value is missing.' } }); // ['Value is missing.']
 */
export function reduceErrors(errors: unknown): string[] {
  const list = Array.isArray(errors) ? errors : [errors];
  const messages = list.filter((error) => error !== undefined && error !== null).flatMap(messagesOfError);
  return [...new Set(messages)];
}
