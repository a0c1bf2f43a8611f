import type {
  FieldDescription,
  OrgSession,
  QueryRecord,
  SaveOutcome,
  SeedConnection,
  SiteLogin
} from '../seedConnection';
import { COLLECTION_SIZE } from '../seedConnection';
import type { SObjectFields } from '../seedRecords';

/** One recorded create, update or request call of the fake connection. */
export interface ConnectionCall {
  operation: 'create' | 'update' | 'request' | 'query' | 'describe';
  target: string;
  size: number;
}

type Row = Record<string, unknown>;

/** Fields each sObject of the fake org has, with the package's Account fields. */
const DESCRIBED_FIELDS: Record<string, string[]> = {
  Account: [
    'Id',
    'Name',
    'AccountNumber',
    'Type',
    'Industry',
    'BillingCountry',
    'OwnerId',
    'Segment__c',
    'LicensedSeats__c',
    'AnnualRecurringRevenue__c',
    'DaysPastDue__c',
    'ExecutiveSponsor__c',
    'Champion__c',
    'Phone',
    'NumberOfEmployees'
  ],
  Contact: ['Id', 'AccountId', 'FirstName', 'LastName', 'Email', 'Title', 'Phone'],
  Opportunity: ['Id', 'AccountId', 'Name', 'Type', 'StageName', 'CloseDate', 'Amount'],
  Case: [
    'Id',
    'AccountId',
    'ContactId',
    'Subject',
    'Description',
    'Status',
    'Priority',
    'Origin',
    'Type',
    'IsEscalated'
  ]
};

const ID_PREFIXES: Record<string, string> = {
  Account: '001',
  Contact: '003',
  Opportunity: '006',
  Case: '500',
  User: '005',
  UserRole: '00E',
  Profile: '00e',
  UserLicense: '100',
  Network: '0DB',
  NetworkMemberGroup: '0DL',
  BackgroundOperation: '0Ax',
  PermissionSetGroup: '0PG',
  PermissionSetAssignment: '0Pa',
  LoginHistory: '0Ya'
};

/** Options of the fake org. */
export interface FakeOrgOptions {
  /** Free Customer Community licenses. */
  licenses?: number;
  /** Whether the running user has a role already. */
  runningUserHasRole?: boolean;
  /** Fields to leave out of the describe of an sObject, as `Sobject.Field`. */
  missingFields?: string[];
  /** Usernames whose logins fail, with the reason. */
  failingLogins?: Map<string, string>;
  /** Status of the persona permission set groups. */
  groupStatus?: string;
}

