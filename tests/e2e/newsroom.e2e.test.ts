/**
 * A newsroom day in the admin panel, end to end, in a real Chromium against the built app
 * (started by scripts/e2e.sh on a fresh SQLite database with the demo newsroom):
 *
 *  1. an editor logs in and writes a Bulgarian article: the slug field shows the official
 *     transliteration, the source agency is БГНЕС; it is published and the public REST API
 *     serves it;
 *  2. its English translation is "missing"; a translator logs in, adds the English variant and
 *     publishes it; the translation is "up to date" (API and the translators' admin page);
 *  3. a reader comments; a moderator approves the comment in the moderation page and the
 *     public comment count rises from 0 to 1.
 *
 * The steps share one browser and run in order; each saves screenshots in
 * test-artifacts/e2e/NN-step.png, and a failing step saves NN-FAILED-step.png.
 */
import crypto from 'crypto';
import type { Browser } from 'playwright-core';
import { adminLogin, createFullAccessToken, eventually, expectStatus, http } from './support/api';
import { newsroomUsers } from './support/newsroom-users';
import { bulgarianOnly, exactly } from './support/admin-i18n';
import { launchBrowser, login, newSession, screenshot, step, type LaunchedBrowser, type Session } from './support/browser';
import {
  ARTICLE,
  documentIdFromUrl,
  expectDocumentStatus,
  openEditView,
  openMenu,
  pickRelation,
  publish,
  regenerateSlug,
  save,
  waitForValue,
} from './support/admin';
import { BASE_URL } from './support/env';

const TITLE_BG = 'Изолираният Путин търси по-близко приятелство с Ким Чен Ун';
const SLUG_BG = 'izoliraniyat-putin-tarsi-po-blizko-priyatelstvo-s-kim-chen-un';
const LEDE_BG = 'Москва и Пхенян задълбочават сътрудничеството си, докато Западът затяга санкциите.';
const AGENCY = 'БГНЕС';
const TITLE_EN = 'Isolated Putin seeks closer friendship with Kim Jong Un';
const SLUG_EN = 'isolated-putin-seeks-closer-friendship-with-kim-jong-un';
const LEDE_EN = 'Moscow and Pyongyang deepen their cooperation as the West tightens sanctions.';

const run = crypto.randomBytes(3).toString('hex');
const { editor, translator, moderator } = newsroomUsers();
const commentBody = `Точен анализ, благодаря! (${run})`;

interface ArticleResponse {
  data: { documentId: string; title: string; slug: string; lede: string | null; locale: string; sourceAgency: { creditLine: string } | null };
}
interface StatusItem {
  documentId: string;
  title: string;
  slug: string | null;
  status: 'missing' | 'outdated' | 'up-to-date';
}
interface CommentResponse {
  data: { documentId: string; moderationStatus?: string };
}

/** What the steps hand on to the next ones. */
const state: { apiToken?: string; documentId?: string; editorSession?: Session } = {};

let launched: LaunchedBrowser;
let browser: Browser;

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`an earlier step failed: no ${what}`);
  return value;
}

async function translationStatus(documentId: string): Promise<StatusItem['status']> {
  const res = await expectStatus<{ data: StatusItem[] }>(200, '/api/translations/status?locale=en&pageSize=200', {
    token: required(state.apiToken, 'API token'),
  });
  const item = res.data.find((entry) => entry.documentId === documentId);
  if (!item) throw new Error(`article ${documentId} is not in GET /api/translations/status?locale=en`);
  return item.status;
}

async function commentCount(): Promise<number> {
  const res = await expectStatus<{ data: Record<string, number> }>(200, `/api/comments/counts?locale=bg&slugs=${SLUG_BG}`);
  return res.data[SLUG_BG] ?? -1;
}

/** Checks the translators' admin page shows `statusKey` for the article (menu entry → table row). */
async function expectTranslationPage(session: Session, statusKey: string, shot: string): Promise<void> {
  const { page, t } = session;
  await openMenu(session, t('novinar.translations.menu'));
  await page.getByRole('heading', { name: exactly(t('novinar.translations.title')) }).waitFor();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: exactly(TITLE_BG) }) });
  await row.getByText(exactly(t(statusKey))).waitFor();
  await screenshot(page, shot);
}

