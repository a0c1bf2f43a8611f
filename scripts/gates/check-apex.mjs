// Semantic check of the Apex sources with apex-ls (apex-dev-tools), the checker bundled with the Code Analyzer PMD
// engine. It reports unknown types, fields and methods, type mismatches, syntax errors and missing -meta.xml files,
// and exits 4 on errors. Requires Java 17 or later on PATH.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const engineDir = path.dirname(require.resolve('@salesforce/code-analyzer-pmd-engine/package.json'));
const classPath = path.join(engineDir, 'dist', 'java-lib', '*');

const result = spawnSync(
  'java',
  ['-cp', classPath, 'io.github.apexdevtools.apexls.CheckForIssues', '--nocache', '--workspace', process.cwd()],
  { encoding: 'utf8' }
);
if (result.error) {
  console.error(`check:apex: could not start java (${result.error.message}); install a Java 17 runtime.`);
  process.exit(1);
}
const output = `${result.stdout}${result.stderr}`.trim();
if (output) {
  console.log(output);
}
if (result.status !== 0) {
  console.error(`check:apex: apex-ls found problems (exit code ${result.status}).`);
  process.exit(1);
}
console.log('check:apex: no problems found by apex-ls');
