// The Content-Security-Policy of the built page, added as a meta tag at build
// time only (the dev server needs an inline script for React refresh).
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The hashes of a page's inline scripts (the embed's boot hints), for script-src. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].filter((m) => m[1].trim()).map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
}

/** The policy for a page: script-src allows its own inline scripts by hash, and nothing else inline. */
export function policyFor(html: string): string {
  const hashes = inlineScriptHashes(html);
  return hashes.length ? CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self' ${hashes.join(' ')}`) : CONTENT_SECURITY_POLICY;
}

/** Must come after the plugins that add inline scripts (their 'post' hooks run in plugin order). */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'mail-sync-sandbox:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policyFor(html) }, injectTo: 'head-prepend' }],
    },
  };
}
