import { parsePkMobile, type MobileError } from './pk-mobile';
import { parseRupees, type RupeeError } from './rupees';
import { REQUEST_KINDS, type CardValues, type RequestKind } from './shopkeeper-card';

/**
 * The shopkeeper form, read as a whole: either everything needed for a card, or every problem at once (in the
 * order of the fields, for the error summary). Bad input never produces a card.
 */
export interface RequestInput {
  number: string;
  amount: string;
  kind: string;
}

export type FieldError =
  { field: 'number'; code: MobileError } | { field: 'amount'; code: RupeeError } | { field: 'kind'; code: 'choose' };

export type RequestResult = { ok: true; kind: RequestKind; values: CardValues } | { ok: false; errors: FieldError[] };

export function isRequestKind(value: unknown): value is RequestKind {
  return typeof value === 'string' && (REQUEST_KINDS as readonly string[]).includes(value);
}

export function readRequest(input: RequestInput): RequestResult {
  const number = parsePkMobile(input.number);
  const amount = parseRupees(input.amount);
  const errors: FieldError[] = [];
  if (!number.ok) errors.push({ field: 'number', code: number.error });
  if (!isRequestKind(input.kind)) errors.push({ field: 'kind', code: 'choose' });
  if (!amount.ok) errors.push({ field: 'amount', code: amount.error });
  if (!number.ok || !amount.ok || !isRequestKind(input.kind)) return { ok: false, errors };
  return { ok: true, kind: input.kind, values: { number: number.digits, rupees: amount.rupees } };
}

/** The i18n key of an error's message: `shopkeeper.error.number.length`. */
export function errorKey(error: FieldError): `shopkeeper.error.${FieldError['field']}.${string}` {
  return `shopkeeper.error.${error.field}.${error.code}`;
}
