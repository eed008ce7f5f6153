// The agenda's days (docs.proto Agenda.Item.day, from 1, never going back) and who was there on
// each (Participant.days_present). A workshop whose items are all on day 1 has no days for the
// pages: they show nothing about days until a day 2 exists, in the agenda or in someone's
// attendance. Pure: the console's agenda and people panels and the report use it; tested in
// test/days.test.ts.

// How many days to show: 0 for a workshop of one day.
export function dayCount(
  items: readonly { day: number }[],
  people: readonly { daysPresent: readonly number[] }[] = [],
): number {
  let last = 1;
  for (const item of items) last = Math.max(last, item.day);
  for (const p of people) for (const day of p.daysPresent) last = Math.max(last, day);
  return last > 1 ? last : 0;
}

// The items day by day, each with its index in the whole agenda. An item without a day (0, an
// older server's) is on the previous item's day.
export function byDay<T extends { day: number }>(
  items: readonly T[],
): { day: number; items: { item: T; index: number }[] }[] {
  const days: { day: number; items: { item: T; index: number }[] }[] = [];
  items.forEach((item, index) => {
    const last = days[days.length - 1];
    const day = Math.max(item.day, last?.day ?? 1);
    if (last?.day === day) last.items.push({ item, index });
    else days.push({ day, items: [{ item, index }] });
  });
  return days;
}

// How many people were there on each day, day 1 first.
export function presentPerDay(people: readonly { daysPresent: readonly number[] }[], days: number): number[] {
  const counts = Array.from({ length: days }, () => 0);
  for (const p of people) {
    for (const day of new Set(p.daysPresent)) if (day >= 1 && day <= days) counts[day - 1] = (counts[day - 1] ?? 0) + 1;
  }
  return counts;
}
