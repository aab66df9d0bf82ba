import { describe, expect, it } from 'vitest';
import { grantableRoles, isLastAdmin, splitUptime } from './admin-rules';

describe('grantableRoles', () => {
  it('lets an org admin and the platform admin grant every role', () => {
    expect(grantableRoles('OrgAdmin', false)).toEqual(['OrgAdmin', 'Trainer', 'Mentor', 'Learner']);
    expect(grantableRoles(undefined, true)).toEqual(['OrgAdmin', 'Trainer', 'Mentor', 'Learner']);
    expect(grantableRoles('Learner', true)).toEqual(['OrgAdmin', 'Trainer', 'Mentor', 'Learner']);
  });

  it('lets nobody else grant anything, not even a role below their own', () => {
    expect(grantableRoles('Trainer', false)).toEqual([]);
    expect(grantableRoles('Mentor', false)).toEqual([]);
    expect(grantableRoles('Learner', false)).toEqual([]);
    expect(grantableRoles(undefined, false)).toEqual([]);
  });
});

describe('isLastAdmin', () => {
  it('protects the only admin and nobody else', () => {
    expect(isLastAdmin({ role: 'OrgAdmin' }, 1)).toBe(true);
    expect(isLastAdmin({ role: 'OrgAdmin' }, 2)).toBe(false);
    expect(isLastAdmin({ role: 'Trainer' }, 1)).toBe(false);
  });
});

describe('splitUptime', () => {
  it('splits seconds into whole days, hours and minutes', () => {
    expect(splitUptime(0)).toEqual({ days: 0, hours: 0, minutes: 0 });
    expect(splitUptime(59)).toEqual({ days: 0, hours: 0, minutes: 0 });
    expect(splitUptime(2 * 86400 + 3 * 3600 + 4 * 60 + 5)).toEqual({ days: 2, hours: 3, minutes: 4 });
  });
});
