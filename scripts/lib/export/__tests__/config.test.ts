import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DEFAULT_EXPORT_CONFIG, ExportConfigError, loadExportConfig, normalizeLoginType } from '../config';

describe('loadExportConfig', () => {
  let folder: string;

  function writeConfig(name: string, text: string): string {
    const path = join(folder, name);
    writeFileSync(path, text);
    return path;
  }

  function errorOf(run: () => unknown): ExportConfigError {
    try {
      run();
    } catch (error: unknown) {
      if (error instanceof ExportConfigError) return error;
      throw error;
    }
    throw new Error('expected an ExportConfigError');
  }

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'export-config-'));
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('returns a copy of the defaults', () => {
    const config = loadExportConfig(null);
    config.escalationStatuses.push('Changed');

    expect(config.loginStatusSuccess).toBe('Success');
    expect(DEFAULT_EXPORT_CONFIG.escalationStatuses).toEqual(['Escalated']);
    expect(loadExportConfig(null).escalationStatuses).toEqual(['Escalated']);
  });

  it('merges a file over the defaults', () => {
    const path = writeConfig(
      'merge.json',
      JSON.stringify({
        escalationStatuses: ['Escalated', 'Escalated to Engineering'],
        priorityWeights: { Urgent: 5, Low: 0.5 },
        internalUserAccounts: [{ accountId: '001A', profileNames: ['Standard User'] }]
      })
    );

    const config = loadExportConfig(path);

    expect(config.escalationStatuses).toEqual(['Escalated', 'Escalated to Engineering']);
    expect(config.priorityWeights).toEqual({ ...DEFAULT_EXPORT_CONFIG.priorityWeights, Urgent: 5, Low: 0.5 });
    expect(config.internalUserAccounts).toEqual([{ accountId: '001A', profileNames: ['Standard User'] }]);
    expect(config.highPriorities).toEqual(DEFAULT_EXPORT_CONFIG.highPriorities);
  });

  it('accepts a file with a BOM', () => {
    const path = writeConfig('bom.json', '\uFEFF{"defaultPriorityWeight": 2}');

    expect(loadExportConfig(path).defaultPriorityWeight).toBe(2);
  });

  it.each([
    ['unknown key', '{"loginTypez": []}', 'loginTypez', 'unknown key; known keys are loginTypes'],
    [
      'list as text',
      '{"loginTypes": "Application"}',
      'loginTypes',
      'expected a list of texts, found the text "Application"'
    ],
    ['blank list item', '{"highPriorities": ["High", ""]}', 'highPriorities[1]', 'expected a non-empty text'],
    ['weight as text', '{"priorityWeights": {"High": "3"}}', 'priorityWeights.High', 'expected a number of 0 or more'],
    [
      'negative weight',
      '{"defaultPriorityWeight": -1}',
      'defaultPriorityWeight',
      'expected a number of 0 or more, found number -1'
    ],
    [
      'rule without account',
      '{"internalUserAccounts": [{"profileNames": ["X"]}]}',
      'internalUserAccounts[0].accountId',
      'expected the Id of an account'
    ],
    [
      'unknown rule key',
      '{"internalUserAccounts": [{"accountId": "001", "roles": []}]}',
      'internalUserAccounts[0].roles',
      'unknown key'
    ],
    ['blank status', '{"loginStatusSuccess": " "}', 'loginStatusSuccess', 'expected a non-empty text']
  ])('names the key of a bad value: %s', (_case, text, key, detail) => {
    const path = writeConfig('bad.json', text);

    const error = errorOf(() => loadExportConfig(path));

    expect(error.key).toBe(key);
    expect(error.message).toContain(`Config file ${path}, key "${key}": ${detail}`);
  });

  it('names the file of invalid JSON', () => {
    const path = writeConfig('syntax.json', '{"loginTypes": [}');

    const error = errorOf(() => loadExportConfig(path));

    expect(error.key).toBeNull();
    expect(error.message).toMatch(new RegExp(`^Config file ${path} is not valid JSON \\(.+\\); fix the syntax$`));
  });

  it('names a file that cannot be read', () => {
    const path = join(folder, 'absent.json');

    expect(() => loadExportConfig(path)).toThrow(`Config file ${path} could not be read (ENOENT`);
  });

  it('rejects a top-level list', () => {
    const path = writeConfig('list.json', '[]');

    expect(() => loadExportConfig(path)).toThrow(`Config file ${path} holds a list, not a JSON object`);
  });
});

describe('normalizeLoginType', () => {
  it('maps API names and labels to one key', () => {
    expect(normalizeLoginType('ChatterCommunityPortalUnPwd')).toBe('chatter communities external user');
    expect(normalizeLoginType('Chatter Communities External User')).toBe('chatter communities external user');
    expect(normalizeLoginType('Oauth2')).toBe(normalizeLoginType('Remote Access 2.0'));
  });

  it('keeps an unknown value', () => {
    expect(normalizeLoginType(' Brand New Type ')).toBe('brand new type');
  });

  it('leaves API logins out of the defaults', () => {
    const allowed = new Set(DEFAULT_EXPORT_CONFIG.loginTypes.map(normalizeLoginType));

    expect(allowed.has(normalizeLoginType('Application'))).toBe(true);
    expect(allowed.has(normalizeLoginType('SamlChatterNetworks'))).toBe(true);
    expect(allowed.has(normalizeLoginType('Remote Access 2.0'))).toBe(false);
    expect(allowed.has(normalizeLoginType('OtherApi'))).toBe(false);
  });
});
