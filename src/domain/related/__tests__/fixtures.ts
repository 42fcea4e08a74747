import { fingerprintText } from '../fingerprint';
import type { RelatedFeatures } from '../score';
import { buildTermVector, weighTerms } from '../term-vector';

/** Small hand-written Bulgarian stories on three topics, two of them copies of one story. */
export const TEXTS = {
  brexitDeal:
    'Лондон и Брюксел постигнаха споразумение за Брекзит. Британският премиер обяви, че ' +
    'споразумението за излизането от Европейския съюз ще бъде гласувано в парламента.',
  brexitDealCopy:
    'Лондон и Брюксел постигнаха споразумение за Брекзит. Британският премиер обяви, че ' +
    'споразумението за излизането от Европейския съюз ще бъде гласувано в парламента в сряда.',
  brexitTrade: 'Британските фирми се страхуват от мита след Брекзит. Търговията между Лондон и ' + 'Европейския съюз ще се промени, предупредиха икономисти.',
  brexitVote: 'Парламентът в Лондон отложи гласуването на споразумението за Брекзит. Депутатите ' + 'искат промени в текста за границата с Ирландия.',
  vaccine: 'Първите ваксини срещу коронавируса пристигнаха в България. Министърът на ' + 'здравеопазването беше ваксиниран пред камерите в София.',
  vaccineOther: 'Ваксинацията срещу коронавируса започна в болниците. Лекарите и медицинските сестри ' + 'получават първите дози от ваксината.',
  pipeline: 'Германия разреши строежа на газопровода Северен поток 2 през своите води. Проектът ' + 'ще пренася руски газ по дъното на Балтийско море.',
} as const;

export type TextKey = keyof typeof TEXTS;

const ANALYSED = Object.fromEntries(Object.entries(TEXTS).map(([key, body]) => [key, buildTermVector({ title: '', body }, 'bg')])) as Record<
  TextKey,
  Record<string, number>
>;

const DF = new Map<string, number>();
for (const tf of Object.values(ANALYSED)) {
  for (const term of Object.keys(tf)) DF.set(term, (DF.get(term) ?? 0) + 1);
}

/** Features as the app would store them, with df counted over the fixture texts. */
export function featuresOf(key: TextKey, overrides: Partial<RelatedFeatures> = {}): RelatedFeatures {
  const tf = ANALYSED[key];
  if (!tf) throw new Error(`unknown fixture text ${key}`);
  return {
    documentId: key,
    locale: 'bg',
    publicationDate: '2025-12-01T10:00:00.000Z',
    tags: [],
    section: null,
    agency: null,
    terms: weighTerms(tf, (term) => DF.get(term) ?? 0, Object.keys(TEXTS).length),
    fingerprint: fingerprintText(TEXTS[key], 'bg'),
    ...overrides,
  };
}
