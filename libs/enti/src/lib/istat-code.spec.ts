import { isIstatCode } from './istat-code';

describe('isIstatCode', () => {
  it.each(['082053', '083048', '282000'])('takes %s, six digits', (code) => {
    expect(isIstatCode(code)).toBe(true);
  });

  it.each([['82053'], ['0820530'], ['08205a'], [' 082053'], ['082053\n'], [82053], [null], [undefined]])(
    'refuses %p',
    (value) => {
      expect(isIstatCode(value)).toBe(false);
    },
  );
});
