import { cyrillicKey, cyrillicReadings, latinKeys, MAX_READINGS } from '../latin-reading';
import { stemBg } from '../../text';
import { transliterateBg } from '../../slug';

const keyOf = (word: string) => cyrillicKey(stemBg(word.toLocaleLowerCase('bg')));

/** Words whose forms readers search for, covering every letter of the Act's table (Art. 4). */
const WORDS = [
  'Путин',
  'Северния',
  'поток',
  'щастие',
  'ваксината',
  'коронавируса',
  'избори',
  'Тръмп',
  'Байдън',
  'САЩ',
  'богохулство',
  'християнката',
  'Пакистан',
  'самолетът',
  'летището',
  'пасажерите',
  'Джонсън',
  'джунгла',
  'чърчилски',
  'шофьор',
  'йод',
  'юрист',
  'ябълка',
  'цар',
  'хляб',
  'жена',
  'зет',
  'фабрика',
  'газопровода',
  'Германия',
];

describe('a Bulgarian word typed in the official transliteration meets the word', () => {
  test.each(WORDS)('%s', (word) => {
    const typed = transliterateBg(word.toLocaleLowerCase('bg'));
    expect(latinKeys(typed)).toContain(keyOf(word));
  });
});

describe('informal spellings meet the word too', () => {
  test.each([
    ['6tastie', 'щастие'],
    ['shtastie', 'щастие'],
    ['schastie', 'щастие'],
    ['4ovek', 'човек'],
    ['chovek', 'човек'],
    ['6ofyor', 'шофьор'],
    ['qbalka', 'ябълка'],
    ['iabalka', 'ябълка'],
    ['jena', 'жена'],
    ['zhena', 'жена'],
    ['iurist', 'юрист'],
    ['yurist', 'юрист'],
    ['car', 'цар'],
    ['tzar', 'цар'],
    ['hlqb', 'хляб'],
    ['xляб'.replace('ляб', 'lqb'), 'хляб'],
    ['wreme', 'време'],
    ['bulgariq', 'България'],
    ['bylgaria', 'България'],
    ['tramp', 'Тръмп'],
    ['baidan', 'Байдън'],
    ['severniq', 'северния'],
    ['kacna', 'кацна'],
    ['pasajeri', 'пасажери'],
  ])('%s → %s', (typed, word) => {
    expect(latinKeys(typed)).toContain(keyOf(word));
  });
});

describe('word forms meet through the stemmer', () => {
  test.each([
    ['severen', 'Северния'],
    ['vaksini', 'ваксината'],
    ['koronavirus', 'коронавируса'],
    ['putina', 'Путин'],
    ['ministar', 'министрите'],
  ])('%s → %s', (typed, word) => {
    expect(latinKeys(typed)).toContain(keyOf(word));
  });
});

describe('what is not a Latin-typed content word', () => {
  test.each(['na', 'za', 'ot', 'i', 's', 'v'])('the stop word or letter `%s` has no key', (typed) => {
    expect(latinKeys(typed)).toEqual([]);
  });

  test('Cyrillic and mixed tokens have none (they are matched as they are)', () => {
    expect(latinKeys('путин')).toEqual([]);
    expect(latinKeys('covid19')).not.toEqual([]);
    expect(latinKeys('1234')).toEqual([]);
  });
});

describe('readings', () => {
  test('the likeliest reading comes first', () => {
    expect(cyrillicReadings('severen')[0]).toBe('северен');
    expect(cyrillicReadings('shtastie')[0]).toBe('щастие');
    expect(cyrillicReadings('sofia')[0]).toBe('софия');
  });

  test('are capped however ambiguous the word', () => {
    expect(cyrillicReadings('ayayayayayayayayayayayayayayayay').length).toBeLessThanOrEqual(MAX_READINGS);
    expect(latinKeys('a'.repeat(200)).length).toBeLessThanOrEqual(MAX_READINGS);
  });
});
