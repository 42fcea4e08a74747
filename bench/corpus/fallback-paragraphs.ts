/**
 * Original news-like prose shipped with the benchmark, used when no `--news` file is given
 * (a fresh clone has no ../shared). Written for this repository: ten topics, each with six
 * Bulgarian and three English paragraphs, headline subjects and predicates that combine into
 * grammatical headlines, and the tags of the topic. The names are generic (roles, not people).
 */

export interface LocaleText {
  /** Headline subjects: "Цената на тока за бизнеса". */
  subjects: string[];
  /** Headline predicates agreeing with every subject: "остава висока и през февруари". */
  predicates: string[];
  paragraphs: string[];
}

export interface FallbackTopic {
  key: string;
  /** Key of a section in NEWSROOM_SECTIONS. */
  section: string;
  /** Tag names: [Bulgarian, English]. */
  tags: Array<[string, string]>;
  bg: LocaleText;
  en: LocaleText;
}

export const FALLBACK_TOPICS: FallbackTopic[] = [
  {
    key: 'energy',
    section: 'economy',
    tags: [
      ['Енергетика', 'Energy'],
      ['Цени на тока', 'Electricity prices'],
      ['АЕЦ „Козлодуй“', 'Kozloduy NPP'],
      ['Природен газ', 'Natural gas'],
      ['Възобновяема енергия', 'Renewable energy'],
    ],
    bg: {
      subjects: [
        'Цената на тока за бизнеса',
        'Борсовата цена на електроенергията',
        'Регулаторът',
        'Енергийното министерство',
        'Цената на природния газ',
        'Проектът за нов ядрен блок',
        'Соларният парк край Стара Загора',
        'Топлофикацията',
      ],
      predicates: [
        'остава висока и през февруари',
        'поскъпва с нови 8 на сто',
        'пада за първи път от година',
        'предизвиква спор в парламента',
        'ще бъде преразгледан до края на месеца',
        'изненада индустрията',
        'влиза в нова фаза',
        'тревожи общините',
      ],
      paragraphs: [
        'Цената на електроенергията на свободния пазар се повиши с около осем процента спрямо предходния месец, показват данните на независимата борса. Търговци обясняват ръста със студеното време и с по-ниското производство от водните централи, които работят с намалени обеми заради сушата.',
        'Енергийният регулатор ще обсъди новите цени на природния газ на открито заседание в понеделник. Общественият доставчик предлага поевтиняване, но браншовите организации настояват за по-дълъг срок за плащане на натрупаните задължения.',
        'Ремонтът на петия блок на атомната централа приключи два дни по-рано от графика, съобщиха от дружеството. Блокът вече е синхронизиран с мрежата и до края на седмицата трябва да достигне пълна мощност.',
        'Общините в Северозападна България поискаха допълнителни средства за отопление на училищата и детските градини. Според кметовете сметките за топлинна енергия през зимата са се увеличили с близо една трета.',
        'Новият соларен парк край Стара Загора ще осигурява ток за около двайсет хиляди домакинства, заявиха инвеститорите. Те уточниха, че към централата ще бъде изградена и система за съхранение, която да изглажда пиковете в потреблението.',
        'Индустриалните асоциации предупредиха, че високите цени на енергията подкопават конкурентоспособността на износителите. Работодателите настояват компенсациите за бизнеса да бъдат удължени поне до края на първото тримесечие.',
      ],
    },
    en: {
      subjects: ['The price of electricity', 'The energy regulator', 'The new nuclear unit', 'Gas imports'],
      predicates: ['rises again in February', 'falls for the first time in a year', 'faces scrutiny in parliament', 'worries local councils'],
      paragraphs: [
        'Wholesale electricity prices rose by about eight percent from the previous month, exchange data show. Traders blamed the cold weather and lower output from hydropower plants, which are running at reduced capacity because of the drought.',
        'The energy regulator will discuss new natural gas prices at an open hearing on Monday. The public supplier has proposed a cut, while industry groups want more time to pay off accumulated debts.',
        'Industrial associations warned that high energy prices are eroding the competitiveness of exporters. Employers want compensation for businesses to be extended at least until the end of the first quarter.',
      ],
    },
  },
  {
    key: 'parliament',
    section: 'bulgaria',
    tags: [
      ['Парламент', 'Parliament'],
      ['Избори', 'Elections'],
      ['Бюджет', 'Budget'],
      ['Правителство', 'Government'],
      ['ЦИК', 'Election commission'],
    ],
    bg: {
      subjects: [
        'Парламентът',
        'Бюджетната комисия',
        'Централната избирателна комисия',
        'Министерският съвет',
        'Опозицията',
        'Председателят на Народното събрание',
        'Законопроектът за съдебната власт',
        'Новият изборен кодекс',
      ],
      predicates: [
        'прие на първо четене промените',
        'отложи гласуването за следващата седмица',
        'поиска оставката на министъра',
        'насрочи извънредно заседание',
        'се раздели по въпроса за бюджета',
        'внесе нови предложения',
        'предизвика остра дискусия',
        'получи подкрепа от мнозинството',
      ],
      paragraphs: [
        'Народното събрание прие на първо четене промените в бюджета след близо осемчасов дебат. Опозицията обвини мнозинството, че увеличава разходите, без да посочи източници на приходи, а финансовият министър отговори, че дефицитът ще остане под три процента.',
        'Централната избирателна комисия обяви графика за предстоящите частични избори за кметове в дванайсет общини. Регистрацията на кандидатите започва следващата седмица и ще продължи десет дни.',
        'Министерският съвет одобри законопроект, който въвежда електронно подаване на декларации за имущество за всички служители в държавната администрация. Промените трябва да влязат в сила от началото на следващата година.',
        'Депутатите от правната комисия отложиха обсъждането на съдебната реформа, след като експерти поискаха повече време за становища. Председателят на комисията увери, че текстовете ще бъдат готови за пленарна зала до края на месеца.',
        'Опозиционните партии внесоха искане за изслушване на вътрешния министър по повод протестите в центъра на столицата. Според тях полицията е действала непропорционално спрямо мирните демонстранти.',
        'Анализатори оценяват, че коалицията разполага със стабилно мнозинство поне до приемането на бюджета. Социологическите проучвания показват, че доверието в парламента остава ниско, под двайсет процента.',
      ],
    },
    en: {
      subjects: ['Parliament', 'The budget committee', 'The opposition', 'The cabinet'],
      predicates: ['passes the changes at first reading', 'postpones the vote by a week', 'calls for the minister to resign', 'splits over the budget'],
      paragraphs: [
        'The National Assembly passed the budget changes at first reading after a debate of almost eight hours. The opposition accused the majority of raising spending without naming new sources of revenue.',
        'The Central Election Commission published the calendar for partial mayoral elections in twelve municipalities. Registration of candidates opens next week and will last ten days.',
        'Analysts say the coalition has a stable majority at least until the budget is adopted. Opinion polls show that trust in parliament remains low, below twenty percent.',
      ],
    },
  },
  {
    key: 'sofia-transport',
    section: 'bulgaria',
    tags: [
      ['София', 'Sofia'],
      ['Метро', 'Metro'],
      ['Градски транспорт', 'Public transport'],
      ['Столична община', 'Sofia Municipality'],
      ['Задръствания', 'Traffic'],
    ],
    bg: {
      subjects: [
        'Столичният общински съвет',
        'Третата линия на метрото',
        'Градският транспорт в София',
        'Ремонтът на бул. „Цар Борис III“',
        'Новата трамвайна линия',
        'Кметът на столицата',
        'Синята зона',
        'Електронният билет',
      ],
      predicates: [
        'се забавя с още два месеца',
        'тръгва по нов график от понеделник',
        'поскъпва от догодина',
        'предизвика задръствания в центъра',
        'получи европейско финансиране',
        'ще бъде разширена до Люлин',
        'обеща решение до края на годината',
        'събра рекорден брой пътници',
      ],
      paragraphs: [
        'Столичният общински съвет одобри удължаването на третата линия на метрото с още две станции в посока на квартал Овча купел. Строителството трябва да започне през пролетта и да продължи около две години.',
        'От понеделник трамваите по линии 5 и 7 ще се движат по обходен маршрут заради ремонта на релсовия път. Общината препоръчва на пътниците да използват метрото и допълнителните автобуси, които ще бъдат пуснати в часовете пик.',
        'Електронният билет вече може да се купува и с банкова карта директно при валидатора, съобщиха от центъра за градска мобилност. За първия месец системата е отчела над два милиона пътувания.',
        'Шофьори съобщиха за тежко задръстване по булеварда след ремонта на голямото кръстовище край Руски паметник. Пътната полиция пренасочи движението през съседните улици, а ремонтът трябва да приключи до петък.',
        'Кметът на столицата представи план за разширяване на синята зона в още три квартала. Според общината мярката ще освободи места за живущите и ще намали трафика на автомобили от други райони.',
        'Новите нископодови трамваи вече обслужват най-натоварената линия в града. Общината планира до края на годината да бъдат доставени още дванайсет мотриси, финансирани по европейска програма.',
      ],
    },
    en: {
      subjects: ['Sofia city council', 'The third metro line', 'Public transport in Sofia', 'The new tram line'],
      predicates: ['is delayed by two more months', 'runs on a new timetable from Monday', 'gets European funding', 'carries a record number of passengers'],
      paragraphs: [
        'Sofia city council approved an extension of the third metro line by two more stations towards Ovcha Kupel. Construction is expected to start in spring and last about two years.',
        'Electronic tickets can now be bought with a bank card directly at the validator, the urban mobility centre said. In the first month the system recorded more than two million trips.',
        'New low-floor trams are already serving the busiest line in the city. The municipality plans to receive twelve more vehicles by the end of the year, funded by a European programme.',
      ],
    },
  },
  {
    key: 'weather',
    section: 'bulgaria',
    tags: [
      ['Времето', 'Weather'],
      ['Сняг', 'Snow'],
      ['Бедствено положение', 'State of emergency'],
      ['НИМХ', 'Met office'],
      ['Наводнения', 'Floods'],
    ],
    bg: {
      subjects: [
        'Обилният снеговалеж',
        'Жълтият код за опасно време',
        'Синоптиците',
        'Силният вятър',
        'Проливният дъжд',
        'Студената вълна',
        'Пътят през прохода Шипка',
        'Бедственото положение в Смолянско',
      ],
      predicates: [
        'блокира пътищата в Западна България',
        'остава в сила за 15 области',
        'обещават затопляне от сряда',
        'остави хиляди без ток',
        'наводни ниските части на Варна',
        'ще продължи до края на седмицата',
        'е затворен за тежкотоварни камиони',
        'беше отменено',
      ],
      paragraphs: [
        'Обилният снеговалеж затрудни движението в Западна България и остави без ток десетки села в Софийска и Пернишка област. Аварийни екипи работят на терен, а пътните служби съветват шофьорите да тръгват само с подготвени автомобили.',
        'Националният институт по метеорология и хидрология обяви жълт код за опасно време в петнайсет области заради силен вятър и поледици. Най-ниските сутрешни температури ще бъдат между минус десет и минус пет градуса.',
        'След проливния дъжд през нощта ниските части на Варна бяха наводнени, а няколко улици бяха временно затворени. Пожарникарите са отговорили на повече от сто сигнала за изпомпване на вода от мазета.',
        'Синоптиците очакват затопляне от средата на седмицата, когато дневните температури ще достигнат до дванайсет градуса. В планините обаче ще продължи да вали сняг, а лавинната опасност остава значителна.',
        'Проходът Шипка е затворен за тежкотоварни камиони до подобряване на обстановката, съобщиха от пътната агенция. Леките автомобили преминават с вериги, а снегопочистващата техника работи денонощно.',
        'Кметът на Смолян отмени бедственото положение в общината, след като водата в реките се оттегли. Щетите по пътищата и мостовете ще бъдат оценени от специална комисия през следващите дни.',
      ],
    },
    en: {
      subjects: ['Heavy snowfall', 'The storm', 'The weather service', 'Strong wind'],
      predicates: ['blocks roads in western Bulgaria', 'closes the Shipka pass', 'expects warmer days from Wednesday', 'leaves thousands without power'],
      paragraphs: [
        'Heavy snowfall disrupted traffic in western Bulgaria and left dozens of villages without electricity. Emergency crews are working on site, and road services advise drivers to travel only in prepared vehicles.',
        'The national weather institute issued a yellow warning in fifteen regions because of strong wind and icy roads. Morning lows will range between minus ten and minus five degrees.',
        'Forecasters expect warmer weather from the middle of the week, with daytime highs of up to twelve degrees. In the mountains, however, snow will keep falling and the avalanche risk remains considerable.',
      ],
    },
  },
  {
    key: 'health',
    section: 'health',
    tags: [
      ['Здравеопазване', 'Healthcare'],
      ['Болници', 'Hospitals'],
      ['Грип', 'Flu'],
      ['НЗОК', 'Health insurance fund'],
      ['Лекарства', 'Medicines'],
    ],
    bg: {
      subjects: [
        'Грипната епидемия',
        'Здравната каса',
        'Министерството на здравеопазването',
        'Детската болница',
        'Недостигът на медицински сестри',
        'Новата наредба за лекарствата',
        'Спешната помощ',
        'Регионалната здравна инспекция',
      ],
      predicates: [
        'обхвана още седем области',
        'увеличава лимитите за прегледи',
        'въвежда временни мерки',
        'получи нова апаратура',
        'тревожи болниците в страната',
        'влиза в сила от март',
        'отчита рекорден брой повиквания',
        'затвори училищата в града',
      ],
      paragraphs: [
        'Регионалните здравни инспекции обявиха грипна епидемия в още седем области, а учениците там излизат във ваканция до края на седмицата. Лекарите съветват хората с температура да не ходят на работа и да потърсят личния си лекар по телефона.',
        'Здравната каса увеличава лимитите за специализирани прегледи с десет процента, след като пациенти и лекари сигнализираха за дълги опашки. Промяната ще важи от началото на следващия месец.',
        'Детската болница получи нов скенер и апаратура за интензивното отделение, закупени с дарения. Според директора на болницата това ще съкрати времето за диагностика на най-тежките случаи.',
        'Болниците в страната изпитват остър недостиг на медицински сестри, показва проучване на съсловната организация. Близо половината от работещите са над петдесетгодишна възраст, а младите специалисти често заминават в чужбина.',
        'Новата наредба за лекарствата задължава аптеките да съобщават за липсващи медикаменти в електронна система. Министерството очаква така да реагира по-бързо при недостиг на инсулин и антибиотици.',
        'Центърът за спешна медицинска помощ отчете рекорден брой повиквания през празничните дни. Екипите са реагирали на над хиляда и петстотин сигнала само за едно денонощие.',
      ],
    },
    en: {
      subjects: ['The flu epidemic', 'The health insurance fund', 'The children’s hospital', 'The shortage of nurses'],
      predicates: ['spreads to seven more regions', 'raises the limits for check-ups', 'receives new equipment', 'worries hospitals across the country'],
      paragraphs: [
        'Regional health inspectorates declared a flu epidemic in seven more regions, and pupils there are on holiday until the end of the week. Doctors advise people with a fever to stay at home and call their GP.',
        'The health insurance fund is raising the limits for specialist examinations by ten percent after patients and doctors reported long waiting lists. The change takes effect at the start of next month.',
        'Hospitals across the country face a severe shortage of nurses, a survey by the professional association shows. Nearly half of those working are over fifty, and young graduates often leave to work abroad.',
      ],
    },
  },
  {
    key: 'football',
    section: 'sport',
    tags: [
      ['Футбол', 'Football'],
      ['Първа лига', 'First League'],
      ['Национален отбор', 'National team'],
      ['Левски', 'Levski'],
      ['Лудогорец', 'Ludogorets'],
    ],
    bg: {
      subjects: ['Лудогорец', 'Левски', 'Националният отбор', 'Селекционерът', 'ЦСКА', 'Ботев Пловдив', 'Българският футболен съюз', 'Черно море'],
      predicates: [
        'победи с 2:0 и оглави класирането',
        'завърши наравно в дербито',
        'обяви състава за квалификациите',
        'привлече нов нападател',
        'загуби у дома след грешка в защитата',
        'отпадна от турнира за купата',
        'промени регламента на първенството',
        'продължава без загуба през сезона',
      ],
      paragraphs: [
        'Лудогорец победи с два на нула като гост и оглави временно класирането в Първа лига. И двата гола паднаха през второто полувреме, след като домакините останаха с десет души на терена.',
        'Дербито на столицата завърши наравно един на един пред близо двайсет хиляди зрители. Треньорите на двата отбора бяха единодушни, че равенството е справедлив резултат.',
        'Селекционерът обяви разширения състав на националния отбор за предстоящите квалификации. В групата влизат трима дебютанти, а капитанът се завръща след контузия.',
        'Левски привлече нов нападател, който подписа договор за три години. Клубът не разкри размера на трансферната сума, но според медиите тя е сред най-високите за отбора през последното десетилетие.',
        'Футболният съюз одобри промени в регламента, според които от следващия сезон в първенството ще участват шестнайсет отбора. Клубовете от втора лига приеха решението с одобрение.',
        'Черно море продължава без загуба вече десет поредни мача, след като надви съперника си с гол в добавеното време. Варненци са само на две точки от третото място.',
      ],
    },
    en: {
      subjects: ['Ludogorets', 'Levski', 'The national team', 'The head coach'],
      predicates: ['wins 2-0 and tops the table', 'draws in the derby', 'names the squad for the qualifiers', 'signs a new striker'],
      paragraphs: [
        'Ludogorets won two-nil away and moved to the top of the First League table. Both goals came in the second half after the hosts were reduced to ten men.',
        'The capital derby ended one-all in front of nearly twenty thousand spectators. Both coaches agreed that the draw was a fair result.',
        'The head coach named an extended national squad for the upcoming qualifiers. The group includes three newcomers, and the captain returns after an injury.',
      ],
    },
  },
  {
    key: 'tourism',
    section: 'economy',
    tags: [
      ['Туризъм', 'Tourism'],
      ['Черноморие', 'Black Sea coast'],
      ['Ски курорти', 'Ski resorts'],
      ['Хотели', 'Hotels'],
      ['Летище Бургас', 'Burgas Airport'],
    ],
    bg: {
      subjects: [
        'Летният сезон по Черноморието',
        'Банско',
        'Броят на чуждестранните туристи',
        'Хотелиерите в Слънчев бряг',
        'Летище Бургас',
        'Зимният сезон в Пампорово',
        'Министерството на туризма',
        'Ваучерите за почивка',
      ],
      predicates: [
        'започва с по-високи цени',
        'отчита ръст от 12 процента',
        'търсят сезонни работници от чужбина',
        'посрещна първия чартърен полет',
        'бе открит с рекорден брой скиори',
        'стартира нова рекламна кампания',
        'отново са в дефицит',
        'привлича гости от Израел и Полша',
      ],
      paragraphs: [
        'Хотелиерите по Черноморието очакват силен летен сезон, но предупреждават, че цените на нощувките ще бъдат с около десет процента по-високи от миналата година. Причините са по-скъпите храни, енергията и заплатите.',
        'Летище Бургас посрещна първия чартърен полет за сезона, с който пристигнаха близо двеста туристи от Полша. До края на октомври се очакват над дванайсет хиляди полета.',
        'Зимният сезон в Банско беше открит с рекорден брой скиори през първия уикенд. Лифтовете работят с удължено работно време, а снежната покривка на пистите надхвърля метър.',
        'Туристическите браншове настояват държавата да облекчи наемането на сезонни работници от трети страни. Според тях хотелите в курортите ще имат нужда от над двайсет хиляди служители.',
        'Министерството на туризма стартира нова рекламна кампания на пазарите в Германия, Румъния и Израел. Акцентът е върху културния и балнеоложкия туризъм извън летния сезон.',
        'Данните на статистиката показват ръст от дванайсет процента на пренощуванията на чужденци през първото тримесечие. Най-голям е интересът към София, Пловдив и зимните курорти.',
      ],
    },
    en: {
      subjects: ['The summer season on the Black Sea', 'Bansko', 'Burgas Airport', 'The number of foreign visitors'],
      predicates: ['opens with higher prices', 'reports growth of 12 percent', 'welcomes the first charter flight', 'attracts guests from Israel and Poland'],
      paragraphs: [
        'Hoteliers on the Black Sea coast expect a strong summer season but warn that room rates will be about ten percent higher than last year, driven by food, energy and wages.',
        'Burgas Airport welcomed the first charter flight of the season, bringing almost two hundred tourists from Poland. More than twelve thousand flights are expected by the end of October.',
        'Official data show a twelve percent rise in overnight stays by foreigners in the first quarter. Sofia, Plovdiv and the winter resorts attracted the most interest.',
      ],
    },
  },
  {
    key: 'ukraine-war',
    section: 'world',
    tags: [
      ['Украйна', 'Ukraine'],
      ['Русия', 'Russia'],
      ['НАТО', 'NATO'],
      ['Мирни преговори', 'Peace talks'],
      ['Европейски съюз', 'European Union'],
    ],
    bg: {
      subjects: [
        'Киев',
        'Москва',
        'Генералният секретар на НАТО',
        'Европейският съюз',
        'Украинската армия',
        'Мирната конференция в Женева',
        'Новият пакет санкции',
        'Посредниците от Турция',
      ],
      predicates: [
        'поиска още системи за противовъздушна отбрана',
        'отхвърли предложението за примирие',
        'призова за единство на съюзниците',
        'одобри нова военна помощ',
        'съобщи за напредък край Харков',
        'завърши без общо заявление',
        'засяга износа на метали',
        'предложиха размяна на пленници',
      ],
      paragraphs: [
        'Украинският президент поиска от съюзниците още системи за противовъздушна отбрана след поредната масирана атака с дронове срещу енергийната инфраструктура. Властите в Киев въведоха графици за изключване на тока в няколко области.',
        'Москва отхвърли предложението за временно примирие по време на празниците, като го определи като опит за печелене на време. Руското външно министерство заяви, че е готово за преговори само при свои условия.',
        'Генералният секретар на НАТО призова съюзниците да увеличат разходите за отбрана и да ускорят доставките на боеприпаси. Според него производството в Европа все още изостава от нуждите на фронта.',
        'Европейският съюз одобри нов пакет военна помощ на стойност пет милиарда евро. Средствата ще бъдат използвани за артилерийски снаряди, обучение на войници и ремонт на техника.',
        'Мирната конференция в Женева завърши без общо заключително заявление, след като делегациите не постигнаха съгласие за текста. Домакините обявиха, че консултациите ще продължат на експертно ниво.',
        'При посредничеството на Турция страните размениха по двеста военнопленници. Това е най-голямата размяна от началото на годината, съобщиха украинските власти.',
      ],
    },
    en: {
      subjects: ['Kyiv', 'Moscow', 'The NATO secretary general', 'The European Union'],
      predicates: ['asks for more air defence systems', 'rejects the ceasefire proposal', 'calls for unity among allies', 'approves new military aid'],
      paragraphs: [
        'Ukraine’s president asked allies for more air defence systems after another massive drone attack on energy infrastructure. Authorities in Kyiv introduced rolling power cuts in several regions.',
        'Moscow rejected the proposal for a temporary ceasefire over the holidays, calling it an attempt to buy time. The Russian foreign ministry said it was ready to negotiate only on its own terms.',
        'The European Union approved a new military aid package worth five billion euros. The money will pay for artillery shells, training of soldiers and repairs of equipment.',
      ],
    },
  },
  {
    key: 'eurozone',
    section: 'economy',
    tags: [
      ['Еврозона', 'Eurozone'],
      ['Инфлация', 'Inflation'],
      ['БНБ', 'Bulgarian National Bank'],
      ['Заплати', 'Wages'],
      ['Европейска комисия', 'European Commission'],
    ],
    bg: {
      subjects: [
        'Годишната инфлация',
        'Българската народна банка',
        'Средната заплата',
        'Еврокомисията',
        'Приемането на еврото',
        'Цената на хляба',
        'Кредитите за жилища',
        'Министерството на финансите',
      ],
      predicates: [
        'се забавя до 3,1 процента',
        'запазва изискванията към банките',
        'надхвърли 2000 лева',
        'публикува доклад за конвергенцията',
        'ще бъде обсъдено в Брюксел',
        'се повиши с нови десет стотинки',
        'растат с рекордни темпове',
        'пусна нова емисия облигации',
      ],
      paragraphs: [
        'Годишната инфлация се забави до три цяло и една десета процента през януари, показват данните на статистиката. Най-силно поевтиняват горивата, докато услугите и храните продължават да поскъпват.',
        'Българската народна банка запазва изискванията към търговските банки за минимални резерви непроменени. Според централната банка кредитният растеж остава висок, особено при жилищните заеми.',
        'Средната брутна заплата надхвърли две хиляди лева за първи път, като най-високи са възнагражденията в информационните технологии и финансите. Икономисти предупреждават, че ръстът на заплатите изпреварва производителността.',
        'Европейската комисия публикува доклада за конвергенцията, в който оценява готовността на страната за членство в еврозоната. Критерият за ценова стабилност остава единственото неизпълнено изискване.',
        'Цената на хляба се повиши с десет стотинки в големите търговски вериги след поскъпването на брашното. Хлебопроизводителите обясняват, че разходите им за енергия и труд също са нараснали.',
        'Министерството на финансите пусна нова емисия държавни облигации за един милиард лева със срок от десет години. Интересът на инвеститорите надхвърли два пъти предложения обем.',
      ],
    },
    en: {
      subjects: ['Annual inflation', 'The Bulgarian National Bank', 'The average wage', 'The European Commission'],
      predicates: ['slows to 3.1 percent', 'keeps reserve requirements unchanged', 'tops 2,000 leva', 'publishes its convergence report'],
      paragraphs: [
        'Annual inflation slowed to three point one percent in January, official data show. Fuel became cheaper, while services and food kept getting more expensive.',
        'The average gross wage exceeded two thousand leva for the first time, with the highest pay in information technology and finance. Economists warn that wages are outpacing productivity.',
        'The European Commission published its convergence report assessing the country’s readiness to join the euro area. Price stability remains the only criterion not yet met.',
      ],
    },
  },
  {
    key: 'science',
    section: 'science',
    tags: [
      ['Наука', 'Science'],
      ['Космос', 'Space'],
      ['Изкуствен интелект', 'Artificial intelligence'],
      ['БАН', 'Academy of Sciences'],
      ['Астрономия', 'Astronomy'],
    ],
    bg: {
      subjects: [
        'Българският микроспътник',
        'Екип от БАН',
        'Новият суперкомпютър',
        'Обсерваторията в Рожен',
        'Изследването на Софийския университет',
        'Европейската космическа агенция',
        'Моделът за изкуствен интелект',
        'Метеорният поток Персеиди',
      ],
      predicates: [
        'изпрати първите снимки от орбита',
        'откри нов вид бръмбар в Родопите',
        'влиза в експлоатация през пролетта',
        'засне рядко слънчево явление',
        'получи престижна европейска награда',
        'избра български учени за мисията',
        'разпознава диалекти на български език',
        'ще бъде най-ярък в нощта срещу сряда',
      ],
      paragraphs: [
        'Първият български микроспътник, изработен от студенти и преподаватели, изпрати снимки от орбита. Апаратът ще наблюдава растителността и водните площи над Балканския полуостров в продължение на две години.',
        'Екип от Института по биоразнообразие откри нов за науката вид бръмбар в пещера в Западните Родопи. Находката е описана в международно научно списание и е кръстена на района, в който е открита.',
        'Новият суперкомпютър в София влиза в експлоатация през пролетта и ще бъде достъпен за университети и компании. Машината ще се използва за климатични модели, нови лекарства и обучение на езикови модели.',
        'Астрономи от обсерваторията в Рожен заснеха рядко явление в слънчевата корона по време на силна магнитна буря. Снимките ще бъдат предоставени на международна база данни.',
        'Изследователи от Софийския университет създадоха модел за изкуствен интелект, който разпознава диалектите на българския език. Той е обучен върху хиляди часове записи от теренни експедиции.',
        'Метеорният поток Персеиди ще бъде най-ярък в нощта срещу сряда, когато при ясно небе могат да се видят до сто метеора в час. Астрономите съветват наблюденията да се правят далеч от светлините на градовете.',
      ],
    },
    en: {
      subjects: ['The Bulgarian microsatellite', 'A team from the Academy of Sciences', 'The new supercomputer', 'The Rozhen observatory'],
      predicates: ['sends its first images from orbit', 'discovers a new beetle species', 'goes into operation in spring', 'captures a rare solar event'],
      paragraphs: [
        'The first Bulgarian microsatellite, built by students and lecturers, sent images from orbit. The craft will observe vegetation and water bodies over the Balkan peninsula for two years.',
        'The new supercomputer in Sofia goes into operation in spring and will be open to universities and companies. It will run climate models, drug research and the training of language models.',
        'Astronomers at the Rozhen observatory captured a rare event in the solar corona during a strong magnetic storm. The images will be shared with an international database.',
      ],
    },
  },
];

/** Optional headline endings that vary a combination: „, съобщиха от …“. */
export const HEADLINE_SUFFIXES: { bg: string[]; en: string[] } = {
  bg: [
    '',
    '',
    '',
    ' (обновена)',
    ', съобщиха властите',
    ', показват данни на НСИ',
    ': какво следва',
    ', става ясно от проучване',
    ' след дълги спорове',
    ' въпреки критиките',
  ],
  en: ['', '', '', ' (updated)', ', officials say', ': what comes next', ' despite criticism', ' after long talks'],
};
