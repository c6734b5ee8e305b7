import { metricsTokenAccepted } from './metrics-token';

describe('metricsTokenAccepted', () => {
  it('lets everyone in when no token is configured', () => {
    expect(metricsTokenAccepted(undefined, undefined)).toBe(true);
    expect(metricsTokenAccepted('', 'Bearer anything')).toBe(true);
  });

  it('accepts exactly the configured bearer token', () => {
    expect(metricsTokenAccepted('s3cret-token', 'Bearer s3cret-token')).toBe(true);
    expect(metricsTokenAccepted('s3cret-token', 'bearer s3cret-token ')).toBe(true);
  });

  it('refuses a missing, malformed, different or prefixed token', () => {
    expect(metricsTokenAccepted('s3cret-token', undefined)).toBe(false);
    expect(metricsTokenAccepted('s3cret-token', 's3cret-token')).toBe(false);
    expect(metricsTokenAccepted('s3cret-token', 'Basic s3cret-token')).toBe(false);
    expect(metricsTokenAccepted('s3cret-token', 'Bearer s3cret-tokem')).toBe(false);
    expect(metricsTokenAccepted('s3cret-token', 'Bearer s3cret-token-and-more')).toBe(false);
    expect(metricsTokenAccepted('s3cret-token', 'Bearer s3cret')).toBe(false);
    expect(metricsTokenAccepted('s3cret-token', 'Bearer ')).toBe(false);
  });
});
