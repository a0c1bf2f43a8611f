/**
 * Account records in the UI API shape for the getRecord stub: the fields of the export's Account.csv and the health
 * summary fields that the scoring job writes on Account, from the current scores.
 */
import type { AccountState, CockpitData } from './data';
import { toId18 } from './ids';

/** Value of one field; the value of a relationship field is the related record. */
export interface FieldValue {
  displayValue: string | null;
  value: unknown;
}

/** A record as the UI API returns it. */
export interface RecordRepresentation {
  apiName: string;
  id: string;
  childRelationships: Record<string, never>;
  eTag: string;
  lastModifiedById: null;
  lastModifiedDate: null;
  recordTypeId: null;
  recordTypeInfo: null;
  systemModstamp: null;
  weakEtag: number;
  fields: Record<string, FieldValue>;
}

/** A failed UI API request: the HTTP status and the error list of the response body. */
export class UiApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string
  ) {
    super(message);
  }

  /** The response body, a list of errors as the UI API sends it. */
  get body(): { errorCode: string; message: string }[] {
    return [{ errorCode: this.errorCode, message: this.message }];
  }
}

const currency = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

function plain(value: unknown): FieldValue {
  return { value: value ?? null, displayValue: null };
}

function labelled(value: string | null | undefined): FieldValue {
  return { value: value ?? null, displayValue: value ?? null };
}

function related(apiName: string, id: string | null, name: string | null): FieldValue {
  if (id === null) {
    return { value: null, displayValue: null };
  }
  const record: RecordRepresentation = {
    ...emptyRecord(apiName, id),
    fields: { Id: plain(id), Name: plain(name) }
  };
  return { value: record, displayValue: name };
}

function emptyRecord(apiName: string, id: string): RecordRepresentation {
  return {
    apiName,
    id,
    childRelationships: {},
    eTag: '',
    lastModifiedById: null,
    lastModifiedDate: null,
    recordTypeId: null,
    recordTypeInfo: null,
    systemModstamp: null,
    weakEtag: 0,
    fields: {}
  };
}

/**
 * Returns when the nightly job finished scoring on an as-of date, for HealthScoredAt__c and the job's last run: the
 * job starts at 02:00 local time, and a run of the demo's size is assumed to take 4 minutes.
 * @param asOf Scoring date YYYY-MM-DD.
 * @returns ISO date and time.
 */
export function scoredAtOf(asOf: string): string {
  const [year, month, day] = asOf.split('-').map(Number);
  return new Date(year, month - 1, day, 2, 4, 0, 0).toISOString();
}

/** Field values of an account by field API name (relationship fields by relationship name). */
const ACCOUNT_FIELDS: Record<string, (state: AccountState, data: CockpitData) => FieldValue> = {
  Id: (state) => plain(state.signals.accountId),
  Name: (state) => plain(state.signals.accountName),
  OwnerId: (state) => plain(state.info?.ownerId),
  Owner: (state) => related('User', state.info?.ownerId ?? null, state.info?.ownerName ?? null),
  Type: (state) => labelled(state.info?.type),
  Industry: (state) => labelled(state.info?.industry),
  Segment__c: (state) => labelled(state.info?.segment),
  LicensedSeats__c: (state) => plain(state.signals.licensedSeats),
  AnnualRecurringRevenue__c: (state) => {
    const arr = state.info?.arr ?? null;
    return { value: arr, displayValue: arr === null ? null : currency.format(arr) };
  },
  ExecutiveSponsor__c: (state) => plain(state.info?.executiveSponsorId),
  ExecutiveSponsor__r: (state) =>
    related('Contact', state.info?.executiveSponsorId ?? null, state.info?.executiveSponsorName ?? null),
  Champion__c: (state) => plain(state.info?.championId),
  Champion__r: (state) => related('Contact', state.info?.championId ?? null, state.info?.championName ?? null),
  DaysPastDue__c: (state) => plain(state.signals.daysPastDue),
  HealthScore__c: (state) => plain(state.health?.score),
  HealthBand__c: (state) => labelled(state.health?.band),
  HealthTrend__c: (state) => labelled(state.health?.trend.direction),
  HealthCoverage__c: (state) => {
    if (!state.health) {
      return plain(null);
    }
    // A Percent field stores 80 for 80%.
    const percent = Math.round(state.health.coverage * 10000) / 100;
    return { value: percent, displayValue: `${percent}%` };
  },
  HealthTopReason__c: (state) => plain(state.health?.topReason),
  HealthScoredAt__c: (state, data) => {
    if (!state.health) {
      return plain(null);
    }
    const value = scoredAtOf(data.asOf);
    return { value, displayValue: new Date(value).toLocaleString('en-US') };
  }
};

/** Splits `Account.Owner.Name` into the first field and the rest of the path below it. */
function splitField(qualified: string): { object: string; field: string; rest: string[] } {
  const [object, field, ...rest] = qualified.split('.');
  return { object, field: field ?? '', rest };
}

function isKnownField(field: string, rest: string[]): boolean {
  if (!(field in ACCOUNT_FIELDS)) {
    return false;
  }
  const isRelationship = field === 'Owner' || field.endsWith('__r');
  return isRelationship ? rest.length === 1 && (rest[0] === 'Name' || rest[0] === 'Id') : rest.length === 0;
}

/**
 * Returns an account of the export with the requested fields, as getRecord provisions it.
 * @param data The scored export.
 * @param recordId 15- or 18-character Id.
 * @param fields Fields such as `Account.Name` or `Account.Owner.Name`; an unknown one fails the request.
 * @param optionalFields Fields left out when unknown.
 * @throws UiApiError 404 when the export has no such account, 400 for an unknown required field.
 */
export function getAccountRecord(
  data: CockpitData,
  recordId: unknown,
  fields: unknown,
  optionalFields: unknown
): RecordRepresentation {
  const id = typeof recordId === 'string' ? toId18(recordId) : null;
  const state = id === null ? undefined : data.account(id);
  if (!state) {
    throw new UiApiError(
      404,
      'NOT_FOUND',
      `The requested resource does not exist: record ${String(recordId)} is not an account of the export ` +
        `${data.exportName}. Open an account from the account list.`
    );
  }
  const record = emptyRecord('Account', state.signals.accountId);
  const requests = [
    ...(Array.isArray(fields) ? fields : []).map((name) => ({ name: String(name), isOptional: false })),
    ...(Array.isArray(optionalFields) ? optionalFields : []).map((name) => ({ name: String(name), isOptional: true }))
  ];
  for (const request of requests) {
    const { object, field, rest } = splitField(request.name);
    if (object !== 'Account' || !isKnownField(field, rest)) {
      if (request.isOptional) {
        continue;
      }
      throw new UiApiError(
        400,
        'INVALID_FIELD',
        `No such column '${request.name}' on entity 'Account' in the offline cockpit. It serves the Account fields ` +
          `${Object.keys(ACCOUNT_FIELDS).join(', ')}; request other fields through optionalFields.`
      );
    }
    record.fields[field] = ACCOUNT_FIELDS[field](state, data);
  }
  return record;
}
