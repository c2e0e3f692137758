import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, extensionDir } from './extension';

test('the extension loads and its background answers', async ({ context, extensionId }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  const worker = context.serviceWorkers()[0]!;
  // The manifest names the extension through its locale catalogue (`__MSG_extName__`):
  // check the name the browser shows (management.getSelf is localized), in the browser's English.
  const shown = await worker.evaluate(async () => ({ self: (await chrome.management.getSelf()).name, message: chrome.i18n.getMessage('extName') }));
  expect(shown).toEqual({ self: 'Thesis Lens', message: 'Thesis Lens' });
  // The file names a catalogue message; the browser hands its pages the localized name.
  expect(JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')).name).toBe('__MSG_extName__');
  expect(await worker.evaluate(() => chrome.runtime.getManifest().name)).toBe('Thesis Lens');
});

test('the manifest asks for the least: named portal hosts, an explicit CSP, nothing externally connectable', async ({ context }) => {
  const worker = context.serviceWorkers()[0]!;
  const manifest = (await worker.evaluate(() => chrome.runtime.getManifest())) as chrome.runtime.ManifestV3;
  expect(manifest.content_security_policy?.extension_pages).toBe("script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'");
  expect(manifest).not.toHaveProperty('externally_connectable');
  // The one resource a page may load is the lens's panel, framed by the lens (no script, style or image of ours).
  expect(manifest.web_accessible_resources).toEqual([{ resources: ['lens-frame.html'], matches: ['<all_urls>'] }]);
  const hosts = manifest.host_permissions ?? [];
  for (const portal of ['163.com', 'qq.com', 'sina.com.cn', 'sohu.com']) expect(hosts).not.toContain(`*://*.${portal}/*`);
  expect(hosts).toContain('*://finance.sina.com.cn/*');
  expect(manifest.permissions?.sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'scripting', 'storage']);
  const gate = manifest.content_scripts?.[0];
  expect([...(gate?.matches ?? [])].sort()).toEqual([...hosts].sort());
});
