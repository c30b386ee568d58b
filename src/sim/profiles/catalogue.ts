// Every client profile, in the order the listing shows them.
import { appleMailMacos } from './appleMailMacos';
import { iosMail } from './iosMail';
import { outlookClassic } from './outlookClassic';
import { thunderbird } from './thunderbird';
import { thunderbirdAndroid } from './thunderbirdAndroid';
import { PROFILE_IDS, type ClientProfile, type ProfileId } from './types';

const BY_ID: Readonly<Record<ProfileId, ClientProfile>> = {
  thunderbird,
  'outlook-classic': outlookClassic,
  'apple-mail-macos': appleMailMacos,
  'ios-mail': iosMail,
  'thunderbird-android': thunderbirdAndroid,
};

export const PROFILES: readonly ClientProfile[] = PROFILE_IDS.map((id) => BY_ID[id]);

export function isProfileId(id: string): id is ProfileId {
  return (PROFILE_IDS as readonly string[]).includes(id);
}

export function profileById(id: string): ClientProfile | undefined {
  return isProfileId(id) ? BY_ID[id] : undefined;
}
