import { describe, expect, it } from 'vitest';
import { byDay, dayCount, presentPerDay } from '../src/pages/console/days';

const items = (...days: number[]) => days.map((day, i) => ({ day, title: `t${i}` }));
const person = (...daysPresent: number[]) => ({ daysPresent });

describe('the agenda by day', () => {
  it('has no days to show while everything is on day 1', () => {
    expect(dayCount([])).toBe(0);
    expect(dayCount(items(1, 1, 1))).toBe(0);
    expect(dayCount(items(1, 1, 1), [person(1), person()])).toBe(0);
  });

  it('has as many days as its last item, or as the last day anyone was there', () => {
    expect(dayCount(items(1, 1, 2, 3))).toBe(3);
    expect(dayCount(items(1, 1), [person(1, 2)])).toBe(2);
    expect(dayCount(items(1, 2), [person(1, 2)])).toBe(2);
  });

  it('groups the items by day, each with its index in the whole agenda', () => {
    expect(byDay(items(1, 1, 2, 2, 4)).map((d) => [d.day, d.items.map((i) => i.index)])).toEqual([
      [1, [0, 1]],
      [2, [2, 3]],
      [4, [4]],
    ]);
    expect(byDay(items())).toEqual([]);
  });

  it('puts an item without a day (0) on the day before, and never goes back', () => {
    expect(byDay(items(0, 0, 2, 0, 1)).map((d) => [d.day, d.items.map((i) => i.index)])).toEqual([
      [1, [0, 1]],
      [2, [2, 3, 4]],
    ]);
  });
});

describe('attendance by day', () => {
  it('counts each person once on each day they were there', () => {
    const people = [person(1, 2), person(1), person(2, 2), person(), person(1, 2, 3)];
    expect(presentPerDay(people, 3)).toEqual([3, 3, 1]);
    expect(presentPerDay(people, 2)).toEqual([3, 3]); // days past the last shown are not counted
    expect(presentPerDay([], 2)).toEqual([0, 0]);
    expect(presentPerDay(people, 0)).toEqual([]);
  });
});
