import path from 'node:path';
import { rmSync } from 'node:fs';
import { UsageError } from '../cli';
import { createScratchArgs, CREATE_USAGE, parseCreateOptions, runCreate } from '../createOrg';
import { DEV_HUB_LOGIN_COMMAND } from '../sf';
import { fakeRunner, sfOutput, tempRoot, testDeps } from './fakeRunner';

describe('parseCreateOptions', () => {
  it('uses alias cockpit and 7 days by default', () => {
    expect(parseCreateOptions([])).toEqual({ alias: 'cockpit', durationDays: 7 });
  });

  it('reads --alias and --duration-days', () => {
    expect(parseCreateOptions(['--alias', 'demo-1', '--duration-days', '30'])).toEqual({
      alias: 'demo-1',
      durationDays: 30
    });
  });

  it.each(['0', '31', '2.5', 'seven', '-1'])('rejects --duration-days %s', (days) => {
    expect(() => parseCreateOptions([`--duration-days=${days}`])).toThrow(UsageError);
    expect(() => parseCreateOptions([`--duration-days=${days}`])).toThrow(
      `--duration-days "${days}" is invalid; use a whole number from 1 to 30.`
    );
  });

  it('rejects an alias with a space', () => {
    expect(() => parseCreateOptions(['--alias', 'my org'])).toThrow('--alias "my org" is invalid');
  });

  it('rejects an unknown option', () => {
    expect(() => parseCreateOptions(['--days', '3'])).toThrow(UsageError);
  });

  it('returns null for --help', () => {
    expect(parseCreateOptions(['--help'])).toBeNull();
  });
});

describe('createScratchArgs', () => {
  it('builds the sf org create scratch arguments', () => {
    expect(createScratchArgs({ alias: 'cockpit', durationDays: 7 }, '/repo/config/project-scratch-def.json')).toEqual([
      'org',
      'create',
      'scratch',
      '--definition-file',
      '/repo/config/project-scratch-def.json',
      '--alias',
      'cockpit',
      '--duration-days',
      '7',
      '--set-default',
      '--json'
    ]);
  });
});

describe('runCreate', () => {
  let root: string;

  beforeEach(() => {
    root = tempRoot();
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('creates the org and prints its username', async () => {
    const result = { username: 'test-user@example.com', orgId: '00D000000000001AAA' };
    const { runner, calls } = fakeRunner([sfOutput({ status: 0, result, warnings: [] })]);
    const { deps, logs } = testDeps(runner, root);

    const code = await runCreate(['--duration-days', '3'], deps);

    expect(code).toBe(0);
    expect(calls).toHaveLength(1);
    expect(calls[0].command).toBe('npx');
    expect(calls[0].args).toContain(path.join(root, 'config', 'project-scratch-def.json'));
    expect(logs.join('\n')).toContain('test-user@example.com');
  });

  it('prints the usage for --help without running sf', async () => {
    const { runner, calls } = fakeRunner([]);
    const { deps, logs } = testDeps(runner, root);

    expect(await runCreate(['--help'], deps)).toBe(0);

    expect(calls).toHaveLength(0);
    expect(logs).toEqual([CREATE_USAGE]);
  });

  it('rejects a missing definition file before calling sf', async () => {
    rmSync(path.join(root, 'config'), { recursive: true });
    const { runner, calls } = fakeRunner([]);
    const { deps } = testDeps(runner, root);

    await expect(runCreate([], deps)).rejects.toThrow('scratch org definition file');
    expect(calls).toHaveLength(0);
  });

  it('rejects an invalid option before calling sf', async () => {
    const { runner, calls } = fakeRunner([]);
    const { deps } = testDeps(runner, root);

    await expect(runCreate(['--duration-days', '45'], deps)).rejects.toThrow('"45"');
    expect(calls).toHaveLength(0);
  });

  it('advises Dev Hub login', async () => {
    const noHub = {
      status: 1,
      name: 'NoDefaultDevHubError',
      message: 'No default dev hub found. Use -v or --target-dev-hub to specify an environment.'
    };
    const { runner } = fakeRunner([sfOutput(noHub, 1)]);
    const { deps } = testDeps(runner, root);

    await expect(runCreate([], deps)).rejects.toThrow(DEV_HUB_LOGIN_COMMAND);
  });
});
