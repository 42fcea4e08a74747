/**
 * The admin panel is wholly Bulgarian for the newsroom's three roles, and the home (the desk)
 * shows each role its widgets. For an editor, a translator and a moderator this visits every
 * page the role reaches: the home, the lists of the types they work with, an edit view, the
 * create view, a date picker and the locale picker, the bulk publish dialog, the media library,
 * comment moderation, translation status and the profile. Each page fails the test on
 * - any MISSING_TRANSLATION react-intl reports for `bg` in the browser console, and
 * - visible interface text in Latin script that is neither user content nor one of the few
 *   allowlisted words (support/interface-text.ts says why each is there).
 * Every page leaves a screenshot test-artifacts/e2e/NN-bg-<role>-<page>.png.
 */
import type { Browser, Page } from 'playwright-core';
import { adminLogin, expectStatus, type Credentials } from './support/api';
import { bulgarianOnly, exactly } from './support/admin-i18n';
import { adminUrl, launchBrowser, login, newSession, screenshot, type LaunchedBrowser, type Session } from './support/browser';
import { editViewUrl } from './support/admin';
import { latinInterfaceText, userContent, watchMissingTranslations, type MissingTranslations } from './support/interface-text';
import { newsroomUsers } from './support/newsroom-users';

const ARTICLE = 'api::article.article';
const COMMENT = 'api::comment.comment';
const TYPES = [
  'api::article.article',
  'api::teaser.teaser',
  'api::comment.comment',
  'api::source-agency.source-agency',
  'api::tag.tag',
  'api::section.section',
];
const WIDGETS = ['scheduled', 'drafts', 'translations', 'comments', 'published'] as const;
type Widget = (typeof WIDGETS)[number];
/** The default locale's name, as src/bootstrap/locales.ts gives it. */
const BULGARIAN = 'Български';
/** A walk visits up to 16 pages, each waited for until idle: minutes on a busy machine. */
const WALK_TIMEOUT_MS = 10 * 60 * 1000;

const users = newsroomUsers();
let launched: LaunchedBrowser;
let browser: Browser;
let content: Set<string>;
const ids: { article?: string; comment?: string } = {};

interface Finding {
  page: string;
  missing: string[];
  latin: string[];
  error?: string;
}

/** One role's walk through the admin: visits pages and remembers what each got wrong. */
class Walk {
  readonly findings: Finding[] = [];
  private constructor(
    readonly role: string,
    readonly session: Session,
    private readonly missing: MissingTranslations,
  ) {}

  static async start(role: string, user: Credentials): Promise<Walk> {
    const session = await newSession(browser);
    const missing = watchMissingTranslations(session.page);
    await login(session, user.email, user.password);
    expect(session.language).toBe('bg');
    return new Walk(role, session, missing);
  }

  get page(): Page {
    return this.session.page;
  }

  /** Opens `path` (unless null: stay), runs `then`, checks what the page shows, then runs `after` (e.g. closes a dialog). */
  async visit(name: string, path: string | null, then?: (page: Page) => Promise<void>, after?: (page: Page) => Promise<void>): Promise<void> {
    const { page } = this;
    if (path !== null) await page.goto(adminUrl(path));
    await page.waitForLoadState('networkidle', { timeout: 10000 }).catch(() => undefined);
    let error: string | undefined;
    const failed = (failure: Error) => {
      error ??= failure.message.split('\n').slice(0, 3).join(' | ');
    };
    if (then) await then(page).catch(failed);
    // Late translations (tooltips, lazy chunks) reach the console after idle.
    await page.waitForTimeout(400);
    await screenshot(page, `bg-${this.role}-${name}`);
    const latin = await latinInterfaceText(page, content);
    if (after && !error) await after(page).catch(failed);
    const finding = { page: name, missing: this.missing.take(), latin, error };
    if (finding.missing.length > 0 || finding.latin.length > 0 || error) this.findings.push(finding);
  }

  async close(): Promise<void> {
    await this.session.context.close();
  }
}

