/**
 * The newsroom's three people for every end-to-end test file: registered once per run by
 * tests/e2e/global-setup.ts (the first super admin can only register on an empty install, so
 * the files cannot each create their own) and handed to the test files through the environment
 * (the e2e tests run in band, in the process the global set-up ran in).
 */
import crypto from 'crypto';
import { inviteAndRegister, registerFirstAdmin, strongPassword, type Credentials } from './api';

export interface NewsroomUsers {
  editor: Credentials;
  translator: Credentials;
  moderator: Credentials;
}

const ENV_KEY = 'E2E_NEWSROOM_USERS';

/** Registers the editor (first super admin), then invites the translator and the moderator. */
export async function registerNewsroomUsers(): Promise<NewsroomUsers> {
  const run = crypto.randomBytes(3).toString('hex');
  const user = (role: string, firstname: string, lastname: string): Credentials => ({
    email: `${role}.${run}@novinar.example`,
    password: strongPassword(),
    firstname,
    lastname,
  });
  const users: NewsroomUsers = {
    editor: user('editor', 'Ана', 'Иванова'),
    translator: user('translator', 'Мария', 'Петрова'),
    moderator: user('moderator', 'Георги', 'Димитров'),
  };
  const jwt = await registerFirstAdmin(users.editor);
  await inviteAndRegister(jwt, users.translator, 'novinar-translator');
  await inviteAndRegister(jwt, users.moderator, 'novinar-moderator');
  process.env[ENV_KEY] = JSON.stringify(users);
  return users;
}

export function newsroomUsers(): NewsroomUsers {
  const raw = process.env[ENV_KEY];
  if (!raw) throw new Error(`${ENV_KEY} is not set: run the end-to-end tests through scripts/e2e.sh (tests/e2e/global-setup.ts registers the users)`);
  return JSON.parse(raw) as NewsroomUsers;
}
