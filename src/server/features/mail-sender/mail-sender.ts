import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { municipalities } from '../../../db/schema';
import type { Actor } from '../../../domain/roles';
import type { MailSenderChange, MailSenderSetting } from '../../../schemas/mail-sender';
import { authorizeMunicipality } from '../organizations/municipality-access';

/** What the installation sends mail with, as far as a municipality's sender concerns it. */
export interface InstallationMail {
  enabled: boolean;
  /** MOKUHYO_MAIL_FROM, when mail is sent. */
  from: string | null;
}

async function settingOf(db: Db, municipalityId: string, mail: InstallationMail): Promise<MailSenderSetting> {
  const [row] = await db
    .select({ address: municipalities.mailFromAddress, name: municipalities.mailFromName })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  return {
    own: row?.address ? { address: row.address, name: row.name } : null,
    installation: mail.from,
    mailEnabled: mail.enabled,
  };
}

/** The municipality's sender of 通知 mail as its 管理者 reads it, with the installation's. */
export async function readMailSender(
  db: Db,
  actor: Actor,
  mail: InstallationMail,
): Promise<MailSenderSetting> {
  authorizeMunicipality(actor, 'readMailSender', actor.municipalityId);
  return settingOf(db, actor.municipalityId, mail);
}

/**
 * 管理者 sets the From of the municipality's 通知 mail (`null`: back to the installation's).
 * The mail server must accept it as a sender; mail already sent keeps its own.
 */
export async function setMailSender(
  db: Db,
  actor: Actor,
  change: MailSenderChange | null,
  mail: InstallationMail,
): Promise<MailSenderSetting> {
  authorizeMunicipality(actor, 'setMailSender', actor.municipalityId);
  await db
    .update(municipalities)
    .set({ mailFromAddress: change?.address ?? null, mailFromName: change?.name ?? null })
    .where(eq(municipalities.id, actor.municipalityId));
  return settingOf(db, actor.municipalityId, mail);
}
