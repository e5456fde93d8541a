import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../../src/core/pure/history/relative-time';

const now = new Date('2026-03-10T12:00:00Z');
const ago = (seconds: number) => relativeTime(new Date(now.getTime() - seconds * 1000), now, 'en');

describe('relativeTime', () => {
  it('says when a version was made as people say it', () => {
    expect(ago(10)).toBe('now');
    expect(ago(3 * 60)).toBe('3 minutes ago');
    expect(ago(2 * 3600)).toBe('2 hours ago');
    expect(ago(26 * 3600)).toBe('yesterday');
    expect(ago(15 * 86400)).toBe('2 weeks ago');
    expect(ago(400 * 86400)).toBe('last year');
  });

  it('moves to the next unit at its boundary, not one past it', () => {
    expect(ago(44)).toBe('now');
    expect(ago(45)).toBe('45 seconds ago');
    expect(ago(60)).toBe('1 minute ago');
    expect(ago(3600)).toBe('1 hour ago');
    expect(ago(7 * 86400)).toBe('last week');
    expect(relativeTime(new Date(now.getTime() + 5 * 60_000), now, 'en')).toBe('in 5 minutes');
  });
});
