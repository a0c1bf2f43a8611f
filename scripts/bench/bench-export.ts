/**
 * Writes a large synthetic org export for the scoring benchmark. The data only needs realistic volume and shape,
 * so it is simpler than the demo org: daily usage rows, Cases, renewal Opportunities and survey answers.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Size of the generated export. */
export interface BenchExportOptions {
  accounts: number;
  usageDaysPerAccount: number;
  casesPerAccount: number;
  seed: number;
}

/** Rows written per file. */
export interface BenchExportCounts {
  accounts: number;
  usageRows: number;
  cases: number;
}

const AS_OF_MS = Date.UTC(2026, 10, 30);
const DAY_MS = 86_400_000;
const PRIORITIES = ['High', 'Medium', 'Low', 'Low'];
const FLUSH_BYTES = 1 << 20;

/** Small seeded generator (mulberry32), so two runs write the same files. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class CsvFile {
  private readonly fd: number;
  private buffer = '';

  constructor(folder: string, name: string, header: string) {
    this.fd = openSync(path.join(folder, name), 'w');
    this.buffer = `${header}\n`;
  }

  write(line: string): void {
    this.buffer += `${line}\n`;
    if (this.buffer.length > FLUSH_BYTES) {
      writeSync(this.fd, this.buffer);
      this.buffer = '';
    }
  }

  close(): void {
    writeSync(this.fd, this.buffer);
    closeSync(this.fd);
  }
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function salesforceDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** Builds an 18-character Id whose first 15 characters differ for every index, as Salesforce Ids do. */
function recordId(prefix: string, index: number): string {
  return `${prefix}${index.toString().padStart(12, '0')}AAA`;
}

function accountId(index: number): string {
  return recordId('001', index);
}

/** Writes Account, DailyUsage__c, Case, Opportunity and Feedback__c CSV files into `folder`. */
export function writeBenchExport(folder: string, options: BenchExportOptions): BenchExportCounts {
  const next = random(options.seed);
  const accounts = new CsvFile(folder, 'Account.csv', 'Id,Name,Segment__c,LicensedSeats__c,AnnualRecurringRevenue__c');
  const usage = new CsvFile(folder, 'DailyUsage__c.csv', 'Account__c,UsageDate__c,ActiveUsers__c,Logins__c,Source__c');
  const cases = new CsvFile(
    folder,
    'Case.csv',
    'Id,AccountId,CreatedDate,ClosedDate,IsClosed,IsEscalated,Status,Priority'
  );
  const opportunities = new CsvFile(folder, 'Opportunity.csv', 'Id,AccountId,Type,StageName,CloseDate,IsClosed,IsWon');
  const feedback = new CsvFile(folder, 'Feedback__c.csv', 'Account__c,Type__c,Score__c,ResponseDate__c');
  let usageRows = 0;
  let caseCount = 0;

  for (let index = 0; index < options.accounts; index++) {
    const id = accountId(index);
    const seats = 20 + Math.floor(next() * 480);
    const segment = seats > 300 ? 'Enterprise' : seats > 100 ? 'Mid-Market' : 'SMB';
    accounts.write(`${id},Bench Account ${index},${segment},${seats},${Math.round(seats * 1200)}`);

    const engagement = 0.2 + next() * 0.7;
    for (let day = options.usageDaysPerAccount - 1; day >= 0; day--) {
      const ms = AS_OF_MS - day * DAY_MS;
      const weekday = new Date(ms).getUTCDay();
      const rhythm = weekday === 0 || weekday === 6 ? 0.2 : 1;
      const active = Math.round(seats * engagement * rhythm * (0.7 + next() * 0.3));
      usage.write(`${id},${isoDate(ms)},${active},${active * 2 + Math.floor(next() * 5)},Telemetry`);
      usageRows++;
    }

    for (let c = 0; c < options.casesPerAccount; c++) {
      const created = AS_OF_MS - Math.floor(next() * 365) * DAY_MS - Math.floor(next() * DAY_MS);
      const closed = next() < 0.85;
      const closedAt = Math.min(created + Math.floor(next() * 20) * DAY_MS, AS_OF_MS);
      const escalated = next() < 0.05;
      cases.write(
        `${recordId('500', caseCount)},${id},${salesforceDateTime(created)},` +
          `${closed ? salesforceDateTime(closedAt) : ''},${closed},${escalated},${closed ? 'Closed' : 'Working'},` +
          `${PRIORITIES[Math.floor(next() * PRIORITIES.length)]}`
      );
      caseCount++;
    }

    const renewal = AS_OF_MS + Math.floor(next() * 400) * DAY_MS;
    opportunities.write(`${recordId('006', index)},${id},Renewal,Negotiation,${isoDate(renewal)},false,false`);
    feedback.write(`${id},NPS,${Math.floor(next() * 11)},${isoDate(AS_OF_MS - Math.floor(next() * 150) * DAY_MS)}`);
    feedback.write(
      `${id},CSAT,${Math.floor(50 + next() * 50)},${isoDate(AS_OF_MS - Math.floor(next() * 80) * DAY_MS)}`
    );
  }

  for (const file of [accounts, usage, cases, opportunities, feedback]) {
    file.close();
  }
  return { accounts: options.accounts, usageRows, cases: caseCount };
}
