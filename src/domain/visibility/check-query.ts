/**
 * Checks the reading parameters a caller sends (`filters`, `sort`, `fields`, `populate`,
 * `pagination`, `status`, `publicationFilter`) before Strapi parses them. Two jobs:
 *
 * - Shape: Strapi 5.54 answers 500 to `filters=abc`, `filters[0]=a`, `filters[$and]=x`,
 *   `filters[id][$between]=1`, `filters[documentId][$eq][$ne]=1`, `fields[0]=__proto__`…
 *   Every one of those is a caller's mistake, so it gets a 400 naming the parameter.
 * - Public reach: a relation filter or sort joins the target's rows, draft and published alike.
 *   A public caller could learn draft text one yes/no answer at a time
 *   (`/api/tags?filters[articles][lede][$startsWith]=…`). So for the public a filter or sort may
 *   only cross a relation into types that have no drafts (the `reachable` set: tags, sections,
 *   agencies), never into articles, teasers, `localizations`, media or admin users.
 *
 * Pure: the content types come in as data, so the rules are unit-tested without Strapi.
 * GraphQL sends the same filters with operators spelled without `$` (`contains`, `and`);
 * `operatorPrefix` selects the spelling.
 */

import { isStorableInstant } from '../dates/storable-instant';

export interface AttributeShape {
  type: string;
  target?: string;
  private?: boolean;
}

export interface TypeShape {
  attributes: Record<string, AttributeShape>;
}

export interface QueryPolicy {
  /** Content types by uid. */
  types: Record<string, TypeShape>;
  /** uids a public filter, sort or populate-filter may cross a relation into; null = any (previews). */
  reachable: ReadonlySet<string> | null;
  /** `$` for REST, '' for GraphQL input objects. */
  operatorPrefix: '$' | '';
  /**
   * uids a public populate may reach (and whose every relation `populate=*` may open); null =
   * any (previews). Media files are in it but their own relations are not: a file's `related`
   * lists every row that uses it, drafts and embargoed stories included.
   */
  populatable?: ReadonlySet<string> | null;
}

export interface QueryProblem {
  /** The parameter, as the caller wrote it: `filters[articles][lede]`. */
  param: string;
  message: string;
}

/** Strapi's filter operators (@strapi/utils, `where` operators), without the prefix. */
const VALUE_OPERATORS = new Set([
  'eq',
  'eqi',
  'ne',
  'nei',
  'lt',
  'lte',
  'gt',
  'gte',
  'contains',
  'notContains',
  'containsi',
  'notContainsi',
  'startsWith',
  'startsWithi',
  'endsWith',
  'endsWithi',
]);
const LIST_OPERATORS = new Set(['in', 'notIn']);
const BOOLEAN_OPERATORS = new Set(['null', 'notNull']);
const LOGICAL = new Set(['and', 'or']);

/** Columns every document has beyond its schema attributes. */
const BUILT_IN_SCALARS = new Set(['id', 'documentId']);
const SCALAR_TYPES = new Set([
  'string',
  'text',
  'richtext',
  'blocks',
  'email',
  'uid',
  'enumeration',
  'integer',
  'biginteger',
  'float',
  'decimal',
  'date',
  'datetime',
  'time',
  'timestamp',
  'boolean',
  'json',
]);
const POPULATABLE = new Set(['relation', 'media', 'component', 'dynamiczone']);
const POPULATE_OPTIONS = new Set(['fields', 'filters', 'sort', 'populate', 'count', 'on', 'status']);
const PAGINATION_KEYS = new Set(['page', 'pageSize', 'start', 'limit', 'withCount']);
const PUBLICATION_FILTER_PARAMS = ['publicationFilter', 'hasPublishedVersion'];

/** Bounds that keep a hostile query from costing more to check than to refuse. */
export const MAX_QUERY_DEPTH = 8;
export const MAX_QUERY_NODES = 300;

type Primitive = string | number | boolean | null;

