/**
 * Corrections („Поправка“): dated notes an editor adds to a published story. They never move
 * its publicationDate (the date the story first appeared); each one is a substantive update, so
 * the story's updatedDate moves. Notes are kept in date order, oldest first, so readers see them
 * as the record of what was corrected when; notes of the same moment keep the editor's order.
 */
import { toOptionalInstant } from '../dates';

export interface CorrectionNote {
  date?: string | Date | null;
  note?: string | null;
  [key: string]: unknown;
}

/**
 * The notes to store: every note dated (an empty date is the moment of the save, `now`, as UTC
 * ISO) and in date order. A malformed date or a note without text throws (on every save, drafts
 * too: Strapi does not enforce a component's required text on publish).
 */
export function prepareCorrections<T extends CorrectionNote>(notes: readonly T[], now: Date): Array<T & { date: string }> {
  if (notes.some((note) => typeof note.note !== 'string' || note.note.trim() === '')) throw new RangeError('every correction needs its text (note)');
  const dated = notes.map((note, index) => ({ note: { ...note, date: (toOptionalInstant(note.date, 'correction date') ?? now).toISOString() }, index }));
  dated.sort((a, b) => Date.parse(a.note.date) - Date.parse(b.note.date) || a.index - b.index);
  return dated.map((item) => item.note);
}

const contentOf = (notes: readonly CorrectionNote[]) =>
  notes.map((note) => [toOptionalInstant(note.date, 'correction date')?.toISOString() ?? null, (note.note ?? '').trim()]);

/**
 * Whether a write changes the notes readers see (by date and text; the component rows' ids do
 * not count). `after` undefined: the write leaves the notes alone.
 */
export function correctionsChanged(before: readonly CorrectionNote[] | null | undefined, after: readonly CorrectionNote[] | null | undefined): boolean {
  if (after === undefined) return false;
  return JSON.stringify(contentOf(before ?? [])) !== JSON.stringify(contentOf(after ?? []));
}
