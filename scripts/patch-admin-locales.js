#!/usr/bin/env node
/**
 * Adds Bulgarian to the admin panel's list of interface languages. @strapi/admin 5.54 only
 * offers the languages in its built-in `languageNativeNames` table, which has no `bg`, so a
 * `bg` entry in src/admin/app.tsx config.locales is silently dropped and the panel stays in
 * English. Runs on postinstall; idempotent; a no-op when the file is missing or already patched.
 */
'use strict';
const fs = require('fs');
const path = require('path');

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
  fs.writeFileSync(target, next);
  patched += 1;
}
if (patched) console.log(`patch-admin-locales: Bulgarian added to the admin interface languages (${patched} files)`);
