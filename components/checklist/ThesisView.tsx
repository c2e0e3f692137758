import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { ThesisSummary } from '@/lib/messages/checklist';
import type { ItemPatch } from '@/lib/checklist/records';
import type { Topic } from '@/lib/pack/schema';
import { joinTerms, splitTerms } from '@/lib/checklist/rules-text';
import { ChecklistItem, type ClippingSummary } from './ChecklistItem';
import { ItemEditor } from './ItemEditor';
import type { StatusUpdateValue } from './StatusUpdateForm';
import { useGuardedAction } from './use-guarded-action';
import { ThesisGlance, type RecentClippings } from './ThesisGlance';
import type { ThesisEvidence } from '@/lib/evidence/schema';
import { ItemEvidenceView, evidenceOfItem, type EvidenceActions } from '../evidence/ItemEvidence';

/** One thesis as a checklist: its catalysts and its risks, with management actions. */

export interface ThesisActions {
  onAddStatus: (thesisId: string, itemId: string, value: StatusUpdateValue) => Promise<void>;
  onUndo: (thesisId: string, itemId: string) => Promise<void>;
  onEditItem: (thesisId: string, itemId: string, patch: ItemPatch) => Promise<void>;
  onRemoveItem: (thesisId: string, itemId: string) => Promise<void>;
  onEditThesis: (thesisId: string, patch: { title?: string; enabled?: boolean; topics?: Topic[] }) => Promise<void>;
  onDuplicate: (thesisId: string) => Promise<void>;
  onDelete: (thesisId: string) => Promise<void>;
  onExport: (thesisId: string) => Promise<void>;
  loadClippings: (thesisId: string, itemId: string) => Promise<ClippingSummary[]>;
}

