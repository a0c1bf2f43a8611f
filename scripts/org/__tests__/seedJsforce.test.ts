import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openJsforceConnection, soapSiteLogin } from '../seedJsforce';

/** One request the local server received. */
interface ReceivedRequest {
  method: string;
  url: string;
  body: string;
}

type Handler = (request: ReceivedRequest) => { status: number; body: string; type?: string };

let server: Server;
let baseUrl: string;
let received: ReceivedRequest[];
let handler: Handler;

function json(status: number, value: unknown): { status: number; body: string } {
  return { status, body: JSON.stringify(value) };
}

function soapLoginResponse(serverUrl: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>',
    '<loginResponse><result><passwordExpired>false</passwordExpired>',
    `<serverUrl>${serverUrl}/services/Soap/u/64.0/00DFAKE</serverUrl><sessionId>SESSION</sessionId>`,
    '<userId>005FAKE</userId><userInfo><organizationId>00DFAKE</organizationId></userInfo>',
    '</result></loginResponse></soapenv:Body></soapenv:Envelope>'
  ].join('');
}

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const entry = { method: request.method ?? '', url: request.url ?? '', body };
      received.push(entry);
      const reply = handler(entry);
      response.writeHead(reply.status, { 'content-type': reply.type ?? 'application/json' });
      response.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received = [];
});

function connection() {
  return openJsforceConnection({ accessToken: 'TOKEN', instanceUrl: baseUrl, username: 'u@x.example', orgId: '00D' });
}

describe('openJsforceConnection', () => {
  it('follows nextRecordsUrl and drops attributes', async () => {
    handler = ({ url }) =>
      url.includes('/query/01g-2')
        ? json(200, { done: true, totalSize: 2, records: [{ attributes: { type: 'Account' }, Id: '001B' }] })
        : json(200, {
            done: false,
            totalSize: 2,
            nextRecordsUrl: '/services/data/v65.0/query/01g-2',
            records: [{ attributes: { type: 'Account' }, Id: '001A' }]
          });

    const records = await connection().query("SELECT Id FROM Account WHERE Name = 'A'");

    expect(records).toEqual([{ Id: '001A' }, { Id: '001B' }]);
    expect(decodeURIComponent(received[0].url)).toBe(
      "/services/data/v65.0/query?q=SELECT Id FROM Account WHERE Name = 'A'"
    );
    expect(received[1].url).toBe('/services/data/v65.0/query/01g-2');
  });

  it('creates records in one collection request and reads statusCode errors', async () => {
    handler = () =>
      json(200, [
        { id: '001C', success: true, errors: [] },
        {
          success: false,
          errors: [{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Name]' }]
        }
      ]);

    const outcomes = await connection().create('Account', [{ Name: 'A' }, { Industry: 'Retail' }]);

    expect(received[0].method).toBe('POST');
    expect(received[0].url).toBe('/services/data/v65.0/composite/sobjects');
    expect(JSON.parse(received[0].body)).toEqual({
      allOrNone: false,
      records: [
        { attributes: { type: 'Account' }, Name: 'A' },
        { attributes: { type: 'Account' }, Industry: 'Retail' }
      ]
    });
    expect(outcomes).toEqual([
      { id: '001C', success: true, errors: [] },
      { id: null, success: false, errors: ['REQUIRED_FIELD_MISSING: Required fields are missing: [Name]'] }
    ]);
  });

  it('updates records with PATCH and their Ids', async () => {
    handler = () => json(200, [{ id: '001C', success: true, errors: [] }]);

    await connection().update('Account', [{ Id: '001C', Name: 'B' }]);

    expect(received[0].method).toBe('PATCH');
    expect(JSON.parse(received[0].body).records).toEqual([{ id: '001C', attributes: { type: 'Account' }, Name: 'B' }]);
  });

  it('rejects more than 200 records', async () => {
    const records = Array.from({ length: 201 }, (_, index) => ({ Name: `A${index}` }));

    await expect(connection().create('Account', records)).rejects.toThrow(
      'A collection request takes at most 200 records, not 201.'
    );
    expect(received).toEqual([]);
  });

  it('sends requests relative to the API version', async () => {
    handler = () => json(200, { communities: [] });

    await connection().request('GET', '/connect/communities');
    await connection().request('POST', '/composite', { compositeRequest: [] });

    expect(received.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /services/data/v65.0/connect/communities',
      'POST /services/data/v65.0/composite'
    ]);
    expect(JSON.parse(received[1].body)).toEqual({ compositeRequest: [] });
  });

  it('reads the fields of a describe', async () => {
    handler = () =>
      json(200, { name: 'Account', fields: [{ name: 'Name', createable: true, updateable: true, type: 'string' }] });

    const fields = await connection().describeFields('Account');

    expect(received[0].url).toBe('/services/data/v65.0/sobjects/Account/describe');
    expect(fields).toEqual([{ name: 'Name', createable: true, updateable: true }]);
  });
});

describe('soapSiteLogin', () => {
  it('logs in at the site endpoint of API 64.0 and logs out', async () => {
    handler = ({ url }) =>
      url.endsWith('/customers/services/Soap/u/64.0')
        ? { status: 200, body: soapLoginResponse(baseUrl), type: 'text/xml' }
        : { status: 200, body: '<ok/>', type: 'text/xml' };

    await soapSiteLogin(`${baseUrl}/customers/`, 'nora@x.example', 'Pw<1>&');

    expect(received[0].url).toBe('/customers/services/Soap/u/64.0');
    expect(received[0].body).toContain('<username>nora@x.example</username>');
    expect(received[0].body).toContain('<password>Pw&lt;1&gt;&amp;</password>');
    expect(received[1].url).toBe('/services/Soap/u/64.0');
  });

  it('rejects with the fault string', async () => {
    handler = () => ({
      status: 500,
      body:
        '<soapenv:Envelope><soapenv:Body><soapenv:Fault><faultstring>INVALID_LOGIN: Invalid username, password, ' +
        'security token; or user locked out.</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>',
      type: 'text/xml'
    });

    await expect(soapSiteLogin(`${baseUrl}/customers`, 'nora@x.example', 'wrong')).rejects.toThrow(
      'INVALID_LOGIN: Invalid username, password, security token; or user locked out.'
    );
  });
});
