// index.html of a SCORM package: the lesson as JSON in a data block (never
// executed, read with textContent), then the classic script that runs it.
import { escapeHtml } from '../moodleXml';
import type { Lesson } from './lesson';

/** JSON that cannot close its <script> element or start a comment: every "<", ">" and "&" is written as \u escapes. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function launchHtml(lesson: Lesson): string {
  const title = escapeHtml(lesson.title[lesson.lang]);
  return `<!doctype html>
<html lang="${lesson.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="launch.css">
</head>
<body>
<div id="app"><p>${title}</p></div>
<script type="application/json" id="lesson">${scriptSafeJson(lesson)}</script>
<script src="launch.js"></script>
</body>
</html>
`;
}
