/**
 * Command line entry of `npm run demo:data`: generates the demo org export and writes it to a folder.
 *
 * Usage: tsx scripts/demo/generate.ts [--out <folder>] [--seed <n>]
 */

import * as path from 'node:path';
import { parseArgs } from 'node:util';

import { DEFAULT_OUTPUT_FOLDER, DEFAULT_SEED, generateDemoExport, writeDemoExport } from './generate-export';

/** Options of one generation run. */
export interface GenerateOptions {
  outputFolder: string;
  seed: number;
}

const USAGE = 'Usage: tsx scripts/demo/generate.ts [--out <folder>] [--seed <n>]';

/**
 * Parses the command line arguments (without the node and script paths).
 * @throws Error naming the invalid argument and showing the usage
 */
export function parseGenerateArguments(args: readonly string[]): GenerateOptions {
  let values: { out?: string; seed?: string };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { out: { type: 'string' }, seed: { type: 'string' } },
      strict: true,
      allowPositionals: false
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  const seedText = values.seed ?? String(DEFAULT_SEED);
  if (!/^\d{1,10}$/.test(seedText) || Number(seedText) > 4294967295) {
    throw new Error(`Invalid --seed "${seedText}": use a whole number from 0 to 4294967295.\n${USAGE}`);
  }
  const outputFolder = values.out ?? DEFAULT_OUTPUT_FOLDER;
  if (outputFolder.trim() === '') {
    throw new Error(`Invalid --out: the folder name is empty.\n${USAGE}`);
  }
  return { outputFolder, seed: Number(seedText) };
}

/**
 * Generates and writes the export, then prints each file's row count and size and the total.
 * @returns the process exit code
 */
export function main(args: readonly string[]): number {
  let options: GenerateOptions;
  try {
    options = parseGenerateArguments(args);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }

  const started = process.hrtime.bigint();
  const { files } = generateDemoExport(options.seed);
  const folder = path.resolve(options.outputFolder);
  let leftovers: string[];
  try {
    leftovers = writeDemoExport(folder, files);
  } catch (error) {
    console.error(`Writing the demo export to ${folder} failed: ${(error as Error).message}`);
    return 1;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  let totalBytes = 0;
  for (const file of files) {
    const bytes = Buffer.byteLength(file.content, 'utf8');
    totalBytes += bytes;
    const rows = file.name.endsWith('.csv') ? `${String(file.rows).padStart(7)} rows` : ''.padStart(12);
    console.log(`${file.name.padEnd(24)} ${rows} ${(bytes / 1024).toFixed(0).padStart(6)} KB`);
  }
  console.log(
    `Wrote ${files.length} files (${(totalBytes / 1048576).toFixed(2)} MB) with seed ${options.seed} to ${folder} ` +
      `in ${seconds.toFixed(1)} s.`
  );
  if (leftovers.length > 0) {
    console.warn(`Left in place, not written by this run: ${leftovers.join(', ')}. Delete them if they are stale.`);
  }
  return 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
