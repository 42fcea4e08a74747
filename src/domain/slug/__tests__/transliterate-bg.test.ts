import { transliterateBg } from '../transliterate-bg';

/** Art. 4 of the Transliteration Act 2009, lower case. */
const TABLE: ReadonlyArray<[string, string]> = [
  ['а', 'a'],
  ['б', 'b'],
  ['в', 'v'],
  ['г', 'g'],
  ['д', 'd'],
  ['е', 'e'],
  ['ж', 'zh'],
  ['з', 'z'],
  ['и', 'i'],
  ['й', 'y'],
  ['к', 'k'],
  ['л', 'l'],
  ['м', 'm'],
  ['н', 'n'],
  ['о', 'o'],
  ['п', 'p'],
  ['р', 'r'],
  ['с', 's'],
  ['т', 't'],
  ['у', 'u'],
  ['ф', 'f'],
  ['х', 'h'],
  ['ц', 'ts'],
  ['ч', 'ch'],
  ['ш', 'sh'],
  ['щ', 'sht'],
  ['ъ', 'a'],
  ['ь', 'y'],
  ['ю', 'yu'],
  ['я', 'ya'],
];

describe('transliterateBg', () => {
  test.each(TABLE)('maps lower-case %s to %s (Art. 4)', (cyrillic, latin) => {
    expect(transliterateBg(cyrillic)).toBe(latin);
  });

  test.each(TABLE.map(([c, l]) => [c.toUpperCase(), l.charAt(0).toUpperCase() + l.slice(1)]))('maps a capital %s standing alone to %s', (cyrillic, latin) => {
    expect(transliterateBg(cyrillic)).toBe(latin);
  });

  test.each(TABLE.map(([c, l]) => [`${c.toUpperCase()}а`, `${l.charAt(0).toUpperCase()}${l.slice(1)}a`]))(
    'capitalises only the first Latin letter of %s in a mixed-case word → %s',
    (cyrillic, latin) => {
      expect(transliterateBg(cyrillic)).toBe(latin);
    },
  );

  test.each(TABLE.map(([c, l]) => [`${c.toUpperCase()}А`, `${l.toUpperCase()}A`]))(
    'writes %s in full capitals inside an all-caps word → %s',
    (cyrillic, latin) => {
      expect(transliterateBg(cyrillic)).toBe(latin);
    },
  );

  test.each([
    ['ЖЕЗЪЛ', 'ZHEZAL'],
    ['Жезъл', 'Zhezal'],
    ['ЩАСТИЕ', 'SHTASTIE'],
    ['ЧЕЗ', 'CHEZ'],
    ['ЦСКА', 'TSSKA'],
    ['ГРАЖ', 'GRAZH'],
    ['ВМРО-ДПМНЕ', 'VMRO-DPMNE'],
    ['Щастие и ЩАСТИЕ', 'Shtastie i SHTASTIE'],
  ])('preserves case: %s → %s', (cyrillic, latin) => {
    expect(transliterateBg(cyrillic)).toBe(latin);
  });

  test.each([
    ['София', 'Sofia'],
    ['Илия', 'Ilia'],
    ['академия', 'akademia'],
    ['СОФИЯ', 'SOFIA'],
    ['Ия', 'Ia'],
    ['София е столица', 'Sofia e stolitsa'],
    ['от София, Варна и Русе', 'ot Sofia, Varna i Ruse'],
    ['в София.', 'v Sofia.'],
    ['„София“', '„Sofia“'],
    ['(академия)', '(akademia)'],
    ['София-юг', 'Sofia-yug'],
    ['София–Пловдив', 'Sofia–Plovdiv'],
    ['София2025', 'Sofia2025'],
    ['Марияна', 'Mariyana'],
    ['Мария', 'Maria'],
    ['Мариям', 'Mariyam'],
    ['историята', 'istoriyata'],
    ['МАРИЯНА', 'MARIYANA'],
    ['яхта', 'yahta'],
  ])('applies Art. 5(2) word-final „ия“ only at the end of a word: %s → %s', (cyrillic, latin) => {
    expect(transliterateBg(cyrillic)).toBe(latin);
  });

  test.each([
    ['последния', 'poslednia'],
    ['на последния ден', 'na poslednia den'],
    ['българския', 'balgarskia'],
    ['малкия', 'malkia'],
    ['крайния', 'kraynia'],
    ['бившия', 'bivshia'],
    ['следващия', 'sledvashtia'],
    ['бъдещия', 'badeshtia'],
    ['Калифорния', 'Kalifornia'],
    ['Босния', 'Bosnia'],
    ['Словакия', 'Slovakia'],
    ['ракия', 'rakia'],
    ['линия', 'linia'],
    ['компания', 'kompania'],
    ['история', 'istoria'],
    ['ПОСЛЕДНИЯ', 'POSLEDNIA'],
    ['новия', 'novia'],
  ])('applies Art. 5(2) to definite article forms and names alike (the Act is graphemic): %s → %s', (cyrillic, latin) => {
    expect(transliterateBg(cyrillic)).toBe(latin);
  });

  test.each([
    ['България', 'Bulgaria'],
    ['БЪЛГАРИЯ', 'BULGARIA'],
    ['българия', 'bulgaria'],
    ['Щастие в България', 'Shtastie v Bulgaria'],
    ['България-Румъния', 'Bulgaria-Rumania'],
    ['българска', 'balgarska'],
    ['Българската', 'Balgarskata'],
    ['българин', 'balgarin'],
    ['Българияя', 'Balgariyaya'],
    ['Северна България', 'Severna Bulgaria'],
  ])('applies Art. 6 to the state name only: %s → %s', (cyrillic, latin) => {
    expect(transliterateBg(cyrillic)).toBe(latin);
  });

  test.each([
    ['ѝ (precomposed U+045D)', 'на нея ѝ каза', 'na neya i kaza'],
    ['и + U+0300 (decomposed)', 'на нея \u0438\u0300 каза', 'na neya i kaza'],
    ['Ѝ (capital U+040D)', '\u040d', 'I'],
    ['И + U+0300 (decomposed capital)', '\u0418\u0300', 'I'],
    ['ѐ in всѐ', 'всѐ', 'vse'],
    ['stress mark а + U+0301', 'ма\u0301лко', 'malko'],
    ['й as и + U+0306 (decomposed)', 'ма\u0438\u0306ка', 'mayka'],
  ])('treats accented letters as the bare letter: %s', (_label, cyrillic, latin) => {
    expect(transliterateBg(cyrillic)).toBe(latin);
  });

  test.each([
    ['джудже', 'dzhudzhe'],
    ['Джамбазки', 'Dzhambazki'],
    ['дзифт', 'dzift'],
    ['Дзержински', 'Dzerzhinski'],
    ['шофьор', 'shofyor'],
    ['Шарл дьо Гол', 'Sharl dyo Gol'],
    ['майор', 'mayor'],
    ['Йордан', 'Yordan'],
    ['Кърджали', 'Kardzhali'],
  ])('follows the table for дж, дз, ьо, йо: %s → %s', (cyrillic, latin) => {
    expect(transliterateBg(cyrillic)).toBe(latin);
  });

  test.each([
    ['iPhone 17', 'iPhone 17'],
    ['Élysée Café', 'Élysée Café'],
    ['e\u0301', 'e\u0301'],
    ['3,0% & 2:1!', '3,0% & 2:1!'],
    ['', ''],
    ['ыэё', 'ыэё'],
    ['Новият iPhone 17', 'Noviyat iPhone 17'],
  ])('passes non-Bulgarian characters through unchanged: %j', (text, expected) => {
    expect(transliterateBg(text)).toBe(expected);
  });
});
