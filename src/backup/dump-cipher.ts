import crypto from 'crypto';
import { promisify } from 'util';

const scrypt = promisify(crypto.scrypt) as (key: string, salt: Buffer, length: number) => Promise<Buffer>;

/**
 * Encryption of the project's own dump with the backup key. AES-256-GCM (random salt and IV)
 * rather than the AES-128-ECB of Strapi's own export: GCM authenticates, so a wrong key or a
 * damaged file is told apart from a good one here, before a restore deletes anything.
 */
const MAGIC = Buffer.from('NVB1');
const SALT = 16;
const IV = 12;
const TAG = 16;

export async function encryptDump(plain: Buffer, key: string): Promise<Buffer> {
  const salt = crypto.randomBytes(SALT);
  const iv = crypto.randomBytes(IV);
  const cipher = crypto.createCipheriv('aes-256-gcm', await scrypt(key, salt, 32), iv);
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, salt, iv, cipher.getAuthTag(), sealed]);
}

export async function decryptDump(sealed: Buffer, key: string): Promise<Buffer> {
  if (sealed.length < MAGIC.length + SALT + IV + TAG || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new Error('the encrypted table dump is damaged (unknown header)');
  }
  let offset = MAGIC.length;
  const salt = sealed.subarray(offset, (offset += SALT));
  const iv = sealed.subarray(offset, (offset += IV));
  const tag = sealed.subarray(offset, (offset += TAG));
  const decipher = crypto.createDecipheriv('aes-256-gcm', await scrypt(key, salt, 32), iv);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(offset)), decipher.final()]);
  } catch {
    throw new Error('wrong backup key, or the backup is damaged');
  }
}
