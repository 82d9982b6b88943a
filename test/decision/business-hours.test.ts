import { isWithinBusinessHours, localTime } from '../../src/decision/business-hours';
import type { BusinessHours } from '../../src/schema/environment';

const london: BusinessHours = {
  timeZone: 'Europe/London',
  weekly: {
    mon: [{ open: '09:00', close: '17:00' }],
    tue: [{ open: '09:00', close: '17:00' }],
    wed: [{ open: '09:00', close: '17:00' }],
    thu: [{ open: '09:00', close: '17:00' }],
    fri: [{ open: '09:00', close: '17:00' }],
    sat: [{ open: '22:00', close: '02:00' }],
  },
  holidays: ['2026-12-25'],
};

describe('business hours', () => {
  it('reads local time in the desk’s zone', () => {
    expect(localTime('2026-07-01T08:30:00Z', 'Europe/London')).toEqual({ date: '2026-07-01', weekday: 'wed', minutes: 9 * 60 + 30 });
    expect(localTime('2026-07-01T23:30:00Z', 'Asia/Tokyo').weekday).toBe('thu');
  });

  it('is open inside a span and closed outside', () => {
    expect(isWithinBusinessHours(london, '2026-11-25T10:00:00Z')).toBe(true); // Wednesday 10:00 GMT
    expect(isWithinBusinessHours(london, '2026-11-25T17:00:00Z')).toBe(false); // closing time itself is closed
    expect(isWithinBusinessHours(london, '2026-11-29T10:00:00Z')).toBe(false); // Sunday
  });

  it('follows the daylight-saving change', () => {
    // 08:30 UTC is 09:30 local in summer (BST) but 08:30 local in winter (GMT).
    expect(isWithinBusinessHours(london, '2026-03-27T08:30:00Z')).toBe(false); // Friday before the change: GMT
    expect(isWithinBusinessHours(london, '2026-03-30T08:30:00Z')).toBe(true); // Monday after: BST
  });

  it('closes on holidays', () => {
    expect(isWithinBusinessHours(london, '2026-12-25T12:00:00Z')).toBe(false);
  });

  it('handles spans past midnight', () => {
    expect(isWithinBusinessHours(london, '2026-11-28T23:00:00Z')).toBe(true); // Saturday 23:00
    expect(isWithinBusinessHours(london, '2026-11-28T21:00:00Z')).toBe(false);
  });
});
