/**
 * Full-text search over the library (MiniSearch): title (weighted), body text and tags, prefix and
 * typo-tolerant, accents ignored so "secretaire" finds "Secrétaire" and "ogrenci" finds "öğrenci".
 * Kept up to date one draft at a time; never rebuilt per keystroke.
 */
import MiniSearch from 'minisearch';
import { type DraftDocument, plainText } from '../../../shared/release/draft-document.js';

/** What search looks at in one draft; also kept in the catalog snapshot so a restart need not re-read drafts. */
export interface SearchableText {
  id: string;
  title: string;
  text: string;
  tags: string;
}

export const searchableText = (document: DraftDocument): SearchableText => ({
  id: document.id,
  title: document.title,
  text: plainText(document.body),
  tags: document.tags.join(' '),
});

/** Lowercase without diacritics; Arabic letters are kept, only its short-vowel marks go. */
const fold = (term: string): string =>
  term
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase();

export class SearchIndex {
  private readonly index = new MiniSearch<SearchableText>({
    fields: ['title', 'text', 'tags'],
    processTerm: (term) => fold(term) || null,
    searchOptions: {
      boost: { title: 3, tags: 2 },
      prefix: true,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      combineWith: 'AND',
    },
  });

  upsert(entry: SearchableText): void {
    if (this.index.has(entry.id)) this.index.replace(entry);
    else this.index.add(entry);
  }

  remove(id: string): void {
    if (this.index.has(id)) this.index.discard(id);
  }

  /** Ids of matching drafts, best first. */
  search(query: string): string[] {
    return this.index.search(query).map((result) => String(result.id));
  }
}
