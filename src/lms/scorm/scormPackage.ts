// A SCORM 1.2 package as a zip: imsmanifest.xml at the root, the launch page,
// its classic script and style sheet, and the pictures the lesson names.
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Lesson } from './lesson';
import { imsManifest } from './manifest';
import { launchHtml } from './launchHtml';

export interface LaunchAssets {
  /** launch.js, read as text (a file in Node, a ?raw import in the app). */
  readonly script: string;
  readonly css: string;
}

/** Every file of the package by path. */
export function packageFiles(lesson: Lesson, pictures: ReadonlyMap<string, string>, assets: LaunchAssets, identifier: string): Map<string, string> {
  const files = new Map<string, string>();
  files.set('index.html', launchHtml(lesson));
  files.set('launch.js', assets.script);
  files.set('launch.css', assets.css);
  for (const [path, svg] of pictures) files.set(path, svg);
  files.set('imsmanifest.xml', imsManifest({ identifier, title: lesson.title[lesson.lang], files: [...files.keys()] }));
  return files;
}

export function zipPackage(files: ReadonlyMap<string, string>): Uint8Array {
  const entries: Zippable = {};
  // The manifest first: some platforms look for it at the start of the archive.
  const order = ['imsmanifest.xml', ...[...files.keys()].filter((p) => p !== 'imsmanifest.xml')];
  for (const path of order) entries[path] = [strToU8(files.get(path)!), { level: path.endsWith('.svg') || path.endsWith('.html') || path.endsWith('.js') ? 9 : 6, mtime: new Date('2026-01-01T00:00:00Z') }];
  return zipSync(entries);
}
