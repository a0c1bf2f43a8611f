// Converts the package and the unpackaged test metadata to Metadata API format with the Salesforce CLI, which fails
// on unknown suffixes, wrong root elements and files without their parent. Telemetry and version checks are turned
// off so the command makes no network calls.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

const env = {
  ...process.env,
  SF_DISABLE_TELEMETRY: 'true',
  SF_SKIP_NEW_VERSION_CHECK: 'true',
  SF_AUTOUPDATE_DISABLE: 'true'
};
const sf = path.join(process.cwd(), 'node_modules', '.bin', 'sf');
const targets = [
  { rootDir: 'force-app', outputDir: 'build/mdapi/package' },
  { rootDir: 'unpackaged', outputDir: 'build/mdapi/unpackaged' }
];

for (const { rootDir, outputDir } of targets) {
  rmSync(outputDir, { recursive: true, force: true });
  const result = spawnSync(sf, ['project', 'convert', 'source', '--root-dir', rootDir, '--output-dir', outputDir], {
    env,
    encoding: 'utf8'
  });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    console.error(`check:convert: converting ${rootDir} failed (exit code ${result.status}).`);
    process.exit(1);
  }
  console.log(`check:convert: ${rootDir} -> ${outputDir}`);
}
