import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { z } from 'zod';
import { formatIssues, KeyFigureSchema, type Item } from '@/lib/pack/schema';
import type { ItemPatch } from '@/lib/checklist/records';
import { rulesToText, textToRules } from '@/lib/checklist/rules-text';

/**
 * Edits an item's definition (or a new item's): title, description, kind, matchers in both
 * languages (one rule per line, see lib/checklist/rules-text.ts), key figures (JSON, checked
 * against the pack schema with paths). Saved edits go to the user's layer.
 */

export interface ItemEditorProps {
  idPrefix: string;
  item?: Pick<Item, 'id' | 'title' | 'description' | 'kind' | 'matchers' | 'figures'>;
  onSave: (itemId: string, patch: ItemPatch) => Promise<void>;
  onCancel: () => void;
  /** Ids already used in the thesis (a new item's id must differ). */
  takenIds: string[];
}

const FiguresSchema = z.array(KeyFigureSchema);

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'item'
  );
}

export function ItemEditor({ idPrefix, item, onSave, onCancel, takenIds }: ItemEditorProps) {
  const [title, setTitle] = useState(item?.title ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [kind, setKind] = useState<Item['kind']>(item?.kind ?? 'catalyst');
  const [rules, setRules] = useState(item ? rulesToText(item.matchers) : '');
  const [figures, setFigures] = useState(item && item.figures.length ? JSON.stringify(item.figures, null, 2) : '');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const id = (name: string) => `${idPrefix}-${name}`;

  async function submit(event: Event) {
    event.preventDefault();
    const problems: string[] = [];
    if (!title.trim()) problems.push(t('checklist_editorTitleRequired'));
    const parsedRules = textToRules(rules);
    if (!parsedRules.ok) problems.push(t('checklist_editorMatchersProblem', parsedRules.error));
    let parsedFigures: z.infer<typeof FiguresSchema> = [];
    if (figures.trim()) {
      try {
        const result = FiguresSchema.safeParse(JSON.parse(figures));
        if (result.success) parsedFigures = result.data;
        else problems.push(...formatIssues(result.error).map((line) => t('checklist_editorFiguresProblem', line)));
      } catch (error) {
        problems.push(t('checklist_editorFiguresNotJson', error instanceof Error ? error.message : String(error)));
      }
    }
    if (problems.length || !parsedRules.ok) {
      setErrors(problems);
      return;
    }
    let itemId = item?.id;
    if (!itemId) {
      itemId = slug(title);
      for (let n = 2; takenIds.includes(itemId); n++) itemId = `${slug(title)}-${n}`;
    }
    setBusy(true);
    try {
      await onSave(itemId, { title: title.trim(), description, kind, matchers: parsedRules.rules, figures: parsedFigures });
    } catch (error) {
      setErrors([error instanceof Error ? error.message : String(error)]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="tl-editor" onSubmit={submit} aria-label={item ? t('checklist_editorEdit', item.title) : t('checklist_newItem')} noValidate>
      <div class="tl-field">
        <label for={id('title')}>{t('checklist_formTitle')}</label>
        <input id={id('title')} type="text" value={title} onInput={(event) => setTitle(event.currentTarget.value)} />
      </div>
      <div class="tl-field">
        <label for={id('description')}>{t('checklist_editorDescription')}</label>
        <textarea id={id('description')} rows={2} value={description} onInput={(event) => setDescription(event.currentTarget.value)} />
      </div>
      <fieldset class="tl-field tl-field--inline">
        <legend>{t('checklist_editorKind')}</legend>
        <label>
          <input type="radio" name={id('kind')} checked={kind === 'catalyst'} onChange={() => setKind('catalyst')} /> {t('checklist_editorCatalyst')}
        </label>
        <label>
          <input type="radio" name={id('kind')} checked={kind === 'risk'} onChange={() => setKind('risk')} /> {t('checklist_editorRisk')}
        </label>
      </fieldset>
      <div class="tl-field">
        <label for={id('rules')}>{t('checklist_editorMatchers')}</label>
        <textarea id={id('rules')} rows={3} value={rules} aria-describedby={id('rules-help')} onInput={(event) => setRules(event.currentTarget.value)} />
        <p class="tl-help" id={id('rules-help')}>
          One rule per line. A sentence matches a rule when it has a term from every group: groups joined by <code>&amp;</code>, terms by commas, vetoes
          after <code>!</code>. English and Chinese terms alike (<code>approv*</code> matches approval, approved). Example: <code>H200 &amp; approv*, 批准 ! Hyundai</code>
        </p>
      </div>
      <div class="tl-field">
        <label for={id('figures')}>{t('checklist_editorFigures')}</label>
        <textarea id={id('figures')} rows={figures ? 6 : 2} class="tl-mono" value={figures} onInput={(event) => setFigures(event.currentTarget.value)} />
      </div>
      {errors.length ? (
        <ul class="tl-errors" role="alert">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
      <div class="tl-actions">
        <button type="submit" class="tl-button tl-button--primary" disabled={busy}>
          {item ? t('checklist_editorSave') : t('checklist_editorAdd')}
        </button>
        <button type="button" class="tl-button" onClick={onCancel} disabled={busy}>
          {t('common_cancel')}
        </button>
      </div>
    </form>
  );
}
