import { validateCommentInput } from '../validate-comment';
import type { CommentValidation } from '../validate-comment';

const valid = { authorName: 'Иван Петров', body: 'Добра статия.' };

function errorsOf(result: CommentValidation): Array<{ path: string; message: string }> {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result)}`);
  return result.errors;
}

function valueOf(result: CommentValidation) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  expect(result.honeypot).toBe(false);
  return result.value;
}

const repeat = (ch: string, n: number): string => Array.from({ length: n }, () => ch).join('');

describe('validateCommentInput: shape', () => {
  test.each([
    ['null', null],
    ['a string', 'hello'],
    ['an array', [valid]],
    ['a number', 42],
    ['a Date', new Date()],
  ])('rejects %s as the whole input', (_label, raw) => {
    expect(errorsOf(validateCommentInput(raw))).toEqual([{ path: '', message: 'The comment must be a JSON object.' }]);
  });

  test('accepts the minimal valid comment and returns normalised values', () => {
    expect(valueOf(validateCommentInput(valid))).toEqual(valid);
  });

  test('names every unknown key', () => {
    const errors = errorsOf(validateCommentInput({ ...valid, status: 'approved', article: 'x' }));
    expect(errors).toEqual([
      { path: 'status', message: 'Unknown field "status".' },
      { path: 'article', message: 'Unknown field "article".' },
    ]);
  });

  test('treats a JSON "__proto__" key as an unknown field', () => {
    const raw: unknown = JSON.parse('{"authorName":"Иван","body":"Текст","__proto__":{"x":1}}');
    expect(errorsOf(validateCommentInput(raw))).toEqual([{ path: '__proto__', message: 'Unknown field "__proto__".' }]);
  });

  test.each([
    ['authorName', 42, 'authorName must be a string.'],
    ['authorName', ['Иван'], 'authorName must be a string.'],
    ['body', { text: 'x' }, 'body must be a string.'],
    ['body', true, 'body must be a string.'],
    ['authorEmail', 1, 'authorEmail must be a string.'],
    ['parent', 12, 'parent must be a string.'],
  ])('rejects a non-string %s (%j)', (field, value, message) => {
    expect(errorsOf(validateCommentInput({ ...valid, [field]: value }))).toEqual([{ path: field, message }]);
  });

  test.each(['authorName', 'body'])('requires %s', (field) => {
    const raw: Record<string, unknown> = { ...valid };
    delete raw[field];
    expect(errorsOf(validateCommentInput(raw))).toEqual([{ path: field, message: `${field} is required.` }]);
  });

  test('reports all problems at once', () => {
    const errors = errorsOf(validateCommentInput({ authorName: 'И', body: '', authorEmail: 'nope', extra: 1 }));
    expect(errors.map((e) => e.path)).toEqual(['extra', 'authorName', 'authorEmail', 'body']);
  });
});

describe('validateCommentInput: authorName', () => {
  test.each([
    ['1 character', false, 'И'],
    ['2 characters', true, 'Ив'],
    ['60 characters', true, repeat('я', 60)],
    ['61 characters', false, repeat('я', 61)],
    ['2 characters after trimming', true, '   Ив   '],
    ['1 character after trimming', false, '  И  '],
    ['60 emoji (one code point each, two UTF-16 units)', true, repeat('😀', 60)],
    ['61 emoji', false, repeat('😀', 61)],
    ['2 emoji', true, '😀😀'],
    ['60 decomposed й (и + breve), one character each after NFC', true, repeat('и\u0306', 60)],
    ['only spaces', false, '      '],
  ])('%s → ok: %s', (_label, ok, authorName) => {
    const result = validateCommentInput({ ...valid, authorName });
    expect(result.ok).toBe(ok);
    if (!ok) expect(errorsOf(result)).toEqual([{ path: 'authorName', message: 'authorName must be 2–60 characters.' }]);
  });

  test.each([
    ['trims', '  Мария  ', 'Мария'],
    ['joins lines and collapses spaces', 'Мария\r\n   Иванова\tПетрова', 'Мария Иванова Петрова'],
    ['composes to NFC', 'Андре\u0301й', 'Андре\u0301й'.normalize('NFC')],
    ['drops control characters', 'Ма\u0000ри\u0007я', 'Мария'],
    ['composes after dropping a control character between a letter and its mark', 'Андре\u0438\u0000\u0306', 'Андрей'],
  ])('%s', (_label, authorName, expected) => {
    expect(valueOf(validateCommentInput({ ...valid, authorName })).authorName).toBe(expected);
  });
});

describe('validateCommentInput: body', () => {
  test.each([
    ['1 character', false, 'а'],
    ['2 characters', true, 'да'],
    ['3000 characters', true, repeat('ж', 3000)],
    ['3001 characters', false, repeat('ж', 3001)],
    ['3000 emoji', true, repeat('🇧', 3000)],
    ['3001 emoji', false, repeat('🇧', 3001)],
    ['3000 characters plus surrounding blank lines', true, `\n\n  ${repeat('ж', 3000)}  \r\n`],
    ['1 character padded with NUL bytes', false, '\u0000а\u0000'],
    ['empty', false, ''],
  ])('%s → ok: %s', (_label, ok, body) => {
    const result = validateCommentInput({ ...valid, body });
    expect(result.ok).toBe(ok);
    if (!ok) expect(errorsOf(result)).toEqual([{ path: 'body', message: 'body must be 2–3000 characters.' }]);
  });

  test.each([
    ['Windows line ends become \\n', 'ред 1\r\nред 2\rред 3', 'ред 1\nред 2\nред 3'],
    ['keeps \\n and \\t', 'а\tб\n\nв', 'а\tб\n\nв'],
    ['strips NUL and other control characters', 'а\u0000б\u001bв\u007fг\u0085д', 'абвгд'],
    ['NFC-normalises', 'Поздрави\u0306', 'Поздрави\u0306'.normalize('NFC')],
    ['composes after dropping a control character between a letter and its mark', 'Поздрави\u0007\u0306', 'Поздравй'],
    ['trims outer whitespace only', '  първи   втори  ', 'първи   втори'],
  ])('%s', (_label, body, expected) => {
    expect(valueOf(validateCommentInput({ ...valid, body })).body).toBe(expected);
  });

  // Comments are plain text rendered as text: escaping is the renderer's job, and the
  // database layer uses bound parameters. Validation must keep the reader's exact words.
  test.each([
    '<script>alert("xss")</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg/onload=alert(1)>',
    "Robert'); DROP TABLE comments;--",
    "' OR '1'='1",
    '{{constructor.constructor("return process")()}}',
    '**Markdown** и [връзка](javascript:alert(1))',
  ])('accepts %p unchanged', (body) => {
    expect(valueOf(validateCommentInput({ ...valid, body })).body).toBe(body);
  });
});

describe('validateCommentInput: authorEmail', () => {
  test.each([
    ['absent', undefined, undefined],
    ['null', null, undefined],
    ['an empty string', '', undefined],
    ['only spaces', '   ', undefined],
    ['a plain address', 'ivan@abv.bg', 'ivan@abv.bg'],
    ['an address with spaces around', '  ivan.petrov+news@mail.example.com ', 'ivan.petrov+news@mail.example.com'],
    ['a Cyrillic address', 'иван@пример.бг', 'иван@пример.бг'],
  ])('%s → accepted as %p', (_label, authorEmail, expected) => {
    expect(valueOf(validateCommentInput({ ...valid, authorEmail })).authorEmail).toBe(expected);
  });

  test.each([
    ['no @', 'ivan.abv.bg'],
    ['two @', 'ivan@abv@bg'],
    ['no dot in the domain', 'ivan@localhost'],
    ['a space inside', 'ivan petrov@abv.bg'],
    ['an empty label', 'ivan@abv..bg'],
    ['a trailing dot', 'ivan@abv.bg.'],
    ['a control character', 'iv\u0000an@abv.bg'],
    ['a header injection', 'ivan@abv.bg\nBcc: all@example.com'],
    ['255 characters', `${repeat('a', 64)}@${repeat('b', 183)}.bg.com`],
  ])('rejects %s', (_label, authorEmail) => {
    expect(errorsOf(validateCommentInput({ ...valid, authorEmail }))).toEqual([
      { path: 'authorEmail', message: 'authorEmail must be a valid email address of at most 254 characters.' },
    ]);
  });

  test('accepts exactly 254 characters', () => {
    const authorEmail = `${repeat('a', 64)}@${repeat('b', 182)}.bg.com`;
    expect(authorEmail).toHaveLength(254);
    expect(validateCommentInput({ ...valid, authorEmail }).ok).toBe(true);
  });
});

describe('validateCommentInput: parent', () => {
  test.each([
    ['absent', undefined, undefined],
    ['null', null, undefined],
    ['a Strapi documentId', 'z8kq3v1m2n4p5r6s7t8u9w0x', 'z8kq3v1m2n4p5r6s7t8u9w0x'],
    ['64 characters', repeat('a', 64), repeat('a', 64)],
  ])('%s → %p', (_label, parent, expected) => {
    expect(valueOf(validateCommentInput({ ...valid, parent })).parent).toBe(expected);
  });

  test.each([
    ['an empty string', ''],
    ['65 characters', repeat('a', 65)],
    ['spaces', 'abc def'],
    ['a filter injection', '{"$ne":null}'],
  ])('rejects %s', (_label, parent) => {
    expect(errorsOf(validateCommentInput({ ...valid, parent }))).toEqual([
      { path: 'parent', message: 'parent must be a documentId of 1–64 letters, digits, hyphens or underscores.' },
    ]);
  });
});

describe('validateCommentInput: honeypot', () => {
  test.each([
    ['absent', valid],
    ['an empty string', { ...valid, website: '' }],
    ['null', { ...valid, website: null }],
    ['whitespace', { ...valid, website: '  ' }],
  ])('an unfilled honeypot (%s) is allowed and not flagged', (_label, raw) => {
    expect(validateCommentInput(raw)).toEqual({ ok: true, honeypot: false, value: valid });
  });

  test.each([
    ['a URL', { ...valid, website: 'http://spam.example' }],
    ['a number', { ...valid, website: 1 }],
    ['an object', { ...valid, website: { href: 'x' } }],
  ])('a filled honeypot (%s) on a valid comment is flagged, with the values a reader would get', (_label, raw) => {
    expect(validateCommentInput(raw)).toEqual({ ok: true, honeypot: true, value: valid });
  });

  test('a filled honeypot keeps every normalised value, as the stored comment would have them', () => {
    const raw = { authorName: '  Иван\tПетров ', authorEmail: ' ivan@abv.bg ', body: 'ред 1\r\nред 2 и\u0306', parent: 'z8kq3v1m2n4p5r6s7t8u9w0x' };
    const real = validateCommentInput(raw);
    const bot = validateCommentInput({ ...raw, website: 'http://spam.example' });
    expect(bot).toEqual({ ...real, honeypot: true });
  });

  // A bot that got a 201 for input a reader would see refused would know the honeypot field.
  test.each([
    ['an empty body and an unknown key', { website: 'x', authorName: 'Бот', body: '', surprise: true }],
    ['a missing name', { website: 'x', body: 'Купете сега!' }],
    ['a bad email', { ...valid, website: 'x', authorEmail: 'nope' }],
    ['a lone surrogate', { ...valid, website: 'x', body: 'Текст\uD800' }],
  ])('a filled honeypot does not change the answer to invalid input (%s)', (_label, raw) => {
    const withoutHoneypot: Record<string, unknown> = { ...raw };
    delete withoutHoneypot.website;
    const result = validateCommentInput(raw);
    expect(result.ok).toBe(false);
    expect(result).toEqual(validateCommentInput(withoutHoneypot));
  });

  test('uses a configured field name, and then "website" is an ordinary unknown key', () => {
    expect(validateCommentInput({ ...valid, url2: 'spam' }, { honeypotField: 'url2' })).toMatchObject({ ok: true, honeypot: true });
    expect(validateCommentInput({ ...valid, url2: '' }, { honeypotField: 'url2' })).toMatchObject({ ok: true, honeypot: false });
    expect(errorsOf(validateCommentInput({ ...valid, website: '' }, { honeypotField: 'url2' }))).toEqual([
      { path: 'website', message: 'Unknown field "website".' },
    ]);
  });

  test.each(['', 'body'])('refuses %p as the honeypot field name (a configuration mistake)', (honeypotField) => {
    expect(() => validateCommentInput(valid, { honeypotField })).toThrow(/honeypotField/);
  });
});

describe('validateCommentInput: Unicode', () => {
  const surrogate = 'contains an unpaired UTF-16 surrogate (such as \\uD800), which is not a character.';

  test.each([
    ['authorName', { ...valid, authorName: 'Иван\uD800' }],
    ['authorName', { ...valid, authorName: '\uDC00\uDC00' }],
    ['body', { ...valid, body: 'Добра статия\uD800' }],
    ['body', { ...valid, body: JSON.parse('"\\ud83d\\ud83d"') as string }],
    ['authorEmail', { ...valid, authorEmail: 'ivan\uDFFF@abv.bg' }],
  ])('refuses a lone surrogate in %s, naming the field', (field, raw) => {
    expect(errorsOf(validateCommentInput(raw))).toEqual([{ path: field, message: `${field} ${surrogate}` }]);
  });

  test('refuses a lone surrogate in parent through its documentId rule', () => {
    expect(errorsOf(validateCommentInput({ ...valid, parent: 'abc\uD800' })).map((error) => error.path)).toEqual(['parent']);
  });

  test('a lone surrogate is not a character to count: "Ив" + U+D800 is refused, not 3 characters long', () => {
    expect(validateCommentInput({ ...valid, authorName: 'Ив\uD800' }).ok).toBe(false);
  });

  test.each([
    ['authorName', '59 letters + decomposed й (61 code points) is 60 characters', 'А'.repeat(59) + 'и\u0306', true],
    ['authorName', '60 letters + decomposed й is 61 characters', 'А'.repeat(60) + 'и\u0306', false],
    ['body', '2999 letters + decomposed й is 3000 characters', 'ж'.repeat(2999) + 'и\u0306', true],
    ['body', '3000 letters + decomposed й is 3001 characters', 'ж'.repeat(3000) + 'и\u0306', false],
  ])('limits count the NFC text (%s: %s)', (field, _label, text, ok) => {
    expect(validateCommentInput({ ...valid, [field]: text }).ok).toBe(ok);
  });

  test.each([
    ['authorName', 'Андре\u0301й Стоя\u0438\u0306'],
    ['body', 'Е\u0300 и\u0306 Cafe\u0301'],
    ['authorEmail', 'и\u0306ван@пример.бг'],
  ])('returns %s in NFC', (field, text) => {
    const value = valueOf(validateCommentInput({ ...valid, [field]: text })) as unknown as Record<string, string>;
    expect(value[field]).toBe(text.normalize('NFC'));
    expect(value[field]).not.toBe(text);
  });
});
