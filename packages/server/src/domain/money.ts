/**
 * Money: bigint minor units inside, decimal strings on the wire. Each currency has its ISO 4217
 * number of minor digits; an amount with more digits is refused, never rounded. One line is at most
 * MAX_LINE_MINOR minor units, so no entry or batch total can overflow; balances are summed as
 * NUMERIC in the database and bigint here.
 */

/** ISO 4217 minor digits of the currencies Links accepts. */
export const CURRENCY_DIGITS: Readonly<Record<string, number>> = {
  AED: 2, ARS: 2, AUD: 2, BGN: 2, BHD: 3, BRL: 2, CAD: 2, CHF: 2, CLP: 0, CNY: 2, COP: 2, CZK: 2,
  DKK: 2, EGP: 2, EUR: 2, GBP: 2, HKD: 2, HUF: 2, IDR: 2, ILS: 2, INR: 2, ISK: 0, JOD: 3, JPY: 0,
  KES: 2, KRW: 0, KWD: 3, MAD: 2, MXN: 2, MYR: 2, NGN: 2, NOK: 2, NZD: 2, OMR: 3, PEN: 2, PHP: 2,
  PKR: 2, PLN: 2, QAR: 2, RON: 2, RSD: 2, SAR: 2, SEK: 2, SGD: 2, THB: 2, TND: 3, TRY: 2, TWD: 2,
  UAH: 2, UGX: 0, USD: 2, VND: 0, XAF: 0, XOF: 0, ZAR: 2,
};

export const SUPPORTED_CURRENCIES = Object.keys(CURRENCY_DIGITS).sort();

/** 10^15 − 1 minor units per line: a thousand-line entry still sums far below 2^63. */
export const MAX_LINE_MINOR = 999_999_999_999_999n;

export function isSupportedCurrency(code: string): boolean {
  return Object.hasOwn(CURRENCY_DIGITS, code);
}

export function minorDigits(currency: string): number {
  const digits = CURRENCY_DIGITS[currency];
  if (digits === undefined) throw new Error(`unsupported currency ${currency}`);
  return digits;
}

export type AmountProblem = 'not_a_decimal' | 'not_positive' | 'too_many_digits' | 'too_large';

/** Parses a positive decimal string into minor units, or says why it cannot. */
export function parsePositiveAmount(text: string, currency: string): bigint | AmountProblem {
  if (text.startsWith('-')) return 'not_a_decimal';
  const minor = parseSignedAmount(text, currency);
  return minor === 0n ? 'not_positive' : minor;
}

export function describeAmountProblem(problem: AmountProblem, currency: string): string {
  switch (problem) {
    case 'not_a_decimal':
      return 'must be a decimal string such as "12.50" (no sign, exponent or spaces)';
    case 'not_positive':
      return 'must be greater than zero';
    case 'too_many_digits':
      return `${currency} has ${minorDigits(currency)} decimal places at most`;
    case 'too_large':
      return `must be at most ${formatMinor(MAX_LINE_MINOR, currency)}`;
  }
}

/** Minor units → decimal string with exactly the currency's digits ("-12.50", "0", "1.000"). */
export function formatMinor(minor: bigint, currency: string): string {
  const digits = minorDigits(currency);
  const negative = minor < 0n;
  const abs = (negative ? -minor : minor).toString();
  if (digits === 0) return (negative ? '-' : '') + abs;
  const padded = abs.padStart(digits + 1, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

const SIGNED_DECIMAL = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;

/** Parses a signed decimal string (zero allowed) into minor units: amounts on records, not lines. */
export function parseSignedAmount(text: string, currency: string): bigint | Exclude<AmountProblem, 'not_positive'> {
  const match = SIGNED_DECIMAL.exec(text);
  if (!match) return 'not_a_decimal';
  const digits = minorDigits(currency);
  const fraction = match[3] ?? '';
  if (fraction.length > digits) return 'too_many_digits';
  if (match[2]!.length > 18) return 'too_large';
  const minor = BigInt(match[2]!) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (minor > MAX_LINE_MINOR) return 'too_large';
  return match[1] === '-' ? -minor : minor;
}
