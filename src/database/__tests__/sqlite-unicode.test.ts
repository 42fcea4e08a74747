import Database from 'better-sqlite3';
import { likePatternToRegExp, registerSqliteUnicodeFunctions } from '../sqlite-unicode';

describe('likePatternToRegExp', () => {
  test.each([
    ['%путин%', 'Изолираният Путин търси', true],
    ['%ПУТИН%', 'путин', true],
    ['путин', 'Путин', true],
    ['пут_н', 'Путин', true],
    ['пут_н', 'Путиин', false],
    ['%a.b%', 'xa.by', true],
    ['%a.b%', 'xaxby', false],
    ['100\\%', '100%', true],
    ['100\\%', '1000', false],
  ])('%s matches %s: %s', (pattern, value, expected) => {
    expect(likePatternToRegExp(pattern, pattern.includes('\\') ? '\\' : undefined).test(value)).toBe(expected);
  });
});

describe('registerSqliteUnicodeFunctions on a real SQLite connection', () => {
  const db = new Database(':memory:');
  beforeAll(() => {
    registerSqliteUnicodeFunctions(db, (error) => {
      if (error) throw error;
    });
    db.exec("CREATE TABLE t (title TEXT); INSERT INTO t VALUES ('Изолираният Путин'), ('Ким Чен Ун'), ('ASCII Title');");
  });
  afterAll(() => db.close());

  test.each([
    ["SELECT title FROM t WHERE lower(title) LIKE lower('%путин%')", ['Изолираният Путин']],
    ["SELECT title FROM t WHERE title LIKE '%ПУТИН%'", ['Изолираният Путин']],
    ["SELECT title FROM t WHERE title LIKE '%ascii%'", ['ASCII Title']],
    ["SELECT upper(title) AS title FROM t WHERE title LIKE 'ким%'", ['КИМ ЧЕН УН']],
  ])('%s', (sql, expected) => {
    expect(
      db
        .prepare(sql)
        .all()
        .map((row) => (row as { title: string }).title),
    ).toEqual(expected);
  });
});
