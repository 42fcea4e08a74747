import { slugifyTitle } from '../slugify-title';
import { SLUG_PATTERN, validateSlug } from '../validate-slug';

describe('slugifyTitle', () => {
  test.each([
    ['Стара планина', 'stara-planina'],
    ['Централен Балкан', 'tsentralen-balkan'],
    ['Горна Оряховица', 'gorna-oryahovitsa'],
    ['Кърджали', 'kardzhali'],
    ['Изолираният Путин търси по-близко приятелство с Ким Чен Ун', 'izoliraniyat-putin-tarsi-po-blizko-priyatelstvo-s-kim-chen-un'],
    ['Путин', 'putin'],
    ['Резултат 2:1', 'rezultat-2-1'],
    ['Инфлацията е 3,0%', 'inflatsiyata-e-3-0'],
    ['Новият iPhone 17', 'noviyat-iphone-17'],
    ['Щастие в България', 'shtastie-v-bulgaria'],
    ['Пикът на последния за 2025 г. метеорен поток е на 22 декември', 'pikat-na-poslednia-za-2025-g-meteoren-potok-e-na-22-dekemvri'],
    ['Българската армия', 'balgarskata-armia'],
    ['Кметът на София-юг', 'kmetat-na-sofia-yug'],
    ['Марияна и Илия', 'mariyana-i-ilia'],
    ['ЖЕЗЪЛ', 'zhezal'],
    ['Джудже, дзифт, шофьор и майор', 'dzhudzhe-dzift-shofyor-i-mayor'],
    ['На нея ѝ каза', 'na-neya-i-kaza'],
    ['На нея \u0438\u0300 каза', 'na-neya-i-kaza'],
    ['Почит към „Шарл дьо Гол“', 'pochit-kam-sharl-dyo-gol'],
    ['„Шарл дьо Гол“', 'sharl-dyo-gol'],
    ['«Левски» – „ЦСКА“', 'levski-tsska'],
    ['Хора & Коне', 'hora-kone'],
    ['Цена: 5$ или 4€', 'tsena-5-ili-4'],
    ['Цена <100 | >50', 'tsena-100-50'],
    ['  Много   интервали  ', 'mnogo-intervali'],
    ['Ред\nи\tтаб', 'red-i-tab'],
    ['---Тирета---', 'tireta'],
    ['Макдоналд’с', 'makdonalds'],
  ])('bg: %j → %s', (title, expected) => {
    expect(slugifyTitle(title, 'bg')).toBe(expected);
  });

  test.each([
    ['de', 'Größe Übung', 'groesse-uebung'],
    ['de-DE', 'Größe Übung', 'groesse-uebung'],
    ['de', 'Preis 3,0% & mehr', 'preis-3-0-mehr'],
    ['fr', 'Élysée Café', 'elysee-cafe'],
    ['en', 'Élysée Café', 'elysee-cafe'],
    ['en', 'Größe Übung', 'grosse-ubung'],
    ['en', 'Łódź and Kraków', 'lodz-and-krakow'],
    ['en', "Don't panic: 50% off & $5", 'dont-panic-50-off-5'],
    ['en', 'iPhone 17 Pro', 'iphone-17-pro'],
    ['en', 'Putin meets Путин in София', 'putin-meets-putin-in-sofia'],
    ['en', 'Щастие в България', 'shtastie-v-bulgaria'],
    ['en', 'ﬁnal Ａ² ½', 'final-a2-1-2'],
    ['EN', 'Hello World', 'hello-world'],
    ['', 'Hello World', 'hello-world'],
  ])('%s: %j → %s', (locale, title, expected) => {
    expect(slugifyTitle(title, locale)).toBe(expected);
  });

  test.each(['!!!', '%%%', '   ', '', '„“', '中文标题', '---'])('gives a non-empty, valid, stable slug for %j', (title) => {
    const slug = slugifyTitle(title, 'bg');
    expect(slug).toMatch(/^n-[0-9a-z]{7}$/);
    expect(validateSlug(slug)).toBeNull();
    expect(slugifyTitle(title, 'bg')).toBe(slug);
    expect(slugifyTitle(title, 'en')).toBe(slug);
  });

  test('gives different fallback slugs for different symbol-only titles', () => {
    const slugs = new Set(['!!!', '%%%', '   ', '???', '!!'].map((t) => slugifyTitle(t, 'bg')));
    expect(slugs.size).toBe(5);
  });

  describe('maxLength', () => {
    const longTitle =
      'Пикът на последния за 2025 г. метеорен поток е на 22 декември, а следващият ще бъде ' +
      'видим от цяла България през нощта срещу третия ден на януари, ако времето позволи';
    const full = slugifyTitle(longTitle, 'bg', { maxLength: 1000 });

    test('defaults to 120 characters and cuts at a word boundary', () => {
      const slug = slugifyTitle(longTitle, 'bg');
      expect(full.length).toBeGreaterThan(120);
      expect(slug.length).toBeLessThanOrEqual(120);
      expect(full.startsWith(`${slug}-`)).toBe(true);
      expect(validateSlug(slug)).toBeNull();
    });

    test.each([10, 20, 21, 22, 23, 50, 64, 99])('cuts at a hyphen boundary for maxLength %i', (maxLength) => {
      const slug = slugifyTitle(longTitle, 'bg', { maxLength });
      expect(slug.length).toBeLessThanOrEqual(maxLength);
      expect(full.startsWith(`${slug}-`)).toBe(true);
      expect(slug).toMatch(SLUG_PATTERN);
    });

    test.each([
      ['stara-planina fits exactly', 'Стара планина', 13, 'stara-planina'],
      ['drops the word that crosses the limit', 'Стара планина', 12, 'stara'],
      ['drops the word when the limit falls on the hyphen', 'Стара планина', 6, 'stara'],
      ['cuts a single over-long word hard', 'Свръхдълговечност', 8, 'svrahdal'],
    ])('%s', (_label, title, maxLength, expected) => {
      expect(slugifyTitle(title, 'bg', { maxLength })).toBe(expected);
    });

    test('rejects a maxLength that is not a positive integer', () => {
      expect(() => slugifyTitle('Путин', 'bg', { maxLength: 0 })).toThrow(RangeError);
      expect(() => slugifyTitle('Путин', 'bg', { maxLength: 2.5 })).toThrow(RangeError);
    });
  });

  describe('always returns a valid slug', () => {
    // Deterministic pseudo-random generator (mulberry32) so a failure is reproducible.
    function random(seed: number): () => number {
      let state = seed;
      return () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }
    const ALPHABET = Array.from(
      'абвгдежзийклмнопрстуфхцчшщъьюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯѝЍѐыэёієї' +
        'abcXYZéÉäöüßłŁøåçñİı0123456789' +
        ' \t\n-–—_.,:;!?%&$€£<>|/\\()[]{}„“”«»"\'’`~@#^*+=§©®™°½²ﬁＡ中文🙂\u0300\u0301\u0306',
    );
    const rnd = random(20251222);
    const titles = Array.from({ length: 2000 }, () => {
      const length = Math.floor(rnd() * 60);
      return Array.from({ length }, () => ALPHABET[Math.floor(rnd() * ALPHABET.length)]).join('');
    });
    const locales = ['bg', 'en', 'de', 'fr', 'sv'];
    const maxLengths = [120, 30, 12, 8];

    test('matches SLUG_PATTERN and maxLength for 2000 random mixed strings', () => {
      const failures = titles.flatMap((title, i) => {
        const locale = locales[i % locales.length];
        const maxLength = maxLengths[i % maxLengths.length];
        const slug = slugifyTitle(title, locale, { maxLength });
        const ok = SLUG_PATTERN.test(slug) && slug.length <= maxLength && slugifyTitle(title, locale, { maxLength }) === slug;
        return ok ? [] : [{ title, locale, maxLength, slug }];
      });
      expect(failures).toEqual([]);
    });
  });
});