/** Which desk widgets the home shows, read from their titles (bg.json's novinar.desk.*.title). */
async function shownWidgets(page: Page): Promise<Widget[]> {
  // Every role has the latest-published widget; once it is there, the others have been decided.
  await page
    .getByText(exactly(bulgarianOnly('novinar.desk.published.title')))
    .first()
    .waitFor()
    .catch(() => undefined);
  const shown: Widget[] = [];
  for (const widget of WIDGETS) {
    if (await page.getByText(exactly(bulgarianOnly(`novinar.desk.${widget}.title`))).count()) shown.push(widget);
  }
  return shown;
}

const listUrl = (uid: string, locale = 'bg') => `/content-manager/collection-types/${uid}?page=1&pageSize=10&plugins[i18n][locale]=${locale}`;
const editPath = (uid: string, documentId: string, locale?: string) => editViewUrl(uid, documentId, locale).replace(adminUrl(''), '');

async function openDatePicker(page: Page): Promise<void> {
  // The publication date's picker: the date-time group labelled by the field, its date combobox.
  const field = page.getByRole('group', { name: /^Дата на публикуване/ });
  await field.getByRole('combobox').first().click();
  await page.getByRole('dialog').or(page.getByRole('grid')).first().waitFor();
}

async function openLocalePicker(page: Page): Promise<void> {
  await page.getByRole('combobox').filter({ hasText: BULGARIAN }).first().click();
  await page.getByRole('option').first().waitFor();
}

const confirmation = (page: Page) => page.getByRole('alertdialog').or(page.getByRole('dialog')).first();

/**
 * Selects the list's rows (the demo's stories are all published) and opens the bulk unpublish
 * confirmation; checks it is the Bulgarian one (title, question, „Отказ“ and „Потвърди“).
 * Strapi renders the bulk action bar's buttons from a requestIdleCallback
 * (DescriptionComponentRenderer in @strapi/admin): after the click on the checkbox, headless
 * Chromium runs that callback only once it produces another frame, and nothing asks for one, so
 * the buttons stay out of the DOM (a screenshot makes a frame, which is why they show there).
 * A person moves the pointer to the bar before clicking its button: that input makes the frame.
 */
async function openBulkPublish(page: Page): Promise<void> {
  await page.getByRole('checkbox').first().check();
  const unpublish = page.getByRole('button', { name: exactly(bulgarianOnly('app.utils.unpublish')) });
  // The bar's "Избрани: N записа", up to its number.
  const selected = bulgarianOnly('content-manager.components.TableDelete.label').split('{')[0] as string;
  await page
    .getByText(new RegExp(`^${selected.trim()}`))
    .first()
    .hover();
  await unpublish.waitFor();
  await unpublish.click();
  const dialog = confirmation(page);
  await dialog.waitFor();
  await dialog.getByText(exactly(bulgarianOnly('app.components.ConfirmDialog.title'))).waitFor();
  await dialog.getByText(exactly(bulgarianOnly('popUpWarning.bodyMessage.contentType.unpublish.all'))).waitFor();
  await dialog.getByRole('button', { name: exactly(bulgarianOnly('app.components.Button.confirm')) }).waitFor();
  await dialog.getByRole('button', { name: exactly(bulgarianOnly('app.components.Button.cancel')) }).waitFor();
}

/** Cancels the confirmation: the dialog goes and nothing was unpublished (the rows are still selected). */
async function cancelBulkPublish(page: Page): Promise<void> {
  await confirmation(page)
    .getByRole('button', { name: exactly(bulgarianOnly('app.components.Button.cancel')) })
    .click();
  await confirmation(page).waitFor({ state: 'hidden' });
}

const report = (walk: Walk): string =>
  walk.findings
    .map(
      (f) =>
        `${walk.role} / ${f.page}:${f.error ? `\n  failed: ${f.error}` : ''}\n  missing: ${f.missing.join(', ') || '-'}\n  Latin: ${f.latin.map((t) => JSON.stringify(t)).join(', ') || '-'}`,
    )
    .join('\n');

