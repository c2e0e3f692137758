import { useEffect, useRef, useState } from 'preact/hooks';
import type { Stance } from '@/lib/pack/schema';
import type { ItemRef } from '@/lib/clippings/schema';
import { t } from '@/lib/i18n';
import { STANCE_LABELS } from '@/components/status/labels';
import { parseTags, refKey, shortQuote, type ItemOption, type SaveChoices } from './model';

export interface SaveDialogProps {
  quote: string;
  /** Where it comes from, for the reader ("Reuters · Alibaba's cloud…"). */
  source: string;
  itemOptions: readonly ItemOption[];
  initial: SaveChoices;
  /** The passage was saved before: the dialog edits that clipping. */
  editing?: boolean;
  /** Rejects with a message to show (the dialog stays open, nothing is lost). */
  onSave: (choices: SaveChoices) => Promise<void>;
  onCancel: () => void;
}

const KIND_KEYS = { catalyst: 'kind_catalyst', risk: 'kind_risk' } as const;
/** In the pack schema's order; listed here so that the clipper bundle carries no zod. */
const STANCES = Object.keys(STANCE_LABELS) as Stance[];

/**
 * The small in-page dialog: checklist items (the chosen ones first), stance, note, tags. It fits
 * a short window: its body scrolls, its title and its buttons stay in view.
 */
export function SaveDialog(props: SaveDialogProps) {
  const [note, setNote] = useState(props.initial.note);
  const [tags, setTags] = useState(props.initial.tags.join(', '));
  const [items, setItems] = useState<ItemRef[]>(props.initial.items);
  const [stance, setStance] = useState<Stance>(props.initial.stance);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    noteRef.current?.focus();
  }, []);

  // Items offered: the enabled theses' items, plus any prefilled one they do not list.
  // Those chosen when the dialog opened come first; the rest fold under "Other items".
  const initiallyChosen = new Set(props.initial.items.map(refKey));
  const known = new Set(props.itemOptions.map(refKey));
  const options: ItemOption[] = [
    ...props.itemOptions,
    ...props.initial.items.filter((ref) => !known.has(refKey(ref))).map((ref) => ({ ...ref, thesisTitle: '', title: ref.itemId, kind: 'catalyst' as const, unknownKind: true })),
  ];
  const first = options.filter((option) => initiallyChosen.has(refKey(option)));
  const others = options.filter((option) => !initiallyChosen.has(refKey(option)));
  const chosen = new Set(items.map(refKey));
  const toggle = (ref: ItemRef) =>
    setItems((current) => (chosen.has(refKey(ref)) ? current.filter((r) => refKey(r) !== refKey(ref)) : [...current, { thesisId: ref.thesisId, itemId: ref.itemId }]));

  const submit = async (event?: Event) => {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await props.onSave({ note: note.trim(), tags: parseTags(tags), items, stance });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      props.onCancel();
      return;
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
      return;
    }
    // Keep Tab inside the dialog (it is modal).
    if (event.key === 'Tab' && dialogRef.current) {
      const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>('textarea, input, button:not(:disabled), summary')].filter(
        (element) => element.offsetParent !== null || element.tagName === 'SUMMARY',
      );
      const head = focusable[0];
      const tail = focusable[focusable.length - 1];
      const active = (dialogRef.current.getRootNode() as ShadowRoot | Document).activeElement;
      if (event.shiftKey && active === head) {
        event.preventDefault();
        tail?.focus();
      } else if (!event.shiftKey && active === tail) {
        event.preventDefault();
        head?.focus();
      }
    }
  };

  const checkbox = (option: ItemOption & { unknownKind?: boolean }, showThesis: boolean) => {
    const kind = option.unknownKind ? '' : t(KIND_KEYS[option.kind]);
    const label = kind ? t('clipper_itemLabel', option.title, kind) : option.title;
    return (
      <label class="tlc-check" key={refKey(option)} data-item-id={option.itemId}>
        <input type="checkbox" checked={chosen.has(refKey(option))} onChange={() => toggle(option)} />
        <span>
          {label}
          {showThesis && option.thesisTitle ? <span class="tlc-hint"> · {option.thesisTitle}</span> : null}
        </span>
      </label>
    );
  };
  const multipleTheses = new Set(props.itemOptions.map((option) => option.thesisId)).size > 1;

  return (
    <div class="tlc-backdrop" onClick={(event) => event.target === event.currentTarget && props.onCancel()}>
      <div ref={dialogRef} class="tlc-dialog" role="dialog" aria-modal="true" aria-labelledby="tlc-title" onKeyDown={onKeyDown}>
        <form class="tlc-form" onSubmit={submit}>
          <h2 id="tlc-title" class="tlc-title">
            {props.editing ? t('clipper_dialogTitleEdit') : t('clipper_dialogTitle')}
          </h2>
          <div class="tlc-body">
            <blockquote class="tlc-quote">{shortQuote(props.quote, 600)}</blockquote>
            {props.source ? <p class="tlc-source">{props.source}</p> : null}
            {props.editing ? <p class="tlc-hint tlc-edit-hint">{t('clipper_editHint')}</p> : null}
            <fieldset class="tlc-group">
              <legend class="tlc-legend">{t('clipper_items')}</legend>
              {options.length === 0 ? (
                <p class="tlc-hint">{t('clipper_noItems')}</p>
              ) : (
                <>
                  <div class="tlc-items tlc-items--chosen" data-testid="chosen-items">
                    {first.length ? first.map((option) => checkbox(option, multipleTheses)) : <p class="tlc-hint">{t('clipper_noItemChosen')}</p>}
                  </div>
                  {others.length ? (
                    <details class="tlc-more" open={first.length === 0}>
                      <summary>{t('clipper_otherItems', others.length)}</summary>
                      <div class="tlc-items">{others.map((option) => checkbox(option, multipleTheses))}</div>
                    </details>
                  ) : null}
                </>
              )}
            </fieldset>
            <fieldset class="tlc-group">
              <legend class="tlc-legend">{t('clipper_stance')}</legend>
              <div class="tlc-stances">
                {STANCES.map((value) => (
                  <label class="tlc-check" key={value}>
                    <input type="radio" name="stance" value={value} checked={stance === value} onChange={() => setStance(value)} />
                    <span>
                      <span aria-hidden="true">{STANCE_LABELS[value].icon} </span>
                      {STANCE_LABELS[value].word}
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
            <label class="tlc-field">
              <span>{t('clipper_note')}</span>
              <textarea ref={noteRef} name="note" rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} placeholder={t('clipper_notePlaceholder')} />
            </label>
            <label class="tlc-field">
              <span>{t('clipper_tags')}</span>
              <input type="text" name="tags" value={tags} onInput={(e) => setTags(e.currentTarget.value)} placeholder={t('clipper_tagsPlaceholder')} aria-describedby="tlc-tags-hint" />
              <span id="tlc-tags-hint" class="tlc-hint">
                {t('clipper_tagsHint')}
              </span>
            </label>
          </div>
          {error ? (
            <p class="tlc-error" role="alert">
              {t('clipper_notSaved', error)}
            </p>
          ) : null}
          <div class="tlc-actions">
            <span class="tlc-hint tlc-actions__hint">{t('clipper_shortcutHint')}</span>
            <button type="button" class="tlc-button" onClick={props.onCancel}>
              {t('common_cancel')}
            </button>
            <button type="submit" class="tlc-button tlc-button--primary" disabled={busy}>
              {busy ? t('clipper_saving') : props.editing ? t('clipper_saveChanges') : t('clipper_saveClipping')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
