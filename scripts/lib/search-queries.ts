/**
 * The search evaluation's queries: what a reader would type about each of the six events of the
 * labelled news corpus (its six categories are news events), in Cyrillic (word forms other than the headlines'
 * where it is natural: „Северния поток“, „ваксините“) and typed in Latin letters (the official
 * system and the informal spellings: j for ж, 4 for ч, 6 for ш, q for я). Written before looking
 * at the results and not tuned to them.
 */
export type QueryKind = 'cyrillic' | 'latin';
export interface EvalQuery {
  q: string;
  event: string;
  kind: QueryKind;
}

const cyrillic = (event: string, queries: string[]): EvalQuery[] => queries.map((q) => ({ q, event, kind: 'cyrillic' }));
const latin = (event: string, queries: string[]): EvalQuery[] => queries.map((q) => ({ q, event, kind: 'latin' }));

export const SEARCH_QUERIES: readonly EvalQuery[] = [
  ...cyrillic('brexit', [
    'брекзит',
    'Тереза Мей',
    'преговорите за Брекзит',
    'британския парламент',
    'излизането на Великобритания от ЕС',
    'сделка за Брекзит',
    'Борис Джонсън премиер',
    'митническия съюз',
  ]),
  ...latin('brexit', ['brekzit', 'tereza mey', 'boris dzhonsan', 'velikobritaniya', 'sdelkata za brekzit', 'britanskiya parlament']),
  ...cyrillic('covid-19', ['коронавирус', 'ваксините срещу ковид', 'заразени с коронавируса', 'пандемията', 'ваксинация', 'карантина', 'положителни проби']),
  ...latin('covid-19', ['koronavirus', 'vaksini', 'vaksinata', 'pandemiyata', 'kovid', 'zarazeni s koronavirus']),
  ...cyrillic('us_election_2020', [
    'изборите в САЩ',
    'Тръмп и Байдън',
    'Белия дом',
    'президентските избори',
    'демократите и републиканците',
    'гласуване по пощата',
  ]),
  ...latin('us_election_2020', ['izbori v sasht', 'tramp', 'baydan', 'beliya dom', 'prezidentskite izbori', 'demokrati']),
  ...cyrillic('nord_stream', ['северен поток', 'Северния поток', 'газопровода', 'Газпром', 'руски газ за Германия', 'санкции срещу газопровода']),
  ...latin('nord_stream', ['severen potok', 'severniya potok', 'gazprom', 'gazoprovod', 'ruski gaz', 'gazoprovoda severen potok']),
  ...cyrillic('asia_bibi', [
    'Асия Биби',
    'богохулство',
    'християнката осъдена на смърт',
    'Пакистан',
    'смъртна присъда за богохулство',
    'убежище за християнката',
  ]),
  ...latin('asia_bibi', ['asia bibi', 'asiya bibi', 'bogohulstvo', 'pakistan', 'hristiyanka', 'hristiqnkata']),
  ...cyrillic('ryanair', ['Райънер', 'самолет не успя да кацне', 'летище София', 'силен вятър самолет', 'пътници на самолета', 'аварийния изход']),
  ...latin('ryanair', ['rayaner', 'samolet', 'letishte sofia', 'samoleta ne kacna', 'pasajeri', 'avariyniya izhod', 'silen vqtar']),
];
