// Shop sections in the dashboard: add, rename, move up or down, delete, and choose the listings
// in each. Every control is a button or a field, so the whole thing works from the keyboard.
import { useState } from 'react';
import { toast } from 'sonner';
import { SECTION_NAME_MAX, type ShopSectionDto } from '../../../shared/schemas/storefront';
import { EmptyState } from '../../components/states';
import { ConfirmDialog, Dialog } from '../../components/ui/dialog';
import { StatusButton } from '../../components/ui/status-button';
import { plural } from '../../lib/format';
import { describeError, trpc } from '../../trpc';

function useSectionMutations(shopId: number) {
  const u = trpc.useUtils();
  const onSuccess = (sections: ShopSectionDto[]) => {
    u.shops.sections.setData({ shopId }, sections);
    void u.catalog.shopProducts.invalidate();
  };
  const onError = (e: unknown) => toast.error(describeError(e).message);
  return {
    create: trpc.shops.createSection.useMutation({ onSuccess }),
    rename: trpc.shops.renameSection.useMutation({ onSuccess, onError }),
    reorder: trpc.shops.reorderSections.useMutation({ onSuccess, onError }),
    remove: trpc.shops.deleteSection.useMutation({ onSuccess, onError }),
    assign: trpc.shops.assignSection.useMutation({ onSuccess, onError }),
  };
}

function ListingsPicker({
  shopId,
  section,
  onClose,
}: {
  shopId: number;
  section: ShopSectionDto;
  onClose: () => void;
}) {
  const all = trpc.seller.listings.useQuery({ shopId, status: 'active', limit: 100 });
  const inSection = trpc.catalog.shopProducts.useQuery({ shopId, sectionId: section.id, limit: 100 });
  const [picked, setPicked] = useState<Set<number> | null>(null);
  const { assign } = useSectionMutations(shopId);
  const current = new Set((inSection.data?.items ?? []).map((p) => p.id));
  const chosen = picked ?? current;
  const save = async () => {
    const add = [...chosen].filter((id) => !current.has(id));
    const drop = [...current].filter((id) => !chosen.has(id));
    if (add.length) await assign.mutateAsync({ shopId, sectionId: section.id, productIds: add });
    if (drop.length) await assign.mutateAsync({ shopId, sectionId: null, productIds: drop });
    toast.success(`${section.name} updated.`);
    onClose();
  };
  const loading = all.isPending || inSection.isPending;
  return (
    <Dialog open onClose={onClose} title={`Listings in “${section.name}”`} size="md">
      {loading ? (
        <p role="status">Loading your listings…</p>
      ) : all.error ? (
        <p className="error" role="alert">
          {describeError(all.error).message}
        </p>
      ) : (all.data?.items.length ?? 0) === 0 ? (
        <p>You have no active listings yet.</p>
      ) : (
        <fieldset className="picker">
          <legend className="visually-hidden">Listings</legend>
          {all.data?.items.map((l) => (
            <label key={l.id} className="picker-row">
              <input
                type="checkbox"
                checked={chosen.has(l.id)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(l.id);
                  else next.delete(l.id);
                  setPicked(next);
                }}
              />
              <span>{l.title}</span>
            </label>
          ))}
        </fieldset>
      )}
      <p className="small muted">A listing sits in one section; choosing it here moves it from any other.</p>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <StatusButton type="button" pending={assign.isPending} pendingLabel="Saving…" onClick={save} disabled={loading}>
          Save
        </StatusButton>
      </div>
    </Dialog>
  );
}