beforeAll(async () => {
  // The newsroom's people were set up without the UI by the global set-up (support/newsroom-users.ts).
  const jwt = await adminLogin(editor);
  state.apiToken = await createFullAccessToken(jwt, `e2e-${run}`);
  launched = await launchBrowser();
  browser = launched.browser;
});

afterAll(async () => {
  await launched?.close();
});

describe(`Novinar newsroom in the admin panel (${BASE_URL})`, () => {
  test('an editor logs in; the admin speaks Bulgarian', async () => {
    const session = await newSession(browser);
    state.editorSession = session;
    await step(session, 'editor-login', async () => {
      await session.page.goto(`${BASE_URL}/admin`);
      await session.page.locator('input[name="email"]').waitFor();
      await screenshot(session.page, 'login-form');
      await login(session, editor.email, editor.password);
      // No stored preference in this fresh browser: the newsroom's default, Bulgarian.
      expect(session.language).toBe('bg');
      await session.page
        .getByRole('navigation')
        .first()
        .getByRole('link', { name: exactly(bulgarianOnly('global.home')) })
        .waitFor();
      // Let the home page's widgets load for the picture (they poll nothing; idle comes quickly).
      await session.page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
      await screenshot(session.page, 'editor-dashboard');
    });
  });

  test('the editor writes the article: slug from the title, source agency БГНЕС, saved as a draft', async () => {
    const session = required(state.editorSession, 'editor session');
    const { page } = session;
    await step(session, 'editor-create-article', async () => {
      await openEditView(session, ARTICLE, 'create', 'bg');
      await page.locator('input[name="title"]').fill(TITLE_BG);
      await page.locator('textarea[name="lede"]').fill(LEDE_BG);
      await regenerateSlug(page, SLUG_BG);
      await screenshot(page, 'article-title-and-slug');

      await pickRelation(page, 'sourceAgency', AGENCY);
      await screenshot(page, 'article-source-agency');

      await save(session, ARTICLE);
      state.documentId = await documentIdFromUrl(page, ARTICLE);
      await waitForValue(page, 'input[name="slug"]', SLUG_BG);
      await expectDocumentStatus(session, 'draft');
      await screenshot(page, 'article-saved-draft');
    });
    // A draft is never public.
    expect((await http(`/api/articles/by-slug/${SLUG_BG}?locale=bg`)).status).toBe(404);
  });

  test('the editor publishes; the public REST API serves the article', async () => {
    const session = required(state.editorSession, 'editor session');
    const documentId = required(state.documentId, 'article');
    await step(session, 'editor-publish', async () => {
      await publish(session, ARTICLE);
      await expectDocumentStatus(session, 'published');
      await screenshot(session.page, 'article-published');
    });
    const res = await expectStatus<ArticleResponse>(200, `/api/articles/by-slug/${SLUG_BG}?locale=bg`);
    expect(res.data).toMatchObject({ documentId, title: TITLE_BG, slug: SLUG_BG, lede: LEDE_BG, locale: 'bg', sourceAgency: { creditLine: AGENCY } });
    expect(await translationStatus(documentId)).toBe('missing');
    await session.context.close();
  });

  test('a translator sees the translation missing, adds the English variant and publishes it', async () => {
    const documentId = required(state.documentId, 'article');
    const session = await newSession(browser);
    const { page } = session;
    await step(session, 'translator', async () => {
      await login(session, translator.email, translator.password);
      await expectTranslationPage(session, 'novinar.translations.status.missing', 'translation-status-missing');

      await openEditView(session, ARTICLE, documentId, 'bg');
      // The Bulgarian original is read-only for a translator.
      await expect(page.locator('input[name="title"]').isDisabled()).resolves.toBe(true);
      await screenshot(page, 'translator-bulgarian-original');

      // The edit view's locale picker: the combobox showing the current locale, „Български“.
      await page.getByRole('combobox').filter({ hasText: 'Български' }).click();
      await page.getByRole('option').filter({ hasText: 'Английски' }).click();
      await page.waitForURL(/plugins\[i18n\]\[locale\]=en/);
      const title = page.locator('input[name="title"]');
      await expect(title.isEnabled()).resolves.toBe(true);
      await title.fill(TITLE_EN);
      await page.locator('textarea[name="lede"]').fill(LEDE_EN);
      await regenerateSlug(page, SLUG_EN);
      await screenshot(page, 'translator-english-variant');

      await save(session, ARTICLE);
      await publish(session, ARTICLE);
      await expectDocumentStatus(session, 'published');
      await screenshot(page, 'translator-english-published');
    });
    const res = await expectStatus<ArticleResponse>(200, `/api/articles/by-slug/${SLUG_EN}?locale=en`);
    expect(res.data).toMatchObject({ documentId, title: TITLE_EN, slug: SLUG_EN, lede: LEDE_EN, locale: 'en' });
    expect(await translationStatus(documentId)).toBe('up-to-date');
    await step(session, 'translation-status-page', async () => {
      await expectTranslationPage(session, 'novinar.translations.status.upToDate', 'translation-status-up-to-date');
    });
    await session.context.close();
  });

  test('a moderator approves a reader comment; the public count rises from 0 to 1', async () => {
    required(state.documentId, 'article');
    const submitted = await expectStatus<CommentResponse>(201, `/api/articles/by-slug/${SLUG_BG}/comments?locale=bg`, {
      method: 'POST',
      body: { data: { authorName: 'Читател', body: commentBody } },
    });
    expect(submitted.data.documentId).toEqual(expect.any(String));
    expect(await commentCount()).toBe(0);

    const session = await newSession(browser);
    const { page } = session;
    await step(session, 'moderator', async () => {
      await login(session, moderator.email, moderator.password);
      const { t } = session; // the admin's language is known once logged in
      await openMenu(session, t('novinar.moderation.menu'));
      await page.getByRole('heading', { name: exactly(t('novinar.moderation.title')) }).waitFor();
      const row = page.getByRole('row').filter({ hasText: commentBody });
      await row.getByText(exactly(t('novinar.moderation.status.pending'))).waitFor();
      // The row names the article the comment belongs to: "<title> (bg)".
      await row.getByRole('link', { name: `${TITLE_BG} (bg)`, exact: true }).waitFor();
      await screenshot(page, 'moderation-queue');

      const updated = page.waitForResponse(
        (res) => res.request().method() === 'PUT' && res.url().includes(`/api::comment.comment/${submitted.data.documentId}`),
      );
      await row.getByRole('button', { name: exactly(t('novinar.moderation.action.approve')) }).click();
      const res = await updated;
      if (res.status() !== 200) throw new Error(`approving answered ${res.status()}: ${await res.text()}`);
      // The queue shows pending comments: the approved one leaves it…
      await page.getByRole('row').filter({ hasText: commentBody }).waitFor({ state: 'detached' });
      await screenshot(page, 'moderation-queue-after-approval');
      // …and is listed under "approved".
      await page.getByRole('combobox', { name: exactly(t('novinar.moderation.status')) }).click();
      await page.getByRole('option', { name: exactly(t('novinar.moderation.status.approved')) }).click();
      const approvedRow = page.getByRole('row').filter({ hasText: commentBody });
      await approvedRow.getByText(exactly(t('novinar.moderation.status.approved'))).waitFor();
      await approvedRow.getByRole('link', { name: `${TITLE_BG} (bg)`, exact: true }).waitFor();
      await screenshot(page, 'moderation-approved');
    });
    await eventually('the approved comment to be counted', commentCount, (count) => count === 1);
    const list = await expectStatus<{ data: Array<{ body: string }>; meta: { commentCount: number } }>(
      200,
      `/api/articles/by-slug/${SLUG_BG}/comments?locale=bg`,
    );
    expect(list.data.map((comment) => comment.body)).toContain(commentBody);
    await session.context.close();
  });
});