/** Tokens of the small SOQL subset that the seed sends. */
function tokenize(soql: string): string[] {
  const tokens: string[] = [];
  let index = 0;
  while (index < soql.length) {
    const character = soql[index];
    if (/\s/.test(character)) {
      index += 1;
    } else if (character === "'") {
      let value = '';
      index += 1;
      while (soql[index] !== "'") {
        if (soql[index] === '\\') {
          const escaped = soql[index + 1];
          value += { n: '\n', r: '\r', t: '\t' }[escaped] ?? escaped;
          index += 2;
        } else {
          value += soql[index];
          index += 1;
        }
      }
      tokens.push(`'${value}`);
      index += 1;
    } else if ('(),='.includes(character)) {
      tokens.push(character);
      index += 1;
    } else if (soql.startsWith('>=', index)) {
      tokens.push('>=');
      index += 2;
    } else {
      const match = /^[^\s(),=>']+/.exec(soql.slice(index));
      tokens.push(match?.[0] ?? character);
      index += match?.[0].length ?? 1;
    }
  }
  return tokens;
}

/** A parsed query: the selected fields, the sObject, the conditions joined by AND and the ORDER BY fields. */
interface ParsedQuery {
  fields: string[];
  sobject: string;
  conditions: { field: string; operator: 'IN' | '=' | '>='; values: string[] }[];
  orderBy: string[];
}

/** Parses `SELECT f, … FROM X [WHERE a IN (…) AND b = '…' AND c >= literal] [ORDER BY f, …]`. */
export function parseQuery(soql: string): ParsedQuery {
  const tokens = tokenize(soql);
  let position = 0;
  const next = (): string => tokens[position++];
  const expect = (word: string): void => {
    const token = next();
    if (token?.toUpperCase() !== word) {
      throw new Error(`Fake SOQL parser expected ${word} at token ${position} of: ${soql}`);
    }
  };
  expect('SELECT');
  const fields: string[] = [];
  while (tokens[position]?.toUpperCase() !== 'FROM') {
    const token = next();
    if (token !== ',') {
      fields.push(token);
    }
  }
  expect('FROM');
  const parsed: ParsedQuery = { fields, sobject: next(), conditions: [], orderBy: [] };
  if (tokens[position]?.toUpperCase() === 'WHERE') {
    position += 1;
    for (;;) {
      const field = next();
      const operator = next().toUpperCase() as 'IN' | '=' | '>=';
      const values: string[] = [];
      if (operator === 'IN') {
        expect('(');
        for (let token = next(); token !== ')'; token = next()) {
          if (token !== ',') {
            values.push(token.slice(1));
          }
        }
      } else {
        const token = next();
        values.push(token.startsWith("'") ? token.slice(1) : token);
      }
      parsed.conditions.push({ field, operator, values });
      if (tokens[position]?.toUpperCase() !== 'AND') {
        break;
      }
      position += 1;
    }
  }
  if (tokens[position]?.toUpperCase() === 'ORDER') {
    position += 2;
    while (position < tokens.length) {
      const token = next();
      if (token !== ',') {
        parsed.orderBy.push(token);
      }
    }
  }
  return parsed;
}

function matches(row: Row, condition: ParsedQuery['conditions'][number]): boolean {
  const value = row[condition.field];
  const actual = value === null || value === undefined ? null : String(value).toLowerCase();
  if (condition.operator === '>=') {
    return actual !== null && String(value) >= condition.values[0];
  }
  return actual !== null && condition.values.some((wanted) => wanted.toLowerCase() === actual);
}

/**
 * An in-memory org behind the seed's connection seam. It keeps records per sObject, runs the SOQL the seed sends,
 * enforces the platform rules the seed depends on (a portal user's account owner needs a role, unique usernames,
 * describe-known fields only) and records every call.
 */
export class FakeSeedOrg {
  readonly rows = new Map<string, Row[]>();
  readonly calls: ConnectionCall[] = [];
  /** Passwords set through the API, by user Id, which the tests check are never printed. */
  readonly passwords = new Map<string, string>();
  readonly session: OrgSession = {
    accessToken: 'fake-access-token',
    instanceUrl: 'https://fake-org.my.salesforce.com',
    username: 'admin@fake-org.example',
    orgId: '00DFAKE0000000AAAA'
  };
  readonly runningUserId: string;
  readonly profileId: string;
  private counter = 0;
  private readonly options: FakeOrgOptions;
  /** Request-level failures to raise on the next create of an sObject. */
  readonly failNextCreate = new Map<string, string>();

  constructor(options: FakeOrgOptions = {}) {
    this.options = options;
    this.runningUserId = this.insert('User', {
      Username: this.session.username,
      UserRoleId: options.runningUserHasRole ? this.insert('UserRole', { DeveloperName: 'CEO', Name: 'CEO' }) : null,
      TimeZoneSidKey: 'America/Los_Angeles',
      LocaleSidKey: 'en_US',
      LanguageLocaleKey: 'en_US',
      EmailEncodingKey: 'UTF-8',
      IsActive: true
    });
    const licenseId = this.insert('UserLicense', {
      Name: 'Customer Community',
      TotalLicenses: (options.licenses ?? 500) + 3,
      UsedLicenses: 3
    });
    this.profileId = this.insert('Profile', { Name: 'Customer Community User', UserLicenseId: licenseId });
    for (const name of ['SuccessCockpitCsm', 'SuccessCockpitCsManager', 'SuccessCockpitCsAdmin']) {
      this.insert('PermissionSetGroup', { DeveloperName: name, Status: options.groupStatus ?? 'Updated' });
    }
    this.insert('HealthJobSetting__mdt', {
      DeveloperName: 'Default',
      LoginTypes__c: 'Application;Chatter Communities External User',
      LoginStatusSuccess__c: 'Success'
    });
  }

  /** Adds a record directly, as setup, and returns its Id. */
  insert(sobject: string, fields: Row): string {
    this.counter += 1;
    const id = `${ID_PREFIXES[sobject] ?? '0XX'}FAKE${String(this.counter).padStart(8, '0')}AA`;
    const createdDate = new Date(Date.UTC(2027, 0, 1) + this.counter * 1000).toISOString();
    this.table(sobject).push({ ...fields, Id: id, CreatedDate: createdDate });
    return id;
  }

  table(sobject: string): Row[] {
    if (!this.rows.has(sobject)) {
      this.rows.set(sobject, []);
    }
    return this.rows.get(sobject) as Row[];
  }

  find(sobject: string, id: unknown): Row | undefined {
    return this.table(sobject).find((row) => row.Id === id);
  }

  count(sobject: string): number {
    return this.table(sobject).length;
  }

  /** Calls of one operation and target, such as the create requests of Case. */
  callsOf(operation: ConnectionCall['operation'], target: string): ConnectionCall[] {
    return this.calls.filter((call) => call.operation === operation && call.target === target);
  }

  private validateFields(sobject: string, record: SObjectFields): string | null {
    const described = DESCRIBED_FIELDS[sobject];
    if (described === undefined) {
      return null;
    }
    const unknown = Object.keys(record).find(
      (name) => !described.includes(name) || this.options.missingFields?.includes(`${sobject}.${name}`)
    );
    return unknown === undefined ? null : `INVALID_FIELD: No such column '${unknown}' on sobject of type ${sobject}`;
  }

  private createOne(sobject: string, record: SObjectFields): SaveOutcome {
    const fields: Row = { ...record };
    if (sobject === 'Account') {
      fields.OwnerId ??= this.runningUserId;
    }
    if (sobject === 'User') {
      const contact = this.find('Contact', fields.ContactId);
      const account = this.find('Account', contact?.AccountId);
      const owner = this.find('User', account?.OwnerId);
      if (owner?.UserRoleId === null || owner?.UserRoleId === undefined) {
        return { id: null, success: false, errors: ['UNKNOWN_EXCEPTION: portal account owner must have a role'] };
      }
      if (this.table('User').some((user) => user.Username === fields.Username)) {
        return { id: null, success: false, errors: ['DUPLICATE_USERNAME: Duplicate Username.'] };
      }
      const license = this.find('UserLicense', this.find('Profile', fields.ProfileId)?.UserLicenseId);
      if (license !== undefined) {
        license.UsedLicenses = Number(license.UsedLicenses) + 1;
      }
      fields.IsActive = true;
      fields.AccountId = contact?.AccountId ?? null;
    }
    if (sobject === 'NetworkMemberGroup') {
      fields.AssignmentStatus = 'Added';
    }
    return { id: this.insert(sobject, fields), success: true, errors: [] };
  }

  /** Returns the connection seam over this org. */
  connection(): SeedConnection {
    return {
      query: async (soql) => {
        this.calls.push({ operation: 'query', target: soql, size: 0 });
        return this.query(soql);
      },
      describeFields: async (sobject) => {
        this.calls.push({ operation: 'describe', target: sobject, size: 0 });
        return (DESCRIBED_FIELDS[sobject] ?? [])
          .filter((name) => !this.options.missingFields?.includes(`${sobject}.${name}`))
          .map((name): FieldDescription => ({ name, createable: name !== 'Id', updateable: name !== 'Id' }));
      },
      create: async (sobject, records) => {
        this.calls.push({ operation: 'create', target: sobject, size: records.length });
        expect(records.length).toBeLessThanOrEqual(COLLECTION_SIZE);
        const failure = this.failNextCreate.get(sobject);
        if (failure !== undefined) {
          this.failNextCreate.delete(sobject);
          throw new Error(failure);
        }
        const invalid = records.map((record) => this.validateFields(sobject, record)).find((error) => error !== null);
        if (invalid) {
          throw new Error(invalid);
        }
        return records.map((record) => this.createOne(sobject, record));
      },
      update: async (sobject, records) => {
        this.calls.push({ operation: 'update', target: sobject, size: records.length });
        expect(records.length).toBeLessThanOrEqual(COLLECTION_SIZE);
        return records.map((record) => {
          const row = this.find(sobject, record.Id);
          if (row === undefined) {
            return { id: null, success: false, errors: [`ENTITY_IS_DELETED: ${String(record.Id)}`] };
          }
          Object.assign(row, record);
          return { id: String(record.Id), success: true, errors: [] };
        });
      },
      request: async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
        this.calls.push({ operation: 'request', target: `${method} ${path}`, size: 0 });
        return this.request(method, path, body) as T;
      }
    };
  }

  query(soql: string): QueryRecord[] {
    const parsed = parseQuery(soql);
    const rows = this.table(parsed.sobject).filter((row) =>
      parsed.conditions.every((condition) => matches(row, condition))
    );
    const sorted = [...rows].sort((left, right) => {
      for (const field of parsed.orderBy) {
        const order = String(left[field]).localeCompare(String(right[field]));
        if (order !== 0) {
          return order;
        }
      }
      return 0;
    });
    return sorted.map((row) => Object.fromEntries(parsed.fields.map((field) => [field, row[field] ?? null])));
  }

  private request(method: string, path: string, body: unknown): unknown {
    if (method === 'GET' && path === '/connect/communities') {
      return {
        communities: this.table('Network').map((site) => ({
          id: site.Id,
          name: site.Name,
          status: site.Status,
          urlPathPrefix: site.UrlPathPrefix,
          siteUrl: `https://fake-org.my.site.com/${String(site.UrlPathPrefix)}`
        }))
      };
    }
    if (method === 'POST' && path === '/connect/communities') {
      const request = body as { name: string; urlPathPrefix: string; templateName: string };
      this.insert('Network', {
        Name: request.name,
        UrlPathPrefix: request.urlPathPrefix,
        Template: request.templateName,
        Status: 'UnderConstruction',
        IsPublished: false
      });
      return { name: request.name, jobId: this.insert('BackgroundOperation', { Status: 'Complete', Error: null }) };
    }
    const publish = /^\/connect\/communities\/([^/]+)\/publish$/.exec(path);
    if (method === 'POST' && publish !== null) {
      const site = this.find('Network', publish[1]);
      if (site === undefined) {
        throw new Error('NOT_FOUND: The requested resource does not exist');
      }
      site.IsPublished = true;
      return { id: site.Id, jobId: this.insert('BackgroundOperation', { Status: 'Complete', Error: null }) };
    }
    if (method === 'POST' && path === '/composite') {
      const request = body as { compositeRequest: { url: string; body: { NewPassword: string } }[] };
      expect(request.compositeRequest.length).toBeLessThanOrEqual(25);
      return {
        compositeResponse: request.compositeRequest.map((subrequest) => {
          const userId = /\/sobjects\/User\/([^/]+)\/password$/.exec(subrequest.url)?.[1];
          if (userId === undefined || this.find('User', userId) === undefined) {
            return { httpStatusCode: 404, body: [{ errorCode: 'NOT_FOUND', message: 'no such user' }] };
          }
          this.passwords.set(userId, subrequest.body.NewPassword);
          return { httpStatusCode: 204, body: null };
        })
      };
    }
    throw new Error(`Fake org has no ${method} ${path}`);
  }

  /** Returns a site login that checks the site, membership and password, then writes a LoginHistory row. */
  siteLogin(now: () => Date): SiteLogin {
    return async (siteUrl, username, password) => {
      this.calls.push({ operation: 'request', target: `LOGIN ${siteUrl}`, size: 0 });
      const reason = this.options.failingLogins?.get(username);
      if (reason !== undefined) {
        throw new Error(reason);
      }
      const site = this.table('Network').find(
        (network) => siteUrl === `https://fake-org.my.site.com/${String(network.UrlPathPrefix)}`
      );
      const user = this.table('User').find((row) => row.Username === username);
      const isMember = this.table('NetworkMemberGroup').some(
        (member) => member.NetworkId === site?.Id && member.ParentId === user?.ProfileId
      );
      if (site === undefined || site.IsPublished !== true || !isMember) {
        throw new Error('INVALID_LOGIN: site not live or user not a member');
      }
      if (user === undefined || user.IsActive !== true || this.passwords.get(String(user.Id)) !== password) {
        throw new Error('INVALID_LOGIN: Invalid username, password, security token; or user locked out.');
      }
      this.insert('LoginHistory', {
        UserId: user.Id,
        LoginType: 'NetworksPortalApiOnly',
        Status: 'Success',
        LoginTime: now()
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z')
      });
    };
  }
}
