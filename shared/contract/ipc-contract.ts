/**
 * The one IPC contract: every method the renderer may call and every event it may hear.
 *
 * Adding a capability means one entry here. The preload bridge, the main-process handler table and
 * the browser-mode bridge are all derived from this table, and no handler can be registered without
 * its request schema: the dispatcher parses every payload with it before a handler sees it.
 */
import { z } from 'zod';
import {
  bodySchema,
  draftDocumentSchema,
  draftIdSchema,
  TITLE_MAX_LENGTH,
  unreadableDraftSchema,
} from '../release/draft-document.js';
import { draftSummarySchema, libraryQuerySchema } from '../release/draft-summary.js';
import {
  importedImageSchema,
  MAX_IMPORTED_IMAGE_BASE64,
  releaseDetailsSchema,
} from '../release/release-details.js';
import { settingsSchema } from '../settings/settings-schema.js';
import { siteCheckSchema, siteIdSchema, siteSchema } from '../sites/site.js';
import { cachedPostSchema, postStatusSchema } from '../sites/site-cache.js';
import { outboxItemViewSchema } from '../publishing/outbox-item.js';
import { publishOutcomeSchema, publishProgressSchema, wpStatuses } from '../publishing/publish-outcome.js';

/** A site's fields as the user types them; the password only ever travels this way, to the core. */
const siteFields = {
  name: z.string().max(100),
  url: z.string().max(2048),
  user: z.string().max(200),
};
const passwordField = z.string().min(1).max(200);

const noArguments = z.object({}).strict();

/** A draft as opened for editing, with the fingerprint of the file it was read from. */
export const openedDraftSchema = z.object({
  document: draftDocumentSchema,
  /** Fingerprint of the file on disk; a save must present it, so nobody's change is overwritten. */
  etag: z.string(),
});

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** `electron` in the desktop app, `web` in browser mode. */
  shell: z.enum(['electron', 'web']),
  /** Whether the shell can show the OS folder picker. */
  canPickFolders: z.boolean(),
  platform: z.string(),
});

