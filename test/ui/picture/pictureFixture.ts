// The picture tests' shared world: one account (anna) and one POP3 laptop, laid
// out 900 px wide with room for the given number of tokens in each inbox, and a
// picture model with plain texts that each test changes where it looks.
import { computeLayout, type Layout, type LayoutInput } from '../../../src/ui/picture/layout';
import type { PictureModel } from '../../../src/ui/picture/render';
import { emptyStory } from '../../../src/ui/picture/story';

const SERVER_INBOX = 'server/anna/INBOX';
const LAPTOP_INBOX = 'device/laptop/Inbox';

export function annaAndLaptop(serverSlots: number, laptopSlots: number): Layout {
  return computeLayout({
    world: { accounts: [{ id: 'anna' }], devices: [{ id: 'laptop', kind: 'laptop', protocol: 'pop3', account: 'anna' }] } as unknown as LayoutInput['world'],
    places: new Map([
      [SERVER_INBOX, serverSlots],
      [LAPTOP_INBOX, laptopSlots],
    ]),
    width: 900,
    lostMax: 1,
    intruder: false,
  });
}

/** A picture model of `layout` with no regions, folders or gauges drawn, in English; `parts` replaces any of it. */
export function pictureModel(layout: Layout, parts: Partial<PictureModel> & Pick<PictureModel, 'scene'>): PictureModel {
  return {
    layout,
    regions: [],
    folders: [],
    gauges: [],
    styles: new Map(),
    selectedMail: null,
    story: emptyStory,
    tokenTitle: (d) => d.mail,
    badgeText: (b) => `+${b.hidden}`,
    badgeTitle: (b) => `${b.hidden} more`,
    title: 'picture',
    description: 'copies',
    lang: 'en',
    ...parts,
  };
}

/** Every region drawn, titled by its kind (and a language tag, where the test switches language). */
export const regionsOf = (layout: Layout, title: (kind: string) => string, subtitle: string): PictureModel['regions'] =>
  layout.regions.map((region) => ({ region, title: title(region.kind), subtitle, status: 'ok' as const, visible: true, icon: 'server' as const, active: false }));

export const noEvents = { selectMail: () => {}, selectPlace: () => {} };
