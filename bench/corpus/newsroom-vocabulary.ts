/**
 * The fixed parts of a benchmark newsroom: sections, agencies, commenter names and short
 * comments (original text written for this repository), and cover images.
 */

export interface Bilingual {
  bg: string;
  en: string;
}

export interface SectionSpec {
  key: string;
  name: Bilingual;
  position: number;
}
export interface AgencySpec {
  key: string;
  name: Bilingual;
  creditLine: Bilingual;
  kind: 'wire' | 'staff' | 'partner' | 'freelance';
  url: string;
  weight: number;
}

export const NEWSROOM_SECTIONS: SectionSpec[] = [
  { key: 'bulgaria', name: { bg: 'България', en: 'Bulgaria' }, position: 1 },
  { key: 'world', name: { bg: 'Свят', en: 'World' }, position: 2 },
  { key: 'economy', name: { bg: 'Икономика', en: 'Economy' }, position: 3 },
  { key: 'sport', name: { bg: 'Спорт', en: 'Sport' }, position: 4 },
  { key: 'health', name: { bg: 'Здраве', en: 'Health' }, position: 5 },
  { key: 'science', name: { bg: 'Наука', en: 'Science' }, position: 6 },
];

/** `weight`: how often the agency is credited (relative). */
export const NEWSROOM_AGENCIES: AgencySpec[] = [
  { key: 'bgnes', name: { bg: 'БГНЕС', en: 'BGNES' }, creditLine: { bg: 'БГНЕС', en: 'BGNES' }, kind: 'wire', url: 'https://www.bgnes.bg', weight: 30 },
  {
    key: 'bta',
    name: { bg: 'Българска телеграфна агенция', en: 'Bulgarian News Agency' },
    creditLine: { bg: 'БТА', en: 'BTA' },
    kind: 'wire',
    url: 'https://www.bta.bg',
    weight: 25,
  },
  {
    key: 'afp',
    name: { bg: 'Агенция Франс Прес', en: 'Agence France-Presse' },
    creditLine: { bg: 'АФП', en: 'AFP' },
    kind: 'wire',
    url: 'https://www.afp.com',
    weight: 12,
  },
  {
    key: 'reuters',
    name: { bg: 'Ройтерс', en: 'Reuters' },
    creditLine: { bg: 'Ройтерс', en: 'Reuters' },
    kind: 'wire',
    url: 'https://www.reuters.com',
    weight: 10,
  },
  {
    key: 'ap',
    name: { bg: 'Асошиейтед прес', en: 'Associated Press' },
    creditLine: { bg: 'АП', en: 'AP' },
    kind: 'wire',
    url: 'https://apnews.com',
    weight: 6,
  },
  {
    key: 'dpa',
    name: { bg: 'Германска агенция за новини', en: 'Deutsche Presse-Agentur' },
    creditLine: { bg: 'ДПА', en: 'dpa' },
    kind: 'wire',
    url: 'https://www.dpa.com',
    weight: 4,
  },
  {
    key: 'staff',
    name: { bg: 'Редакцията', en: 'Newsroom' },
    creditLine: { bg: 'Собствена информация', en: 'Staff report' },
    kind: 'staff',
    url: '',
    weight: 10,
  },
  { key: 'partner', name: { bg: 'Радио „Пулс“', en: 'Radio Puls' }, creditLine: { bg: 'Радио „Пулс“', en: 'Radio Puls' }, kind: 'partner', url: '', weight: 3 },
];

export const COMMENTER_NAMES: string[] = [
  'Иван',
  'Мария',
  'Георги',
  'Елена',
  'Петър',
  'Десислава',
  'Николай',
  'Ивайло',
  'Цветелина',
  'Стоян',
  'Ани',
  'Борислав',
  'Радостина',
  'Калин',
  'gosho_sf',
  'Читател',
  'Пенсионер от Русе',
  'Mila',
  'Tom',
  'Венци',
];

export const COMMENT_TEXTS: { bg: string[]; en: string[] } = {
  bg: [
    'Най-после някой да обърне внимание на този проблем.',
    'Пак същото всяка година, никой не си взема поука.',
    'Благодаря за подробната информация, много полезна статия.',
    'Интересно докога ще продължава това.',
    'Има ли официално потвърждение или са само слухове?',
    'Живея в района и мога да потвърдя, че е точно така.',
    'Цените растат, а заплатите стоят на едно място.',
    'Браво на екипа, хубава новина за разнообразие.',
    'Не съм съгласен с изводите в последния абзац.',
    'Ще видим какво ще кажат експертите след месец.',
    'Кой ще плати за всичко това накрая? Ние, разбира се.',
    'Хубаво е, че се говори открито по темата.',
  ],
  en: [
    'Finally someone is paying attention to this.',
    'Thanks for the detailed report, very useful.',
    'Is there any official confirmation yet?',
    'I live nearby and can confirm this.',
    'Let us see what the experts say in a month.',
    'Good news for a change.',
  ],
};

/** Cover images: rows in `files` with URLs under /uploads (the files need not exist for the API). */
export const COVER_COUNT = 48;
