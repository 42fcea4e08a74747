import { escapeHtml, highlightSnippet, SNIPPET_TEXT_CHARS } from '../snippet';
import { queryWords } from '../search-terms';

const hits = (q: string) => queryWords(q, 'bg');

describe('highlightSnippet', () => {
  test('marks every form of the query words', () => {
    expect(highlightSnippet('Газът по Северния поток спря. Северен поток 2 е готов.', hits('северен поток'), 'bg')).toBe(
      'Газът по <mark>Северния</mark> <mark>поток</mark> спря. <mark>Северен</mark> <mark>поток</mark> 2 е готов.',
    );
  });

  test('marks Cyrillic words found by a Latin-typed query', () => {
    expect(highlightSnippet('Путин говори.', hits('putin'), 'bg')).toBe('<mark>Путин</mark> говори.');
  });

  test.each([
    ['<script>alert(1)</script> ваксина', '&lt;script&gt;alert(1)&lt;/script&gt; <mark>ваксина</mark>'],
    ['"ваксина" & <b>доза</b>', '&quot;<mark>ваксина</mark>&quot; &amp; &lt;b&gt;доза&lt;/b&gt;'],
    ["<img src=x onerror='ваксина'>", '&lt;img src=x onerror=&#39;<mark>ваксина</mark>&#39;&gt;'],
  ])('escapes markup in %p', (text, expected) => {
    expect(highlightSnippet(text, hits('ваксина'), 'bg')).toBe(expected);
  });

  test('cuts a long text around the hits, at word boundaries', () => {
    const text = `${'Дълъг увод без нищо важно. '.repeat(20)}Тук е ваксината. ${'И още текст след това. '.repeat(20)}`;
    const snippet = highlightSnippet(text, hits('ваксина'), 'bg', 120);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('<mark>ваксината</mark>');
    expect(snippet.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(122);
  });

  test('a hit past the first prefix, and the same snippet from the text cut at SNIPPET_TEXT_CHARS', () => {
    const text = `${'Дълъг увод без нищо важно. '.repeat(100)}Тук е ваксината, т.е. „ваксина“. ${'И още текст след това. '.repeat(1000)}`;
    const snippet = highlightSnippet(text, hits('ваксина'), 'bg');
    expect(snippet).toContain('<mark>ваксината</mark>, т.е. „<mark>ваксина</mark>“');
    expect(snippet.startsWith('…') && snippet.endsWith('…')).toBe(true);
    expect(highlightSnippet(text.slice(0, SNIPPET_TEXT_CHARS), hits('ваксина'), 'bg')).toBe(snippet);
  });

  test('a hit cut by the first prefix is found in the next one', () => {
    const text = `${'а'.repeat(1_490)} ваксината и още`;
    expect(highlightSnippet(text, hits('ваксина'), 'bg')).toBe('…<mark>ваксината</mark> и още');
  });

  test('without a hit, the beginning of the text', () => {
    expect(highlightSnippet('Кратък текст.', hits('ваксина'), 'bg')).toBe('Кратък текст.');
  });

  test('escapeHtml escapes exactly the five significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a> ю`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt; ю');
  });
});
