/**
 * Compiles the server (config/ and src/) once per jest run, so each integration suite only
 * has to load it (Strapi ignores .ts config files unless they are compiled, strapi/strapi#20935).
 */
'use strict';
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = async () => {
  const root = path.resolve(__dirname, '..', '..');
  process.env.NOVINAR_TEST_RUN = process.env.NOVINAR_TEST_RUN || `${Date.now().toString(36)}${process.pid}`;
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')], {
    cwd: root,
    stdio: 'inherit',
  });
};
