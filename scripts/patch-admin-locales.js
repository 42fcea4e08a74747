#!/usr/bin/env node
/**
 * Two patches of the admin's packages in node_modules, for a Bulgarian admin panel. Runs on
 * postinstall (node_modules is shared: each patch is idempotent and a no-op when its file is
 * missing, already patched or of an unexpected shape, which it reports):
 *
 * 1. Adds Bulgarian to the admin panel's list of interface languages. @strapi/admin 5.54 only
 *    offers the languages in its built-in `languageNativeNames` table, which has no `bg`, so a
 *    `bg` entry in src/admin/app.tsx config.locales is silently dropped and the panel stays in
 *    English.
 * 2. The design system's date-time picker builds its clear buttons' labels by appending English
 *    words to the translated "Clear" it is given (`${clearLabel} date`, `${clearLabel} time`), so a
 *    Bulgarian admin reads „Изчисти date“. The patch uses the translated label alone.
 * 3. The i18n locale picker of the edit view writes each language's status as the capitalised
 *    English value ("Published", "Draft", "Modified"); the patch asks react-intl for the content
 *    manager's own status messages (content-manager.containers.List.<status>), English by default.
 */
'use strict';
const fs = require('fs');
const path = require('path');

/** Replaces a file in one step (write beside it, rename), so a build reading it meanwhile never sees half of it. */
function writeAtomic(target, text) {
  const temporary = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, target);
}

const dir = path.join(__dirname, '..', 'node_modules', '@strapi', 'admin', 'dist', 'admin', 'admin', 'src', 'translations');
const ENTRY = "    bg: 'Български',\n";
let patched = 0;
for (const file of ['languageNativeNames.js', 'languageNativeNames.mjs']) {
  const target = path.join(dir, file);
  if (!fs.existsSync(target)) continue;
  const source = fs.readFileSync(target, 'utf8');
  if (source.includes("bg: 'Български'")) continue;
  const next = source.replace(/(const languageNativeNames = \{\n)/, `$1${ENTRY}`);
  if (next === source) {
    console.warn(`patch-admin-locales: unexpected shape of ${file}; Bulgarian admin UI not enabled`);
    continue;
  }
  writeAtomic(target, next);
  patched += 1;
}
if (patched) console.log(`patch-admin-locales: Bulgarian added to the admin interface languages (${patched} files)`);

const designSystem = path.join(__dirname, '..', 'node_modules', '@strapi', 'design-system', 'dist');
const ENGLISH_CLEAR_LABEL = /clearLabel:\s*`\$\{(\w+)\} (?:date|time)`/g;
let relabelled = 0;
for (const file of ['index.mjs', 'index.js']) {
  const target = path.join(designSystem, file);
  if (!fs.existsSync(target)) continue;
  const source = fs.readFileSync(target, 'utf8');
  const next = source.replace(ENGLISH_CLEAR_LABEL, 'clearLabel: $1');
  if (next === source) continue; // patched before, or a version without the English suffixes
  writeAtomic(target, next);
  relabelled += 1;
}
if (relabelled) console.log(`patch-admin-locales: date-time picker clear labels without English suffixes (${relabelled} files)`);

const localePicker = path.join(__dirname, '..', 'node_modules', '@strapi', 'i18n', 'dist', 'admin', 'components');
const ENGLISH_STATUS = /children: ((?:strings\.)?capitalize)\(status\)/;
let statuses = 0;
for (const file of ['CMHeaderActions.mjs', 'CMHeaderActions.js']) {
  const target = path.join(localePicker, file);
  if (!fs.existsSync(target)) continue;
  const source = fs.readFileSync(target, 'utf8');
  const next = source.replace(ENGLISH_STATUS, 'children: formatMessage({ id: `content-manager.containers.List.${status}`, defaultMessage: $1(status) })');
  if (next === source) continue; // patched before, or a version that translates the status itself
  writeAtomic(target, next);
  statuses += 1;
}
if (statuses) console.log(`patch-admin-locales: locale picker statuses through the admin's translations (${statuses} files)`);
