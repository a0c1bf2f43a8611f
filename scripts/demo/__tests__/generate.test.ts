import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { main, parseGenerateArguments } from '../generate';
import { DEFAULT_OUTPUT_FOLDER, DEFAULT_SEED } from '../generate-export';

const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..', '..');
const COMMITTED_EXPORT = path.join(REPOSITORY_ROOT, 'demo', 'org-export');

let temporaryRoot: string;

function readFolder(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of fs.readdirSync(folder).sort()) {
    files.set(name, fs.readFileSync(path.join(folder, name)));
  }
  return files;
}

function runQuietly(args: string[]): number {
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    return main(args);
  } finally {
    log.mockRestore();
    warn.mockRestore();
    error.mockRestore();
  }
}

let firstFolder: string;
let secondFolder: string;
let firstExitCode: number;
let secondExitCode: number;

beforeAll(() => {
  temporaryRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-export-'));
  firstFolder = path.join(temporaryRoot, 'first');
  secondFolder = path.join(temporaryRoot, 'second');
  // Both runs go through the command line entry, as `npm run demo:data` does.
  firstExitCode = runQuietly(['--out', firstFolder]);
  secondExitCode = runQuietly(['--out', secondFolder]);
});

afterAll(() => {
  fs.rmSync(temporaryRoot, { recursive: true, force: true });
});

describe('parseGenerateArguments', () => {
  it('defaults folder and seed', () => {
    expect(parseGenerateArguments([])).toEqual({ outputFolder: DEFAULT_OUTPUT_FOLDER, seed: DEFAULT_SEED });
  });

  it('reads --out and --seed', () => {
    expect(parseGenerateArguments(['--out', 'x/y', '--seed', '7'])).toEqual({ outputFolder: 'x/y', seed: 7 });
  });

  it.each([['-1'], ['1.5'], ['abc'], ['4294967296']])('rejects seed %s', (seed) => {
    expect(() => parseGenerateArguments([`--seed=${seed}`])).toThrow(`Invalid --seed "${seed}"`);
  });

  it('rejects an unknown option', () => {
    expect(() => parseGenerateArguments(['--size', '3'])).toThrow('Usage:');
  });
});

describe('demo generator', () => {
  it('writes identical bytes twice', () => {
    const firstFiles = readFolder(firstFolder);
    const secondFiles = readFolder(secondFolder);

    expect(firstExitCode).toBe(0);
    expect(secondExitCode).toBe(0);
    expect([...secondFiles.keys()]).toEqual([...firstFiles.keys()]);
    for (const [name, bytes] of firstFiles) {
      expect({ name, equal: bytes.equals(secondFiles.get(name) as Buffer) }).toEqual({ name, equal: true });
    }
  });

  it('writes every file it renders', () => {
    const names = [...readFolder(firstFolder).keys()];

    expect(names).toEqual(expect.arrayContaining(['Account.csv', 'LoginHistory.csv', 'README.md']));
    expect(names).toHaveLength(27);
  });

  it('differs for another seed', () => {
    const other = path.join(temporaryRoot, 'other-seed');

    expect(runQuietly(['--out', other, '--seed', '7'])).toBe(0);

    const defaultAccounts = fs.readFileSync(path.join(firstFolder, 'Account.csv'));
    expect(fs.readFileSync(path.join(other, 'Account.csv')).equals(defaultAccounts)).toBe(false);
  });

  it('exits 2 on a bad argument', () => {
    expect(runQuietly(['--seed', 'x'])).toBe(2);
  });

  it('matches the committed export byte for byte', () => {
    const committed = readFolder(COMMITTED_EXPORT);
    const fresh = readFolder(firstFolder);

    expect([...committed.keys()]).toEqual([...fresh.keys()]);
    for (const [name, bytes] of fresh) {
      const matches = bytes.equals(committed.get(name) as Buffer);
      // On failure, run `npm run demo:data` and commit the result if the generator change was intended.
      expect({ file: name, matches }).toEqual({ file: name, matches: true });
    }
  });

  it('keeps the committed export under 10 MB', () => {
    const bytes = [...readFolder(COMMITTED_EXPORT).values()].reduce((sum, content) => sum + content.length, 0);

    expect(bytes).toBeLessThan(10 * 1024 * 1024);
  });
});
