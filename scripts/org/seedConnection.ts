/**
 * The connection seam of `org:seed`: the REST operations the seed uses, the session the Salesforce CLI provides, and
 * SOQL helpers. seedJsforce.ts implements the seam with jsforce; tests pass an in-memory org.
 */
import type { CommandRunner } from './sf';
import { runSf, SfNotLoggedInError } from './sf';
import type { SObjectFields } from './seedRecords';

/** REST API version of the seed's requests, the same as the package's sourceApiVersion. */
export const API_VERSION = '65.0';

/** Records per sObject Collections request, the maximum that the REST API accepts. */
export const COLLECTION_SIZE = 200;

/** Outcome of one record of a create or update request. */
export interface SaveOutcome {
  id: string | null;
  success: boolean;
  /** Error messages with their status codes, such as `REQUIRED_FIELD_MISSING: Required fields are missing: [Name]`. */
  errors: string[];
}

/** A field of an sObject as describe returns it. */
export interface FieldDescription {
  name: string;
  createable: boolean;
  updateable: boolean;
}

/** A record returned by a query: field values by API name. */
export type QueryRecord = Record<string, unknown>;

/** Operations of one authenticated REST connection. */
export interface SeedConnection {
  /** Runs a SOQL query and returns every record, following `nextRecordsUrl`. */
  query(soql: string): Promise<QueryRecord[]>;
  /** Returns the fields of `sobject`. */
  describeFields(sobject: string): Promise<FieldDescription[]>;
  /** Creates up to {@link COLLECTION_SIZE} records in one sObject Collections request, without all-or-none. */
  create(sobject: string, records: SObjectFields[]): Promise<SaveOutcome[]>;
  /** Updates up to {@link COLLECTION_SIZE} records (each with Id) in one sObject Collections request. */
  update(sobject: string, records: SObjectFields[]): Promise<SaveOutcome[]>;
  /** Sends a request to `/services/data/v<API_VERSION><path>` and returns the parsed JSON response. */
  request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
}

/** Logs a user in through the SOAP login endpoint of an Experience Cloud site. Rejects with the reason on failure. */
export type SiteLogin = (siteUrl: string, username: string, password: string) => Promise<void>;

/** Access token and user of the org the CLI is logged in to. */
export interface OrgSession {
  accessToken: string;
  instanceUrl: string;
  username: string;
  orgId: string;
}

/** Fields of `sf org display --json` that the seed reads, without the access token, which that command redacts. */
interface OrgDisplayResult {
  instanceUrl?: string;
  username?: string;
  id?: string;
}

/** Result of `sf org auth show-access-token --json`. */
interface AccessTokenResult {
  accessToken?: string;
}

/** Rethrows a not-logged-in error for a named org with the commands that create it or log in to it. */
function withAliasAdvice(error: unknown, targetOrg: string | null): unknown {
  if (!(error instanceof SfNotLoggedInError) || targetOrg === null) {
    return error;
  }
  return new SfNotLoggedInError(
    `The Salesforce CLI has no login for "${targetOrg}" (${error.errorName}). Create a scratch org with that alias ` +
      `with: npm run org:create -- --alias ${targetOrg}, or log in to the org with: ` +
      `npx sf org login web --alias ${targetOrg}`,
    error.errorName,
    error.exitCode
  );
}

/**
 * Reads the session of `targetOrg` (or of the CLI's default org when null): the instance URL, username and org Id
 * with `sf org display`, and the access token with `sf org auth show-access-token`, because @salesforce/cli 2.146
 * redacts the token in `sf org display`. The token stays in memory and is never printed. Throws
 * {@link SfNotLoggedInError} with the command to run when the CLI has no such org.
 */
export async function openOrgSession(runner: CommandRunner, targetOrg: string | null): Promise<OrgSession> {
  const orgFlag = targetOrg === null ? [] : ['--target-org', targetOrg];
  let display: OrgDisplayResult | undefined;
  let token: AccessTokenResult | undefined;
  try {
    display = (await runSf<OrgDisplayResult>(runner, ['org', 'display', ...orgFlag], { role: 'target-org' })).result;
    token = (
      await runSf<AccessTokenResult>(runner, ['org', 'auth', 'show-access-token', ...orgFlag], { role: 'target-org' })
    ).result;
  } catch (error) {
    throw withAliasAdvice(error, targetOrg);
  }
  if (!token?.accessToken || !display?.instanceUrl || !display.username || !display.id) {
    throw new Error(
      'The Salesforce CLI returned no access token or instance URL; the login may have expired. Log in again with: ' +
        `npx sf org login web${targetOrg === null ? '' : ` --alias ${targetOrg}`}`
    );
  }
  return {
    accessToken: token.accessToken,
    instanceUrl: display.instanceUrl,
    username: display.username,
    orgId: display.id
  };
}

/** Quotes `value` as a SOQL string literal, escaping backslashes, quotes and line breaks. */
export function soqlString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `'${escaped}'`;
}

/** Values per `IN (...)` list, which keeps each query URL well under the REST API's length limit. */
export const IN_LIST_SIZE = 100;

/** Splits `values` into lists of at most `size`. */
export function chunk<T>(values: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < values.length; start += size) {
    chunks.push(values.slice(start, start + size));
  }
  return chunks;
}

/**
 * Runs `buildQuery(inList)` for each chunk of {@link IN_LIST_SIZE} distinct values, where `inList` is the quoted
 * `('a', 'b')` list, and returns all records in chunk order. Runs no query for an empty `values`.
 */
export async function queryIn(
  connection: SeedConnection,
  values: Iterable<string>,
  buildQuery: (inList: string) => string
): Promise<QueryRecord[]> {
  const records: QueryRecord[] = [];
  for (const part of chunk([...new Set(values)], IN_LIST_SIZE)) {
    records.push(...(await connection.query(buildQuery(`(${part.map(soqlString).join(', ')})`))));
  }
  return records;
}

/** Returns field `name` of a query record as a string, or null when it is missing or not a string. */
export function text(record: QueryRecord, name: string): string | null {
  const value = record[name];
  return typeof value === 'string' ? value : null;
}

/** Returns a message of `error`, for errors thrown by the connection. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