const isPrimitive = (value: unknown): value is Primitive => value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** qs and JSON give plain objects; graphql-js gives input objects without a prototype. */
const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

/** qs turns long arrays (over its arrayLimit) into objects with numeric keys: treat them as arrays. */
function asArray(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) return keys.map((key) => value[key]);
  }
  return null;
}

const BOOLEANISH = new Set(['true', 'false', '1', '0', 'TRUE', 'FALSE']);

/** Operators that compare text (LIKE and friends), and the field types they make sense on. */
const TEXT_OPERATORS = new Set(['eqi', 'nei', 'contains', 'notContains', 'containsi', 'notContainsi', 'startsWith', 'startsWithi', 'endsWith', 'endsWithi']);
const TEXT_KINDS = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration']);
const INT32 = 2147483647;

const NUMBER_RULE = { test: (text: string) => /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d{1,3})?$/i.test(text) && Number.isFinite(Number(text)), expected: 'a number' };
const INSTANT = (expected: string) => ({ test: isStorableInstant, expected });

/** What a value must look like for each field type (`id` is an integer). */
const VALUE_RULES: Record<string, { test(text: string): boolean; expected: string }> = {
  integer: { test: (text) => /^[-+]?\d{1,10}$/.test(text) && Math.abs(Number(text)) <= INT32, expected: 'a whole number' },
  biginteger: { test: (text) => /^[-+]?\d{1,18}$/.test(text), expected: 'a whole number' },
  float: NUMBER_RULE,
  decimal: NUMBER_RULE,
  boolean: { test: (text) => BOOLEANISH.has(text), expected: 'true or false' },
  date: INSTANT('a date such as 2025-12-22'),
  datetime: INSTANT('a date and time such as 2025-12-22T10:00:00Z'),
  timestamp: INSTANT('a date and time such as 2025-12-22T10:00:00Z'),
  time: { test: (text) => /^\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(text), expected: 'a time such as 10:30' },
  blocks: { test: () => false, expected: 'filtered with $null or $notNull only (rich text has no comparable value)' },
  json: { test: () => false, expected: 'filtered with $null or $notNull only' },
};

class Checker {
  readonly problems: QueryProblem[] = [];
  private nodes = 0;

  constructor(private readonly policy: QueryPolicy) {}

  fail(param: string, message: string): void {
    if (this.problems.length < 10) this.problems.push({ param, message });
  }

  /** Counts a visited node; false (with a problem) once the query is too large or deep. */
  private visit(param: string, depth: number): boolean {
    this.nodes += 1;
    if (depth > MAX_QUERY_DEPTH) {
      this.fail(param, `nested deeper than ${MAX_QUERY_DEPTH} levels.`);
      return false;
    }
    if (this.nodes > MAX_QUERY_NODES) {
      if (this.nodes === MAX_QUERY_NODES + 1) this.fail(param, `the query has more than ${MAX_QUERY_NODES} parts.`);
      return false;
    }
    return true;
  }

  private type(uid: string): TypeShape | undefined {
    return this.policy.types[uid];
  }

  /** The attribute `name` of `uid` as something a caller may read, or a problem. */
  attribute(uid: string, name: string, param: string): AttributeShape | null {
    if (BUILT_IN_SCALARS.has(name)) return { type: name === 'id' ? 'integer' : 'string' };
    const attribute = Object.prototype.hasOwnProperty.call(this.type(uid)?.attributes ?? {}, name) ? this.type(uid)?.attributes[name] : undefined;
    if (!attribute || attribute.private || attribute.type === 'password') {
      this.fail(param, `"${name}" is not a field of this content type.`);
      return null;
    }
    return attribute;
  }

