import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LABEL_TEXTS, labelText, labelWords } from '../labels';

const ROOT = path.resolve(__dirname, '../../../..');
const BASE_COMPONENTS = path.join(ROOT, 'tools/cockpit-build/node_modules/lightning-base-components/src/lightning');

function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '__tests__' && entry.name !== 'node_modules') {
        files.push(...listFiles(full));
      }
    } else if (/\.(html|js)$/.test(entry.name)) {
      files.push(full);
    }
  }
  return files;
}

/** `lightning-progress-bar` to `progressBar`, the module folder of a base component tag. */
function moduleOfTag(tag: string): string {
  return tag.replace(/^lightning-/, '').replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** Base component modules that a template or script refers to, by tag, static import or dynamic import. */
function referencedModules(source: string): string[] {
  const tags = [...source.matchAll(/<(lightning-[a-z0-9-]+)/g)].map((match) => moduleOfTag(match[1]));
  const imports = [...source.matchAll(/(?:from\s+|import\(\s*)['"]lightning\/(\w+)['"]/g)].map((match) => match[1]);
  return [...tags, ...imports];
}

/**
 * Collects the label keys that the base components used by our templates import, following each component's
 * templates and imports through the base component package. Returns the importing modules by key.
 */
function reachedLabelKeys(): Map<string, Set<string>> {
  const ourTemplates = [
    ...listFiles(path.join(ROOT, 'force-app')),
    ...listFiles(path.join(ROOT, 'scripts/cockpit/app'))
  ].filter((file) => file.endsWith('.html'));
  const pending = ourTemplates.flatMap((file) => referencedModules(readFileSync(file, 'utf8')));
  const visited = new Set<string>();
  const keys = new Map<string, Set<string>>();
  while (pending.length > 0) {
    const moduleName = pending.pop() as string;
    const moduleDir = path.join(BASE_COMPONENTS, moduleName);
    if (visited.has(moduleName) || !existsSync(moduleDir)) {
      continue;
    }
    visited.add(moduleName);
    for (const file of listFiles(moduleDir)) {
      const source = readFileSync(file, 'utf8');
      pending.push(...referencedModules(source));
      for (const match of source.matchAll(/['"]@salesforce\/label\/([\w.]+)['"]/g)) {
        keys.set(match[1], (keys.get(match[1]) ?? new Set()).add(moduleName));
      }
    }
  }
  return keys;
}

describe('labelText', () => {
  it('returns the text of a known key', () => {
    expect(labelText('LightningErrorMessage.validityValueMissing')).toBe('This field is required. Enter a value.');
  });

  it('keeps placeholders that the component fills in', () => {
    expect(labelText('LightningProgressIndicator.stageNotStarted')).toContain('{0}');
    expect(labelText('LightningDateTimePicker.minAndMaxRangeMessage')).toMatch(/\{0\}.*\{1\}/);
  });

  it('turns an unknown key into words', () => {
    expect(labelText('LightningDatatable.selectAllRows')).toBe('Select all rows');
    expect(labelText('c.Health_Score_Title')).toBe('Health score title');
  });

  it('splits acronyms from the next word', () => {
    expect(labelWords('LightningMap.openInURLBar')).toBe('Open in url bar');
  });

  it('falls back to the key when no word is left', () => {
    expect(labelWords('Section.')).toBe('Section.');
  });
});

describe('label texts of the base components', () => {
  const reached = reachedLabelKeys();

  it('finds the label keys of the components in use', () => {
    expect(reached.has('LightningErrorMessage.validityValueMissing')).toBe(true);
    expect(reached.has('LightningInput.helptextAlternativeText')).toBe(true);
    expect(reached.has('LightningProgressBar.progress')).toBe(true);
  });

  it('has a text for every reached key', () => {
    const missing = [...reached]
      .filter(([key]) => !(key in LABEL_TEXTS))
      .map(([key, modules]) => `${key} (imported by lightning/${[...modules].join(', lightning/')})`);

    expect(missing).toEqual([]);
  });

  it('has texts that are not the key itself', () => {
    const keyLike = Object.entries(LABEL_TEXTS).filter(([key, text]) => text === key || /^\w+\.\w+$/.test(text));

    expect(keyLike).toEqual([]);
  });

  it('has placeholders where the components format values', () => {
    const formatted = [
      'LightningInput.helptextAlternativeText',
      'LightningCombobox.pillCloseButtonAlternativeText',
      'LightningDateTimePicker.invalidDate',
      'LightningDateTimePicker.rangeOverflow',
      'LightningDateTimePicker.rangeUnderflow',
      'LightningDateTimePicker.selectDateFor',
      'LightningProgressIndicator.currentStage',
      'LightningProgressIndicator.pathCurrentStage'
    ];

    const withoutPlaceholder = formatted.filter((key) => !LABEL_TEXTS[key]?.includes('{0}'));

    expect(withoutPlaceholder).toEqual([]);
  });
});
