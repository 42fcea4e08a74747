/**
 * Validation of a reader's comment as it arrives over HTTP. Comments are stored and served
 * as plain text, so nothing here strips or escapes markup: "<script>" in a comment is text
 * that the front end must render as text. Changing the reader's words at write time would
 * also make the stored comment differ from what was written.
 */
import { normaliseText } from './normalise-text';

export interface CommentInput {
  authorName: string;
  authorEmail?: string;
  body: string;
  /** documentId of the comment this one replies to. */
  parent?: string;
}

export type CommentValidation = { ok: true; value: CommentInput; honeypot: boolean } | { ok: false; errors: Array<{ path: string; message: string }> };

export interface ValidateCommentOptions {
  /** Name of the hidden form field that humans leave empty. Default `website`. */
  honeypotField?: string;
}

export const DEFAULT_HONEYPOT_FIELD = 'website';
export const AUTHOR_NAME_MIN = 2;
export const AUTHOR_NAME_MAX = 60;
export const BODY_MIN = 2;
export const BODY_MAX = 3000;
/** RFC 5321 limits a forward path to 256 octets including the angle brackets. */
export const AUTHOR_EMAIL_MAX = 254;
/** Strapi 5 documentIds are 24 characters; 64 leaves room without inviting abuse. */
export const PARENT_MAX = 64;

const FIELDS = ['authorName', 'authorEmail', 'body', 'parent'] as const;

/** Control characters (Unicode Cc) other than line feed and tab: NUL, bell, escape, C1... */
const CONTROL_EXCEPT_LF_TAB = /(?![\t\n])\p{Cc}/gu;
const ANY_CONTROL = /\p{Cc}/gu;
/**
 * Deliberately simple: something@domain.tld, no spaces, no second @, no control or invisible
 * format characters. Letters of any script are allowed (иван@пример.бг). Whether the address
 * exists is not ours to know; full RFC 5322 grammar would only accept addresses nobody uses.
 */
const EMAIL = /^[^\s@\p{C}]+@[^\s@.\p{C}]+(?:\.[^\s@.\p{C}]+)+$/u;
const DOCUMENT_ID = /^[A-Za-z0-9_-]+$/;

type Issue = { path: string; message: string };

/**
 * Length as readers count it, closely enough: code points, so an emoji or a Cyrillic letter
 * is one (String#length would count "😀" as 2). After NFC a decomposed "й" is one too.
 * Multi-code-point emoji (families, flags) count as several, which errs on the side of the
 * database limit, measured in characters.
 */
function length(text: string): number {
  return Array.from(text).length;
}

function cleanBody(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL_EXCEPT_LF_TAB, '').trim();
}

/** A name is one line: line breaks and tabs become spaces, runs of spaces collapse. */
function cleanName(text: string): string {
  return text
    .replace(/[\r\n\t]/g, ' ')
    .replace(ANY_CONTROL, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Cleans, then normalises (NFC): in this order, so that a removed control character cannot leave
 * a letter and its combining mark apart, and the length checked is that of the text stored.
 */
function normaliseField(field: string, text: string, clean: (text: string) => string, issues: Issue[]): string | undefined {
  const normalised = normaliseText(clean(text));
  if (normalised.ok) return normalised.text;
  issues.push({ path: field, message: `${field} ${normalised.problem}.` });
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** An unfilled honeypot arrives as a missing key, null or "" (browsers send empty inputs). */
function isHoneypotFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  return true;
}

function requiredText(
  raw: Record<string, unknown>,
  field: 'authorName' | 'body',
  clean: (text: string) => string,
  min: number,
  max: number,
  issues: Issue[],
): string {
  const value = raw[field];
  if (value === undefined || value === null) {
    issues.push({ path: field, message: `${field} is required.` });
    return '';
  }
  if (typeof value !== 'string') {
    issues.push({ path: field, message: `${field} must be a string.` });
    return '';
  }
  const text = normaliseField(field, value, clean, issues);
  if (text === undefined) return '';
  const count = length(text);
  if (count < min || count > max) {
    issues.push({ path: field, message: `${field} must be ${min}–${max} characters.` });
  }
  return text;
}

/** Optional fields: a missing key and null both mean "not given" (JSON clients send null). */
function optionalString(raw: Record<string, unknown>, field: 'authorEmail' | 'parent', issues: Issue[]): string | undefined {
  const value = raw[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    issues.push({ path: field, message: `${field} must be a string.` });
    return undefined;
  }
  return value;
}

function validateEmail(raw: Record<string, unknown>, issues: Issue[]): string | undefined {
  const given = optionalString(raw, 'authorEmail', issues);
  if (given === undefined) return undefined;
  const email = normaliseField('authorEmail', given, (text) => text.trim(), issues);
  if (email === undefined) return undefined;
  // An empty input in a form means the reader chose not to give an address.
  if (email === '') return undefined;
  if (length(email) > AUTHOR_EMAIL_MAX || !EMAIL.test(email)) {
    issues.push({
      path: 'authorEmail',
      message: `authorEmail must be a valid email address of at most ${AUTHOR_EMAIL_MAX} characters.`,
    });
  }
  return email;
}

function validateParent(raw: Record<string, unknown>, issues: Issue[]): string | undefined {
  const parent = optionalString(raw, 'parent', issues);
  if (parent === undefined) return undefined;
  if (parent.length === 0 || parent.length > PARENT_MAX || !DOCUMENT_ID.test(parent)) {
    issues.push({
      path: 'parent',
      message: `parent must be a documentId of 1–${PARENT_MAX} letters, digits, hyphens or underscores.`,
    });
  }
  return parent;
}

/**
 * Validates and normalises a submitted comment. Every problem is reported at once, each
 * with the field it concerns. A filled honeypot field marks a bot, but changes nothing here:
 * the submission is judged like any other, because a bot that got a different answer with the
 * field filled (a 201 for input a reader would see refused) would know which field to leave
 * empty. A valid one comes back `ok` with `honeypot: true`; the caller then answers exactly as
 * for a stored comment and stores nothing.
 */
export function validateCommentInput(raw: unknown, options: ValidateCommentOptions = {}): CommentValidation {
  const honeypotField = options.honeypotField ?? DEFAULT_HONEYPOT_FIELD;
  if (honeypotField === '' || (FIELDS as readonly string[]).includes(honeypotField)) {
    throw new Error(`honeypotField must be a non-empty name other than ${FIELDS.join(', ')}.`);
  }
  if (!isPlainObject(raw)) {
    return { ok: false, errors: [{ path: '', message: 'The comment must be a JSON object.' }] };
  }

  const issues: Issue[] = [];
  for (const key of Object.keys(raw)) {
    if (key !== honeypotField && !(FIELDS as readonly string[]).includes(key)) {
      issues.push({ path: key, message: `Unknown field "${key}".` });
    }
  }

  const authorName = requiredText(raw, 'authorName', cleanName, AUTHOR_NAME_MIN, AUTHOR_NAME_MAX, issues);
  const authorEmail = validateEmail(raw, issues);
  const body = requiredText(raw, 'body', cleanBody, BODY_MIN, BODY_MAX, issues);
  const parent = validateParent(raw, issues);

  if (issues.length > 0) return { ok: false, errors: issues };

  const value: CommentInput = { authorName, body };
  if (authorEmail !== undefined) value.authorEmail = authorEmail;
  if (parent !== undefined) value.parent = parent;
  return { ok: true, value, honeypot: isHoneypotFilled(raw[honeypotField]) };
}
