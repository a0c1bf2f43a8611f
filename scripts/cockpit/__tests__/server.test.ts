import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { cockpitPaths } from '../build';
import { createCockpitServer } from '../server';
import type { CockpitApp } from '../server';
import { ACME_ID, loadFixture } from './cockpitFixture';
import type { CockpitFixture } from './cockpitFixture';

let fixture: CockpitFixture;
let server: Server;
let baseUrl: string;
let app: CockpitApp | null;
let logged: string[];

async function startServer(): Promise<void> {
  const publicDir = path.join(fixture.dir, 'public');
  mkdirSync(publicDir);
  copyFileSync(path.join(__dirname, '..', 'app', 'index.html'), path.join(publicDir, 'index.html'));
  writeFileSync(path.join(publicDir, 'app.js'), 'export {};\n');
  logged = [];
  server = createCockpitServer({
    publicDir,
    sldsAssetsDir: cockpitPaths().sldsAssetsDir,
    app: () => app,
    log: (line) => logged.push(line)
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function post(urlPath: string, body: string, contentType = 'application/json'): Promise<Response> {
  return fetch(`${baseUrl}${urlPath}`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
}

beforeEach(async () => {
  fixture = await loadFixture();
  app = fixture.app();
  await startServer();
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fixture.cleanup();
});

describe('cockpit server', () => {
  it('serves the page', async () => {
    const response = await fetch(`${baseUrl}/`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<body class="slds-scope">');
  });

  it('serves the bundle', async () => {
    const response = await fetch(`${baseUrl}/app.js`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(await response.text()).toBe('export {};\n');
  });

  it('revalidates the bundle', async () => {
    const first = await fetch(`${baseUrl}/app.js`);
    const etag = first.headers.get('etag') ?? '';

    const second = await fetch(`${baseUrl}/app.js`, { headers: { 'If-None-Match': etag } });

    expect(etag).not.toBe('');
    expect(second.status).toBe(304);
  });

  it('serves an SLDS asset', async () => {
    const response = await fetch(`${baseUrl}/slds/styles/salesforce-lightning-design-system.min.css`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/css');
    expect(await response.text()).toContain('.slds-card');
  });

  it('serves the session', async () => {
    const response = await fetch(`${baseUrl}/session.js`);
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(text).toMatch(/^window\.cockpitSession = /);
    expect(text).toContain('"customPermissions":["RecalculateHealth"]');
  });

  it('calls an Apex method', async () => {
    const response = await post(
      '/api/apex/HealthScorecardController.getScorecard',
      JSON.stringify({ accountId: ACME_ID })
    );
    const body = await response.json();

    expect(response.status).toBe(200);
    expect(body.accountId).toBe(ACME_ID);
    expect(body.hasSnapshot).toBe(true);
    expect(logged.some((line) => line.includes('HealthScorecardController.getScorecard 200'))).toBe(true);
  });

  it('reports an Apex failure', async () => {
    const response = await post('/api/apex/HealthScorecardController.getScorecard', '{}');
    const body = await response.json();

    expect(response.status).toBe(500);
    expect(body.message).toBe('The account Id is missing. Open the health scorecard from an Account record page.');
    expect(body.exceptionType).toBe('System.AuraHandledException');
  });

  it('rejects an unknown method', async () => {
    const response = await post('/api/apex/NoSuchController.run', '{}');
    const body = await response.json();

    expect(response.status).toBe(404);
    expect(body.message).toContain('Apex method NoSuchController.run does not exist offline');
  });

  it('rejects bad JSON', async () => {
    const response = await post('/api/apex/HealthScorecardController.getScorecard', '{"accountId": ');
    const body = await response.json();

    expect(response.status).toBe(400);
    expect(body.message).toContain('is not valid JSON');
  });

  it('rejects a body that is no object', async () => {
    const response = await post('/api/apex/HealthScorecardController.getScorecard', '[1]');

    expect(response.status).toBe(400);
  });

  it('requires a JSON content type', async () => {
    const response = await post('/api/apex/HealthJobController.getStatus', '{}', 'text/plain');

    expect(response.status).toBe(415);
  });

  it('requires POST for Apex', async () => {
    const response = await fetch(`${baseUrl}/api/apex/HealthJobController.getStatus`);

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('answers getRecord', async () => {
    const response = await post(
      '/api/ui-api/getRecord',
      JSON.stringify({
        recordId: ACME_ID,
        fields: ['Account.Name', 'Account.Owner.Name'],
        optionalFields: ['Account.Foo__c']
      })
    );
    const record = await response.json();

    expect(response.status).toBe(200);
    expect(record.apiName).toBe('Account');
    expect(record.fields.Name.value).toBe('Acme, Inc.');
    expect(record.fields.Owner.displayValue).toBe('Olivia Owner');
    expect(record.fields.Owner.value.fields.Name.value).toBe('Olivia Owner');
    expect(record.fields.Foo__c).toBeUndefined();
  });

  it('rejects an unknown field', async () => {
    const response = await post(
      '/api/ui-api/getRecord',
      JSON.stringify({ recordId: ACME_ID, fields: ['Account.Foo__c'] })
    );
    const body = await response.json();

    expect(response.status).toBe(400);
    expect(body[0].errorCode).toBe('INVALID_FIELD');
    expect(body[0].message).toContain("No such column 'Account.Foo__c'");
  });

  it('reports an unknown record', async () => {
    const response = await post(
      '/api/ui-api/getRecord',
      JSON.stringify({ recordId: '001A00000000099AAA', fields: [] })
    );

    expect(response.status).toBe(404);
    expect((await response.json())[0].errorCode).toBe('NOT_FOUND');
  });

  it('lists the accounts', async () => {
    const response = await fetch(`${baseUrl}/api/cockpit/accounts`);
    const body = await response.json();

    expect(response.status).toBe(200);
    expect(body.rows).toHaveLength(fixture.data.accountsByRisk().length);
    expect(body.rows[0].accountId).toBe(fixture.data.accountsByRisk()[0].signals.accountId);
  });

  it('keeps files inside their folder', async () => {
    const response = await fetch(`${baseUrl}/%2e%2e%2f%2e%2e%2fpackage.json`);

    expect(response.status).toBe(404);
  });

  it('redirects a record URL', async () => {
    const response = await fetch(`${baseUrl}/lightning/r/Account/${ACME_ID}/view`, { redirect: 'manual' });

    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`/#/account/${ACME_ID}`);
  });

  it('answers 404 for a missing file', async () => {
    const response = await fetch(`${baseUrl}/missing.js`);

    expect(response.status).toBe(404);
  });

  it('rejects a foreign host', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const request = httpRequest(`${baseUrl}/`, { headers: { Host: 'attacker.example:80' } }, (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      request.on('error', reject);
      request.end();
    });

    expect(status).toBe(403);
  });

  it('answers 503 while starting', async () => {
    app = null;

    const api = await fetch(`${baseUrl}/api/cockpit/accounts`);
    const page = await fetch(`${baseUrl}/`);

    expect(api.status).toBe(503);
    expect((await api.json()).message).toContain('still building and scoring');
    expect(page.status).toBe(200);
  });
});
