// oEmbed: every built-in scenario has a static oEmbed answer (type rich), and
// its page names it in a discovery link, as CMSs expect.
import { readdirSync, readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { z } from 'zod';

// oEmbed 1.0 (https://oembed.com), section 2.3.4: the fields every response has, and those of type "rich".
const OEmbedRich = z
  .object({
    type: z.literal('rich'),
    version: z.literal('1.0'),
    title: z.string().optional(),
    author_name: z.string().optional(),
    author_url: z.url().optional(),
    provider_name: z.string().optional(),
    provider_url: z.url().optional(),
    cache_age: z.number().int().nonnegative().optional(),
    thumbnail_url: z.url().optional(),
    thumbnail_width: z.number().int().positive().optional(),
    thumbnail_height: z.number().int().positive().optional(),
    html: z.string().min(1),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  })
  // "If this parameter is present, thumbnail_width and thumbnail_height must also be present" (and the other way round).
  .refine((o) => (o.thumbnail_url === undefined) === (o.thumbnail_width === undefined) && (o.thumbnail_url === undefined) === (o.thumbnail_height === undefined));

const ids = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .map((f) => JSON.parse(readFileSync(`scenarios/${f}`, 'utf8')).id as string);

test('every built-in scenario has a valid oEmbed answer in both languages', async ({ request }) => {
  expect(ids.length).toBeGreaterThan(20);
  for (const id of ids)
    for (const lang of ['de', 'en']) {
      const res = await request.get(`/oembed/${id}.${lang}.json`);
      expect(res.status(), `${id}.${lang}`).toBe(200);
      const o = OEmbedRich.parse(await res.json());
      // The html is one iframe of the embed, lazily loaded, with a title.
      expect(o.html).toMatch(new RegExp(`^<iframe src="[^"]*embed\\.html\\?scenario=${id}&amp;lang=${lang}" title="[^"<]+" width="\\d+" height="\\d+" loading="lazy"[^>]*></iframe>$`));
    }
});

test("a scenario's page names its oEmbed answer, and both play the scenario", async ({ page, request }) => {
  await page.goto('/s/pop3-three-devices.de.html');
  const href = await page.locator('link[rel=alternate][type="application/json+oembed"]').getAttribute('href');
  expect(href).toBe('/oembed/pop3-three-devices.de.json');
  const o = OEmbedRich.parse(await (await request.get(href!)).json());
  expect(o.title).toBe(await page.locator('h1').textContent());
  await expect(page.frameLocator('iframe').locator('svg.picture-svg g.region').first()).toBeAttached();
  // The oEmbed html, put into any page, plays the scenario too.
  await page.setContent(o.html.replace('src="/', `src="${new URL(page.url()).origin}/`));
  await expect(page.frameLocator('iframe').getByTestId('open-full')).toHaveText('Im vollständigen Simulator öffnen');
});

test('the app names the open scenario’s oEmbed answer', async ({ page }) => {
  await page.goto('/?scenario=pop3-three-devices&lang=en');
  await expect(page.locator('link[rel=alternate][type="application/json+oembed"]')).toHaveAttribute('href', '/oembed/pop3-three-devices.en.json');
});