function SectionRow({
  shopId,
  section,
  index,
  ids,
}: {
  shopId: number;
  section: ShopSectionDto;
  index: number;
  ids: number[];
}) {
  const [name, setName] = useState(section.name);
  const [picking, setPicking] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const m = useSectionMutations(shopId);
  const move = (delta: number) => {
    const next = [...ids];
    const [moved] = next.splice(index, 1);
    next.splice(index + delta, 0, moved!);
    m.reorder.mutate({ shopId, sectionIds: next });
  };
  const inputId = `section-name-${section.id}`;
  return (
    <li className="section-row">
      <form
        className="section-rename"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() && name.trim() !== section.name) m.rename.mutate({ shopId, sectionId: section.id, name });
        }}
      >
        <label htmlFor={inputId} className="visually-hidden">
          Name of section {index + 1}
        </label>
        <input
          id={inputId}
          className="input"
          value={name}
          maxLength={SECTION_NAME_MAX}
          onChange={(e) => setName(e.target.value)}
        />
        {name.trim() !== section.name && (
          <StatusButton className="btn btn-sm" pending={m.rename.isPending} pendingLabel="Saving…">
            Rename
          </StatusButton>
        )}
      </form>
      <span className="small muted section-count">{plural(section.listingCount, 'listing')}</span>
      <div className="section-actions">
        <button type="button" className="btn btn-sm" onClick={() => setPicking(true)}>
          Choose listings
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          aria-label={`Move ${section.name} up`}
          disabled={index === 0 || m.reorder.isPending}
          onClick={() => move(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          aria-label={`Move ${section.name} down`}
          disabled={index === ids.length - 1 || m.reorder.isPending}
          onClick={() => move(1)}
        >
          ↓
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          aria-label={`Delete ${section.name}`}
          onClick={() => setDeleting(true)}
        >
          Delete
        </button>
      </div>
      {picking && <ListingsPicker shopId={shopId} section={section} onClose={() => setPicking(false)} />}
      <ConfirmDialog
        open={deleting}
        title={`Delete “${section.name}”?`}
        confirmLabel="Delete section"
        pending={m.remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={() => m.remove.mutate({ shopId, sectionId: section.id }, { onSuccess: () => setDeleting(false) })}
      >
        Its listings stay in your shop, in no section.
      </ConfirmDialog>
    </li>
  );
}

export function SectionsManager({ shopId }: { shopId: number }) {
  const sections = trpc.shops.sections.useQuery({ shopId });
  const { create } = useSectionMutations(shopId);
  const [name, setName] = useState('');
  const error = create.error ? describeError(create.error) : null;
  const items = sections.data ?? [];
  const ids = items.map((s) => s.id);
  return (
    <section className="card" aria-labelledby="sections-title">
      <h2 id="sections-title" className="card-title">
        Sections
      </h2>
      <p className="small muted">Group your listings into shelves shoppers can filter by on your shop page.</p>
      {sections.isPending ? (
        <p role="status">Loading sections…</p>
      ) : sections.error ? (
        <p className="error" role="alert">
          {describeError(sections.error).message}
        </p>
      ) : items.length === 0 ? (
        <EmptyState title="No sections yet">Add one below, for example “Mugs” or “Seconds”.</EmptyState>
      ) : (
        <ol className="plain-list section-list">
          {items.map((s, i) => (
            <SectionRow key={`${s.id}:${s.name}`} shopId={shopId} section={s} index={i} ids={ids} />
          ))}
        </ol>
      )}
      <form
        className="section-add"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ shopId, name }, { onSuccess: () => setName('') });
        }}
      >
        <div className="field">
          <label htmlFor="new-section">New section</label>
          <input
            id="new-section"
            className="input"
            value={name}
            maxLength={SECTION_NAME_MAX}
            onChange={(e) => {
              setName(e.target.value);
              if (create.error) create.reset();
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'new-section-error' : undefined}
          />
          {error && (
            <span className="error" id="new-section-error" role="alert">
              {error.code === 'ALREADY_EXISTS' ? 'You already have a section with that name.' : error.message}
            </span>
          )}
        </div>
        <StatusButton pending={create.isPending} pendingLabel="Adding…" disabled={!name.trim()}>
          Add section
        </StatusButton>
      </form>
    </section>
  );
}
