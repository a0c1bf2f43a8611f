import { BandsSyntaxError, parseBands } from '../bands';

describe('parseBands', () => {
  it('parses ascending steps', () => {
    const steps = parseBands('0:100;1:60;3:20');

    expect(steps).toEqual([
      { min: 0, score: 100 },
      { min: 1, score: 60 },
      { min: 3, score: 20 }
    ]);
  });

  it('accepts negative and decimal values', () => {
    const steps = parseBands('-1:20;0.5:40.5');

    expect(steps).toEqual([
      { min: -1, score: 20 },
      { min: 0.5, score: 40.5 }
    ]);
  });

  it('allows spaces and a final semicolon', () => {
    const steps = parseBands(' 0 : 100 ; 2:50; ');

    expect(steps).toEqual([
      { min: 0, score: 100 },
      { min: 2, score: 50 }
    ]);
  });

  it.each([
    ['', 'has no steps'],
    ['   ', 'has no steps'],
    ['0:100;1-60', 'step 2 of "0:100;1-60" is "1-60", not min:score'],
    ['0:100;;1:60', 'step 2 of "0:100;;1:60" is an empty step'],
    ['0:100:5', 'step 1 of "0:100:5" is "0:100:5"'],
    ['a:100', 'step 1 of "a:100" is "a:100"'],
    ['0:100;0:50', 'step 2 of "0:100;0:50" has min 0, which is not above the previous min 0'],
    ['5:100;1:50', 'step 2 of "5:100;1:50" has min 1, which is not above the previous min 5']
  ])('rejects %j', (text, message) => {
    expect(() => parseBands(text)).toThrow(BandsSyntaxError);
    expect(() => parseBands(text)).toThrow(message);
  });
});
