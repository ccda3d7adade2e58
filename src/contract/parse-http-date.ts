/**
 * HTTP-date (RFC 9110 §5.6.7) in the three forms a recipient must accept:
 * IMF-fixdate, obsolete RFC 850 and asctime. Pure: the clock is passed in.
 */

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const shortDays = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const longDays = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const month = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const time = '(\\d{2}):(\\d{2}):(\\d{2})';

const imfFixdate = new RegExp(`^${shortDays}, (\\d{2}) ${month} (\\d{4}) ${time} GMT$`);
const rfc850Date = new RegExp(`^${longDays}, (\\d{2})-${month}-(\\d{2}) ${time} GMT$`);
const asctimeDate = new RegExp(`^${shortDays} ${month} ([ \\d]\\d) ${time} (\\d{4})$`);

function utcMs(year: number, monthName: string, day: number, h: string, m: string, s: string): number | undefined {
  const [hour, minute, second] = [Number(h), Number(m), Number(s)];
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const monthIndex = months.indexOf(monthName);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const date = new Date(Date.UTC(2000, monthIndex, 1, hour, minute, Math.min(second, 59)));
  date.setUTCFullYear(year, monthIndex, day);
  // Reject impossible days (Feb 30) rather than letting Date roll them over.
  return date.getUTCDate() === day ? date.getTime() : undefined;
}

/** Epoch ms of an HTTP-date (RFC 9110 §5.6.7), or undefined. `nowMs` resolves RFC 850's two-digit years. */
export function parseHttpDate(value: string, nowMs: number): number | undefined {
  let m = imfFixdate.exec(value);
  if (m) return utcMs(Number(m[3]), m[2]!, Number(m[1]), m[4]!, m[5]!, m[6]!);
  m = rfc850Date.exec(value);
  if (m) {
    // §5.6.7: a two-digit year more than 50 years in the future is in the past century.
    const nowYear = new Date(nowMs).getUTCFullYear();
    let year = Math.floor(nowYear / 100) * 100 + Number(m[3]);
    if (year > nowYear + 50) year -= 100;
    return utcMs(year, m[2]!, Number(m[1]), m[4]!, m[5]!, m[6]!);
  }
  m = asctimeDate.exec(value);
  if (m) return utcMs(Number(m[6]), m[1]!, Number(m[2]!.trim()), m[3]!, m[4]!, m[5]!);
  return undefined;
}

