import { checklist } from './checklist';
import { clipper } from './clipper';
import { common } from './common';
import { library } from './library';
import { popup } from './popup';
import { readinglog } from './readinglog';
import { sidebar } from './sidebar';
import type { CatalogArea } from './types';
import { welcome } from './welcome';

/**
 * Every UI string, by area. Only the build (which writes `_locales/*\/messages.json`) and the
 * tests import this module; the extension's pages and scripts read the browser's catalogues
 * through `t()`, so the strings are not bundled twice.
 */
export const CATALOG_AREAS = { common, sidebar, popup, library, checklist, welcome, clipper, readinglog } satisfies Record<
  string,
  CatalogArea
>;

export const catalog = Object.assign({}, ...Object.values(CATALOG_AREAS)) as typeof common &
  typeof sidebar &
  typeof popup &
  typeof library &
  typeof checklist &
  typeof welcome &
  typeof clipper &
  typeof readinglog;

export type MessageKey = keyof typeof catalog;
