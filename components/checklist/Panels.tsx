import { useEffect, useRef, useState } from 'preact/hooks';
import type { FeedView, SyncView } from '@/lib/messages/checklist';
import { splitTerms } from '@/lib/checklist/rules-text';
import { formatDate } from '../status/labels';
import { t } from '@/lib/i18n';

/**
 * The checklist page's side panels: a new thesis, packs in, feeds, sync. Each renders what it
 * is given and reports the user's intent through callbacks (the page talks to the background).
 */

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function when(iso: string | null): string {
  if (!iso) return t('checklist_never');
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${formatDate(iso.slice(0, 10))} ${date.toISOString().slice(11, 16)} UTC`;
}

// ---------------------------------------------------------------- new thesis

export interface NewThesisValue {
  title: string;
  mentions: { en: string[]; zh: string[] };
  firstItem: { title: string; kind: 'catalyst' | 'risk'; matchers: { en: string[]; zh: string[] } };
}

export function NewThesisForm({ templates, onCreate, onCreateFromTemplate, onCancel }: {
  templates: Array<{ id: string; title: string }>;
  onCreate: (value: NewThesisValue) => Promise<void>;
  onCreateFromTemplate: (title: string, templateId: string) => Promise<void>;
  onCancel?: () => void;
}) {
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState('');
  const [mentions, setMentions] = useState('');
  const [itemTitle, setItemTitle] = useState('');
  const [itemKind, setItemKind] = useState<'catalyst' | 'risk'>('catalyst');
  const [itemTerms, setItemTerms] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);
  // Opened on request: the reader's next keystroke is the title.
  useEffect(() => titleInput.current?.focus(), []);

  async function submit(event: Event) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      if (template) await onCreateFromTemplate(title, template);
      else await onCreate({ title, mentions: splitTerms(mentions), firstItem: { title: itemTitle, kind: itemKind, matchers: splitTerms(itemTerms) } });
      setTitle('');
      setMentions('');
      setItemTitle('');
      setItemTerms('');
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="tl-panel" onSubmit={submit} aria-labelledby="new-thesis-heading" noValidate>
      <h2 id="new-thesis-heading">{t('checklist_newThesis')}</h2>
      <div class="tl-field">
        <label for="new-thesis-title">{t('checklist_formTitle')}</label>
        <input id="new-thesis-title" ref={titleInput} type="text" value={title} onInput={(event) => setTitle(event.currentTarget.value)} />
      </div>
      <div class="tl-field">
        <label for="new-thesis-template">{t('checklist_formStartFrom')}</label>
        <select id="new-thesis-template" value={template} onChange={(event) => setTemplate(event.currentTarget.value)}>
          <option value="">{t('checklist_formEmpty')}</option>
          {templates.map((option) => (
            <option key={option.id} value={option.id}>
              {t('checklist_formCopyOf', option.title)}
            </option>
          ))}
        </select>
      </div>
      {template ? null : (
        <>
          <div class="tl-field">
            <label for="new-thesis-mentions">{t('checklist_formMentions')}</label>
            <input id="new-thesis-mentions" type="text" placeholder={t('checklist_formMentionsExample')} value={mentions} onInput={(event) => setMentions(event.currentTarget.value)} />
          </div>
          <div class="tl-field">
            <label for="new-thesis-item">{t('checklist_formFirstItem')}</label>
            <input id="new-thesis-item" type="text" placeholder={t('checklist_formFirstItemExample')} value={itemTitle} onInput={(event) => setItemTitle(event.currentTarget.value)} />
          </div>
          <fieldset class="tl-field tl-field--inline">
            <legend>{t('checklist_formKind')}</legend>
            <label>
              <input type="radio" name="new-thesis-kind" checked={itemKind === 'catalyst'} onChange={() => setItemKind('catalyst')} /> {t('kind_catalyst')}
            </label>
            <label>
              <input type="radio" name="new-thesis-kind" checked={itemKind === 'risk'} onChange={() => setItemKind('risk')} /> {t('kind_risk')}
            </label>
          </fieldset>
          <div class="tl-field">
            <label for="new-thesis-item-terms">{t('checklist_formItemTerms')}</label>
            <input id="new-thesis-item-terms" type="text" placeholder={t('checklist_formItemTermsExample')} value={itemTerms} onInput={(event) => setItemTerms(event.currentTarget.value)} />
          </div>
        </>
      )}
      {error ? (
        <p class="tl-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="tl-actions">
        <button type="submit" class="tl-button tl-button--primary" disabled={busy}>
          {t('checklist_formCreate')}
        </button>
        {onCancel ? (
          <button type="button" class="tl-button" onClick={onCancel}>
            {t('common_cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

// ---------------------------------------------------------------- import

export type ImportResult = { status: 'imported'; id: string } | { status: 'invalid'; problems: string[] } | { status: 'conflict'; id: string; title: string };

export function ImportPanel({ onImport }: { onImport: (text: string, onConflict: 'ask' | 'replace' | 'keep-both') => Promise<ImportResult> }) {
  const [fileName, setFileName] = useState<string | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ImportResult | { status: 'error'; message: string } | null>(null);

  async function run(content: string, onConflict: 'ask' | 'replace' | 'keep-both') {
    try {
      const result = await onImport(content, onConflict);
      setOutcome(result);
      if (result.status === 'imported') setText(null);
    } catch (failure) {
      setOutcome({ status: 'error', message: errorText(failure) });
    }
  }

  async function pick(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setFileName(file.name);
    const content = await file.text();
    setText(content);
    input.value = '';
    await run(content, 'ask');
  }

  return (
    <section class="tl-panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('checklist_importHeading')}</h2>
      <label class="tl-file">
        <span>{t('checklist_importChoose')}</span>
        <input type="file" accept=".json,application/json" onChange={pick} />
      </label>
      <div aria-live="polite">
        {outcome?.status === 'imported' ? <p class="tl-ok">{fileName ? t('checklist_importedFile', fileName, outcome.id) : t('checklist_importedPack', outcome.id)}</p> : null}
        {outcome?.status === 'conflict' && text !== null ? (
          <div class="tl-confirm" role="alertdialog" aria-labelledby="import-conflict-text">
            <p id="import-conflict-text">{t('checklist_importConflict', outcome.id, outcome.title)}</p>
            <div class="tl-actions">
              <button type="button" class="tl-button" onClick={() => run(text, 'replace')}>
                {t('checklist_replace')}
              </button>
              <button type="button" class="tl-button" onClick={() => run(text, 'keep-both')}>
                {t('checklist_keepBoth')}
              </button>
              <button type="button" class="tl-button" onClick={() => setOutcome(null)}>
                {t('common_cancel')}
              </button>
            </div>
          </div>
        ) : null}
      </div>
      {outcome?.status === 'invalid' ? (
        <div class="tl-errors-box" role="alert">
          <p>
            {fileName ? t('checklist_importInvalidFile', fileName) : t('checklist_importInvalid')} {outcome.problems.length === 1 ? t('checklist_problem') : t('checklist_problems')}
          </p>
          <ul class="tl-errors">
            {outcome.problems.map((problem) => (
              <li key={problem}>
                <code>{problem}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {outcome?.status === 'error' ? (
        <p class="tl-error" role="alert">
          {outcome.message}
        </p>
      ) : null}
    </section>
  );
}

// ---------------------------------------------------------------- feeds

export function FeedsPanel({ feeds, onSubscribe, onRefresh, onUnsubscribe }: {
  feeds: FeedView[];
  /** Must ask for the permission synchronously (user gesture) before anything else. */
  onSubscribe: (url: string) => Promise<void>;
  onRefresh: (url?: string) => Promise<void>;
  onUnsubscribe: (url: string) => Promise<void>;
}) {
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const guard = (action: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    return action()
      .catch((failure) => setError(errorText(failure)))
      .finally(() => setBusy(false));
  };

  return (
    <section class="tl-panel" aria-labelledby="feeds-heading">
      <h2 id="feeds-heading">{t('checklist_feedsHeading')}</h2>
      <p class="tl-help">{t('checklist_feedsHelp')}</p>
      <form
        class="tl-inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void guard(async () => {
            await onSubscribe(url);
            setUrl('');
          });
        }}
      >
        <label for="feed-url" class="tl-visually-hidden">
          {t('checklist_feedUrl')}
        </label>
        <input id="feed-url" type="url" placeholder="https://example.com/thesis.json" value={url} onInput={(event) => setUrl(event.currentTarget.value)} />
        <button type="submit" class="tl-button" disabled={busy || !url.trim()}>
          {t('checklist_subscribe')}
        </button>
      </form>
      {error ? (
        <p class="tl-error" role="alert">
          {error}
        </p>
      ) : null}
      {feeds.length ? (
        <ul class="tl-feeds">
          {feeds.map((feed) => (
            <li key={feed.url} class="tl-feed">
              <p class="tl-feed__url">
                <a href={feed.url} target="_blank" rel="noopener noreferrer">
                  {feed.url}
                </a>
              </p>
              <p class="tl-feed__state">
                {feed.packTitle ? `“${feed.packTitle}” v${feed.packVersion} · ` : `${t('checklist_feedNotFetched')} · `}
                {t('checklist_feedLastGood', when(feed.fetchedAt))}
              </p>
              {feed.error ? (
                <p class="tl-error">
                  {t('checklist_feedLastError', when(feed.error.at), feed.error.message)}
                </p>
              ) : null}
              <div class="tl-actions">
                <button type="button" class="tl-button" disabled={busy} onClick={() => void guard(() => onRefresh(feed.url))}>
                  {t('checklist_refreshNow')}
                  <span class="tl-visually-hidden"> {feed.packTitle ?? feed.url}</span>
                </button>
                <button type="button" class="tl-button" disabled={busy} onClick={() => void guard(() => onUnsubscribe(feed.url))}>
                  {t('checklist_unsubscribe')}
                  <span class="tl-visually-hidden"> {t('checklist_fromFeed', feed.packTitle ?? feed.url)}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p class="tl-muted">{t('checklist_noFeeds')}</p>
      )}
    </section>
  );
}

// ---------------------------------------------------------------- sync

/** What the page can truthfully say about sync: written (and when), full, failing, off, not yet. */
export function syncStatement(sync: SyncView): { word: string; text: string; alert: boolean } {
  switch (sync.state) {
    case 'ok':
      return { word: t('checklist_syncStateOk'), text: t('checklist_syncOk', when(sync.at), sync.bytes !== null ? Math.ceil(sync.bytes / 1024) : '?'), alert: false };
    case 'full': {
      const reason = /^Sync is full: (.*?)\.? Your checklist/.exec(sync.message ?? '')?.[1];
      return { word: t('checklist_syncStateFull'), text: reason ? t('checklist_syncFull', reason) : t('checklist_syncFullPlain'), alert: true };
    }
    case 'error':
      return { word: t('checklist_syncStateError'), text: t('checklist_syncError', when(sync.at), sync.message ?? t('checklist_unknownError')), alert: true };
    case 'unavailable':
      return { word: t('checklist_syncStateOff'), text: t('checklist_syncOff'), alert: false };
    default:
      return { word: t('checklist_syncStateIdle'), text: t('checklist_syncIdle'), alert: false };
  }
}

export function SyncPanel({ sync }: { sync: SyncView }) {
  const statement = syncStatement(sync);
  return (
    <section class={`tl-panel tl-sync tl-sync--${sync.state}`} aria-labelledby="sync-heading">
      <h2 id="sync-heading">
        {t('checklist_syncHeading')} <span class={`tl-sync__state tl-sync__state--${sync.state}`}>{statement.word}</span>
      </h2>
      <p role={statement.alert ? 'alert' : undefined} data-testid="sync-text">
        {statement.text}
      </p>
      <p class="tl-help">{t('checklist_syncWhat')}</p>
    </section>
  );
}
