/**
 * Content Manager actions as a newsroom user performs them in the admin panel. Selectors are
 * input names, roles and URLs; visible text only where there is nothing else, and then from the
 * admin's own catalogues (Session.t).
 */
import type { Page, Response } from 'playwright-core';
import { exactly } from './admin-i18n';
import { adminUrl, type Session } from './browser';

export const ARTICLE = 'api::article.article';

const CM_API = '/content-manager/collection-types/';

/** The Content Manager edit view of a document (or `create`) in one locale. */
export const editViewUrl = (uid: string, documentIdOrCreate: string, locale?: string): string =>
  adminUrl(`/content-manager/collection-types/${uid}/${documentIdOrCreate}${locale ? `?plugins[i18n][locale]=${locale}` : ''}`);

export async function openEditView(session: Session, uid: string, documentIdOrCreate: string, locale?: string): Promise<void> {
  await session.page.goto(editViewUrl(uid, documentIdOrCreate, locale));
  await session.page.locator('input[name="title"], input[name="authorName"]').first().waitFor();
}

/** Clicks the slug field's "regenerate" button and waits until the field shows `expected`. */
export async function regenerateSlug(page: Page, expected: string): Promise<void> {
  const slug = page.locator('input[name="slug"]');
  // The button beside the input (its label, "Regenerate", is only a tooltip).
  const generated = page.waitForResponse((res) => res.url().includes('/content-manager/uid/generate') && res.request().method() === 'POST');
  await page.locator('input[name="slug"] ~ * button').first().click();
  const res = await generated;
  if (res.status() !== 200) throw new Error(`slug generation answered ${res.status()}: ${await res.text()}`);
  await waitForValue(page, 'input[name="slug"]', expected);
  if ((await slug.inputValue()) !== expected) throw new Error(`slug field shows "${await slug.inputValue()}", expected "${expected}"`);
}

/** Polls an input until its value is `expected` (fails with the last value). */
export async function waitForValue(page: Page, selector: string, expected: string, timeoutMs = 10000): Promise<void> {
  const input = page.locator(selector);
  const deadline = Date.now() + timeoutMs;
  let value = await input.inputValue();
  while (value !== expected) {
    if (Date.now() > deadline) throw new Error(`${selector} shows "${value}", expected "${expected}"`);
    await page.waitForTimeout(100);
    value = await input.inputValue();
  }
}

/** Picks `label` in a relation field (a combobox whose input carries the field's name). */
export async function pickRelation(page: Page, field: string, label: string): Promise<void> {
  const combobox = page.locator(`input[name="${field}"][role="combobox"]`);
  await combobox.click();
  await combobox.fill(label);
  await page.getByRole('option', { name: exactly(label) }).click();
}

const isContentManagerWrite =
  (uid: string, method: string, pathPart: RegExp) =>
  (res: Response): boolean =>
    res.request().method() === method && res.url().includes(`${CM_API}${uid}`) && pathPart.test(new URL(res.url()).pathname);

/** An answer of the Content Manager that must have succeeded; fails with its body. */
async function expectOk(res: Response, what: string): Promise<Response> {
  if (res.status() >= 300) throw new Error(`${what}: HTTP ${res.status()} ${await res.text()}`);
  return res;
}

/**
 * Clicks "Save" (global.save) and waits for the Content Manager to store the document:
 * POST (new document or new locale variant) or PUT (existing one).
 */
export async function save(session: Session, uid: string): Promise<void> {
  const { page, t } = session;
  const written = page.waitForResponse((res) => {
    const method = res.request().method();
    return (method === 'POST' || method === 'PUT') && res.url().includes(`${CM_API}${uid}`) && !/\/actions\//.test(res.url());
  });
  await page.getByRole('button', { name: exactly(t('global.save')) }).click();
  await expectOk(await written, 'save');
}

/**
 * Clicks "Publish" (app.utils.publish), confirms the dialog the admin may ask first (for
 * example about unpublished relations), and waits for the publish action to succeed.
 */
export async function publish(session: Session, uid: string): Promise<void> {
  const { page, t } = session;
  const published = page.waitForResponse(isContentManagerWrite(uid, 'POST', /\/actions\/publish$/));
  await page.getByRole('button', { name: exactly(t('app.utils.publish')) }).click();
  const dialog = page.getByRole('alertdialog');
  const first = await Promise.race([
    published.then(() => 'published' as const),
    // Settles with 'none' (never rejects) when no dialog comes: the publish answer wins the race.
    dialog.waitFor({ state: 'visible', timeout: 15000 }).then(
      () => 'dialog' as const,
      () => 'none' as const,
    ),
  ]);
  if (first === 'dialog') {
    // The confirming button is the dialog's last one ("Cancel" comes first).
    await dialog.getByRole('button').last().click();
  }
  await expectOk(await published, 'publish');
}

/** The documentId in the edit view's URL (after the first save of a new document). */
export async function documentIdFromUrl(page: Page, uid: string): Promise<string> {
  const pattern = new RegExp(`/collection-types/${uid.replace(/[.:]/g, '\\$&')}/([a-z0-9]{20,})`);
  await page.waitForURL(pattern);
  const match = pattern.exec(page.url());
  if (!match?.[1]) throw new Error(`no documentId in ${page.url()}`);
  return match[1];
}

/** Opens one of the main navigation's links by its label (a menu entry's visible name). */
export async function openMenu(session: Session, label: string): Promise<void> {
  await session.page
    .getByRole('navigation')
    .first()
    .getByRole('link', { name: exactly(label) })
    .click();
}

/** Waits for the edit view's document status badge (content-manager.containers.List.draft / .published). */
export async function expectDocumentStatus(session: Session, status: 'draft' | 'published'): Promise<void> {
  // Case-sensitive on purpose: the tabs below the title carry the same words in lower case.
  await session.page
    .getByText(exactly(session.t(`content-manager.containers.List.${status}`)))
    .first()
    .waitFor();
}