beforeAll(async () => {
  const jwt = await adminLogin(users.editor);
  const articles = await expectStatus<{ results: Array<{ documentId: string; slug: string }> }>(
    200,
    `/content-manager/collection-types/${ARTICLE}?page=1&pageSize=1&locale=bg`,
    { token: jwt },
  );
  ids.article = articles.results[0]?.documentId;
  // A reader's comment waiting for moderation: the moderator's pages and the desk show it.
  await expectStatus(201, `/api/articles/by-slug/${articles.results[0]?.slug}/comments?locale=bg`, {
    method: 'POST',
    body: { data: { authorName: 'Читател', body: 'Чака модератора.' } },
  });
  const comments = await expectStatus<{ results: Array<{ documentId: string }> }>(200, `/content-manager/collection-types/${COMMENT}?page=1&pageSize=1`, {
    token: jwt,
  });
  ids.comment = comments.results[0]?.documentId;
  content = await userContent(jwt, ['bg', 'en']);
  launched = await launchBrowser();
  browser = launched.browser;
});

afterAll(async () => {
  await launched?.close();
});

describe('the admin in Bulgarian, per role', () => {
  test(
    'an editor: home (all five desk widgets), every list, edit and create views, pickers, the publish dialog, media, moderation, translations, profile',
    async () => {
      let shown: Widget[] = [];
      const walk = await Walk.start('editor', users.editor);
      try {
        await walk.visit('home', '', async (page) => {
          shown = await shownWidgets(page);
        });
        for (const uid of TYPES) await walk.visit(`list-${uid.split('.').pop()}`, listUrl(uid));
        await walk.visit('publish-dialog', listUrl(ARTICLE), openBulkPublish, cancelBulkPublish);
        await walk.visit('edit-article', editPath(ARTICLE, ids.article as string, 'bg'));
        await walk.visit('date-picker', null, openDatePicker);
        await walk.visit('locale-picker', editPath(ARTICLE, ids.article as string, 'bg'), openLocalePicker);
        await walk.visit('create-article', editPath(ARTICLE, 'create', 'bg'));
        await walk.visit('media-library', '/plugins/upload');
        await walk.visit('moderation', '/novinar/moderation');
        await walk.visit('translations', '/novinar/translations');
        await walk.visit('profile', '/me');
      } finally {
        await walk.close();
      }
      expect(report(walk)).toBe('');
      expect(shown).toEqual([...WIDGETS]);
    },
    WALK_TIMEOUT_MS,
  );

  test(
    'a translator: home (no comments widget), articles in English, create, media, translations, profile',
    async () => {
      let shown: Widget[] = [];
      const walk = await Walk.start('translator', users.translator);
      try {
        await walk.visit('home', '', async (page) => {
          shown = await shownWidgets(page);
        });
        await walk.visit('list-article-en', listUrl(ARTICLE, 'en'));
        await walk.visit('edit-article-bg', editPath(ARTICLE, ids.article as string, 'bg'));
        await walk.visit('edit-article-en', editPath(ARTICLE, ids.article as string, 'en'));
        // (The publication date is shared by all languages: read-only for a translator, no picker.)
        await walk.visit('create-article-en', editPath(ARTICLE, 'create', 'en'));
        await walk.visit('media-library', '/plugins/upload');
        await walk.visit('translations', '/novinar/translations');
        await walk.visit('profile', '/me');
      } finally {
        await walk.close();
      }
      expect(report(walk)).toBe('');
      expect(shown).toEqual(['scheduled', 'drafts', 'translations', 'published']);
    },
    WALK_TIMEOUT_MS,
  );

  test(
    'a moderator: home (no drafts, no translations), comments, a comment, moderation, articles, profile',
    async () => {
      let shown: Widget[] = [];
      const walk = await Walk.start('moderator', users.moderator);
      try {
        await walk.visit('home', '', async (page) => {
          shown = await shownWidgets(page);
        });
        await walk.visit('list-comment', listUrl(COMMENT));
        if (ids.comment) await walk.visit('edit-comment', editPath(COMMENT, ids.comment));
        await walk.visit('moderation', '/novinar/moderation');
        await walk.visit('list-article', listUrl(ARTICLE));
        await walk.visit('profile', '/me');
      } finally {
        await walk.close();
      }
      expect(report(walk)).toBe('');
      expect(shown).toEqual(['scheduled', 'comments', 'published']);
    },
    WALK_TIMEOUT_MS,
  );
});
