/**
 * Phone numbers in E.164, normalised with libphonenumber-js wherever numbers enter dialbridge (the push
 * function, the worker's normalisation job, demo data, dialer sync). Runs unchanged in Deno and Node.
 *
 * A number is valid only when libphonenumber says so for its region; anything else is `invalid` (flagged,
 * never guessed: no digit is added or dropped to make a number fit). Extensions are not part of E.164 and
 * are dropped from phone_e164 (the raw `phone` keeps them).
 */
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

export type PhoneStatus = "valid" | "invalid" | "missing";

export interface NormalizedPhone {
  phone_e164: string | null;
  phone_status: PhoneStatus;
}

const COUNTRY_NAMES: Record<string, CountryCode> = {
  "US": "US", "USA": "US", "U.S.": "US", "U.S.A.": "US", "UNITED STATES": "US", "UNITED STATES OF AMERICA": "US",
  "CA": "CA", "CAN": "CA", "CANADA": "CA",
  "GB": "GB", "UK": "GB", "GBR": "GB", "UNITED KINGDOM": "GB", "ENGLAND": "GB",
  "MX": "MX", "MEX": "MX", "MEXICO": "MX",
};

/** The region to read national numbers in: the contact's country when recognisable, else the default. */
export function regionFor(country: string | null | undefined, fallback: string = "US"): CountryCode {
  const key = (country ?? "").trim().toUpperCase();
  if (COUNTRY_NAMES[key]) return COUNTRY_NAMES[key];
  if (/^[A-Z]{2}$/.test(key)) return key as CountryCode;
  return fallback as CountryCode;
}

/** Normalises one number. `country` is the contact's country (a hint for numbers written without +). */
export function normalizePhone(raw: string | null | undefined, country?: string | null, fallbackRegion = "US"): NormalizedPhone {
  if (raw === null || raw === undefined || raw.trim() === "") return { phone_e164: null, phone_status: "missing" };
  let parsed;
  try {
    parsed = parsePhoneNumberFromString(raw.trim(), regionFor(country, fallbackRegion));
  } catch {
    parsed = undefined;
  }
  if (!parsed || !parsed.isValid()) return { phone_e164: null, phone_status: "invalid" };
  return { phone_e164: parsed.number, phone_status: "valid" };
}

export interface PendingPhone {
  id: string;
  phone: string | null;
  country: string | null;
}

/** Rows for dialbridge.apply_phone_normalizations: [{id, phone, phone_e164, phone_status}]. */
export function normalizeRows(rows: PendingPhone[], fallbackRegion = "US") {
  return rows.map((r) => ({ id: r.id, phone: r.phone, ...normalizePhone(r.phone, r.country, fallbackRegion) }));
}
