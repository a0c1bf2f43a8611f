import { IdFactory, KEY_PREFIXES, toCaseSafeId } from '../salesforce-ids';

describe('toCaseSafeId', () => {
  it('appends the case-safe suffix', () => {
    // Each suffix character is a 5-bit mask of upper-case positions: '00AAA' is 0b11100 = 28, the letter '2'.
    expect(toCaseSafeId('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
    expect(toCaseSafeId('001000000000000')).toBe('001000000000000AAA');
    expect(toCaseSafeId('00AAAAA00000000')).toBe('00AAAAA000000002DA');
    expect(toCaseSafeId('AAAAAAAAAAAAAAA')).toBe('AAAAAAAAAAAAAAA555');
  });

  it('rejects an Id that is not 15 characters', () => {
    expect(() => toCaseSafeId('001')).toThrow('exactly 15');
  });
});

describe('IdFactory', () => {
  it('creates unique, sorted Ids with the key prefix', () => {
    const ids = new IdFactory();
    const accounts = Array.from({ length: 500 }, () => ids.next('Account'));

    expect(new Set(accounts).size).toBe(500);
    expect(accounts.every((id) => id.length === 18 && id.startsWith(KEY_PREFIXES.Account))).toBe(true);
    expect(accounts.every((id) => toCaseSafeId(id.slice(0, 15)) === id)).toBe(true);
    expect([...accounts].sort()).toEqual(accounts);
  });

  it('gives each object its own sequence', () => {
    const ids = new IdFactory();

    expect(ids.next('Case').slice(3)).not.toBe(ids.next('Task').slice(3));
  });
});