  /** Whether the caller may join `attribute`'s target in a filter or sort. */
  mayCross(attribute: AttributeShape, name: string, param: string): boolean {
    const target = attribute.type === 'media' ? 'plugin::upload.file' : attribute.target;
    if (!target || attribute.type === 'component' || attribute.type === 'dynamiczone') {
      this.fail(param, `"${name}" cannot be used in a filter or sort.`);
      return false;
    }
    if (this.policy.reachable && !this.policy.reachable.has(target)) {
      this.fail(
        param,
        `filtering or sorting through "${name}" is not allowed on the public API: it could reveal unpublished content. ` +
          "Filter on this type's own fields, or on tags, sections and agencies.",
      );
      return false;
    }
    if (!this.type(target)) {
      this.fail(param, `"${name}" cannot be used in a filter or sort.`);
      return false;
    }
    return true;
  }

  private op(key: string): string | null {
    const prefix = this.policy.operatorPrefix;
    if (prefix && !key.startsWith(prefix)) return null;
    const name = key.slice(prefix.length);
    return VALUE_OPERATORS.has(name) || LIST_OPERATORS.has(name) || BOOLEAN_OPERATORS.has(name) || LOGICAL.has(name) || name === 'not' || name === 'between'
      ? name
      : prefix
        ? '?'
        : null;
  }

  /** `filters` (or a nested `$and`/`$or`/`$not` member) of the type `uid`. */
  filters(value: unknown, uid: string, param: string, depth: number): void {
    if (!this.visit(param, depth)) return;
    if (!isPlainObject(value) || asArray(value)) {
      this.fail(param, 'must be an object such as filters[title][$eq]=…');
      return;
    }
    for (const [key, member] of Object.entries(value)) {
      const path = `${param}[${key}]`;
      const op = this.op(key);
      if (op === 'and' || op === 'or') {
        const items = asArray(member);
        if (!items || items.length === 0) {
          this.fail(path, `must be a list of conditions such as ${path}[0][title][$eq]=…`);
          continue;
        }
        items.forEach((item, index) => this.filters(item, uid, `${path}[${index}]`, depth + 1));
      } else if (op === 'not') {
        this.filters(member, uid, path, depth + 1);
      } else if (op !== null) {
        this.fail(path, `"${key}" is not a filter on a field: name a field first, e.g. ${param}[title][${key}]=…`);
      } else {
        const attribute = this.attribute(uid, key, path);
        if (!attribute) continue;
        if (attribute.type === 'relation' || attribute.type === 'media' || attribute.type === 'component' || attribute.type === 'dynamiczone') {
          if (!this.mayCross(attribute, key, path)) continue;
          const target = attribute.type === 'media' ? 'plugin::upload.file' : (attribute.target as string);
          if (isPlainObject(member) && !asArray(member) && Object.keys(member).some((inner) => this.op(inner) === null))
            this.filters(member, target, path, depth + 1);
          // A bare value on a relation compares the related row's id.
          else this.condition(member, path, depth + 1, 'integer');
        } else {
          this.condition(member, path, depth + 1, attribute.type);
        }
      }
    }
  }

