import { jsonLdHeadline, metaDescription, metaTitle, shortenAtWord, HEADLINE_MAX, META_DESCRIPTION_MAX } from '../meta-text';

const PUTIN = 'Изолираният Путин търси по-близко приятелство с Ким Чен Ун, праща му послание за по-тясно сътрудничество';
const LONG_LEDE =
  'Руският президент призова за задълбочаване на връзките между Москва и Пхенян в поздравление до севернокорейския лидер по повод годишнината от освобождението на Корея, съобщи агенцията.';

describe('shortenAtWord', () => {
  test.each([
    ['short text stays', 'Стара планина', 20, 'Стара планина'],
    ['whitespace is squashed', '  Стара \n планина ', 20, 'Стара планина'],
    ['cut after a whole word with an ellipsis', 'Стара планина и Родопите', 16, 'Стара планина…'],
    ['no trailing comma before the ellipsis', 'Кърджали, Смолян, Пловдив', 18, 'Кърджали, Смолян…'],
    ['a single long word is cut hard', 'Жълтозелениникакъвдруг', 10, 'Жълтозеле…'],
  ])('%s', (_label, text, max, expected) => {
    const result = shortenAtWord(text, max);
    expect(result).toBe(expected);
    expect(result.length).toBeLessThanOrEqual(max);
  });
});

describe('metaTitle and metaDescription', () => {
  test.each([
    ['the editor override wins', 'Путин и Ким: ново послание', PUTIN, 'Путин и Ким: ново послание'],
    ['a blank override falls back to the headline', '   ', PUTIN, PUTIN],
    ['no override falls back to the headline', null, PUTIN, PUTIN],
  ])('title: %s', (_label, override, title, expected) => {
    expect(metaTitle(override, title)).toBe(expected);
  });

  test.each([
    ['the editor override wins, even when long', 'Ръчно описание.', LONG_LEDE, 'Ръчно описание.'],
    ['falls back to the lede, shortened', undefined, LONG_LEDE, expect.stringMatching(/…$/)],
    ['a short lede is kept whole', null, 'Кратък лид.', 'Кратък лид.'],
    ['neither: null', null, null, null],
  ])('description: %s', (_label, override, lede, expected) => {
    const result = metaDescription(override as string | null | undefined, lede);
    expect(result).toEqual(expected);
    if (result) expect(result.length).toBeLessThanOrEqual(Math.max(META_DESCRIPTION_MAX, (override as string | null)?.length ?? 0));
  });

  test("the JSON-LD headline keeps within Google's limit", () => {
    const headline = jsonLdHeadline(`${PUTIN} ${PUTIN}`);
    expect(headline.length).toBeLessThanOrEqual(HEADLINE_MAX);
    expect(headline.startsWith('Изолираният Путин')).toBe(true);
    expect(jsonLdHeadline(PUTIN)).toBe(PUTIN);
  });
});
