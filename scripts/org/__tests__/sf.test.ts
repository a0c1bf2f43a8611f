import noDefaultEnv from './fixtures/handwritten-no-default-env-error.json';
import {
  DEV_HUB_LOGIN_COMMAND,
  parseSfJson,
  runSf,
  SCRATCH_ORG_COMMAND,
  sfArgs,
  SfCommandError,
  SfNotLoggedInError
} from '../sf';
import { fakeRunner, sfOutput } from './fakeRunner';

describe('sfArgs', () => {
  it('adds --json once', () => {
    expect(sfArgs(['org', 'list'])).toEqual(['sf', 'org', 'list', '--json']);
    expect(sfArgs(['org', 'list', '--json'])).toEqual(['sf', 'org', 'list', '--json']);
  });
});

describe('parseSfJson', () => {
  it('reads JSON after a warning line on stdout', () => {
    const output = { exitCode: 0, stdout: 'Warning: update available\n{"status":0,"result":{"a":1}}', stderr: '' };

    const json = parseSfJson<{ a: number }>(output, 'npx sf x');

    expect(json.status).toBe(0);
    expect(json.result).toEqual({ a: 1 });
  });

  it('falls back to stderr', () => {
    const output = { exitCode: 1, stdout: '', stderr: JSON.stringify(noDefaultEnv) };

    expect(parseSfJson(output, 'npx sf x').name).toBe('NoDefaultEnvError');
  });

  it('rejects output without JSON', () => {
    const output = { exitCode: 127, stdout: '', stderr: 'sh: sf: not found' };

    expect(() => parseSfJson(output, 'npx sf x')).toThrow('"npx sf x" exited with code 127 without JSON output');
    expect(() => parseSfJson(output, 'npx sf x')).toThrow('sf: not found');
  });
});

describe('runSf', () => {
  it('runs npx sf with --json and returns the result', async () => {
    const { runner, calls } = fakeRunner([sfOutput({ status: 0, result: { ok: true } })]);

    const json = await runSf<{ ok: boolean }>(runner, ['org', 'display'], { role: 'target-org' });

    expect(calls).toEqual([{ command: 'npx', args: ['sf', 'org', 'display', '--json'] }]);
    expect(json.result).toEqual({ ok: true });
  });

  it('advises org:create for NoDefaultEnvError', async () => {
    const { runner } = fakeRunner([sfOutput(noDefaultEnv, 1)]);

    const error = await runSf(runner, ['apex', 'run', 'test'], { role: 'target-org' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SfNotLoggedInError);
    expect((error as Error).message).toContain(SCRATCH_ORG_COMMAND);
    expect((error as Error).message).toContain('No default environment found.');
  });

  it.each(['NoDefaultDevHubError', 'NotADevHubError', 'NamedOrgNotFoundError', 'NoOrgFound'])(
    'advises Dev Hub login for %s',
    async (name) => {
      const { runner } = fakeRunner([sfOutput({ status: 1, name, message: 'no hub' }, 1)]);

      const error = await runSf(runner, ['org', 'create', 'scratch'], { role: 'devhub' }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(SfNotLoggedInError);
      expect((error as SfNotLoggedInError).errorName).toBe(name);
      expect((error as Error).message).toContain(DEV_HUB_LOGIN_COMMAND);
      expect((error as Error).message).toContain('no hub');
    }
  );

  it('reports other errors with their name, message and actions', async () => {
    const failure = { status: 1, name: 'DeployFailed', message: 'boom', actions: ['Check the logs.'] };
    const { runner } = fakeRunner([sfOutput(failure, 1)]);

    const error = await runSf(runner, ['project', 'deploy', 'start'], { role: 'target-org' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SfCommandError);
    expect(error).not.toBeInstanceOf(SfNotLoggedInError);
    expect((error as Error).message).toBe(
      '"npx sf project deploy start --json" failed with DeployFailed: boom Suggested actions: Check the logs.'
    );
  });

  it('accepts a listed non-zero status that has no error name', async () => {
    const { runner } = fakeRunner([sfOutput({ status: 100, result: { n: 1 } }, 100)]);

    const json = await runSf(runner, ['apex', 'run', 'test'], { role: 'target-org', acceptedStatuses: [100] });

    expect(json.status).toBe(100);
  });

  it('rejects a non-zero status that is not listed', async () => {
    const { runner } = fakeRunner([sfOutput({ status: 3, result: {} }, 3)]);

    await expect(runSf(runner, ['x'], { role: 'target-org' })).rejects.toThrow('failed with CommandFailed: status 3');
  });
});