  /** The condition on one field of type `kind`: a value, a list of values, or operators. */
  condition(value: unknown, param: string, depth: number, kind: string): void {
    if (!this.visit(param, depth)) return;
    if (isPrimitive(value)) {
      this.value(value, param, kind, 'eq');
      return;
    }
    const list = asArray(value);
    if (list) {
      if (!list.every(isPrimitive)) this.fail(param, 'a list of values may only hold plain values.');
      else list.forEach((item) => this.value(item, param, kind, 'in'));
      return;
    }
    if (!isPlainObject(value) || Object.keys(value).length === 0) {
      this.fail(param, 'must be a value or an operator such as [$eq]=…');
      return;
    }
    for (const [key, operand] of Object.entries(value)) {
      const path = `${param}[${key}]`;
      const op = this.op(key);
      if (op === null || op === '?') {
        this.fail(path, `"${key}" is not a filter operator.`);
      } else if (op === 'and' || op === 'or') {
        // Each member is itself a condition with operators: a bare value here reaches Strapi's
        // query builder as a where clause and fails there.
        const items = asArray(operand);
        if (!items || items.length === 0 || !items.every(isPlainObject))
          this.fail(path, `must be a list of conditions such as ${path}[0][${this.policy.operatorPrefix}eq]=…`);
        else items.forEach((item, index) => this.condition(item, `${path}[${index}]`, depth + 1, kind));
      } else if (op === 'not') {
        this.condition(operand, path, depth + 1, kind);
      } else if (LIST_OPERATORS.has(op)) {
        const items = isPrimitive(operand) ? [operand] : asArray(operand);
        if (!items || !items.every(isPrimitive)) this.fail(path, 'must be a value or a list of values.');
        else items.forEach((item) => this.value(item, path, kind, op));
      } else if (op === 'between') {
        const items = asArray(operand);
        if (!items || items.length !== 2 || !items.every(isPrimitive)) this.fail(path, 'must be a list of exactly two values: [$between][0]=…&[$between][1]=…');
        else items.forEach((item) => this.value(item, path, kind, op));
      } else if (BOOLEAN_OPERATORS.has(op)) {
        if (!(typeof operand === 'boolean' || (typeof operand === 'string' && BOOLEANISH.has(operand)))) this.fail(path, 'must be true or false.');
      } else if (!isPrimitive(operand)) {
        this.fail(path, 'must be a single value.');
      } else {
        this.value(operand, path, kind, op);
      }
    }
  }

  /**
   * One value compared with a field of type `kind` by `op`. The database would refuse what fails
   * here (text in an integer column, a NUL byte, a date PostgreSQL cannot hold, LIKE on a
   * number) with an error the caller should get as a 400, not as a 500.
   */
  private value(value: Primitive, param: string, kind: string, op: string): void {
    if (value === null) return;
    const text = String(value);
    if (text.includes('\u0000')) {
      this.fail(param, 'must not contain a NUL character.');
      return;
    }
    if (TEXT_OPERATORS.has(op) && !TEXT_KINDS.has(kind)) {
      this.fail(param, `${op} compares text; this field is a ${kind}: use eq, ne, lt, lte, gt, gte, in or between.`);
      return;
    }
    const rule = VALUE_RULES[kind];
    if (rule && !rule.test(text)) this.fail(param, `must be ${rule.expected}.`);
  }

  /** Sort as Strapi takes it: "a:asc,b", a list of those, or { a: 'asc' }. */
  sort(value: unknown, uid: string, param: string, depth: number): void {
    if (!this.visit(param, depth)) return;
    const list = asArray(value);
    if (typeof value === 'string') {
      for (const item of value.split(',')) this.sortPath(item.trim(), uid, param);
    } else if (list) {
      list.forEach((item, index) => {
        if (typeof item === 'string') this.sort(item, uid, `${param}[${index}]`, depth + 1);
        else if (isPlainObject(item)) this.sort(item, uid, `${param}[${index}]`, depth + 1);
        else this.fail(`${param}[${index}]`, 'must be a field name such as title:asc.');
      });
    } else if (isPlainObject(value)) {
      for (const [key, direction] of Object.entries(value)) {
        const attribute = this.attribute(uid, key, `${param}[${key}]`);
        if (!attribute) continue;
        if (typeof direction === 'string') {
          if (!/^(asc|desc)$/i.test(direction)) this.fail(`${param}[${key}]`, 'must be asc or desc.');
          if (!SCALAR_TYPES.has(attribute.type) && !BUILT_IN_SCALARS.has(key)) this.fail(`${param}[${key}]`, `"${key}" is not a field that can be sorted on.`);
        } else if (attribute.type === 'relation' && this.mayCross(attribute, key, `${param}[${key}]`)) {
          this.sort(direction, attribute.target as string, `${param}[${key}]`, depth + 1);
        } else if (attribute.type !== 'relation') {
          this.fail(`${param}[${key}]`, 'must be asc or desc.');
        }
      }
    } else {
      this.fail(param, 'must be a field name such as title:asc.');
    }
  }