export const contract = {
  methods: {
    'app.info': { request: noArguments, response: appInfoSchema },
    'settings.get': { request: noArguments, response: settingsSchema },
    'settings.setLibraryFolder': {
      request: z.object({ path: z.string().min(1).max(4096) }).strict(),
      response: settingsSchema,
    },
    'settings.setLanguage': {
      request: z.object({ language: settingsSchema.shape.language.unwrap() }).strict(),
      response: settingsSchema,
    },
    /** The newsroom's time zone and the language new releases start in. */
    'settings.setReleaseDefaults': {
      request: z
        .object({
          timeZone: settingsSchema.shape.timeZone,
          releaseLanguage: settingsSchema.shape.releaseLanguage,
        })
        .strict(),
      response: settingsSchema,
    },
    /** Opens the OS folder picker; answers null when the user cancels. */
    'settings.chooseLibraryFolder': { request: noArguments, response: settingsSchema.nullable() },
    'drafts.list': {
      /** Search (title, body, tags), filter by status, sort; no query lists everything, newest edit first. */
      request: libraryQuerySchema,
      response: z.object({
        folder: z.string(),
        drafts: z.array(draftSummarySchema),
        unreadable: z.array(unreadableDraftSchema),
      }),
    },
    'drafts.create': {
      request: z.object({ title: z.string().max(TITLE_MAX_LENGTH).optional() }).strict(),
      response: openedDraftSchema,
    },
    'drafts.open': { request: z.object({ id: draftIdSchema }).strict(), response: openedDraftSchema },
    'drafts.save': {
      request: z
        .object({
          id: draftIdSchema,
          title: z.string().max(TITLE_MAX_LENGTH),
          body: bodySchema,
          /** The details panel's fields, when it has changes; left out, the stored ones stay. */
          details: releaseDetailsSchema.partial().optional(),
          baseEtag: z.string().min(1).max(128),
        })
        .strict(),
      response: z.object({ etag: z.string(), updatedAt: z.string() }),
    },
    /**
     * Copies a picture the user chose into the draft's assets folder under a new name (nothing there is
     * overwritten, release.json is not touched) after checking that it is a web image that decodes.
     * The editor then sets it as the featured image through the next `drafts.save`.
     */
    'drafts.importImage': {
      request: z
        .object({
          id: draftIdSchema,
          /** The chosen file's name, only for the error message and its extension. */
          fileName: z.string().min(1).max(255),
          /** The file's bytes, base64. */
          data: z.string().min(1).max(MAX_IMPORTED_IMAGE_BASE64),
        })
        .strict(),
      response: importedImageSchema,
    },
    /** Work that could not be saved last time (kept in the recovery journal), newest first. */
    'drafts.recovered': {
      request: noArguments,
      response: z.array(
        z.object({ id: draftIdSchema, title: z.string(), keptAt: z.string(), reason: z.string() }),
      ),
    },
    /** Restores kept work as a new draft (the original may have changed since). */
    'drafts.restoreRecovered': {
      request: z.object({ id: draftIdSchema, copySuffix: z.string().max(100) }).strict(),
      response: openedDraftSchema,
    },
    /** Shows the draft's folder in Finder / Explorer / the desktop's file manager. */
    'drafts.reveal': { request: z.object({ id: draftIdSchema }).strict(), response: z.null() },
    /** After a refused save: which version stays in the draft; the other becomes a conflict copy. */
    /** A copy of a readable draft (fields and images, never its publish record), titled with the suffix. */
    'drafts.duplicate': {
      request: z.object({ id: draftIdSchema, copySuffix: z.string().max(100) }).strict(),
      response: openedDraftSchema,
    },
    /**
     * Deletes a draft the way Undo can take back: hidden from the library at once, moved to the OS
     * trash when the undo window ends (or at quit). Never a permanent delete.
     */
    'drafts.delete': {
      request: z.object({ id: draftIdSchema }).strict(),
      response: z.object({ undoWindowMs: z.number().int().nonnegative() }),
    },
    /** Takes a delete back while it is still pending; false when the draft is already in the OS trash. */
    'drafts.undoDelete': {
      request: z.object({ id: draftIdSchema }).strict(),
      response: z.object({ restored: z.boolean() }),
    },
    /** The drafts opened most recently in this library folder, newest first (at most ten). */
    'drafts.recent': { request: noArguments, response: z.array(draftSummarySchema) },
    /** A small image of the draft's featured image for the list (a data: URL), or null when it has none. */
    'drafts.thumbnail': {
      request: z.object({ id: draftIdSchema }).strict(),
      response: z.object({ dataUrl: z.string().startsWith('data:image/') }).nullable(),
    },
    'drafts.resolveConflict': {
      request: z
        .object({
          id: draftIdSchema,
          title: z.string().max(TITLE_MAX_LENGTH),
          body: bodySchema,
          details: releaseDetailsSchema.partial().optional(),
          keep: z.enum(['mine', 'theirs']),
          copySuffix: z.string().max(100),
        })
        .strict(),
      response: z.object({ draft: openedDraftSchema, copyId: draftIdSchema }),
    },
    /** The sites releases are published to (never their passwords). */
    'sites.list': { request: noArguments, response: z.array(siteSchema) },
    /** Whether this computer can keep site passwords safely, and if not why (shown before typing one). */
    'sites.passwordStorage': {
      request: noArguments,
      response: z.object({ available: z.boolean(), reason: z.string().nullable() }),
    },
    /** Adds a site, keeps its password in the OS keychain, and tests the connection. */
    'sites.add': {
      request: z.object({ ...siteFields, password: passwordField }).strict(),
      response: z.object({ site: siteSchema, check: siteCheckSchema }),
    },
    'sites.update': {
      request: z
        .object({
          id: siteIdSchema,
          name: siteFields.name.optional(),
          url: siteFields.url.optional(),
          user: siteFields.user.optional(),
          password: passwordField.optional(),
        })
        .strict(),
      response: siteSchema,
    },
    'sites.remove': { request: z.object({ id: siteIdSchema }).strict(), response: z.null() },
    /**
     * Starts connecting a site through WordPress's own approval screen: answers its address, which the
     * renderer opens in the browser. The outcome arrives later as a `sites.connection` event.
     */
    'sites.connect': {
      request: z.object({ name: siteFields.name, url: siteFields.url }).strict(),
      response: z.object({ authorizeUrl: z.string() }),
    },
    /** The site's posts as last read (offline), filtered by title words, id or address, and status. */
    'sites.posts': {
      request: z
        .object({
          siteId: siteIdSchema,
          search: z.string().max(500).optional(),
          status: postStatusSchema.optional(),
        })
        .strict(),
      response: z.object({
        posts: z.array(cachedPostSchema),
        refreshedAt: z.string().nullable(),
        scope: z.enum(['all', 'published']),
      }),
    },
    /** Reads the site's categories, tags, settings and posts again (for offline use). */
    'sites.refresh': {
      request: z.object({ siteId: siteIdSchema }).strict(),
      response: z.object({
        refreshedAt: z.string(),
        posts: z.number().int(),
        categories: z.number().int(),
        tags: z.number().int(),
      }),
    },
    /** Opens a post of the site as a new draft; publishing it later updates that post. */
    'sites.openPost': {
      request: z.object({ siteId: siteIdSchema, postId: z.number().int().positive() }).strict(),
      response: openedDraftSchema.extend({ notes: z.array(z.string()) }),
    },
    /**
     * A small image of a cached post's featured image (a data: URL), or null when it has none or it
     * cannot be had (offline before it was ever shown, refused, not an image).
     */
    'sites.postThumbnail': {
      request: z.object({ siteId: siteIdSchema, postId: z.number().int().positive() }).strict(),
      response: z.string().startsWith('data:image/').nullable(),
    },
    /**
     * The site's categories and tags by name, as last read (offline), for the details panel's
     * suggestions; empty lists before the first refresh.
     */
    'sites.terms': {
      request: z.object({ siteId: siteIdSchema }).strict(),
      response: z.object({
        categories: z.array(z.string()),
        tags: z.array(z.string()),
        timeZone: z.string().nullable(),
        refreshedAt: z.string().nullable(),
      }),
    },
    /** "Test connection": the REST API, the credentials, and whether the user may publish and upload. */
    'sites.test': { request: z.object({ id: siteIdSchema }).strict(), response: siteCheckSchema },
    /**
     * Publishes a saved release to a site and answers how it ended: published (with the link), stopped
     * by preflight, a conflict with a change made on the site, or the post deleted there. Progress
     * arrives as `publish.progress` events meanwhile.
     */
    'publish.release': {
      request: z
        .object({
          draftId: draftIdSchema,
          siteId: siteIdSchema,
          status: z.enum(wpStatuses).optional(),
          createTerms: z.boolean().optional(),
          overwrite: z.boolean().optional(),
          asNew: z.boolean().optional(),
        })
        .strict(),
      response: publishOutcomeSchema,
    },
    'publish.cancel': { request: z.object({ draftId: draftIdSchema }).strict(), response: z.boolean() },
    /** Releases waiting to be sent (the site was unreachable), newest first, and how each is doing. */
    'outbox.list': { request: noArguments, response: z.array(outboxItemViewSchema) },
    'outbox.cancel': {
      request: z.object({ id: z.string().min(1).max(100) }).strict(),
      response: z.boolean(),
    },
    'outbox.retry': { request: z.object({ id: z.string().min(1).max(100) }).strict(), response: z.boolean() },
    /** The renderer saw the network go or come back: waiting items are tried at once when it returns. */
    'outbox.networkChanged': { request: z.object({ online: z.boolean() }).strict(), response: z.null() },
  },
  events: {
    /**
     * The draft library changed: a draft was created, saved, deleted or restored here, the folder
     * moved, or drafts were changed by someone else (`external`: a synced folder, the CLI).
     */
    'library.changed': z.object({
      reason: z.enum(['created', 'saved', 'folder-changed', 'deleted', 'restored', 'trashed', 'external']),
    }),
    /** How far a publish run got (preparing images 1/3, uploading 2.1 MB of 5.4 MB, creating the post…). */
    'publish.progress': z.object({ draftId: draftIdSchema, progress: publishProgressSchema }),
    /** A site approved (or declined) on WordPress's own screen: added and tested, or why not. */
    'sites.connection': z.object({
      ok: z.boolean(),
      site: siteSchema.nullable(),
      check: siteCheckSchema.nullable(),
      message: z.string().nullable(),
    }),
    /** The outbox changed (queued, sending, waiting, sent, failed, cancelled). */
    'outbox.changed': z.object({ items: z.array(outboxItemViewSchema) }),
    /** A deleted draft could not be moved to the OS trash: it is back in the library, untouched. */
    'drafts.trashFailed': z.object({ id: draftIdSchema, title: z.string() }),
  },
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract['methods'];
export type EventName = keyof Contract['events'];
/** What a caller passes (before defaults are applied). */
export type RequestOf<M extends MethodName> = z.input<Contract['methods'][M]['request']>;
/** What a handler receives (after parsing). */
export type ParsedRequestOf<M extends MethodName> = z.output<Contract['methods'][M]['request']>;
export type ResponseOf<M extends MethodName> = z.output<Contract['methods'][M]['response']>;
export type EventPayloadOf<E extends EventName> = z.output<Contract['events'][E]>;

export const methodNames = Object.keys(contract.methods) as MethodName[];
export const eventNames = Object.keys(contract.events) as EventName[];

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.hasOwn(contract.methods, name);

export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.hasOwn(contract.events, name);

/** The Electron channel names, prefixed so nothing else on the bus can be mistaken for ours. */
export const INVOKE_CHANNEL = 'pressroom:invoke';
export const EVENT_CHANNEL = 'pressroom:event';
