import type { Core } from '@strapi/strapi';
import { ARTICLE, COMMENT, CORRECTION, SECTION, SOURCE_AGENCY, TAG, TEASER } from '../uids';

type FieldText = [label: string, description?: string];
interface Layout {
  mainField?: string;
  defaultSortBy?: string;
  defaultSortOrder?: 'ASC' | 'DESC';
  list?: string[];
  edit?: Array<Array<[string, number]>>;
  fields: Record<string, FieldText>;
}

/**
 * How the admin panel shows each type to a Bulgarian newsroom: field labels and descriptions in
 * Bulgarian, list columns an editor scans for, the slug next to the title. Applied once per
 * LAYOUT_VERSION (bump it to re-apply), so later changes made in the admin are kept.
 */
const LAYOUT_VERSION = 3;

const LAYOUTS: Record<string, Layout> = {
  [ARTICLE]: {
    mainField: 'title',
    defaultSortBy: 'publicationDate',
    defaultSortOrder: 'DESC',
    list: ['title', 'publicationDate', 'section', 'sourceAgency'],
    edit: [
      [
        ['title', 6],
        ['slug', 6],
      ],
      [['lede', 12]],
      [['body', 12]],
      [
        ['cover', 6],
        ['coverCaption', 6],
      ],
      [
        ['publicationDate', 6],
        ['updatedDate', 6],
      ],
      [
        ['sourceAgency', 6],
        ['citedAgencies', 6],
      ],
      [
        ['section', 6],
        ['tags', 6],
      ],
      [
        ['relatedArticles', 6],
        ['teaser', 6],
      ],
      [
        ['breaking', 3],
        ['breakingUntil', 3],
        ['featured', 3],
        ['featuredUntil', 3],
      ],
      [['corrections', 12]],
      [['commentsEnabled', 4]],
    ],
    fields: {
      title: ['Заглавие', 'До 200 знака. От него се прави адресът (slug).'],
      slug: [
        'Адрес (slug)',
        'Прави се от заглавието по официалната транслитерация. След публикуване не се променя сам; ръчно: малки латински букви, цифри и тирета.',
      ],
      lede: ['Резюме', 'Кратко обобщение под заглавието.'],
      body: ['Текст'],
      cover: ['Основна снимка', 'Обща за всички езици.'],
      coverCaption: ['Текст под снимката'],
      publicationDate: [
        'Дата на публикуване',
        'Датата, отпечатана на страницата. Празно – моментът на първото публикуване. Бъдеща дата – ембарго: статията е скрита дотогава.',
      ],
      updatedDate: ['Актуализирана', 'Попълва се сама при съществена промяна след публикуване.'],
      sourceAgency: ['Източник', 'Агенцията, посочена в края на текста, например БГНЕС.'],
      citedAgencies: ['Цитирани агенции', 'Агенции, цитирани в текста, например АФП.'],
      tags: ['Етикети'],
      section: ['Рубрика'],
      relatedArticles: ['Свързани статии', 'Изборът на редактора: показват се първи, в този ред.'],
      teaser: ['Карта (тийзър)', 'Създава се автоматично при публикуване; ако я редактирате, текстът Ви се запазва.'],
      commentsEnabled: ['Коментарите са разрешени', 'Общо за всички езици.'],
      breaking: ['Извънредно', 'Картата на статията се показва като извънредна новина. Само за този език.'],
      breakingUntil: ['Извънредно до', 'Празно – докато не се изключи ръчно. След този момент отпада само.'],
      featured: ['Водеща', 'Статията е сред водещите на първа страница. Само за този език.'],
      featuredUntil: ['Водеща до', 'Празно – докато не се изключи ръчно. След този момент отпада само.'],
      corrections: ['Поправки', 'Бележки за поправени грешки след публикуване. Не променят датата на публикуване; отбелязват статията като актуализирана.'],
    },
  },
  [TEASER]: {
    mainField: 'title',
    list: ['title', 'article', 'syncWithArticle'],
    fields: {
      title: ['Заглавие на картата'],
      slug: ['Адрес (slug)'],
      lede: ['Текст на картата'],
      image: ['Снимка'],
      article: ['Статия'],
      url: ['Външен адрес', 'Само за карти към външни страници.'],
      syncWithArticle: [
        'Следва статията',
        'Включено: заглавието, текстът и снимката се обновяват от статията при всяко публикуване. Изключва се, щом редактирате картата.',
      ],
    },
  },
  [COMMENT]: {
    mainField: 'authorName',
    defaultSortBy: 'createdAt',
    defaultSortOrder: 'DESC',
    list: ['authorName', 'body', 'moderationStatus', 'locale', 'createdAt'],
    fields: {
      article: ['Статия'],
      articleDocumentId: ['Идентификатор на статията'],
      locale: ['Език'],
      authorName: ['Автор'],
      authorEmail: ['Имейл на автора', 'Не се показва публично.'],
      body: ['Коментар', 'Обикновен текст; HTML не се изпълнява.'],
      moderationStatus: ['Статус', 'Чака одобрение, одобрен, отхвърлен или спам. Публично се показват само одобрените.'],
      createdAt: ['Получен'],
      parent: ['Отговор на'],
      ipHash: ['IP адрес (хеш)', 'Не се показва публично.'],
      userAgent: ['Браузър', 'Не се показва публично.'],
    },
  },
  [SOURCE_AGENCY]: {
    mainField: 'name',
    list: ['name', 'creditLine', 'kind'],
    fields: {
      name: ['Име'],
      creditLine: ['Кредит', 'Отпечатва се в края на текста, например „БГНЕС“.'],
      slug: ['Адрес (slug)'],
      url: ['Сайт'],
      kind: ['Вид', 'Агенция, редакция, партньор или хонорован автор.'],
      logo: ['Лого'],
    },
  },
  [TAG]: { mainField: 'name', list: ['name', 'slug'], fields: { name: ['Етикет'], slug: ['Адрес (slug)'] } },
  [SECTION]: { mainField: 'name', list: ['name', 'slug', 'position'], fields: { name: ['Рубрика'], slug: ['Адрес (slug)'], position: ['Позиция в менюто'] } },
};

