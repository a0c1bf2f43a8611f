// Runs every offline gate in turn (each is also an npm script of its own), reports each result with its time,
// and exits 1 when any gate failed. Gates that depend on built LWC output run after the build.
import { spawnSync } from 'node:child_process';

const GATES = [
  ['format', 'check:format'],
  ['lint', 'check:lint'],
  ['types', 'check:types'],
  ['jest', 'check:jest'],
  ['lwc-platform', 'check:lwc-platform'],
  ['browser', 'check:browser'],
  ['apex', 'check:apex'],
  ['pmd', 'check:pmd'],
  ['metadata', 'check:metadata'],
  ['convert', 'check:convert']
];

const only = process.argv.slice(2);
const selected = only.length ? GATES.filter(([name]) => only.includes(name)) : GATES;
const env = { ...process.env, SF_DISABLE_TELEMETRY: 'true', SF_SKIP_NEW_VERSION_CHECK: 'true' };
const results = [];

for (const [name, script] of selected) {
  const started = process.hrtime.bigint();
  console.log(`\n== gate ${name} (npm run ${script})`);
  const run = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit', env });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  results.push({ name, ok: run.status === 0, seconds });
}

console.log('\n== summary');
for (const { name, ok, seconds } of results) {
  console.log(`${ok ? 'pass' : 'FAIL'}  ${name.padEnd(14)} ${seconds.toFixed(1)} s`);
}
const failed = results.filter((result) => !result.ok).length;
console.log(`gates: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