  private sortPath(item: string, uid: string, param: string): void {
    const match = /^([A-Za-z_][\w.]*)(?::(asc|desc))?$/i.exec(item);
    if (!match) {
      this.fail(param, `"${item}" is not a sort such as title:asc.`);
      return;
    }
    const names = match[1].split('.');
    let current = uid;
    names.forEach((name, index) => {
      if (!current) return;
      const attribute = this.attribute(current, name, param);
      if (!attribute) {
        current = '';
        return;
      }
      const last = index === names.length - 1;
      if (last) {
        if (!SCALAR_TYPES.has(attribute.type) && !BUILT_IN_SCALARS.has(name)) this.fail(param, `"${name}" is not a field that can be sorted on.`);
      } else if (attribute.type === 'relation' && this.mayCross(attribute, name, param)) {
        current = attribute.target as string;
      } else {
        if (attribute.type !== 'relation') this.fail(param, `"${name}" has no fields to sort on.`);
        current = '';
      }
    });
  }

  /** `fields`: names of the type's own readable scalar fields. */
  fields(value: unknown, uid: string, param: string): void {
    const names = typeof value === 'string' ? value.split(',').map((name) => name.trim()) : asArray(value);
    if (!names || !names.every((name) => typeof name === 'string')) {
      this.fail(param, 'must be a list of field names such as fields[0]=title.');
      return;
    }
    for (const name of names as string[]) {
      if (name === '*') continue;
      const attribute = this.attribute(uid, name, param);
      if (attribute && !SCALAR_TYPES.has(attribute.type) && !BUILT_IN_SCALARS.has(name))
        this.fail(param, `"${name}" is not a plain field: use populate for relations and media.`);
    }
  }

  /** `populate`: which relations to include, each with its own filters, sort, fields and populate. */
  populate(value: unknown, uid: string, param: string, depth: number): void {
    if (!this.visit(param, depth)) return;
    if (typeof value === 'boolean' || value === '*' || (typeof value === 'string' && BOOLEANISH.has(value))) {
      if (value !== false && value !== 'false' && value !== '0' && value !== 'FALSE') this.everything(uid, param);
      return;
    }
    const list = typeof value === 'string' ? value.split(',').map((name) => name.trim()) : asArray(value);
    if (list) {
      list.forEach((name, index) => {
        if (typeof name !== 'string') this.fail(`${param}[${index}]`, 'must be a field name.');
        else if (name !== '*') this.populated(uid, name, `${param}`);
      });
      return;
    }
    if (!isPlainObject(value)) {
      this.fail(param, 'must be *, a list of fields or an object such as populate[tags][fields][0]=name.');
      return;
    }
    for (const [name, options] of Object.entries(value)) {
      const path = `${param}[${name}]`;
      const target = name === '*' ? null : this.populated(uid, name, path);
      if (target === undefined) continue;
      if (typeof options === 'boolean' || options === '*' || (typeof options === 'string' && BOOLEANISH.has(options))) continue;
      if (!isPlainObject(options)) {
        this.fail(path, 'must be true or an object of populate options (fields, filters, sort, populate).');
        continue;
      }
      for (const [option, optionValue] of Object.entries(options)) {
        const optionPath = `${path}[${option}]`;
        if (!POPULATE_OPTIONS.has(option)) this.fail(optionPath, `"${option}" is not a populate option.`);
        else if (option === 'status') this.fail(optionPath, 'status cannot be chosen per relation.');
        else if (target === null || option === 'on' || option === 'count') continue;
        else if (option === 'fields') this.fields(optionValue, target, optionPath);
        else if (option === 'filters') this.filters(optionValue, target, optionPath, depth + 1);
        else if (option === 'sort') this.sort(optionValue, target, optionPath, depth + 1);
        else if (option === 'populate') this.populate(optionValue, target, optionPath, depth + 1);
      }
    }
  }