/** Field labels of components (edited inside the article form). */
const COMPONENT_LAYOUTS: Record<string, Record<string, FieldText>> = {
  [CORRECTION]: {
    date: ['Дата на поправката', 'Празно – моментът на записа.'],
    note: ['Поправка', 'Какво е поправено, например „В първоначалния текст годината беше грешно посочена като 2024.“'],
  },
};
/**
 * The same labels as admin translations: the list and edit views ask react-intl for
 * `content-manager.content-types.<uid>.<field>` first (the stored label is only the default), so
 * without these the Bulgarian admin logs a missing translation per field. src/admin/app.tsx
 * merges them into its `bg` messages.
 */
export function fieldLabelMessages(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(LAYOUTS).flatMap(([uid, layout]) =>
      Object.entries(layout.fields).map(([field, [label]]) => [`content-manager.content-types.${uid}.${field}`, label]),
    ),
  );
}

interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
  layouts: { list: string[]; edit: Array<Array<{ name: string; size: number }>> };
}
interface ComponentsService {
  findConfiguration(component: { uid: string }): Promise<Configuration>;
  updateConfiguration(component: { uid: string }, configuration: Configuration): Promise<unknown>;
}
interface ContentTypesService {
  findConfiguration(contentType: { uid: string }): Promise<Configuration>;
  updateConfiguration(contentType: { uid: string }, configuration: Configuration): Promise<unknown>;
}

function labelled(current: Configuration['metadatas'], fields: Record<string, FieldText>): Configuration['metadatas'] {
  const metadatas = { ...current };
  for (const [field, [label, description]] of Object.entries(fields)) {
    if (!metadatas[field]) continue;
    metadatas[field] = {
      edit: { ...metadatas[field].edit, label, ...(description ? { description } : {}) },
      list: { ...metadatas[field].list, label },
    };
  }
  return metadatas;
}

export async function applyAdminLayouts(strapi: Core.Strapi): Promise<void> {
  const store = { type: 'core' as const, name: 'novinar', key: 'admin-layout-version' };
  if (((await strapi.store.get(store)) as number | null) === LAYOUT_VERSION) return;
  // Cast: strapi.service()/plugin().service() return a loose type; this names the methods used here.
  const service = strapi.plugin('content-manager').service('content-types') as unknown as ContentTypesService;
  for (const [uid, layout] of Object.entries(LAYOUTS)) {
    const contentType = strapi.contentType(uid as typeof ARTICLE);
    const current = await service.findConfiguration(contentType);
    const metadatas = labelled(current.metadatas, layout.fields);
    const edit = layout.edit ? layout.edit.map((row) => row.map(([name, size]) => ({ name, size }))) : current.layouts.edit;
    await service.updateConfiguration(contentType, {
      settings: {
        ...current.settings,
        ...(layout.mainField ? { mainField: layout.mainField } : {}),
        ...(layout.defaultSortBy ? { defaultSortBy: layout.defaultSortBy, defaultSortOrder: layout.defaultSortOrder ?? 'ASC' } : {}),
      },
      metadatas,
      layouts: { list: layout.list ?? current.layouts.list, edit },
    });
  }
  const components = strapi.plugin('content-manager').service('components') as unknown as ComponentsService;
  for (const [uid, fields] of Object.entries(COMPONENT_LAYOUTS)) {
    const component = strapi.components[uid as typeof CORRECTION];
    const current = await components.findConfiguration(component);
    await components.updateConfiguration(component, { ...current, metadatas: labelled(current.metadatas, fields) });
  }
  await strapi.store.set({ ...store, value: LAYOUT_VERSION });
}
