/**
 * Once per end-to-end run: the server answers, earlier screenshots are gone, the newsroom's
 * users exist (support/newsroom-users.ts).
 */
import { expectStatus } from './support/api';
import { resetArtifacts } from './support/browser';
import { registerNewsroomUsers } from './support/newsroom-users';

export default async function globalSetup(): Promise<void> {
  await expectStatus(204, '/_health');
  resetArtifacts();
  await registerNewsroomUsers();
}