function daysBefore(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

const BASE_LABELS: Record<ThesisSummary['baseKind'], () => string> = {
  bundled: () => t('checklist_baseBundled'),
  pack: () => t('checklist_basePack'),
  feed: () => t('checklist_baseFeed'),
};

export function ThesisView({ thesis, today, clippingCounts, recentClippings, actions, evidence, evidenceActions }: {
  thesis: ThesisSummary;
  today: string;
  clippingCounts: Record<string, number> | undefined;
  /** Clippings saved in the last 30 days about this thesis (undefined while unknown). */
  recentClippings?: RecentClippings;
  actions: ThesisActions;
  /** Evidence from the reading log (undefined while unknown or when the log cannot say). */
  evidence?: ThesisEvidence;
  evidenceActions?: EvidenceActions;
}) {
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(thesis.title);
  const [editingTopics, setEditingTopics] = useState(false);
  const [topicTerms, setTopicTerms] = useState<string[]>([]);
  const [adding, setAdding] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { error, setError, guard } = useGuardedAction();
  const pack = thesis.pack;

  const items = pack?.items ?? [];
  const takenIds = items.map((item) => item.id);
  const section = (kind: 'catalyst' | 'risk', heading: string, explain: string) => {
    const list = items.filter((item) => item.kind === kind);
    return (
      <section class="tl-section" aria-labelledby={`${thesis.id}-${kind}-heading`}>
        <h3 id={`${thesis.id}-${kind}-heading`}>
          {heading} <span class="tl-muted">({list.length})</span>
        </h3>
        <p class="tl-help">{explain}</p>
        <ul class="tl-cards" role="list">
          {list.map((item) => (
            <ChecklistItem
              key={item.id}
              thesisId={thesis.id}
              item={item}
              today={today}
              undoable={thesis.undoable.includes(item.id)}
              clippingCount={clippingCounts ? (clippingCounts[item.id] ?? 0) : undefined}
              takenIds={takenIds}
              onAddStatus={(itemId, value) => actions.onAddStatus(thesis.id, itemId, value)}
              onUndo={(itemId) => actions.onUndo(thesis.id, itemId)}
              onEdit={(itemId, patch) => actions.onEditItem(thesis.id, itemId, patch)}
              onRemove={(itemId) => actions.onRemoveItem(thesis.id, itemId)}
              loadClippings={(itemId) => actions.loadClippings(thesis.id, itemId)}
              evidence={evidence && evidenceActions ? <ItemEvidenceView idPrefix={`${thesis.id}-${item.id}`} itemTitle={item.title} measureLabel={(measure) => item.figures.find((figure) => figure.measure === measure)?.label ?? measure} {...evidenceOfItem(evidence, item.id)} {...evidenceActions} /> : undefined}
            />
          ))}
        </ul>
      </section>
    );
  };

  return (
    <article class="tl-thesis" aria-labelledby="thesis-title">
      <header class="tl-thesis__head">
        {renaming ? (
          <form
            class="tl-inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              void guard(async () => {
                await actions.onEditThesis(thesis.id, { title });
                setRenaming(false);
              })();
            }}
          >
            <label for="thesis-rename">{t('checklist_formTitle')}</label>
            <input id="thesis-rename" type="text" value={title} onInput={(event) => setTitle(event.currentTarget.value)} />
            <button type="submit" class="tl-button tl-button--primary">
              {t('checklist_saveTitle')}
            </button>
            <button type="button" class="tl-button" onClick={() => setRenaming(false)}>
              {t('common_cancel')}
            </button>
          </form>
        ) : (
          <h2 id="thesis-title">{thesis.title}</h2>
        )}
        <p class="tl-muted">
          {BASE_LABELS[thesis.baseKind]()}
          {thesis.feedUrl ? ` (${thesis.feedUrl})` : ''}
          {thesis.feedLayers.length ? ` · ${t('checklist_withUpdatesFrom', thesis.feedLayers.join(', '))}` : ''}
          {pack ? ` · ${t('checklist_version', pack.version)}` : ''}
        </p>
        {pack?.description ? <p>{pack.description}</p> : null}
        <div class="tl-actions" role="group" aria-label={t('checklist_thesisActions')}>
          <label class="tl-switch">
            <input type="checkbox" checked={thesis.enabled} onChange={(event) => void guard(() => actions.onEditThesis(thesis.id, { enabled: event.currentTarget.checked }))()} />
            {t('checklist_useWhileReading')}
          </label>
          <button
            type="button"
            class="tl-button"
            onClick={() => {
              setTitle(thesis.title);
              setRenaming(true);
            }}
          >
            {t('checklist_rename')}
          </button>
          <button
            type="button"
            class="tl-button"
            disabled={!pack}
            aria-expanded={editingTopics}
            onClick={() => {
              setTopicTerms((pack?.topics ?? []).map((topic) => joinTerms(topic.mentions)));
              setEditingTopics(!editingTopics);
            }}
          >
            {t('checklist_relevanceTerms')}
          </button>
          <button type="button" class="tl-button" disabled={!pack} onClick={guard(() => actions.onDuplicate(thesis.id))}>
            {t('checklist_duplicate')}
          </button>
          <button type="button" class="tl-button" disabled={!pack} onClick={guard(() => actions.onExport(thesis.id))}>
            {t('checklist_exportPack')}
          </button>
          {thesis.baseKind !== 'bundled' ? (
            <button type="button" class="tl-button tl-button--danger" onClick={() => setConfirmDelete(true)}>
              {t('common_delete')}
            </button>
          ) : null}
        </div>
        {confirmDelete ? (
          <div class="tl-confirm" role="alertdialog" aria-labelledby="delete-confirm-text">
            <p id="delete-confirm-text">{t('checklist_deleteConfirm', thesis.title)}</p>
            <div class="tl-actions">
              <button type="button" class="tl-button tl-button--danger" onClick={guard(() => actions.onDelete(thesis.id))}>
                {t('checklist_deleteThesis')}
              </button>
              <button type="button" class="tl-button" onClick={() => setConfirmDelete(false)}>
                {t('common_cancel')}
              </button>
            </div>
          </div>
        ) : null}
        {editingTopics && pack ? (
          <form
            class="tl-editor"
            onSubmit={(event) => {
              event.preventDefault();
              const topics = pack.topics.map((topic, index) => ({ ...topic, mentions: splitTerms(topicTerms[index] ?? '') }));
              if (topics.some((topic) => topic.mentions.en.length + topic.mentions.zh.length === 0)) {
                setError(t('checklist_topicNeedsTerm'));
                return;
              }
              void guard(async () => {
                await actions.onEditThesis(thesis.id, { topics });
                setEditingTopics(false);
              })();
            }}
          >
            {pack.topics.map((topic, index) => (
              <div class="tl-field" key={topic.id}>
                <label for={`topic-${topic.id}`}>{t('checklist_topicNames', topic.title)}</label>
                <input
                  id={`topic-${topic.id}`}
                  type="text"
                  value={topicTerms[index] ?? ''}
                  onInput={(event) => {
                    const next = [...topicTerms];
                    next[index] = event.currentTarget.value;
                    setTopicTerms(next);
                  }}
                />
              </div>
            ))}
            <div class="tl-actions">
              <button type="submit" class="tl-button tl-button--primary">
                {t('checklist_saveTerms')}
              </button>
              <button type="button" class="tl-button" onClick={() => setEditingTopics(false)}>
                {t('common_cancel')}
              </button>
            </div>
          </form>
        ) : null}
        {error ? (
          <p class="tl-error" role="alert">
            {error}
          </p>
        ) : null}
      </header>

      {pack ? (
        <>
          <ThesisGlance thesisId={thesis.id} items={pack.items} today={today} recent={recentClippings} libraryHref={`/library.html?thesis=${encodeURIComponent(thesis.id)}&from=${daysBefore(today, 30)}`} />
          {section('catalyst', t('checklist_glanceCatalysts'), t('checklist_catalystsExplain'))}
          {section('risk', t('checklist_glanceRisks'), t('checklist_risksExplain'))}
          {adding ? (
            <div class="tl-panel">
              <h3>{t('checklist_newItem')}</h3>
              <ItemEditor
                idPrefix={`${thesis.id}-new-item`}
                takenIds={takenIds}
                onSave={async (itemId, patch) => {
                  await actions.onEditItem(thesis.id, itemId, patch);
                  setAdding(false);
                }}
                onCancel={() => setAdding(false)}
              />
            </div>
          ) : (
            <button type="button" class="tl-button" onClick={() => setAdding(true)}>
              {t('checklist_addItem')}
            </button>
          )}
        </>
      ) : (
        <p class="tl-muted">{t('checklist_noContent')}</p>
      )}
    </article>
  );
}
