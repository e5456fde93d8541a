// The Timeline block on the site (golden HTML: an <ol> under its own heading, <time> only for a
// time that parses, the kind as a visible label, time to detect / resolve), and the pure time
// arithmetic behind the figures.
import { describe, expect, it } from 'vitest';
import { richTextToHtml } from '../../../src/core/pure/rich-text/html';
import {
  durationDatetime,
  formatDuration,
  minutesBetween,
  parseTimelineTime,
  timelineFigures,
} from '../../../src/core/pure/rich-text/blocks/timeline-times';
import { t } from '../../helpers/rich-text-nodes';
import { entry, timeline } from '../../helpers/timeline-nodes';

describe('Timeline on the site', () => {
  it('renders a figure named by its heading, the figures, and an ordered list of entries (golden)', () => {
    const html = richTextToHtml(
      {
        type: 'doc',
        content: [
          timeline(
            entry('23:50', '', t('Alert <p99> & "errors"')),
            entry('23:58', 'detection', t('On-call paged')),
            entry('00:20', 'mitigation', t('Rolled back')),
            entry('01:05', 'resolution', t('Fixed')),
          ),
        ],
      },
      { headingOffset: 1 },
    );
    expect(html).toBe(
      '<figure class="timeline"><figcaption><h3 class="timeline-title">Timeline</h3></figcaption>' +
        '<dl class="timeline-figures"><div><dt>Time to detect</dt><dd><time datetime="PT8M">8 min</time></dd></div>' +
        '<div><dt>Time to resolve</dt><dd><time datetime="PT1H15M">1 h 15 min</time></dd></div></dl>' +
        '<ol class="timeline-entries">' +
        '<li class="timeline-entry"><time class="timeline-time" datetime="23:50">23:50</time><span class="timeline-text">Alert &lt;p99&gt; &amp; &quot;errors&quot;</span></li>' +
        '<li class="timeline-entry timeline-detection"><time class="timeline-time" datetime="23:58">23:58</time><span class="timeline-kind">Detected</span><span class="timeline-text">On-call paged</span></li>' +
        '<li class="timeline-entry timeline-mitigation"><time class="timeline-time" datetime="00:20">00:20</time><span class="timeline-kind">Mitigated</span><span class="timeline-text">Rolled back</span></li>' +
        '<li class="timeline-entry timeline-resolution"><time class="timeline-time" datetime="01:05">01:05</time><span class="timeline-kind">Resolved</span><span class="timeline-text">Fixed</span></li>' +
        '</ol></figure>',
    );
  });

  it('keeps a time that does not parse as escaped text, leaves out an empty one, and omits figures it cannot compute', () => {
    const html = richTextToHtml(
      timeline(
        entry('shortly <after>', '', t('a')),
        entry('', 'detection', t('b')),
        entry('Day 2', 'resolution', t('c')),
      ),
    );
    expect(html).toContain('<span class="timeline-time">shortly &lt;after&gt;</span>');
    expect(html).toContain('<li class="timeline-entry timeline-detection"><span class="timeline-kind">Detected</span>');
    expect(html).toContain('<span class="timeline-time">Day 2</span>');
    expect(html).not.toContain('timeline-figures');
    expect(html).not.toContain('datetime');
  });

  it('renders a hostile kind as an unmarked entry and a dated time with its ISO datetime', () => {
    const html = richTextToHtml(timeline(entry('2026-03-02 14:02', '__proto__', t('x'))));
    expect(html).toContain('<li class="timeline-entry"><time class="timeline-time" datetime="2026-03-02T14:02">');
    expect(html).not.toContain('timeline-kind');
  });
});

