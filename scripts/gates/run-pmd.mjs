// Runs PMD's Apex security, performance and error-prone rules through the Code Analyzer PMD engine (bundled PMD 7
// jars, Java 17) and exits 1 on any violation. The `sf code-analyzer` plugin cannot be installed offline, so the
// engine is driven directly. PMD skips files it cannot parse, so the Prettier check stays the Apex syntax gate.
//
// Usage: node scripts/gates/run-pmd.mjs [rule selectors...]   (default: pmd:Security pmd:Performance pmd:ErrorProne)
import path from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel } from '@salesforce/code-analyzer-core';
import * as pmdEngine from '@salesforce/code-analyzer-pmd-engine';

const selectors = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['pmd:Security', 'pmd:Performance', 'pmd:ErrorProne'];
const root = process.cwd();

const config = CodeAnalyzerConfig.fromObject(
  {
    config_root: root,
    ignores: { files: ['**/node_modules/**', '**/build/**', '**/_local/**', '**/staticresources/**'] },
    engines: { cpd: { disable_engine: true } },
    // ProtectSensitiveData flags every field whose name contains words such as KEY or SIGN, so it matches the
    // upsert keys (UniqueKey__c) and the health signals (Signal__c), none of which contains a secret. Re-tagging it
    // takes it out of the Security selection; the other security rules still run.
    rules: { pmd: { ProtectSensitiveData: { tags: ['AppExchange', 'Xml'] } } }
  },
  root
);
const analyzer = new CodeAnalyzer(config);
analyzer.onEvent(EventType.LogEvent, (event) => {
  if (event.logLevel <= LogLevel.Error) {
    console.error(`pmd: ${event.message}`);
  }
});
await analyzer.addEnginePlugin(pmdEngine.createEnginePlugin());

const workspace = await analyzer.createWorkspace(['force-app', 'unpackaged'].map((folder) => path.join(root, folder)));
const rules = await analyzer.selectRules(selectors, { workspace });
const results = await analyzer.run(rules, { workspace });

const violations = results.getViolations();
for (const violation of violations) {
  const location = violation.getPrimaryLocation();
  const file = path.relative(root, location.getFile() ?? '');
  const rule = violation.getRule();
  console.error(
    `${file}:${location.getStartLine()}:${location.getStartColumn()} ${rule.getName()} (severity ${rule.getSeverityLevel()}): ${violation.getMessage().trim()}`
  );
}
console.log(`pmd: ${rules.getCount()} rules (${selectors.join(', ')}), ${violations.length} violations`);
process.exit(violations.length ? 1 : 0);
