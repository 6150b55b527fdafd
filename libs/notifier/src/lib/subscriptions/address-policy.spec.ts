import { isNonPublicAddress } from './address-policy';

describe('isNonPublicAddress', () => {
  it.each([
    '10.0.0.1',
    '127.0.0.1',
    '169.254.169.254',
    '172.31.255.255',
    '192.168.1.1',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:10.0.0.1',
    '::ffff:127.0.0.1',
    'not-an-ip',
  ])('refuses %s', (address) => expect(isNonPublicAddress(address)).toBe(true));

  it.each(['8.8.8.8', '151.1.1.1', '172.32.0.1', '2a00:1450:4002::1', '::ffff:8.8.8.8'])('allows %s', (address) =>
    expect(isNonPublicAddress(address)).toBe(false),
  );
});