describe('timeline times', () => {
  it('parses the three forms and refuses the rest', () => {
    expect(parseTimelineTime('9:05')).toEqual({ form: 'clock', minuteOfDay: 545, datetime: '09:05' });
    expect(parseTimelineTime('2026-03-02 14:02')?.datetime).toBe('2026-03-02T14:02');
    expect(parseTimelineTime('2026-03-02')?.datetime).toBe('2026-03-02');
    expect(parseTimelineTime('day 3 08:00')).toEqual({ form: 'day', minute: 2 * 1440 + 480, datetime: null });
    for (const bad of ['24:00', '14:60', '2026-02-30 10:00', '2026-13-01', 'later', '', 'Day', '14.02'])
      expect(parseTimelineTime(bad), bad).toBeNull();
  });

  it('crosses midnight with plain clock times, one day per backwards step', () => {
    expect(minutesBetween(['23:50', '23:58', '00:10'], 2)).toBe(20);
    expect(minutesBetween(['22:00', '02:00', '21:00'], 2)).toBe(23 * 60);
    expect(minutesBetween(['10:00', 'later', '10:30'], 2)).toBe(30);
  });

  it('measures dates and day numbers, with clock times after them on that day', () => {
    expect(minutesBetween(['2026-03-01 23:00', '2026-03-02 01:30'], 1)).toBe(150);
    expect(minutesBetween(['2026-03-01 23:00', '00:30'], 1)).toBe(90);
    expect(minutesBetween(['Day 1', '14:00', 'Day 3'], 2)).toBe(2 * 1440);
    expect(minutesBetween(['Day 1 09:00', '11:15'], 1)).toBe(135);
  });

  it('gives no figure when the times cannot be compared', () => {
    expect(minutesBetween(['later', '10:00'], 1)).toBeNull();
    expect(minutesBetween(['10:00', 'later'], 1)).toBeNull();
    expect(minutesBetween(['23:00', '2026-03-02 01:00'], 1)).toBeNull(); // the first time's day is unknown
    expect(minutesBetween(['Day 1', '2026-03-02'], 1)).toBeNull();
    expect(minutesBetween(['2026-03-02', '2026-03-01'], 1)).toBeNull();
  });

  it('takes the first detection and the last resolution', () => {
    const figures = timelineFigures([
      { time: '10:00', kind: '' },
      { time: '10:04', kind: 'detection' },
      { time: '10:09', kind: 'detection' },
      { time: '11:00', kind: 'resolution' },
      { time: '12:30', kind: 'resolution' },
    ]);
    expect(figures).toEqual({ toDetect: 4, toResolve: 150 });
    expect(timelineFigures([{ time: '10:00', kind: '' }])).toEqual({ toDetect: null, toResolve: null });
  });

  it('states durations for people and for machines', () => {
    expect([0, 4, 60, 80, 1440, 1441 + 180].map(formatDuration)).toEqual([
      '0 min',
      '4 min',
      '1 h',
      '1 h 20 min',
      '1 day',
      '1 day 3 h 1 min',
    ]);
    expect([0, 4, 60, 80, 1500].map(durationDatetime)).toEqual(['PT0M', 'PT4M', 'PT1H', 'PT1H20M', 'PT25H']);
  });

  it('reads a time with space around it, and a date alone or with a clock time as moments', () => {
    expect(parseTimelineTime(' 9:05 ')).toEqual({ form: 'clock', minuteOfDay: 545, datetime: '09:05' });
    const day = Date.UTC(2026, 2, 2) / 60_000;
    expect(parseTimelineTime('2026-03-02')).toEqual({ form: 'date', minute: day, datetime: '2026-03-02' });
    expect(parseTimelineTime('2026-03-02T14:02')).toEqual({
      form: 'date',
      minute: day + 14 * 60 + 2,
      datetime: '2026-03-02T14:02',
    });
    expect(parseTimelineTime('Day 2, 10:30')).toEqual({ form: 'day', minute: 1440 + 630, datetime: null });
    expect(minutesBetween(['2026-03-01', '2026-03-02'], 1)).toBe(1440);
  });

  it('reads the years 0001–0099 as written (not as 1901–1999) and refuses the year 0', () => {
    expect(parseTimelineTime('0050-03-01')).toEqual({
      form: 'date',
      minute: new Date('0050-03-01T00:00:00Z').getTime() / 60_000,
      datetime: '0050-03-01',
    });
    // 48 is a leap year, 50 is not; 0099 → 0100 is one day, where 1999 → 0100 read as 1900 would be negative.
    expect(minutesBetween(['0048-02-28', '0048-03-01'], 1)).toBe(2 * 1440);
    expect(minutesBetween(['0050-02-28 23:00', '0050-03-01 01:00'], 1)).toBe(120);
    expect(minutesBetween(['0099-12-31', '0100-01-01'], 1)).toBe(1440);
    expect(parseTimelineTime('0050-02-29')).toBeNull();
    expect(parseTimelineTime('0000-03-01')).toBeNull();
  });

  it('gives zero, not a day, for an entry at the same time as the first, or the first itself', () => {
    expect(minutesBetween(['10:00', '10:00'], 1)).toBe(0);
    expect(minutesBetween(['10:00', '10:05'], 0)).toBe(0);
    expect(minutesBetween(['10:00'], 1)).toBeNull();
    expect(minutesBetween(['10:00'], -1)).toBeNull();
    expect(
      timelineFigures([
        { time: '10:00', kind: 'detection' },
        { time: '10:00', kind: 'resolution' },
      ]),
    ).toEqual({ toDetect: 0, toResolve: 0 });
    expect(timelineFigures([{ time: '10:00', kind: 'resolution' }])).toEqual({ toDetect: null, toResolve: 0 });
  });

  it('says "days" for more than one', () => {
    expect(formatDuration(2 * 1440 + 5)).toBe('2 days 5 min');
  });
});
