/**
 * Benchmark of offline scoring: generates an export of 10,000 accounts with 2,000,000 daily usage rows and 200,000
 * Cases, then times reading it alone against reading and scoring it, in the same process. Prints both medians, the
 * share that scoring adds to the read time (budget: at most 50%) and the peak resident memory (budget: under 2 GB).
 *
 *   npm run bench:score -- [--runs <n>] [--accounts <n>] [--keep]
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadExportConfig, readOrgExport } from '../lib/export';
import { loadModelsFromMetadata, packageCustomMetadataDir } from '../lib/model';
import { repoRoot } from '../lib/paths';
import { scorePortfolio } from '../lib/score/portfolio';
import { writeBenchExport } from './bench-export';

const ADDED_SHARE_BUDGET = 0.5;
const MEMORY_BUDGET_BYTES = 2 * 1024 ** 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string' }, accounts: { type: 'string' }, keep: { type: 'boolean' } },
    strict: true
  });
  const runs = Number(values.runs ?? 3);
  const accounts = Number(values.accounts ?? 10_000);
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(accounts) || accounts < 1) {
    throw new Error('--runs and --accounts take whole numbers above zero, for example --runs 3 --accounts 10000.');
  }

  const folder = path.join(repoRoot(), '_local', 'bench', 'export');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const generateStart = process.hrtime.bigint();
  const counts = writeBenchExport(folder, { accounts, usageDaysPerAccount: 200, casesPerAccount: 20, seed: 20261130 });
  const usageBytes = statSync(path.join(folder, 'DailyUsage__c.csv')).size;
  console.log(
    `Generated ${counts.accounts} accounts, ${counts.usageRows} usage rows (${(usageBytes / 1e6).toFixed(0)} MB) ` +
      `and ${counts.cases} Cases in ${seconds(generateStart).toFixed(1)} s`
  );

  const models = loadModelsFromMetadata(packageCustomMetadataDir());
  const config = loadExportConfig(null);
  const readTimes: number[] = [];
  const readAndScoreTimes: number[] = [];
  let scoredAccounts = 0;

  for (let run = 1; run <= runs; run++) {
    global.gc?.();
    const readStart = process.hrtime.bigint();
    const readOnly = await readOrgExport(folder, config);
    readTimes.push(seconds(readStart));
    if (readOnly.problems.length) {
      throw new Error(`The generated export has ${readOnly.problems.length} problems; the benchmark data is wrong.`);
    }

    global.gc?.();
    const fullStart = process.hrtime.bigint();
    const orgExport = await readOrgExport(folder, config);
    const result = scorePortfolio(models, orgExport.accounts, orgExport.history, orgExport.latestDate as string);
    readAndScoreTimes.push(seconds(fullStart));
    scoredAccounts = result.scored.length;
    console.log(
      `run ${run}: read ${readTimes[run - 1].toFixed(2)} s, read and score ${readAndScoreTimes[run - 1].toFixed(2)} s`
    );
  }

  const read = median(readTimes);
  const readAndScore = median(readAndScoreTimes);
  const added = (readAndScore - read) / read;
  const peakBytes = process.resourceUsage().maxRSS * 1024;
  console.log('');
  console.log(`accounts scored:        ${scoredAccounts}`);
  console.log(`read only (median):     ${read.toFixed(2)} s`);
  console.log(`read and score (median): ${readAndScore.toFixed(2)} s`);
  console.log(
    `scoring adds:           ${(added * 100).toFixed(1)}% of the read time (budget ${ADDED_SHARE_BUDGET * 100}%) ` +
      `${added <= ADDED_SHARE_BUDGET ? 'within budget' : 'OVER BUDGET'}`
  );
  console.log(
    `peak memory (RSS):      ${(peakBytes / 1024 ** 2).toFixed(0)} MB (budget 2048 MB) ` +
      `${peakBytes < MEMORY_BUDGET_BYTES ? 'within budget' : 'OVER BUDGET'}`
  );

  if (!values.keep) {
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
