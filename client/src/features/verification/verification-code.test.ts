import { describe, expect, it } from 'vitest';
import { isPlausibleCode, normalizeCode } from './verification-code';

describe('verification codes', () => {
  it('reads a code as typed: case, hyphens and spaces ignored, I and L as 1, O as 0', () => {
    expect(normalizeCode('k7qd-2m9x pt4r')).toBe('K7QD2M9XPT4R');
    expect(normalizeCode('lo1i-OoIL-abcd')).toBe('10110011ABCD');
  });

  it('accepts the short code and the full code, nothing else', () => {
    expect(isPlausibleCode('K7QD-2M9X-PT4R')).toBe(true);
    expect(isPlausibleCode('0123456789ABCDEFGHJKMNPQRS')).toBe(true);
    expect(isPlausibleCode('K7QD-2M9X-PT4')).toBe(false);
    // U is not in Crockford's alphabet.
    expect(isPlausibleCode('K7QD-2M9X-PT4U')).toBe(false);
    expect(isPlausibleCode('')).toBe(false);
  });
});