  /** `populate=*` on `uid`: every relation it opens must be one a public populate may reach. */
  private everything(uid: string, param: string): void {
    const populatable = this.policy.populatable;
    if (!populatable) return;
    const attributes = this.type(uid)?.attributes ?? {};
    const closed = Object.entries(attributes).find(([, attribute]) => {
      if (attribute.private) return false;
      if (attribute.type === 'media') return !populatable.has('plugin::upload.file');
      return attribute.type === 'relation' && !(attribute.target && populatable.has(attribute.target));
    });
    if (closed || !populatable.has(uid)) {
      this.fail(param, `populate=* cannot be used here: it would open "${closed?.[0] ?? uid}". Name the relations to populate instead.`);
    }
  }

  /** The target uid of a populatable attribute; null when it is a component or zone (not checked further); undefined on a problem. */
  private populated(uid: string, name: string, param: string): string | null | undefined {
    if (name.includes('.')) {
      this.fail(param, `"${name}": nest populate as populate[${name.split('.')[0]}][populate]…`);
      return undefined;
    }
    const attribute = this.attribute(uid, name, param);
    if (!attribute) return undefined;
    if (!POPULATABLE.has(attribute.type)) {
      this.fail(param, `"${name}" is not a relation, media or component.`);
      return undefined;
    }
    const target = attribute.type === 'media' ? 'plugin::upload.file' : attribute.target;
    if (attribute.type === 'media' || attribute.type === 'relation') {
      if (!target || !this.type(target) || (this.policy.populatable && !this.policy.populatable.has(target))) {
        this.fail(param, `"${name}" cannot be populated.`);
        return undefined;
      }
      return target;
    }
    return null;
  }

  pagination(value: unknown, param: string): void {
    if (!isPlainObject(value)) {
      this.fail(param, 'must be an object such as pagination[page]=1&pagination[pageSize]=10.');
      return;
    }
    for (const [key, member] of Object.entries(value)) {
      if (!PAGINATION_KEYS.has(key)) this.fail(`${param}[${key}]`, `"${key}" is not a pagination option.`);
      else if (key === 'withCount') {
        if (!(typeof member === 'boolean' || (typeof member === 'string' && BOOLEANISH.has(member)))) this.fail(`${param}[${key}]`, 'must be true or false.');
      } else if (!((typeof member === 'string' && /^-?\d{1,9}$/.test(member)) || Number.isInteger(member))) {
        this.fail(`${param}[${key}]`, 'must be a whole number.');
      }
    }
  }
}

/**
 * Problems with the reading parameters of a request for the content type `uid` (REST query
 * object after qs, or GraphQL arguments). Empty when the query may go ahead.
 */
export function checkQuery(query: Record<string, unknown>, uid: string, policy: QueryPolicy): QueryProblem[] {
  const checker = new Checker(policy);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (key === 'filters') checker.filters(value, uid, 'filters', 1);
    else if (key === 'sort') checker.sort(value, uid, 'sort', 1);
    else if (key === 'fields') checker.fields(value, uid, 'fields');
    else if (key === 'populate') checker.populate(value, uid, 'populate', 1);
    else if (key === 'pagination') checker.pagination(value, 'pagination');
    else if (key === 'status' && !(value === 'draft' || value === 'published')) checker.fail('status', 'must be draft or published.');
    else if (PUBLICATION_FILTER_PARAMS.includes(key) && policy.reachable) {
      checker.fail(key, `${key} tells drafts apart and is only for previews with an API token.`);
    } else if (['locale', '_q'].includes(key) && typeof value !== 'string') checker.fail(key, 'must be a single value.');
    else if (['page', 'pageSize', 'start', 'limit'].includes(key) && !(typeof value === 'string' && /^-?\d{1,9}$/.test(value)))
      checker.fail(key, 'must be a whole number.');
  }
  return checker.problems;
}
