import { mediaTypeOf, FormBody, UnsupportedBody } from './request-bodies';

describe('form bodies (application/x-www-form-urlencoded)', () => {
  it('decode values and treat a parameter without a value as omitted (RFC 6749 §3.1)', () => {
    const form = FormBody.parse('grant_type=client_credentials&scope=&audience=tributi+sociale&client_id=a%2Fb');
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('scope')).toBeUndefined();
    expect(form.get('audience')).toBe('tributi sociale');
    expect(form.get('client_id')).toBe('a/b');
    expect(form.get('missing')).toBeUndefined();
  });

  it('report parameters sent more than once (RFC 6749 §3.2)', () => {
    expect(FormBody.parse('a=1&b=2&a=3&c=&c=').repeated()).toEqual(['a', 'c']);
    expect(FormBody.parse('a=1').repeated()).toEqual([]);
  });

  it('are told apart from JSON and from media types nobody parses', () => {
    expect(mediaTypeOf(FormBody.parse(''))).toBe('application/x-www-form-urlencoded');
    expect(mediaTypeOf(new UnsupportedBody('text/plain'))).toBe('text/plain');
    expect(mediaTypeOf({ a: 1 })).toBe('application/json');
    expect(mediaTypeOf(undefined)).toBe('missing');
  });
});
