/**
 * Work that could not be saved into its draft (the library on an unplugged drive, a full disk, a
 * conflict the user has not resolved yet) is kept here, in the app's own data folder, so that quitting
 * or a crash does not lose it. At the next start the user can restore it as a new draft. An entry is
 * forgotten once the same draft saves successfully, because the work is then in the draft itself.
 */
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { bodySchema, draftIdSchema } from '../../../shared/release/draft-document.js';
import { releaseDetailsSchema } from '../../../shared/release/release-details.js';
import { writeFileAtomically } from '../fs/atomic-file.js';

export const recoveredWorkSchema = z.object({
  id: draftIdSchema,
  title: z.string(),
  body: bodySchema,
  /**
   * The details panel's fields the refused save carried, if any. Optional, so entries written before
   * details existed still read; restoring applies them to the new draft.
   */
  details: releaseDetailsSchema.partial().optional(),
  keptAt: z.string(),
  /** Why it could not be saved: the error code of the refused save. */
  reason: z.string(),
});

export type RecoveredWork = z.infer<typeof recoveredWorkSchema>;

export class RecoveryJournal {
  constructor(private readonly folder: string) {}

  async keep(work: RecoveredWork): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    await writeFileAtomically(this.fileOf(work.id), JSON.stringify(work));
  }

  async list(): Promise<RecoveredWork[]> {
    const names = await readdir(this.folder).catch(() => [] as string[]);
    const entries: RecoveredWork[] = [];
    for (const name of names.filter((entry) => entry.endsWith('.json'))) {
      const text = await readFile(join(this.folder, name), 'utf8').catch(() => null);
      const parsed = text === null ? null : recoveredWorkSchema.safeParse(safeJson(text));
      if (parsed?.success) entries.push(parsed.data);
    }
    return entries.sort((a, b) => b.keptAt.localeCompare(a.keptAt));
  }

  async get(id: string): Promise<RecoveredWork | null> {
    return (await this.list()).find((entry) => entry.id === id) ?? null;
  }

  /** The journal's own copy, once the work is safely in a draft. */
  async forget(id: string): Promise<void> {
    await unlink(this.fileOf(id)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  private fileOf(id: string): string {
    return join(this.folder, `${draftIdSchema.parse(id)}.json`);
  }
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};
