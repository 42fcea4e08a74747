/** Drops any PostgreSQL test database of this run that a crashed suite left behind. */
'use strict';
const { dropRunDatabases } = require('./test-database');

module.exports = async () => {
  if (process.env.NOVINAR_TEST_RUN) await dropRunDatabases(process.env.NOVINAR_TEST_RUN);
};
