/**
 * The jsforce implementation of the `org:seed` connection seam, and the SOAP login through an Experience Cloud site.
 * The jsforce package is @jsforce/jsforce-node 3.12, which @salesforce/cli installs.
 */
import { Connection } from '@jsforce/jsforce-node';
import type { SaveResult } from '@jsforce/jsforce-node';
import type { FieldDescription, OrgSession, SaveOutcome, SeedConnection, SiteLogin } from './seedConnection';
import { API_VERSION, COLLECTION_SIZE } from './seedConnection';
import type { SObjectFields } from './seedRecords';

/**
 * API version of the site logins. SOAP login() is not available in API version 65.0 and later, and Salesforce
 * supports it in versions 62.0 to 64.0 until its retirement, announced for Summer '27 (SOAP API End-of-Life Policy).
 * NOTE: after that retirement the site logins fail with the API's error until they move to an OAuth flow.
 */
export const SITE_LOGIN_API_VERSION = '64.0';

/** Maximum records one query returns. The seed's queries read at most a few thousand. */
const MAX_QUERY_RECORDS = 50000;

/**
 * Turns collection results into outcomes. The sObject Collections API names the error code `statusCode`, while the
 * jsforce type calls it `errorCode`, so both are read.
 */
function toOutcomes(results: SaveResult[]): SaveOutcome[] {
  return results.map((result) => {
    if (result.success) {
      return { id: result.id, success: true, errors: [] };
    }
    const errors = result.errors.map((error) => {
      const code = error.errorCode ?? (error as { statusCode?: string }).statusCode ?? 'ERROR';
      return `${code}: ${error.message}`;
    });
    return { id: null, success: false, errors };
  });
}

function checkSize(records: SObjectFields[]): void {
  if (records.length > COLLECTION_SIZE) {
    throw new Error(`A collection request takes at most ${COLLECTION_SIZE} records, not ${records.length}.`);
  }
}

/** Opens a jsforce connection with the CLI's access token and wraps it in the seed's connection seam. */
export function openJsforceConnection(session: OrgSession): SeedConnection {
  const connection = new Connection({
    instanceUrl: session.instanceUrl,
    accessToken: session.accessToken,
    version: API_VERSION
  });
  return {
    async query(soql) {
      const result = await connection.query(soql, { autoFetch: true, maxFetch: MAX_QUERY_RECORDS });
      return result.records.map(({ attributes: _attributes, ...fields }) => fields);
    },
    async describeFields(sobject) {
      const description = await connection.describe(sobject);
      return description.fields.map((field): FieldDescription => ({
        name: field.name,
        createable: field.createable,
        updateable: field.updateable
      }));
    },
    async create(sobject, records) {
      checkSize(records);
      return records.length === 0 ? [] : toOutcomes(await connection.create(sobject, records, { allOrNone: false }));
    },
    async update(sobject, records) {
      checkSize(records);
      const withIds = records.map((record) => ({ ...record, Id: String(record.Id) }));
      return records.length === 0 ? [] : toOutcomes(await connection.update(sobject, withIds, { allOrNone: false }));
    },
    async request<T>(method: 'GET' | 'POST', path: string, body?: unknown) {
      return connection.request<T>({
        method,
        url: path,
        body: body === undefined ? undefined : JSON.stringify(body),
        headers: { 'content-type': 'application/json' }
      });
    }
  };
}

/**
 * Logs `username` in through the SOAP login endpoint of the site at `siteUrl` (`<siteUrl>/services/Soap/u/64.0`),
 * which records a LoginHistory row for the user, and then logs the session out. Rejects with the API's fault string,
 * such as `INVALID_LOGIN: Invalid username, password, security token; or user locked out.`
 */
export const soapSiteLogin: SiteLogin = async (siteUrl, username, password) => {
  const connection = new Connection({ loginUrl: siteUrl.replace(/\/+$/, ''), version: SITE_LOGIN_API_VERSION });
  await connection.login(username, password);
  // The LoginHistory row exists once login() returns, so a failed logout does not matter.
  await connection.logout().catch(() => undefined);
};
